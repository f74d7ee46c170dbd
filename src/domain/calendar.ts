/**
 * Team calendar: local dates and wall times in the team time zone, working days and working time.
 *
 * Pure: time zones come from the runtime's Intl (full ICU ships with Node 20); public holidays and transfers
 * of days off come from the country's shipped calendar (public-calendar.ts).
 * Local calendar days are 'YYYY-MM-DD' strings (they compare correctly as strings); wall times are 'HH:MM';
 * instants are `Date` or epoch milliseconds (UTC).
 */
import { publicYear } from "./public-calendar.js";

/**
 * Settings that decide which local days count as working days for a team. A day is working when the founder
 * made it one (`extraWorkdays`); otherwise not when the founder or the country made it a day off; otherwise
 * when the country made a weekend day worked or it is one of the team's working weekdays.
 */
export type TeamCalendar = {
  /** IANA time zone, e.g. 'Europe/Moscow'. */
  timezone: string;
  /** ISO weekday numbers that are working days: Monday = 1 … Sunday = 7. */
  workingDays: number[];
  /** The founder's local days off on top of the weekly rest days and public holidays, 'YYYY-MM-DD'. */
  holidays: string[];
  /** ISO country code whose public holidays and transfers apply ('RU'); absent or unknown: none. */
  country?: string;
  /** The founder's local working days on top, e.g. a working Saturday, 'YYYY-MM-DD'. */
  extraWorkdays?: string[];
};

/** A local wall-clock reading of an instant in some time zone. */
export type LocalParts = {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0..23 */
  hour: number;
  /** 0..59 */
  minute: number;
  /** 0..59 */
  second: number;
  /** ISO weekday, Monday = 1 … Sunday = 7 */
  weekday: number;
};

/** A validated 'HH:MM' wall time. */
export type HourMinute = { hour: number; minute: number; /** minutes since local midnight */ minutes: number };

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what callers of the local* functions should see.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

function toMillis(instant: Date | number): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}

type WallFields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** Wall-clock fields of `ms` in `timezone` as ICU prints them, as numbers (seconds precision). */
function formattedFields(ms: number, timezone: string): WallFields {
  const fields: WallFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timezone).formatToParts(ms)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  // Some ICU versions still print midnight as 24 even with h23.
  if (fields.hour === 24) fields.hour = 0;
  return fields;
}

/** Offset at `ms` straight from ICU. */
function formattedOffset(ms: number, timezone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const f = formattedFields(whole, timezone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - whole;
}

const QUARTER_HOUR_MS = 15 * 60_000;
/** Per zone: the offset of each quarter hour (since the epoch) known to hold one offset throughout. */
const quarterOffsets = new Map<string, Map<number, number>>();

/**
 * Offset of `timezone` from UTC at instant `ms`, in milliseconds (Moscow: +3 h).
 *
 * formatToParts costs microseconds and every write path and update asks for "today", so offsets are
 * remembered per quarter hour: one whose first and last second have the same offset has it throughout
 * (no zone changes its offset twice within 15 minutes); a quarter hour with a transition inside is
 * always asked from ICU.
 */
function offsetAt(ms: number, timezone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let zone = quarterOffsets.get(timezone);
  let offset = zone?.get(quarter);
  if (offset !== undefined) return offset;
  const start = quarter * QUARTER_HOUR_MS;
  const first = formattedOffset(start, timezone);
  if (formattedOffset(start + QUARTER_HOUR_MS - 1000, timezone) !== first) return formattedOffset(ms, timezone);
  if (!zone) quarterOffsets.set(timezone, (zone = new Map()));
  if (zone.size >= 100_000) zone.clear();
  zone.set(quarter, (offset = first));
  return offset;
}

/** Wall-clock fields of `ms` in `timezone`, as numbers (seconds precision). */
function wallFields(ms: number, timezone: string): WallFields {
  const whole = Math.floor(ms / 1000) * 1000;
  const local = new Date(whole + offsetAt(whole, timezone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** Epoch-day arithmetic on 'YYYY-MM-DD' strings, treating them as UTC midnights. */
function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m || !isValidDate(date)) throw new RangeError(`Invalid date, expected YYYY-MM-DD: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** True when `date` is a real calendar day written as 'YYYY-MM-DD' (rejects '2026-02-31'). */
export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in `month` (1..12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the runtime knows the IANA zone `tz` (e.g. 'Europe/Moscow'; matching is case-insensitive). */
export function isValidTimeZone(tz: string): boolean {
  return canonicalTimeZone(tz) !== null;
}

/** The runtime's canonical spelling of zone `tz` ('europe/moscow' → 'Europe/Moscow'), or null when unknown. */
export function canonicalTimeZone(tz: string): string | null {
  if (typeof tz !== "string" || tz.trim() === "") return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: tz.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Parses a wall time 'H:MM' or 'HH:MM' (00:00..23:59); null when it is not one. */
export function parseHm(text: string): HourMinute | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute, minutes: hour * 60 + minute };
}

function requireHm(text: string): HourMinute {
  const hm = parseHm(text);
  if (!hm) throw new RangeError(`Invalid time, expected HH:MM: ${text}`);
  return hm;
}

/** Formats minutes since midnight as 'HH:MM'. */
export function formatHm(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** Local wall-clock reading of `instant` in `timezone`. Throws RangeError on an unknown zone. */
export function localParts(instant: Date | number, timezone: string): LocalParts {
  const f = wallFields(toMillis(instant), timezone);
  const date = `${pad4(f.year)}-${pad2(f.month)}-${pad2(f.day)}`;
  return {
    date,
    time: formatHm(f.hour, f.minute),
    year: f.year,
    month: f.month,
    day: f.day,
    hour: f.hour,
    minute: f.minute,
    second: f.second,
    weekday: weekday(date),
  };
}

/** Local calendar day 'YYYY-MM-DD' of `instant` in `timezone`. */
export function localDate(instant: Date | number, timezone: string): string {
  return localParts(instant, timezone).date;
}

/** Local wall time 'HH:MM' of `instant` in `timezone` (seconds dropped, not rounded). */
export function localTime(instant: Date | number, timezone: string): string {
  return localParts(instant, timezone).time;
}

/**
 * The UTC instant at which the wall clock in `timezone` shows `time` on `localDate`.
 *
 * DST rules (the same as Temporal's default 'compatible' disambiguation):
 * - a wall time that happens twice (fall-back overlap, e.g. Berlin 2026-10-25 02:30) resolves to the EARLIER
 *   instant, i.e. the first occurrence, still in summer time;
 * - a wall time that never happens (spring-forward gap, e.g. Berlin 2026-03-29 02:30) is shifted FORWARD by the
 *   length of the gap (02:30 → 03:30 CEST), so a scheduled event still fires that day, just after the gap.
 * Throws RangeError on a bad date, time or zone.
 */
export function zonedInstant(localDate: string, time: string, timezone: string): Date {
  const day = dayNumber(localDate);
  const hm = requireHm(time);
  const wall = day * DAY_MS + hm.minutes * 60_000;
  // Offsets a day either side; real zones never change offset twice within two days.
  const before = offsetAt(wall - DAY_MS, timezone);
  const after = offsetAt(wall + DAY_MS, timezone);
  const candidates = [wall - before, wall - after].filter(
    (ms) => ms + offsetAt(ms, timezone) === wall,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: read the wall time with the offset that was in force before the jump.
  return new Date(wall - before);
}

/** ISO weekday of a local day: Monday = 1 … Sunday = 7. */
export function weekday(date: string): number {
  // Day 0 of the epoch (1970-01-01) was a Thursday (ISO 4).
  const n = dayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The local day `n` days after `date` (negative `n` goes back). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs an integer, got ${n}`);
  return fromDayNumber(dayNumber(date) + n);
}

/** Number of calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The team's working-day test, with its lists turned into sets once for loops over many days. */
function workingDayTest(cal: TeamCalendar): (date: string, isoWeekday: number) => boolean {
  const weekdays = new Set(cal.workingDays);
  const holidays = new Set(cal.holidays);
  const extra = new Set(cal.extraWorkdays ?? []);
  return (date, isoWeekday) => {
    if (extra.has(date)) return true;
    if (holidays.has(date)) return false;
    const national = publicYear(cal.country, Number(date.slice(0, 4)));
    if (national.daysOff.has(date)) return false;
    return national.workedWeekendDays.has(date) || weekdays.has(isoWeekday);
  };
}

/**
 * True when `date` is a working day for the team: its working weekdays, less the country's public holidays and
 * transferred days off and the founder's holidays, plus the country's worked weekend days and the founder's
 * extra working days.
 */
export function isWorkingDay(date: string, cal: TeamCalendar): boolean {
  return workingDayTest(cal)(date, weekday(date));
}

/** Working days from `from` to `to`, both inclusive, in order; empty when `from` is after `to`. */
export function listWorkingDays(from: string, to: string, cal: TeamCalendar): string[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const isWorking = workingDayTest(cal);
  const days: string[] = [];
  for (let n = first; n <= last; n++) {
    const date = fromDayNumber(n);
    if (isWorking(date, ((((n + 3) % 7) + 7) % 7) + 1)) days.push(date);
  }
  return days;
}

/** Count of working days from `from` to `to`, both inclusive; 0 when `from` is after `to`. */
export function workingDaysBetween(from: string, to: string, cal: TeamCalendar): number {
  return listWorkingDays(from, to, cal).length;
}

/**
 * The first working day strictly after `date`.
 * Throws RangeError when the calendar has no working day within ten years (no working weekdays configured).
 */
export function nextWorkingDay(date: string, cal: TeamCalendar): string {
  let day = date;
  for (let i = 0; i < 3660; i++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) return day;
  }
  throw new RangeError("The team calendar has no working days");
}

/**
 * Working time between two instants, in milliseconds: only the parts that fall on working days between
 * `dayStart` and `dayEnd` local wall time (team time zone) count. 0 when `toInstant` is not after `fromInstant`.
 * Used for escalations such as "a question open more than 4 working hours goes to the founder".
 * On a DST change day the window is measured in real elapsed time (10:00–18:00 is 8 h either way; a window
 * that spans the jump itself is an hour shorter or longer).
 * Throws RangeError when `dayEnd` is not after `dayStart`.
 */
export function workingMillisBetween(
  fromInstant: Date | number,
  toInstant: Date | number,
  cal: TeamCalendar,
  dayStart: string,
  dayEnd: string,
): number {
  const from = toMillis(fromInstant);
  const to = toMillis(toInstant);
  const start = requireHm(dayStart);
  const end = requireHm(dayEnd);
  if (end.minutes <= start.minutes) throw new RangeError(`dayEnd ${dayEnd} must be after dayStart ${dayStart}`);
  if (to <= from) return 0;
  let total = 0;
  for (const date of listWorkingDays(localDate(from, cal.timezone), localDate(to, cal.timezone), cal)) {
    const windowStart = zonedInstant(date, dayStart, cal.timezone).getTime();
    const windowEnd = zonedInstant(date, dayEnd, cal.timezone).getTime();
    const overlap = Math.min(to, windowEnd) - Math.max(from, windowStart);
    if (overlap > 0) total += overlap;
  }
  return total;
}
