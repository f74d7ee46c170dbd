/**
 * `npm run import -- <base.xlsx|base.csv> [--json]` — loads companies into the base from an Excel workbook or a
 * CSV file, through the same code and the same words as /import in the bot (DEFAULT_LOCALE, ru by default).
 * Writes to DATABASE_PATH (default data/bot.sqlite), which the bot creates on its first start: a path that does
 * not exist is refused (exit 2) and nothing is created. The base belongs to team 1. The counts go to stdout;
 * skipped rows and every warning, by line, to stderr (or the whole result as JSON on stdout with --json).
 * Exit codes: 0 every row loaded (warnings allowed), 1 nothing loaded or some rows skipped, 2 bad usage.
 */
import { readFileSync } from "node:fs";
import { IMPORT_HEADERS, importBaseFile } from "../services/leads/import.js";
import { importRefusal, importSummary, skippedLines, warningLine } from "../reports/import-report.js";
import { CLI_TEAM_ID, cliDatabasePath, openExistingCliDatabase } from "./cli-db.js";
import { fileProblem, runIfEntryPoint, startCli, type CliIo } from "./cli-io.js";

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const start = startCli("import", argv, io);
  if ("exit" in start) return start.exit;
  const { t } = start;
  const { env, stdout: out, stderr: err } = io;
  const json = argv.includes("--json");
  const args = argv.filter((arg) => arg !== "--json");
  const problem =
    args.length === 0 ? t("cli-which-file") : args[0]!.startsWith("-") ? t("cli-unknown-option", { arg: args[0]! }) : args.length > 1 ? t("cli-unexpected-argument", { arg: args[1]! }) : null;
  if (problem !== null) {
    err(problem);
    err(t("cli-usage-import"));
    return 2;
  }
  const now = io.now();
  const db = openExistingCliDatabase(env, now);
  if (db === null) {
    err(t("cli-database-missing", { path: cliDatabasePath(env) }));
    return 2;
  }
  const path = args[0]!;
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    db.close();
    err(fileProblem(t, error, path));
    return 1;
  }
  try {
    const result = await importBaseFile(db, CLI_TEAM_ID, content, now);
    if (json) out(JSON.stringify(result));
    if (!result.ok) {
      if (!json) err(importRefusal(t, result, IMPORT_HEADERS)!);
      return 1;
    }
    if (!json) {
      out(importSummary(t, result));
      for (const line of skippedLines(t, result)) err(line);
      for (const warning of result.warnings) err(warningLine(t, warning));
    }
    if (result.created + result.updated === 0) {
      if (!json) err(t("cli-import-nothing"));
      return 1;
    }
    if (result.badRows.length > 0) {
      if (!json) err(t("cli-import-not-all"));
      return 1;
    }
    return 0;
  } finally {
    db.close();
  }
}

await runIfEntryPoint(import.meta.url, "import", main);
