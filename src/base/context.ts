/**
 * What every write path of the lead base shares: the team's settings and "today" for one moment.
 */
import { addDays, localDate, weekday } from "../domain/calendar.js";
import { readBurnSettings } from "../db/burn-counters.js";
import type { BurnSettings } from "../db/burn-counters.js";
import type { Db } from "../db/open.js";

export type BaseContext = {
  db: Db;
  teamId: number;
  /** the moment of the write, epoch ms */
  now: number;
  settings: BurnSettings;
  /** local day of `now` in the team time zone */
  today: string;
};

export function baseContext(db: Db, teamId: number, now: number): BaseContext {
  const settings = readBurnSettings(db, teamId);
  return { db, teamId, now, settings, today: localDate(now, settings.timezone) };
}

/** 'YYYY-MM' of a local day. */
export function periodOfDay(day: string): string {
  return day.slice(0, 7);
}

/** Monday of the ISO week of a local day. */
export function weekOfDay(day: string): string {
  return addDays(day, 1 - weekday(day));
}
