/** `npm run report -- plan --json` (`main` in-process) on a temporary database seeded with November 2026. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planReport } from "../../src/cli/report-plan.js";
import { createPlanDb, msk, seedNovember, TEAM_ID } from "../reports/plan-fixtures.js";
import { main } from "../../src/cli/report.js";
import { runMain } from "../helpers/cli.js";

const REPORT_KEYS = [
  "period",
  "asOf",
  "planClients",
  "planRevenue",
  "wonClients",
  "revenue",
  "workingDaysTotal",
  "workingDaysElapsed",
  "pace",
  "forecastRevenue",
  "forecastClients",
  "requiredDailyRevenue",
  "budget",
  "expenses",
  "costPerClient",
  "managers",
];

describe("report CLI: plan", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "plan-report-"));
    env = { DATABASE_PATH: join(dir, "bot.sqlite") };
    seedNovember(createPlanDb(env.DATABASE_PATH)).db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints one line of JSON with exactly the documented plan keys, as of the first day, a weekend and a middle day", async () => {
    const runs = await Promise.all(
      ["2026-11-01", "2026-11-14", "2026-11-16"].map((day) => runMain(main, ["plan", "--json", "--period", "2026-11", "--as-of", day], env)),
    );
    const [first, saturday, monday] = runs.map((run) => {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split("\n")).toHaveLength(1);
      const json = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(json)).toEqual(REPORT_KEYS);
      return json;
    });
    expect(first).toMatchObject({ asOf: "2026-11-01", workingDaysElapsed: 0, pace: 0, forecastRevenue: 0, requiredDailyRevenue: 50_000, costPerClient: null });
    expect(saturday).toMatchObject({ asOf: "2026-11-14", workingDaysElapsed: 9, revenue: 260_000.5, forecastRevenue: 577_778.89, requiredDailyRevenue: 67_272.69 });
    expect(monday).toMatchObject({
      period: "2026-11",
      asOf: "2026-11-16",
      planClients: 10,
      planRevenue: 1_000_000,
      wonClients: 3,
      revenue: 460_000.5,
      workingDaysTotal: 20,
      workingDaysElapsed: 10,
      pace: 0.5,
      forecastRevenue: 920_001,
      forecastClients: 6,
      requiredDailyRevenue: 53_999.95,
      budget: 750_000,
      expenses: 360_000,
      costPerClient: 120_000,
      managers: [
        { username: "ivan", wonClients: 1, revenue: 180_000.5, checkinRate: 0.8 },
        { username: "olga", wonClients: 1, revenue: 80_000, checkinRate: 1 },
        { username: "petr", wonClients: 1, revenue: 200_000, checkinRate: null },
      ],
    });
  });

  it("--as-of without --period reports that day's month; an as-of before the period is refused (exit 2, one line)", async () => {
    const [november, october] = await Promise.all([
      runMain(main, ["plan", "--json", "--as-of", "2026-11-16"], env),
      runMain(main, ["plan", "--json", "--period", "2026-11", "--as-of", "2026-10-09"], env),
    ]);
    expect(november.code).toBe(0);
    expect(JSON.parse(november.stdout)).toMatchObject({ period: "2026-11", asOf: "2026-11-16", revenue: 460_000.5 });
    expect(october.code).toBe(2);
    expect(october.stdout).toBe("");
    expect(october.stderr.trim()).toBe("Дата --as-of 2026-10-09 раньше начала периода 2026-11 (2026-11-01).");
  });

  it("bad arguments print the usage and exit 2", async () => {
    const bad = await Promise.all([
      runMain(main, ["plan", "--json", "--period", "2026-13"], env),
      runMain(main, ["plan", "--json", "--as-of", "14.11.2026"], env),
    ]);
    for (const run of bad) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/Как запустить: npm run report -- <.*plan/);
    }
  });
});

describe("planReport defaults", () => {
  const { db } = seedNovember();

  it("the current month as of today; a past month as of its last day; never after today", () => {
    const now = msk("2026-11-16", "15:00");
    expect(planReport(db, TEAM_ID, { now })).toMatchObject({ period: "2026-11", asOf: "2026-11-16", workingDaysElapsed: 10 });
    expect(planReport(db, TEAM_ID, { now, asOf: "2026-11-30" })).toMatchObject({ asOf: "2026-11-16" });
    const december = msk("2026-12-03", "15:00");
    expect(planReport(db, TEAM_ID, { now: december, period: "2026-11" })).toMatchObject({
      asOf: "2026-11-30",
      workingDaysElapsed: 20,
      revenue: 580_000.5,
      requiredDailyRevenue: 419_999.5,
    });
    expect(planReport(db, TEAM_ID, { now: december })).toMatchObject({ period: "2026-12", asOf: "2026-12-03", revenue: 70_000 });
    expect(planReport(db, TEAM_ID, { now: december, asOf: "2026-11-16" })).toMatchObject({ period: "2026-11", asOf: "2026-11-16", revenue: 460_000.5 });
  });
});
