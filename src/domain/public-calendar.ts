/**
 * A country's public calendar for one year: the weekdays that are days off (public holidays and transferred
 * rest) and the weekend days that are worked. Only Russia is known; any other country has neither, so its
 * teams get their weekly rest days plus the founder's own days.
 */
import { RU_HOLIDAYS, RU_JANUARY_HOLIDAYS_PREFIX, RU_PUBLISHED_YEARS } from "./calendars/ru/index.js";

export type PublicYear = {
  /** Days nobody works, beyond plain weekends: holidays and the rest moved onto weekdays. */
  daysOff: ReadonlySet<string>;
  /** Saturdays and Sundays made working days by a transfer. */
  workedWeekendDays: ReadonlySet<string>;
  /** The decree the year follows; null when it falls back to the Labour Code rules alone. */
  decree: string | null;
};

const EMPTY: PublicYear = { daysOff: new Set(), workedWeekendDays: new Set(), decree: null };
const cache = new Map<string, PublicYear>();

/** Normalises a country code ('ru' → 'RU'). */
export function countryCode(country: string | undefined): string {
  return (country ?? "").trim().toUpperCase();
}

/** True when the bot knows `country`'s public holidays at all (only Russia so far). */
export function hasPublicCalendar(country: string | undefined): boolean {
  return countryCode(country) === "RU";
}

/** True when the public days of `year` in `country` follow a shipped decree, not only the fallback rules. */
export function hasPublishedYear(country: string | undefined, year: number): boolean {
  return countryCode(country) === "RU" && RU_PUBLISHED_YEARS.has(year);
}

/** The public days of `year` in `country` (cached; empty for a country without data). */
export function publicYear(country: string | undefined, year: number): PublicYear {
  const code = countryCode(country);
  if (code !== "RU") return EMPTY;
  const key = `${code}:${year}`;
  let result = cache.get(key);
  if (!result) cache.set(key, (result = russianYear(year)));
  return result;
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Labour Code art. 112: the holidays are days off; a holiday on a Saturday or Sunday moves that rest day to the
 * next working day, except the January holidays, whose coinciding weekend days the yearly decree places. The
 * decree's transfers come on top, and a holiday the decree itself moves does not move again.
 */
function russianYear(year: number): PublicYear {
  const published = RU_PUBLISHED_YEARS.get(year);
  const transfers = published?.transfers ?? [];
  const holidays = RU_HOLIDAYS.map((monthDay) => `${year}-${monthDay}`);
  const holidaySet = new Set(holidays);
  const daysOff = new Set<string>(holidays);
  const worked = new Set<string>();
  for (const { from, to } of transfers) {
    daysOff.add(to);
    if (!holidaySet.has(from)) worked.add(from);
  }
  const movedByDecree = new Set(transfers.map((t) => t.from));
  const isWorking = (date: string) => !daysOff.has(date) && (isoWeekday(date) <= 5 || worked.has(date));
  for (const holiday of holidays) {
    if (isoWeekday(holiday) <= 5 || movedByDecree.has(holiday)) continue;
    if (holiday.slice(5).startsWith(RU_JANUARY_HOLIDAYS_PREFIX)) continue;
    let day = nextDay(holiday);
    while (!isWorking(day)) day = nextDay(day);
    daysOff.add(day);
  }
  return { daysOff, workedWeekendDays: worked, decree: published?.decree ?? null };
}
