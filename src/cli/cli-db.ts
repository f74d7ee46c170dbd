/** What the command-line tools share: the database from DATABASE_PATH, migrated, with the default team; only the bot creates it. */
import { existsSync } from "node:fs";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/open.js";
import type { Db } from "../db/open.js";
import { ensureTeam } from "../db/teams.js";

/** The team a single-organization install serves (the bot uses the same id). */
export const CLI_TEAM_ID = 1;

/** DATABASE_PATH, or the default the bot uses. */
export function cliDatabasePath(env: NodeJS.ProcessEnv): string {
  return env.DATABASE_PATH && env.DATABASE_PATH.trim() !== "" ? env.DATABASE_PATH : "data/bot.sqlite";
}

/**
 * The database the tools read and import into, migrated, with the default team; null when DATABASE_PATH does not
 * exist: a new empty database would be reported as zeros (a cron job would never notice the typo), and a base
 * imported into it would never reach the bot.
 */
export function openExistingCliDatabase(env: NodeJS.ProcessEnv, now: number): Db | null {
  if (!existsSync(cliDatabasePath(env))) return null;
  const db = openDatabase(cliDatabasePath(env));
  migrate(db, undefined, now);
  ensureTeam(db, CLI_TEAM_ID, { timezone: env.DEFAULT_TIMEZONE || "Europe/Moscow", locale: env.DEFAULT_LOCALE || "ru" }, now);
  return db;
}
