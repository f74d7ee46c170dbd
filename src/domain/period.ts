/**
 * Reporting periods (calendar months in the team time zone, 'YYYY-MM') and dates typed by users.
 * Pure: "today" is always passed in as a local 'YYYY-MM-DD'.
 */
import { daysInMonth, isValidDate } from "./calendar.js";

/** First and last local day of a period, both inclusive. */
export type PeriodBounds = { from: string; to: string };

const PERIOD_RE = /^(\d{4})-(\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function splitPeriod(period: string): { year: number; month: number } {
  const parsed = parsePeriod(period);
  if (parsed === null) throw new RangeError(`Invalid period, expected YYYY-MM: ${period}`);
  return { year: Number(parsed.slice(0, 4)), month: Number(parsed.slice(5, 7)) };
}

/**
 * Validates a period typed as 'YYYY-MM' (surrounding spaces ignored; months 01..12, years 1970..9999).
 * Returns the period or null.
 */
export function parsePeriod(text: string): string | null {
  const m = PERIOD_RE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1970 || month < 1 || month > 12) return null;
  return `${m[1]}-${m[2]}`;
}

/** The period 'YYYY-MM' a local day 'YYYY-MM-DD' belongs to. Throws RangeError on an invalid day. */
export function periodOf(localDate: string): string {
  if (!isValidDate(localDate)) throw new RangeError(`Invalid date, expected YYYY-MM-DD: ${localDate}`);
  return localDate.slice(0, 7);
}

/** First and last local day of `period`: '2026-02' → { from: '2026-02-01', to: '2026-02-28' }. */
export function periodBounds(period: string): PeriodBounds {
  const { year, month } = splitPeriod(period);
  const prefix = `${String(year).padStart(4, "0")}-${pad2(month)}`;
  return { from: `${prefix}-01`, to: `${prefix}-${pad2(daysInMonth(year, month))}` };
}

/** The month before `period`: '2026-01' → '2025-12'. */
export function previousPeriod(period: string): string {
  const { year, month } = splitPeriod(period);
  return month === 1 ? `${year - 1}-12` : `${year}-${pad2(month - 1)}`;
}

/** The month after `period`: '2025-12' → '2026-01'. */
export function nextPeriod(period: string): string {
  const { year, month } = splitPeriod(period);
  return month === 12 ? `${year + 1}-01` : `${year}-${pad2(month + 1)}`;
}

/**
 * Parses a date typed by a user into 'YYYY-MM-DD', or null when it is not a real calendar day.
 * Accepted (surrounding spaces ignored; day and month may have one or two digits):
 * - `dd.mm` — in the year of `today` (the team's local today), always; it never rolls over to next year, so
 *   on 30.12 a "05.01" means 5 January of the current year, already past — callers that need a future date
 *   (due dates) check that themselves and can ask for `dd.mm.yyyy`;
 * - `dd.mm.yyyy`;
 * - `yyyy-mm-dd`.
 * Impossible days are rejected (31.02, 29.02 in a non-leap year, 00.01, 01.13), as are years before 1970.
 */
export function parseUserDate(text: string, today: string): string | null {
  const input = text.trim();
  let year: number;
  let month: number;
  let day: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})\.(\d{1,2})$/.exec(input))) {
    if (!isValidDate(today)) throw new RangeError(`Invalid today, expected YYYY-MM-DD: ${today}`);
    day = Number(m[1]);
    month = Number(m[2]);
    year = Number(today.slice(0, 4));
  } else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(input))) {
    day = Number(m[1]);
    month = Number(m[2]);
    year = Number(m[3]);
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input))) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    return null;
  }
  if (year < 1970) return null;
  const date = `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
  return isValidDate(date) ? date : null;
}

/** Why a report window is refused: a message key of the tools' locale files and its variables. */
export type ReportWindowProblem = { key: string; vars: Record<string, string> };

/**
 * The period and as-of day a report is asked for, checked against today (team time zone): without --period the
 * period is the as-of day's month (else the current month). An as-of day before the period starts or after today
 * is an error, never silently replaced (a BI tool would otherwise store zeros or figures of a day it did not ask
 * for). A day after the period's end is allowed: it asks how the month looks later (e.g. refusals of the month
 * whose handling window closed after it).
 */
export function resolveReportWindow(
  options: { period?: string; asOf?: string },
  today: string,
): { period: string; asOf?: string } | { error: ReportWindowProblem } {
  const period = options.period ?? periodOf(options.asOf ?? today);
  if (options.asOf === undefined) return { period };
  if (options.asOf > today) return { error: { key: "cli-as-of-future", vars: { asOf: options.asOf, today } } };
  const { from } = periodBounds(period);
  if (options.asOf < from) return { error: { key: "cli-as-of-before-period", vars: { asOf: options.asOf, period, from } } };
  return { period, asOf: options.asOf };
}
