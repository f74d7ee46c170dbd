/** Runs a CLI's `main` in-process with captured output, as `npm run <name>` would print it. */
import type { CliMain } from "../../src/cli/cli-io.js";
import type { Db } from "../../src/db/open.js";
import { openMigratedDatabase } from "./database.js";
import { ensureTeam } from "../../src/db/teams.js";

export type CliRun = { code: number; stdout: string; stderr: string };

/** Only `env` is the environment (the test's own is left out); `now` pins the clock when given. */
export async function runMain(main: CliMain, argv: string[], env: Record<string, string>, now: () => number = Date.now): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (line) => (stdout += `${line}\n`), stderr: (line) => (stderr += `${line}\n`), env, now });
  return { code, stdout, stderr };
}

/** The database at env.DATABASE_PATH as the bot's first start leaves it (created, migrated, team 1): the tools never create one. */
export function createBotDatabase(env: { DATABASE_PATH: string }, now = 0): Db {
  const db = openMigratedDatabase(env.DATABASE_PATH);
  ensureTeam(db, 1, { timezone: "Europe/Moscow", locale: "ru" }, now);
  return db;
}
