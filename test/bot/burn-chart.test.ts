/** The /burn chart's weeks: no empty partial week before the first Monday of the month. */
import { describe, expect, it } from "vitest";
import type { BurnReport, WeeklyBurnPoint } from "../../src/domain/burn.js";
import { chartWeeks } from "../../src/reports/burn-report.js";

function week(weekStart: string, weekEnd: string, contacted: number, burned = 0): WeeklyBurnPoint {
  return { weekStart, weekEnd, contacted, burned, burnRate: contacted === 0 ? 0 : burned / contacted };
}

function report(weekly: WeeklyBurnPoint[]): BurnReport {
  return { weekly } as unknown as BurnReport;
}

describe("chartWeeks", () => {
  it("drops a partial first week (Sunday 1 November) with no contacts", () => {
    const weekly = [week("2026-11-01", "2026-11-01", 0), week("2026-11-02", "2026-11-08", 5, 1), week("2026-11-09", "2026-11-10", 7, 2)];
    expect(chartWeeks(report(weekly)).map((w) => w.weekStart)).toEqual(["2026-11-02", "2026-11-09"]);
  });

  it("keeps a partial first week that had contacts, and an empty first week that is a whole week", () => {
    const partial = [week("2026-11-01", "2026-11-01", 2, 1), week("2026-11-02", "2026-11-08", 5, 1)];
    expect(chartWeeks(report(partial))).toEqual(partial);
    // June 2026 begins on a Monday: its first week is a real week with nothing burned.
    const whole = [week("2026-06-01", "2026-06-07", 0), week("2026-06-08", "2026-06-14", 3)];
    expect(chartWeeks(report(whole))).toEqual(whole);
    expect(chartWeeks(report([]))).toEqual([]);
  });
});
