/**
 * The bounds every dialogue keeps: a few wrong answers in a row end it, and one left unanswered for a
 * day is forgotten. Wrong answers are counted here, outside the dialogue's replay log, because a log
 * that kept them would be replayed on every later update and grow with each one.
 */
export const MAX_WRONG_ANSWERS = 3;
export const DIALOGUE_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Past this many people with wrong answers in flight, the oldest counts are dropped. */
const MAX_TRACKED = 10_000;

export interface WrongAnswers {
  readonly limit: number;
  /** Counts the update `updateId` as a wrong answer in the dialogue `key`; true when the limit is reached. */
  count(key: string, updateId: number): boolean;
  /** After each update: anything but a wrong answer (a right one, a command, a button) ends the row. */
  settle(key: string, updateId: number): void;
}

export function createWrongAnswers(limit = MAX_WRONG_ANSWERS): WrongAnswers {
  const rows = new Map<string, { lastUpdateId: number; count: number }>();
  return {
    limit,
    count(key, updateId) {
      const count = (rows.get(key)?.count ?? 0) + 1;
      rows.delete(key);
      if (count >= limit) return true;
      rows.set(key, { lastUpdateId: updateId, count });
      if (rows.size > MAX_TRACKED) rows.delete(rows.keys().next().value!);
      return false;
    },
    settle(key, updateId) {
      if (rows.get(key)?.lastUpdateId !== updateId) rows.delete(key);
    },
  };
}
