/** Every figure of the burn report, exactly, on a story with answers worked out by hand (see scenario.ts). */
import { describe, expect, it } from "vitest";
import { loadBurnReport } from "../../../src/services/leads/index.js";
import { burnReport } from "../../../src/cli/report.js";
import { burnFiguresByPlainQueries } from "./burn-reference.js";
import { at, TEAM } from "./helpers.js";
import { buildScenario, EXPECTED } from "./scenario.js";

describe("burn report on a hand-checked story", () => {
  const db = buildScenario();
  const now = at("2026-11-27", "12:00");

  for (const { period, asOf, json } of EXPECTED) {
    it(`${period} as of ${asOf}`, () => {
      expect(burnReport(db, TEAM, { json: true, period, asOf, now })).toEqual(json);
      expect(burnFiguresByPlainQueries(db, TEAM, period, asOf, now)).toEqual(json);
    });
  }

  it("the weekly series and alerts follow the same figures", () => {
    const report = loadBurnReport(db, TEAM, { period: "2026-03", asOf: "2026-03-31", now });
    expect(report.weekly).toEqual([
      { weekStart: "2026-03-01", weekEnd: "2026-03-01", contacted: 0, burned: 0, burnRate: 0 },
      { weekStart: "2026-03-02", weekEnd: "2026-03-08", contacted: 5, burned: 2, burnRate: 2 / 5 },
      { weekStart: "2026-03-09", weekEnd: "2026-03-15", contacted: 8, burned: 2, burnRate: 2 / 8 },
      { weekStart: "2026-03-16", weekEnd: "2026-03-22", contacted: 9, burned: 3, burnRate: 3 / 9 },
      { weekStart: "2026-03-23", weekEnd: "2026-03-29", contacted: 10, burned: 4, burnRate: 4 / 10 },
      { weekStart: "2026-03-30", weekEnd: "2026-03-31", contacted: 10, burned: 4, burnRate: 4 / 10 },
    ]);
    expect(report.alerts).toEqual({ burnHigh: true, pausedSegments: [], segmentsAtPauseThreshold: ["Ритейл"] });
    expect(report.segmentDetails.map((d) => d.weeklyNewContacts)).toEqual([5 / 4, 2 / 4, 3 / 4]);
    const april = loadBurnReport(db, TEAM, { period: "2026-04", asOf: "2026-04-16", now });
    expect(april.alerts.pausedSegments).toEqual(["Ритейл"]);
  });

  it("a report for a past period defaults to its last day; a future as-of is clamped to today", () => {
    expect(loadBurnReport(db, TEAM, { period: "2026-03", now }).figures.asOf).toBe("2026-03-31");
    expect(loadBurnReport(db, TEAM, { now }).figures).toMatchObject({ asOf: "2026-11-27", period: { from: "2026-11-01", to: "2026-11-30" } });
    expect(loadBurnReport(db, TEAM, { period: "2026-12", asOf: "2026-12-05", now }).figures.asOf).toBe("2026-11-27");
  });
});
