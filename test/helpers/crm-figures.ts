/** The figures a CRM end-to-end test compares: `npm run report -- burn|plan --json` on the harness's database. */
import { expect } from "vitest";
import { main as reportMain } from "../../src/cli/report.js";
import { runMain } from "./cli.js";
import type { Harness } from "./harness.js";

export async function report(h: Harness, kind: "burn" | "plan", options: string[] = []) {
  const run = await runMain(reportMain, [kind, "--json", ...options], { DATABASE_PATH: h.dbPath }, () => h.clock.now());
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** The team-wide plan figures (CRM records have no manager until one is linked, so the per-manager rows differ). */
export function teamPlan(json: Record<string, unknown>) {
  const { managers: _managers, ...team } = json;
  return team;
}
