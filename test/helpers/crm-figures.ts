/** What the CRM end-to-end tests share: the figures they compare (`npm run report -- burn|plan --json` on the harness's database) and the end of an outage. */
import { expect } from "vitest";
import { main as reportMain } from "../../src/cli/report.js";
import { runMain } from "./cli.js";
import type { Harness, TestUser } from "./harness.js";

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

/**
 * The end of the CRM outage both end-to-end tests play, with the founders told once it was down: a restart while it
 * is still down repeats no alert; once it is back, the syncs of half an hour tell them once that it is.
 */
export async function restartDownThenRecover(h: Harness, crm: { setDown(down: boolean): void }, founder: TestUser) {
  const told = (words: string) => founder.messages().filter((m) => (m.text ?? "").includes(words));
  await h.restart();
  h.clock.advanceMinutes(10);
  await h.runJobs();
  expect(told("не читается")).toHaveLength(1);

  crm.setDown(false);
  for (let tick = 1; tick <= 3; tick++) {
    h.clock.advanceMinutes(10);
    await h.runJobs();
  }
  expect(told("не читается")).toHaveLength(1);
  expect(told("снова читается")).toHaveLength(1);
}
