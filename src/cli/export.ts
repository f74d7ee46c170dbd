/**
 * `npm run export -- <file.xlsx> [--period YYYY-MM]`: the workbook /export sends (src/reports/export-xlsx.ts),
 * written to a file. Reads DATABASE_PATH (default data/bot.sqlite) like the report CLI; headers are in
 * DEFAULT_LOCALE (ru or en, default ru); times in the team time zone. Safe while the bot is running.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parsePeriod } from "../domain/period.js";
import { getTeam } from "../db/teams.js";
import { createTranslator, type Locale } from "../shared/i18n.js";
import { buildExport } from "../services/plan/export.js";
import { CLI_TEAM_ID, openCliDatabase } from "./cli-db.js";
import { runIfEntryPoint, type CliIo } from "./cli-io.js";

export const USAGE = "usage: npm run export -- <file.xlsx> [--period YYYY-MM]";

export type ExportArgs = { file: string; period?: string };

/** Parses the command line after the script name; an error message when it is wrong. */
export function parseExportArgs(argv: readonly string[]): ExportArgs | { error: string } {
  let file: string | undefined;
  let period: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--period" || arg.startsWith("--period=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      const parsed = parsePeriod(value ?? "");
      if (parsed === null) return { error: "--period must be YYYY-MM" };
      period = parsed;
    } else if (arg.startsWith("--")) return { error: `unknown option "${arg}"` };
    else if (file === undefined) file = arg;
    else return { error: `unexpected argument "${arg}"` };
  }
  if (file === undefined) return { error: "which file?" };
  // A typo must not overwrite the database or anything else that is not a workbook.
  if (!/\.xlsx$/i.test(file)) return { error: `the file name must end with .xlsx, got "${file}"` };
  return period === undefined ? { file } : { file, period };
}

function localeOf(env: NodeJS.ProcessEnv): Locale | null {
  const value = env.DEFAULT_LOCALE?.trim() || "ru";
  return value === "ru" || value === "en" ? value : null;
}

/** Runs the CLI; returns the exit code (0 ok, 2 bad arguments, 1 failure). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const { env, stdout: out, stderr: err } = io;
  const parsed = parseExportArgs(argv);
  if ("error" in parsed) {
    err(parsed.error);
    err(USAGE);
    return 2;
  }
  const locale = localeOf(env);
  if (locale === null) {
    err(`DEFAULT_LOCALE must be ru or en, got "${env.DEFAULT_LOCALE}"`);
    return 2;
  }
  const now = io.now();
  const db = openCliDatabase(env, now);
  try {
    const team = getTeam(db, CLI_TEAM_ID)!;
    const result = await buildExport(db, team, { period: parsed.period, now, t: createTranslator().forLocale(locale), locale });
    // Written beside the target and renamed, so a reader never sees half a file.
    const target = resolve(parsed.file);
    const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
    try {
      writeFileSync(partial, result.bytes);
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
    const counts = Object.entries(result.rows)
      .map(([sheet, n]) => `${sheet} ${n}`)
      .join(", ");
    out(`Export written: ${parsed.file} (period ${result.period} as of ${result.asOf}; ${counts}; ${Math.ceil(result.bytes.length / 1024)} KB)`);
    return 0;
  } finally {
    db.close();
  }
}

await runIfEntryPoint(import.meta.url, "export", main);
