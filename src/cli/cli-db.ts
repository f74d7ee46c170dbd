/** What the command-line tools share: the database from DATABASE_PATH, migrated, with the default team. */
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/open.js";
import type { Db } from "../db/open.js";
import { ensureTeam } from "../db/teams.js";

/** The team a single-organization install serves (the bot uses the same id). */
export const CLI_TEAM_ID = 1;

export function openCliDatabase(env: NodeJS.ProcessEnv, now: number): Db {
  const path = env.DATABASE_PATH && env.DATABASE_PATH.trim() !== "" ? env.DATABASE_PATH : "data/bot.sqlite";
  const db = openDatabase(path);
  migrate(db, undefined, now);
  ensureTeam(db, CLI_TEAM_ID, { timezone: env.DEFAULT_TIMEZONE || "Europe/Moscow", locale: env.DEFAULT_LOCALE || "ru" }, now);
  return db;
}
