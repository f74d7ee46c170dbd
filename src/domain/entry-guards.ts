/**
 * When an entry looks like a slip and is saved only after the sender confirms it: a deal far above the usual
 * check, an expense larger than its whole budget line, the same entry sent twice within minutes.
 */

/** A deal above this many usual checks asks for a confirmation. */
export const OUTLIER_FACTOR = 5;
/** The same command with the same company (or category) and amount by the same person within this time asks for one. */
export const REPEAT_WINDOW_MS = 10 * 60_000;
/** How far back the usual check is taken from when there is no plan. */
export const MEDIAN_DAYS = 90;

/** The middle amount (the mean of the two middle ones for an even count); null for none. */
export function median(amounts: readonly number[]): number | null {
  if (amounts.length === 0) return null;
  const sorted = [...amounts].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** What a deal is compared with: the plan's average check, else the median deal of the last 90 days. */
export type UsualCheck = { basis: "plan" | "median"; kopecks: number };

/** The usual check, or null when there is neither a plan nor a deal to compare with. */
export function usualCheck(planAvgCheckKopecks: number | null, recentDeals: readonly number[]): UsualCheck | null {
  if (planAvgCheckKopecks !== null) return { basis: "plan", kopecks: planAvgCheckKopecks };
  const middle = median(recentDeals);
  return middle === null ? null : { basis: "median", kopecks: middle };
}

/** Whether a deal of `amountKopecks` is above OUTLIER_FACTOR usual checks. */
export function isOutlierDeal(amountKopecks: number, usual: UsualCheck | null): boolean {
  return usual !== null && amountKopecks > OUTLIER_FACTOR * usual.kopecks;
}
