/**
 * One year of a government's transfers of days off, as its decree lists them. Each transfer moves the day off
 * from a weekend day (`from`) to another day (`to`): `to` becomes a day off, and `from` becomes a working day
 * unless it is a public holiday itself (then only the weekend rest that coincided with it moved).
 */
export type PublishedYear = {
  year: number;
  /** The act that fixed the year, by number and date, e.g. 'Постановление Правительства РФ от 24.09.2025 № 1466'. */
  decree: string;
  transfers: readonly { from: string; to: string }[];
};
