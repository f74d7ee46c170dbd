import { describe, expect, it } from "vitest";
import { actualWhatIfDefaults, burnWeeks, computeWhatIf, countTaskFlags, dashboardTaskState, monthDays, type WhatIfInput } from "../../src/domain/dashboard.js";

describe("monthDays", () => {
  it("turns the plan chart's kopecks into roubles, keeping the gaps", () => {
    expect(
      monthDays([
        { date: "2026-11-02", workingDay: 1, planKopecks: 5_000_050, factKopecks: 1_000_000, forecastKopecks: null },
        { date: "2026-11-03", workingDay: 2, planKopecks: 10_000_100, factKopecks: 2_000_000, forecastKopecks: 2_000_000 },
        { date: "2026-11-05", workingDay: 3, planKopecks: null, factKopecks: null, forecastKopecks: 3_000_000 },
      ]),
    ).toEqual([
      { date: "2026-11-02", plan: 50_000.5, fact: 10_000, forecast: null },
      { date: "2026-11-03", plan: 100_001, fact: 20_000, forecast: 20_000 },
      { date: "2026-11-05", plan: null, fact: null, forecast: 30_000 },
    ]);
  });
});

describe("burnWeeks", () => {
  it("names each week by its first and last day; a week with nobody contacted yet has no rate", () => {
    expect(
      burnWeeks([
        { weekStart: "2026-11-01", weekEnd: "2026-11-01", contacted: 0, burned: 0, burnRate: 0 },
        { weekStart: "2026-11-02", weekEnd: "2026-11-08", contacted: 8, burned: 2, burnRate: 0.25 },
      ]),
    ).toEqual([
      { from: "2026-11-01", to: "2026-11-01", burnRate: null },
      { from: "2026-11-02", to: "2026-11-08", burnRate: 0.25 },
    ]);
  });
});

describe("task flags", () => {
  it("counts overdue and stalled tasks; a task may be both", () => {
    expect(countTaskFlags([{ overdue: true, stalled: true }, { overdue: true, stalled: false }, { overdue: false, stalled: false }])).toEqual({ overdueTasks: 2, stalledTasks: 1 });
    expect(countTaskFlags([])).toEqual({ overdueTasks: 0, stalledTasks: 0 });
  });

  it("shows one state per task: done, else overdue before stalled before open", () => {
    expect(dashboardTaskState(false, { overdue: true, stalled: true })).toBe("done");
    expect(dashboardTaskState(true, { overdue: true, stalled: true })).toBe("overdue");
    expect(dashboardTaskState(true, { overdue: false, stalled: true })).toBe("stalled");
    expect(dashboardTaskState(true, undefined)).toBe("open");
  });
});

const INPUT: WhatIfInput = {
  averageCheckKopecks: 10_000_000, // 100 000 ₽
  conversion: 0.1,
  planRevenueKopecks: 100_000_000, // 1 000 000 ₽
  revenueKopecks: 20_000_000, // 200 000 ₽ won
  remainingWorkingDays: 16,
  workingDaysPerWeek: 5,
  segments: [
    { name: "Опт", fresh: 300, newContacts: 30 },
    { name: "Розница", fresh: 100, newContacts: 10 },
    { name: "Сети", fresh: 50, newContacts: 0 },
  ],
};

describe("computeWhatIf", () => {
  it("needs the shortfall in whole clients, spread over the remaining working days, and touches at the conversion", () => {
    const result = computeWhatIf(INPUT);
    // 800 000 ₽ left at 100 000 ₽ a client = 8 clients; 8 / 16 days = 0.5 a day; at 10% that is 5 touches a day.
    expect(result).toMatchObject({ remainingRevenueKopecks: 80_000_000, remainingWorkingDays: 16, clientsNeeded: 8, clientsPerDay: 0.5, touchesPerDay: 5 });
  });

  it("spreads the touches by the segments' new contacts this month: Опт takes 3/4, Розница 1/4, Сети none", () => {
    // Опт: 3.75 touches a day → 18.75 a week → 300 / 18.75 = 16 weeks; Розница: 1.25 a day → 100 / 6.25 = 16 weeks.
    expect(computeWhatIf(INPUT).segments).toEqual([
      { name: "Опт", fresh: 300, weeksOfFreshBase: 16 },
      { name: "Розница", fresh: 100, weeksOfFreshBase: 16 },
      { name: "Сети", fresh: 50, weeksOfFreshBase: null },
    ]);
  });

  it("spreads by fresh size when nobody was contacted this month yet", () => {
    const segments = INPUT.segments.map((s) => ({ ...s, newContacts: 0 }));
    // 5 touches a day over 450 fresh: each segment lasts 450 / 25 = 18 weeks.
    expect(computeWhatIf({ ...INPUT, segments }).segments.map((s) => s.weeksOfFreshBase)).toEqual([18, 18, 18]);
  });

  it("needs nothing once the plan is met or without a plan, and everything at once with no working day left", () => {
    expect(computeWhatIf({ ...INPUT, revenueKopecks: 120_000_000 })).toMatchObject({ remainingRevenueKopecks: 0, clientsNeeded: 0, touchesPerDay: 0 });
    expect(computeWhatIf({ ...INPUT, planRevenueKopecks: null }).segments.map((s) => s.weeksOfFreshBase)).toEqual([null, null, null]);
    expect(computeWhatIf({ ...INPUT, remainingWorkingDays: 0 })).toMatchObject({ clientsNeeded: 8, clientsPerDay: 8, touchesPerDay: 80 });
  });

  it("refuses an average check that is not positive and a conversion outside (0, 1]", () => {
    for (const bad of [{ averageCheckKopecks: 0 }, { averageCheckKopecks: -1 }, { conversion: 0 }, { conversion: 1.01 }, { conversion: Number.NaN }]) {
      expect(() => computeWhatIf({ ...INPUT, ...bad })).toThrow(RangeError);
    }
  });
});

describe("actualWhatIfDefaults", () => {
  it("is the month's revenue per won client and won clients per touch; unknown before the first deal", () => {
    expect(actualWhatIfDefaults(30_000_000, 3, 40)).toEqual({ averageCheckKopecks: 10_000_000, conversion: 0.075 });
    expect(actualWhatIfDefaults(0, 0, 40)).toEqual({ averageCheckKopecks: null, conversion: null });
    expect(actualWhatIfDefaults(10_000_000, 1, 0)).toEqual({ averageCheckKopecks: 10_000_000, conversion: null });
  });
});
