/** `npm run report -- burn --json` on a temporary database: `main` in-process, and once as the child process npm starts. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScenario, EXPECTED } from "../services/leads/scenario.js";
import { main, parseReportArgs, resolveReportWindow } from "../../src/cli/report.js";
import { localDate } from "../../src/domain/calendar.js";
import { runMain } from "../helpers/cli.js";
import { runCli } from "./run-cli.js";

const REPORT_KEYS = ["period", "asOf", "contacted", "refused", "handled", "burned", "lost", "closed", "coolingNow", "refusalRate", "burnRate", "segments"];
const SEGMENT_KEYS = ["name", "size", "fresh", "coolingNow", "lost", "closed", "won", "burnedShare", "paused", "weeksToExhaust"];

describe("report CLI", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "burn-report-"));
    env = { DATABASE_PATH: join(dir, "bot.sqlite") };
    buildScenario(env.DATABASE_PATH).close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints exactly the documented burn keys with the hand-checked figures, as of several days", async () => {
    const days = EXPECTED.filter((e) => ["2026-03-03", "2026-03-04", "2026-03-25", "2026-04-02", "2026-06-14"].includes(e.asOf));
    const runs = await Promise.all(
      days.map((e) => runMain(main, ["burn", "--json", "--period", e.period, "--as-of", e.asOf], env)),
    );
    runs.forEach((run, i) => {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split("\n")).toHaveLength(1);
      const json = JSON.parse(run.stdout) as Record<string, unknown> & { segments: Record<string, unknown>[] };
      expect(Object.keys(json)).toEqual(REPORT_KEYS);
      for (const segment of json.segments) expect(Object.keys(segment)).toEqual(SEGMENT_KEYS);
      expect(json).toEqual(days[i]!.json);
    });
  });

  it("defaults: the current month as of today; a past month as of its last day", async () => {
    const [current, past] = await Promise.all([
      runMain(main, ["burn", "--json"], env),
      runMain(main, ["burn", "--json", "--period=2026-03"], env),
    ]);
    const month = localDate(Date.now(), "Europe/Moscow").slice(0, 7);
    expect(JSON.parse(current.stdout).period.from.slice(0, 7)).toBe(month);
    expect(JSON.parse(past.stdout)).toEqual(EXPECTED.find((e) => e.asOf === "2026-03-31")!.json);
  });

  it("bad arguments say what is wrong in words, print the usage and exit 2, writing nothing", async () => {
    const cases: [string[], string][] = [
      [["burn", "--json", "--period", "2026-13"], "После --period нужен месяц в виде ГГГГ-ММ, например 2026-03."],
      [["burn", "--as-of", "31.03.2026"], "После --as-of нужна дата в виде ГГГГ-ММ-ДД, например 2026-03-15."],
      [["nonsense"], "Нет отчёта «nonsense»."],
      [[], "Не указан отчёт."],
    ];
    const bad = await Promise.all(cases.map(([args]) => runMain(main, args, env)));
    bad.forEach((run, index) => {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`${cases[index]![1]}\nКак запустить: npm run report -- <burn|plan> [--json] [--period ГГГГ-ММ] [--as-of ГГГГ-ММ-ДД]\n`);
    });
  });

  it("--as-of without --period reports the as-of day's month; an as-of before the period or in the future exits 2 with one line", async () => {
    const [march, outside, future] = await Promise.all([
      runMain(main, ["burn", "--json", "--as-of", "2026-03-24"], env),
      runMain(main, ["burn", "--json", "--period", "2026-04", "--as-of", "2026-03-24"], env),
      runMain(main, ["burn", "--json", "--as-of", "2099-01-01"], env),
    ]);
    expect(march.code).toBe(0);
    expect(JSON.parse(march.stdout)).toEqual(EXPECTED.find((e) => e.asOf === "2026-03-24" && e.period === "2026-03")!.json);
    for (const [run, message] of [
      [outside, "Дата --as-of 2026-03-24 раньше начала периода 2026-04 (2026-04-01)."],
      [future, "Дата --as-of 2099-01-01 ещё не наступила"],
    ] as const) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(message);
    }
  });

  it("as `npm run report` starts it: one line of JSON on stdout and exit 0; bad arguments exit 2", async () => {
    const march = EXPECTED.find((e) => e.asOf === "2026-03-25" && e.period === "2026-03")!;
    const [run, bad] = await Promise.all([
      runCli("src/cli/report.ts", ["burn", "--json", "--period", "2026-03", "--as-of", "2026-03-25"], env),
      runCli("src/cli/report.ts", ["burn", "--period", "2026-13"], env),
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual(march.json);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("Как запустить: npm run report -- <burn|plan>");
  });

  it("resolveReportWindow: defaults and refusals", () => {
    expect(resolveReportWindow({}, "2026-11-10")).toEqual({ period: "2026-11" });
    expect(resolveReportWindow({ asOf: "2026-10-09" }, "2026-11-10")).toEqual({ period: "2026-10", asOf: "2026-10-09" });
    expect(resolveReportWindow({ period: "2026-10", asOf: "2026-10-31" }, "2026-11-10")).toEqual({ period: "2026-10", asOf: "2026-10-31" });
    expect(resolveReportWindow({ period: "2026-11", asOf: "2026-10-09" }, "2026-11-10")).toHaveProperty("error");
    // after the period's end: how the month looks later (refusals whose window closed after it)
    expect(resolveReportWindow({ period: "2026-10", asOf: "2026-11-02" }, "2026-11-10")).toEqual({ period: "2026-10", asOf: "2026-11-02" });
    expect(resolveReportWindow({ period: "2026-11", asOf: "2026-11-11" }, "2026-11-10")).toEqual({ error: { key: "cli-as-of-future", vars: { asOf: "2026-11-11", today: "2026-11-10" } } });
    expect(resolveReportWindow({ period: "2026-12" }, "2026-11-10")).toEqual({ period: "2026-12" });
  });

  it("parses options in both spellings", () => {
    expect(parseReportArgs(["burn", "--json", "--period", "2026-03", "--as-of=2026-03-05"])).toEqual({
      name: "burn",
      options: { json: true, period: "2026-03", asOf: "2026-03-05" },
    });
    expect(parseReportArgs(["burn", "--as-of", "2026-02-30"])).toEqual({ error: { key: "cli-bad-as-of" } });
    expect(parseReportArgs(["burn", "--verbose"])).toEqual({ error: { key: "cli-unknown-option", vars: { arg: "--verbose" } } });
  });
});
