import { describe, expect, it } from "vitest";
import { computeBurnFigures, lastFourWeeks, lastFullWeekEnd, segmentPaused } from "../../src/domain/burn.js";
import type { BurnInput } from "../../src/domain/burn.js";

const empty: BurnInput = {
  period: "2026-03",
  asOf: "2026-03-18",
  burnThreshold: 0.3,
  pauseThreshold: 0.3,
  periodDays: [],
  segments: [],
  segmentTotals: [],
  segmentMonths: [],
  segmentDays: [],
  firstContactWeeks: [],
};

describe("computeBurnFigures", () => {
  it("rates are 0 and weeks to exhaust null when nobody was contacted", () => {
    const report = computeBurnFigures({ ...empty, segments: [{ id: 1, name: "S", createdDay: "2026-01-01", unpause: null }], segmentTotals: [{ segmentId: 1, kind: "size", n: 10 }, { segmentId: 1, kind: "fresh", n: 10 }] });
    expect(report.figures).toEqual({
      period: { from: "2026-03-01", to: "2026-03-31" },
      asOf: "2026-03-18",
      contacted: 0,
      refused: 0,
      handled: 0,
      burned: 0,
      lost: 0,
      closed: 0,
      coolingNow: 0,
      refusalRate: 0,
      burnRate: 0,
      segments: [{ name: "S", size: 10, fresh: 10, coolingNow: 0, lost: 0, closed: 0, won: 0, burnedShare: 0, paused: false, weeksToExhaust: null }],
    });
    expect(report.alerts).toEqual({ burnHigh: false, pausedSegments: [], segmentsAtPauseThreshold: [] });
  });

  it("adds period buckets up to as-of; handled = refused − unhandled", () => {
    const report = computeBurnFigures({
      ...empty,
      periodDays: [
        { kind: "contacted", day: "2026-03-02", n: 4 },
        { kind: "contacted", day: "2026-03-19", n: 100 },
        { kind: "refused", day: "2026-03-02", n: 3 },
        { kind: "unhandled", day: "2026-03-02", n: 3 },
        { kind: "unhandled", day: "2026-03-03", n: -2 },
        { kind: "burned", day: "2026-03-04", n: 1 },
      ],
    });
    expect(report.figures).toMatchObject({ contacted: 4, refused: 3, handled: 2, burned: 1, refusalRate: 0.75, burnRate: 0.25 });
    expect(report.alerts.burnHigh).toBe(false);
  });

  it("takes month and day buckets after as-of off the totals; orders worst first; flags thresholds", () => {
    const report = computeBurnFigures({
      ...empty,
      asOf: "2026-02-20",
      period: "2026-02",
      segments: [
        { id: 1, name: "Calm", createdDay: "2026-01-01", unpause: null },
        { id: 2, name: "Hot", createdDay: "2026-01-01", unpause: { day: "2026-02-10", spentDay: null } },
        { id: 3, name: "Later", createdDay: "2026-02-25", unpause: null },
      ],
      segmentTotals: [
        { segmentId: 1, kind: "size", n: 10 },
        { segmentId: 1, kind: "cooling", n: 5 },
        { segmentId: 2, kind: "size", n: 10 },
        { segmentId: 2, kind: "cooling", n: 4 },
        { segmentId: 3, kind: "size", n: 7 },
      ],
      // Calm gained 4 cooling in March and 1 on Feb 25: as of Feb 20 it had none.
      segmentMonths: [
        { segmentId: 1, kind: "cooling", period: "2026-03", n: 4 },
        { segmentId: 1, kind: "cooling", period: "2026-02", n: 1 },
      ],
      segmentDays: [
        { segmentId: 1, kind: "cooling", day: "2026-02-25", n: 1 },
        { segmentId: 1, kind: "cooling", day: "2026-02-20", n: 7 },
      ],
      firstContactWeeks: [
        { segmentId: 2, week: "2026-02-09", n: 2 },
        { segmentId: 2, week: "2026-01-19", n: 2 },
        { segmentId: 2, week: "2026-01-12", n: 50 },
      ],
    });
    expect(report.figures.segments.map((s) => [s.name, s.coolingNow, s.burnedShare, s.paused, s.weeksToExhaust])).toEqual([
      ["Hot", 4, 0.4, false, 0],
      ["Calm", 0, 0, false, null],
    ]);
    expect(report.segmentDetails).toEqual([
      { segmentId: 2, weeklyNewContacts: 1, atPauseThreshold: true },
      { segmentId: 1, weeklyNewContacts: 0, atPauseThreshold: false },
    ]);
    expect(report.alerts).toEqual({ burnHigh: false, pausedSegments: [], segmentsAtPauseThreshold: ["Hot"] });
  });

  it("weekly series: one point per week of the period up to as-of, as the report stood then", () => {
    const report = computeBurnFigures({
      ...empty,
      periodDays: [
        { kind: "contacted", day: "2026-03-01", n: 2 },
        { kind: "contacted", day: "2026-03-10", n: 2 },
        { kind: "burned", day: "2026-03-11", n: 1 },
      ],
    });
    expect(report.weekly).toEqual([
      { weekStart: "2026-03-01", weekEnd: "2026-03-01", contacted: 2, burned: 0, burnRate: 0 },
      { weekStart: "2026-03-02", weekEnd: "2026-03-08", contacted: 2, burned: 0, burnRate: 0 },
      { weekStart: "2026-03-09", weekEnd: "2026-03-15", contacted: 4, burned: 1, burnRate: 0.25 },
      { weekStart: "2026-03-16", weekEnd: "2026-03-18", contacted: 4, burned: 1, burnRate: 0.25 },
    ]);
    expect(computeBurnFigures({ ...empty, asOf: "2026-02-27" }).weekly).toEqual([]);
  });

  it("weeks and pause rules", () => {
    expect(lastFullWeekEnd("2026-03-18")).toBe("2026-03-15");
    expect(lastFullWeekEnd("2026-03-15")).toBe("2026-03-15");
    expect(lastFourWeeks("2026-03-18")).toEqual(["2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09"]);
    expect(segmentPaused(0.29, 0.3, null, "2026-03-18")).toBe(false);
    expect(segmentPaused(0.3, 0.3, null, "2026-03-18")).toBe(true);
    expect(segmentPaused(0.5, 0.3, { day: "2026-03-10", spentDay: null }, "2026-03-18")).toBe(false);
    expect(segmentPaused(0.5, 0.3, { day: "2026-03-10", spentDay: "2026-03-12" }, "2026-03-18")).toBe(true);
    expect(segmentPaused(0.5, 0.3, { day: "2026-03-10", spentDay: "2026-03-20" }, "2026-03-18")).toBe(false);
    expect(segmentPaused(0.5, 0.3, { day: "2026-03-20", spentDay: null }, "2026-03-18")).toBe(true);
  });
});
