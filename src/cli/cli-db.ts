/** What the command-line tools share: the database from DATABASE_PATH, migrated, with the default team. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";
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

export type CliMain = (
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  err: (line: string) => void,
) => number | Promise<number>;

/**
 * Runs `main` with the process's arguments and `.env` when this module is the script node started
 * (`npm run <name> -- ...`); tests import the module and call `main` themselves.
 */
export async function runIfEntryPoint(moduleUrl: string, name: string, main: CliMain): Promise<void> {
  const script = process.argv[1];
  if (!script) return;
  try {
    if (realpathSync(script) !== realpathSync(fileURLToPath(moduleUrl))) return;
  } catch {
    return;
  }
  dotenv.config();
  try {
    process.exitCode = await main(process.argv.slice(2), process.env, (line) => console.log(line), (line) => console.error(line));
  } catch (error) {
    console.error(`${name} failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
