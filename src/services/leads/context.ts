/**
 * What every write path of the lead base shares: the team's settings and "today" for one moment.
 */
import { addDays, localDate, weekday } from "../../domain/calendar.js";
import { teamCalendar } from "../../domain/settings.js";
import { readBurnSettings } from "../../db/burn-counters.js";
import type { BurnSettings } from "../../db/burn-counters.js";
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";

export type BaseContext = {
  db: Db;
  teamId: number;
  /** the moment of the write, epoch ms */
  now: number;
  settings: BurnSettings;
  /** local day of `now` in the team time zone */
  today: string;
};

/**
 * `settings`: the team's settings when the caller already read them (the bot reads its team once per update,
 * see `burnSettingsOf`); otherwise they are read here.
 */
export function baseContext(db: Db, teamId: number, now: number, settings?: BurnSettings): BaseContext {
  settings ??= readBurnSettings(db, teamId);
  return { db, teamId, now, settings, today: localDate(now, settings.timezone) };
}

/**
 * The burn settings of an already-read team: the same columns `readBurnSettings` reads, with the same
 * treatment of the close reasons (only strings count; anything but a list counts as none).
 */
export function burnSettingsOf(team: Team): BurnSettings {
  const reasons: unknown = team.closeReasons;
  return {
    ...teamCalendar(team),
    handlingDays: team.handlingDays,
    cooldownDays: team.cooldownDays,
    burnThreshold: team.burnThreshold,
    pauseThreshold: team.pauseThreshold,
    closeReasons: Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === "string") : [],
  };
}

/** 'YYYY-MM' of a local day. */
export function periodOfDay(day: string): string {
  return day.slice(0, 7);
}

/** Monday of the ISO week of a local day. */
export function weekOfDay(day: string): string {
  return addDays(day, 1 - weekday(day));
}
