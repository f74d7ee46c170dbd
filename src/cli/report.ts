/**
 * `npm run report -- <name> [--json] [--period YYYY-MM] [--as-of YYYY-MM-DD]` — one JSON object on stdout
 * (camelCase keys, rates as fractions) for BI tools and cron. Reads DATABASE_PATH (default data/bot.sqlite) and
 * refuses one that does not exist (exit 2) rather than report zeros from a new database. Messages in
 * DEFAULT_LOCALE; exit codes: 0 printed, 1 failed, 2 bad usage.
 *
 * Each report is one function in REPORTS taking the database, the team and the parsed options and
 * returning the object to print; add a report by adding an entry.
 */
import { isValidDate, localDate } from "../domain/calendar.js";
import { parsePeriod, resolveReportWindow } from "../domain/period.js";
import { getTeam } from "../db/teams.js";
import { loadBurnReportJson } from "../services/leads/burn-report.js";
import type { Db } from "../db/open.js";
import type { TranslationVars } from "../shared/i18n.js";
import { CLI_TEAM_ID, cliDatabasePath, openExistingCliDatabase } from "./cli-db.js";
import { runIfEntryPoint, startCli, type CliIo } from "./cli-io.js";
import { planReport } from "./report-plan.js";

export type ReportOptions = {
  json: boolean;
  /** 'YYYY-MM' when given */
  period?: string;
  /** 'YYYY-MM-DD' when given */
  asOf?: string;
  now: number;
};

export type ReportFunction = (db: Db, teamId: number, options: ReportOptions) => object;

/** burn: the lead base burn figures of the period as of the day. */
export function burnReport(db: Db, teamId: number, options: ReportOptions): object {
  return loadBurnReportJson(db, teamId, options);
}

export { burnReportJson } from "../reports/burn-report.js";
export { resolveReportWindow };

export const REPORTS: Record<string, ReportFunction> = {
  burn: burnReport,
  plan: planReport,
};

/** What is wrong with a command line: a message key of the tools' locale files and its variables. */
export type CliProblem = { key: string; vars?: TranslationVars };

/** Parses the command line after the script name; the problem when it is wrong. */
export function parseReportArgs(argv: readonly string[]): { name: string; options: Omit<ReportOptions, "now"> } | { error: CliProblem } {
  const [name, ...rest] = argv;
  if (name === undefined || !(name in REPORTS)) return { error: name === undefined ? { key: "cli-which-report" } : { key: "cli-unknown-report", vars: { name } } };
  const options: Omit<ReportOptions, "now"> = { json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? rest[++i];
    if (flag === "--json") options.json = true;
    else if (flag === "--period") {
      const period = parsePeriod(value() ?? "");
      if (period === null) return { error: { key: "cli-bad-period" } };
      options.period = period;
    } else if (flag === "--as-of") {
      const day = (value() ?? "").trim();
      if (!isValidDate(day)) return { error: { key: "cli-bad-as-of" } };
      options.asOf = day;
    } else return { error: { key: "cli-unknown-option", vars: { arg } } };
  }
  return { name, options };
}

const NAMES = { names: Object.keys(REPORTS).join("|") };

/** Runs the CLI; returns the exit code (0 ok, 2 bad usage, 1 failure). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const start = startCli("report", argv, io, NAMES);
  if ("exit" in start) return start.exit;
  const { t } = start;
  const { env, stdout: out, stderr: err } = io;
  const parsed = parseReportArgs(argv);
  if ("error" in parsed) {
    err(t(parsed.error.key, parsed.error.vars));
    err(t("cli-usage-report", NAMES));
    return 2;
  }
  const now = io.now();
  const db = openExistingCliDatabase(env, now);
  if (db === null) {
    err(t("cli-database-missing", { path: cliDatabasePath(env) }));
    return 2;
  }
  try {
    const team = getTeam(db, CLI_TEAM_ID);
    const window = resolveReportWindow(parsed.options, localDate(now, team?.timezone ?? "Europe/Moscow"));
    if ("error" in window) {
      err(t(window.error.key, window.error.vars));
      return 2;
    }
    const report = REPORTS[parsed.name]!(db, CLI_TEAM_ID, { ...parsed.options, ...window, now });
    out(parsed.options.json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
    return 0;
  } finally {
    db.close();
  }
}

await runIfEntryPoint(import.meta.url, "report", main);
