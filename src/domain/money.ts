/**
 * Money as integer kopecks (1 rouble = 100 kopecks; the same 1/100 unit for any team currency).
 * Users type and read roubles; the database and the domain keep kopecks so sums are exact.
 */

/** Largest amount a user may enter: 10^12 roubles, in kopecks (still far below Number.MAX_SAFE_INTEGER). */
export const MAX_AMOUNT_KOPECKS = 100_000_000_000_000;

// Spaces people put between digit groups: plain, no-break, narrow no-break, thin.
const GROUP_SPACE = /[ \u00a0\u202f\u2009]/g;
// Optional currency mark after the number: "150 000 ₽", "150000 руб.", "150000р", "150000 RUB".
const CURRENCY_SUFFIX = /\s*(?:₽|руб\.?|р\.?|rub)$/iu;

/**
 * Parses an amount typed in roubles into kopecks, or null when it is not a valid amount.
 * Accepted: digits, optionally grouped by thousands with spaces ("150 000"), optionally followed by a decimal
 * part of one or two digits after "." or "," ("150000.50", "150000,5"), optionally followed by a currency mark
 * (₽, р, руб, rub). Rejected: zero, negatives, more than 10^12 roubles, more than two decimals, "150,000"
 * (a comma is a decimal separator, and three decimals are not allowed — ambiguous input is refused, not
 * guessed), exponents ("1e5"), signs, "NaN", "Infinity", badly grouped digits ("1 50 000").
 */
export function parseAmount(text: string): number | null {
  const input = text.trim().replace(CURRENCY_SUFFIX, "");
  const m = /^(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/u.exec(input);
  if (!m || m[1] === undefined) return null;
  const whole = m[1].replace(GROUP_SPACE, "").replace(/^0+(?=\d)/, "");
  // More than 13 integer digits is certainly above the limit; stop before Number() loses precision.
  if (whole.length > 13) return null;
  const fraction = (m[2] ?? "").padEnd(2, "0");
  const kopecks = Number(whole) * 100 + Number(fraction);
  if (kopecks <= 0 || kopecks > MAX_AMOUNT_KOPECKS) return null;
  return kopecks;
}

/** Roubles as a JSON number (2 decimals at most) from kopecks: 15000050 → 150000.5. */
export function kopecksToRoubles(kopecks: number): number {
  return Math.round(kopecks) / 100;
}

/** Kopecks from a rouble amount that may carry float noise: 150000.5 → 15000050, 0.1 + 0.2 → 30. */
export function roublesToKopecks(roubles: number): number {
  return Math.round(roubles * 100);
}
