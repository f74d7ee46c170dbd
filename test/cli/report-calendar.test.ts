/** `npm run report -- plan --json` counts working days in the team's Russian production calendar. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPlan } from "../../src/db/plans.js";
import { createPlanDb, RUB, TEAM_ID } from "../reports/plan-fixtures.js";
import { runCli } from "./run-cli.js";

describe("report CLI: plan in the production calendar", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "plan-calendar-"));
    env = { DATABASE_PATH: join(dir, "bot.sqlite") };
    const db = createPlanDb(env.DATABASE_PATH);
    setPlan(db, { teamId: TEAM_ID, period: "2026-01", clients: 15, avgCheckKopecks: 100_000 * RUB, setBy: null }, 0);
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("counts 15 working days in January 2026 (the decree moved 3 January to 9 January)", async () => {
    const run = await runCli("src/cli/report.ts", ["plan", "--json", "--period", "2026-01", "--as-of", "2026-01-12"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    // 12 January is the first working day after the holidays, which ran to Sunday 11 January.
    expect(json).toMatchObject({ period: "2026-01", workingDaysTotal: 15, workingDaysElapsed: 1 });
  });
});
