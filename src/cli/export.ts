/**
 * `npm run export -- <file.xlsx> [--period YYYY-MM]`: the workbook /export sends (src/reports/export-xlsx.ts),
 * written to a file. Reads DATABASE_PATH (default data/bot.sqlite) like the report CLI and refuses one that
 * does not exist (exit 2); headers and messages are in DEFAULT_LOCALE (ru or en, default ru); times in the
 * team time zone. Safe while the bot is running. Exit codes: 0 written, 1 failed, 2 bad usage.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parsePeriod } from "../domain/period.js";
import { getTeam } from "../db/teams.js";
import { createTranslator } from "../shared/i18n.js";
import { buildExport } from "../services/plan/export.js";
import { CLI_TEAM_ID, cliDatabasePath, openExistingCliDatabase } from "./cli-db.js";
import { cliLocale, runIfEntryPoint, startCli, type CliIo } from "./cli-io.js";
import type { CliProblem } from "./report.js";

export type ExportArgs = { file: string; period?: string };

/** Parses the command line after the script name; the problem when it is wrong. */
export function parseExportArgs(argv: readonly string[]): ExportArgs | { error: CliProblem } {
  let file: string | undefined;
  let period: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--period" || arg.startsWith("--period=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      const parsed = parsePeriod(value ?? "");
      if (parsed === null) return { error: { key: "cli-bad-period" } };
      period = parsed;
    } else if (arg.startsWith("--")) return { error: { key: "cli-unknown-option", vars: { arg } } };
    else if (file === undefined) file = arg;
    else return { error: { key: "cli-unexpected-argument", vars: { arg } } };
  }
  if (file === undefined) return { error: { key: "cli-which-file" } };
  // A typo must not overwrite the database or anything else that is not a workbook.
  if (!/\.xlsx$/i.test(file)) return { error: { key: "cli-export-not-xlsx", vars: { file } } };
  return period === undefined ? { file } : { file, period };
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Runs the CLI; returns the exit code (0 ok, 2 bad usage, 1 failure). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const start = startCli("export", argv, io);
  if ("exit" in start) return start.exit;
  const { t } = start;
  const locale = cliLocale(io.env)!;
  const { env, stdout: out, stderr: err } = io;
  const parsed = parseExportArgs(argv);
  if ("error" in parsed) {
    err(t(parsed.error.key, parsed.error.vars));
    err(t("cli-usage-export"));
    return 2;
  }
  const target = resolve(parsed.file);
  if (!isFolder(dirname(target))) {
    err(t("cli-export-no-folder", { folder: dirname(parsed.file) }));
    return 2;
  }
  const now = io.now();
  const db = openExistingCliDatabase(env, now);
  if (db === null) {
    err(t("cli-database-missing", { path: cliDatabasePath(env) }));
    return 2;
  }
  try {
    const team = getTeam(db, CLI_TEAM_ID)!;
    const result = await buildExport(db, team, { period: parsed.period, now, t: createTranslator().forLocale(locale), locale });
    // Written beside the target and renamed, so a reader never sees half a file.
    const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
    try {
      writeFileSync(partial, result.bytes);
      renameSync(partial, target);
    } catch {
      err(t("cli-export-failed", { file: parsed.file }));
      return 1;
    } finally {
      rmSync(partial, { force: true });
    }
    const counts = Object.entries(result.rows)
      .map(([sheet, n]) => `${t(`export-sheet-${sheet}`)} ${n}`)
      .join(", ");
    out(t("cli-export-done", { file: parsed.file, period: result.period, asOf: result.asOf, counts, kb: String(Math.ceil(result.bytes.length / 1024)) }));
    return 0;
  } finally {
    db.close();
  }
}

await runIfEntryPoint(import.meta.url, "export", main);
