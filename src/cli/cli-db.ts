/** What the command-line tools share: the database from DATABASE_PATH, migrated, with the default team. */
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
 * The database a reader (report, export) reads, or null when DATABASE_PATH does not exist: a new empty
 * database would be reported as zeros, and a cron job would never notice the typo.
 */
export function openExistingCliDatabase(env: NodeJS.ProcessEnv, now: number): Db | null {
  return existsSync(cliDatabasePath(env)) ? openCliDatabase(env, now) : null;
}

/** The database, created when missing, migrated, with the default team. */
export function openCliDatabase(env: NodeJS.ProcessEnv, now: number): Db {
  const db = openDatabase(cliDatabasePath(env));
  migrate(db, undefined, now);
  ensureTeam(db, CLI_TEAM_ID, { timezone: env.DEFAULT_TIMEZONE || "Europe/Moscow", locale: env.DEFAULT_LOCALE || "ru" }, now);
  return db;
}
