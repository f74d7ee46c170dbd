import { describe, expect, it } from "vitest";
import { computeBudgetFigures, computePlanFigures } from "../../src/domain/plan.js";
import type { PlanFigures, PlanInput } from "../../src/domain/plan.js";

// November 2026 in Moscow. The 1st is a Sunday; 4 November is a holiday.
// Working days: 2 3 5 6 | 9 10 11 12 13 | 16 17 18 19 20 | 23 24 25 26 27 | 30  → 20.
const RUB = 100; // kopecks per rouble

const base: PlanInput = {
  period: "2026-11",
  calendar: { timezone: "Europe/Moscow", workingDays: [1, 2, 3, 4, 5], holidays: ["2026-11-04"] },
  // 10 clients × 100 000 ₽ = 1 000 000 ₽
  plan: { clients: 10, avgCheckKopecks: 100_000 * RUB },
  deals: [
    { managerId: 1, username: "ivan", localDate: "2026-10-31", amountKopecks: 50_000 * RUB, companyId: 99 }, // before
    { managerId: 1, username: "ivan", localDate: "2026-11-02", amountKopecks: 120_000 * RUB, companyId: 100 },
    { managerId: 2, username: "olga", localDate: "2026-11-07", amountKopecks: 80_000 * RUB, companyId: 101 }, // Sat
    { managerId: 1, username: "ivan", localDate: "2026-11-10", amountKopecks: 60_000 * RUB + 50, companyId: 100 },
    { managerId: 3, username: "petr", localDate: "2026-11-16", amountKopecks: 200_000 * RUB, companyId: 102 },
    { managerId: 2, username: "olga", localDate: "2026-11-20", amountKopecks: 90_000 * RUB, companyId: 103 },
    { managerId: 9, username: "sergey", localDate: "2026-11-25", amountKopecks: 30_000 * RUB }, // not a listed manager
    { managerId: 1, username: "ivan", localDate: "2026-12-01", amountKopecks: 70_000 * RUB, companyId: 104 }, // after
  ],
  expenses: [
    { localDate: "2026-10-30", category: "marketing", amountKopecks: 999 * RUB }, // before
    { localDate: "2026-11-01", category: "salaries", amountKopecks: 300_000 * RUB },
    { localDate: "2026-11-05", category: "marketing", amountKopecks: 50_000 * RUB },
    { localDate: "2026-11-14", category: "tools", amountKopecks: 10_000 * RUB },
    { localDate: "2026-11-21", category: "marketing", amountKopecks: 40_000 * RUB },
    { localDate: "2026-11-28", category: "events", amountKopecks: 5_000 * RUB },
  ],
  // 750 000 ₽
  budget: [
    { category: "salaries", amountKopecks: 600_000 * RUB },
    { category: "marketing", amountKopecks: 100_000 * RUB },
    { category: "tools", amountKopecks: 20_000 * RUB },
    { category: "other", amountKopecks: 30_000 * RUB },
  ],
  managers: [
    { id: 1, username: "ivan", checkupsDue: 10, checkupsAnswered: 9 },
    { id: 2, username: "olga", checkupsDue: 10, checkupsAnswered: 10 },
    { id: 3, username: "petr", planShare: 0.5, checkupsDue: 0, checkupsAnswered: 0 },
  ],
};

const compute = (asOf: string, changes: Partial<PlanInput> = {}): PlanFigures =>
  computePlanFigures({ ...base, ...changes }, asOf);

/** Every number anywhere in the figures is finite (no NaN / Infinity from a division by zero). */
function expectAllFinite(value: unknown, path = "figures"): void {
  if (typeof value === "number") expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
  }
}

describe("computePlanFigures — November 2026, Moscow, 4 November off", () => {
  it("as of the first day (a Sunday): nothing elapsed, forecast 0, the whole plan spread over 20 days", () => {
    const f = compute("2026-11-01");
    expect(f.period).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(f.asOf).toBe("2026-11-01");
    expect(f.planClients).toBe(10);
    expect(f.planRevenueKopecks).toBe(1_000_000 * RUB);
    expect(f.workingDaysTotal).toBe(20);
    expect(f.workingDaysElapsed).toBe(0);
    expect(f.remainingWorkingDays).toBe(20);
    expect(f.pace).toBe(0);
    expect(f.wonClients).toBe(0);
    expect(f.revenueKopecks).toBe(0);
    expect(f.forecastRevenueKopecks).toBe(0);
    expect(f.forecastClients).toBe(0);
    // 1 000 000 ₽ / 20 days
    expect(f.requiredDailyRevenueKopecks).toBe(50_000 * RUB);
    expect(f.budgetKopecks).toBe(750_000 * RUB);
    expect(f.expensesKopecks).toBe(300_000 * RUB); // salaries paid on the 1st
    expect(f.costPerClientKopecks).toBeNull();
    expect(f.revenuePerRoubleSpent).toBe(0);
    expect(f.planCompletion).toBe(0);
    expect(f.forecastCompletion).toBe(0);
    // 300 000 > 750 000 × 0 × 1.1
    expect(f.alerts).toEqual({ planBehind: false, budgetOverrun: true, forecastMeetsPlan: false });
    expect(f.chart).toHaveLength(20);
    expect(f.chart[0]).toEqual({
      date: "2026-11-02",
      workingDay: 1,
      planKopecks: 50_000 * RUB,
      factKopecks: null,
      forecastKopecks: null,
    });
    expect(f.chart.every((p) => p.factKopecks === null && p.forecastKopecks === null)).toBe(true);
    expect(f.chart[19]).toMatchObject({ date: "2026-11-30", workingDay: 20, planKopecks: 1_000_000 * RUB });
    expectAllFinite(f);
  });

  it("as of the holiday: two working days elapsed", () => {
    const f = compute("2026-11-04");
    expect(f.workingDaysElapsed).toBe(2);
    expect(f.revenueKopecks).toBe(120_000 * RUB);
    // 120 000 ₽ / 2 × 20
    expect(f.forecastRevenueKopecks).toBe(1_200_000 * RUB);
    expect(f.forecastClients).toBe(10);
    expect(f.alerts.forecastMeetsPlan).toBe(true);
  });

  it("as of a middle day (Monday 16th): half the working days, pace 0.5", () => {
    const f = compute("2026-11-16");
    expect(f.workingDaysElapsed).toBe(10);
    expect(f.remainingWorkingDays).toBe(10);
    expect(f.pace).toBe(0.5);
    // 120 000 + 80 000 + 60 000,50 + 200 000 = 460 000,50 ₽; companies 100 (twice), 101, 102 → 3 clients
    expect(f.revenueKopecks).toBe(46_000_050);
    expect(f.wonClients).toBe(3);
    expect(f.forecastRevenueKopecks).toBe(92_000_100); // × 20 / 10
    expect(f.forecastClients).toBe(6);
    // (100 000 000 − 46 000 050) / 10 = 5 399 995
    expect(f.requiredDailyRevenueKopecks).toBe(5_399_995);
    // 300 000 + 50 000 + 10 000 ₽
    expect(f.expensesKopecks).toBe(360_000 * RUB);
    expect(f.costPerClientKopecks).toBe(120_000 * RUB);
    expect(f.revenuePerRoubleSpent).toBeCloseTo(46_000_050 / 36_000_000, 12);
    expect(f.planCompletion).toBeCloseTo(0.4600005, 12);
    expect(f.forecastCompletion).toBeCloseTo(0.920001, 12);
    // forecast 92% ≥ 90%; expenses 360 000 ≤ 750 000 × 0.5 × 1.1 = 412 500
    expect(f.alerts).toEqual({ planBehind: false, budgetOverrun: false, forecastMeetsPlan: false });
    expectAllFinite(f);
  });

  it("per-manager split as of the 16th: shares, revenue, distinct clients, check-in rates", () => {
    const f = compute("2026-11-16");
    expect(f.managers).toEqual([
      {
        managerId: 1,
        username: "ivan",
        planShare: 0.25, // (1 − 0.5) split between the two without a share
        planClients: 2.5,
        planRevenueKopecks: 250_000 * RUB,
        wonClients: 1, // two deals with the same company
        revenueKopecks: 18_000_050,
        checkinRate: 0.9,
        checkupsDue: 10,
        checkupsAnswered: 9,
      },
      {
        managerId: 2,
        username: "olga",
        planShare: 0.25,
        planClients: 2.5,
        planRevenueKopecks: 250_000 * RUB,
        wonClients: 1,
        revenueKopecks: 80_000 * RUB,
        checkinRate: 1,
        checkupsDue: 10,
        checkupsAnswered: 10,
      },
      {
        managerId: 3,
        username: "petr",
        planShare: 0.5,
        planClients: 5,
        planRevenueKopecks: 500_000 * RUB,
        wonClients: 1,
        revenueKopecks: 200_000 * RUB,
        checkinRate: null, // no check-up was due
        checkupsDue: 0,
        checkupsAnswered: 0,
      },
    ]);
  });

  it("chart as of the 16th: weekend deal on the Friday before, fact to day 10, forecast from day 10", () => {
    const f = compute("2026-11-16");
    const byDay = (n: number) => f.chart[n - 1];
    expect(byDay(1)).toMatchObject({ date: "2026-11-02", factKopecks: 12_000_000, forecastKopecks: null });
    expect(byDay(3)).toMatchObject({ date: "2026-11-05", factKopecks: 12_000_000 });
    // Saturday's 80 000 ₽ is plotted on Friday the 6th
    expect(byDay(4)).toMatchObject({ date: "2026-11-06", factKopecks: 20_000_000 });
    expect(byDay(6)).toMatchObject({ date: "2026-11-10", factKopecks: 26_000_050 });
    expect(byDay(9)).toMatchObject({ date: "2026-11-13", factKopecks: 26_000_050, forecastKopecks: null });
    expect(byDay(10)).toEqual({
      date: "2026-11-16",
      workingDay: 10,
      planKopecks: 500_000 * RUB,
      factKopecks: 46_000_050,
      forecastKopecks: 46_000_050,
    });
    expect(byDay(11)).toMatchObject({ date: "2026-11-17", factKopecks: null, forecastKopecks: 50_600_055 });
    expect(byDay(15)).toMatchObject({ forecastKopecks: 69_000_075 });
    expect(byDay(20)).toMatchObject({ date: "2026-11-30", forecastKopecks: 92_000_100, planKopecks: 1_000_000 * RUB });
  });

  it("as of a weekend (Saturday 14th): nine days elapsed, required daily rounded up", () => {
    const f = compute("2026-11-14");
    expect(f.workingDaysElapsed).toBe(9);
    expect(f.remainingWorkingDays).toBe(11);
    expect(f.pace).toBe(0.45);
    // 120 000 + 80 000 + 60 000,50 ₽ = 26 000 050 kopecks; companies 100, 101
    expect(f.revenueKopecks).toBe(26_000_050);
    expect(f.wonClients).toBe(2);
    // 26 000 050 × 20 / 9 = 57 777 888.9 → 57 777 889
    expect(f.forecastRevenueKopecks).toBe(57_777_889);
    expect(f.forecastClients).toBeCloseTo(40 / 9, 12);
    // 73 999 950 / 11 = 6 727 268.18 → up to 6 727 269 (11 × 6 727 268 = 73 999 948 would fall 2 short)
    expect(f.requiredDailyRevenueKopecks).toBe(6_727_269);
    expect(f.expensesKopecks).toBe(360_000 * RUB);
    expect(f.costPerClientKopecks).toBe(180_000 * RUB);
    // forecast 57.8% < 90% with pace 45%; 360 000 ≤ 750 000 × 0.45 × 1.1 = 371 250
    expect(f.alerts).toEqual({ planBehind: true, budgetOverrun: false, forecastMeetsPlan: false });
    // The last elapsed working day is Friday 13th and shows the whole fact
    expect(f.chart[8]).toMatchObject({ date: "2026-11-13", factKopecks: 26_000_050, forecastKopecks: 26_000_050 });
    expect(f.chart[9]).toMatchObject({ factKopecks: null });
  });

  it("as of the last day: everything elapsed, no remaining days, required = the whole shortfall", () => {
    const f = compute("2026-11-30");
    expect(f.workingDaysElapsed).toBe(20);
    expect(f.remainingWorkingDays).toBe(0);
    expect(f.pace).toBe(1);
    // 120 000 + 80 000 + 60 000,50 + 200 000 + 90 000 + 30 000 = 580 000,50 ₽
    expect(f.revenueKopecks).toBe(58_000_050);
    // companies 100, 101, 102, 103 + sergey's deal without a company
    expect(f.wonClients).toBe(5);
    expect(f.forecastRevenueKopecks).toBe(58_000_050);
    expect(f.forecastClients).toBe(5);
    expect(f.requiredDailyRevenueKopecks).toBe(100_000_000 - 58_000_050);
    // 300 000 + 50 000 + 10 000 + 40 000 + 5 000 ₽
    expect(f.expensesKopecks).toBe(405_000 * RUB);
    expect(f.costPerClientKopecks).toBe(81_000 * RUB);
    expect(f.alerts).toEqual({ planBehind: true, budgetOverrun: false, forecastMeetsPlan: false });
    expect(f.categories).toEqual([
      { category: "salaries", budgetKopecks: 600_000 * RUB, expensesKopecks: 300_000 * RUB },
      { category: "marketing", budgetKopecks: 100_000 * RUB, expensesKopecks: 90_000 * RUB },
      { category: "tools", budgetKopecks: 20_000 * RUB, expensesKopecks: 10_000 * RUB },
      { category: "other", budgetKopecks: 30_000 * RUB, expensesKopecks: 0 },
      { category: "events", budgetKopecks: 0, expensesKopecks: 5_000 * RUB },
    ]);
    expect(f.managers.map((m) => [m.username, m.wonClients, m.revenueKopecks, m.planShare])).toEqual([
      ["ivan", 1, 18_000_050, 0.25],
      ["olga", 2, 170_000 * RUB, 0.25],
      ["petr", 1, 200_000 * RUB, 0.5],
      ["sergey", 1, 30_000 * RUB, 0], // logged a deal without being a listed manager
    ]);
    expect(f.managers[3]).toMatchObject({ managerId: 9, checkinRate: null, planRevenueKopecks: 0 });
    expect(f.chart[19]).toEqual({
      date: "2026-11-30",
      workingDay: 20,
      planKopecks: 1_000_000 * RUB,
      factKopecks: 58_000_050,
      forecastKopecks: 58_000_050,
    });
    expectAllFinite(f);
  });

  it("as of a day after the period: the same as the last day (December deals not counted)", () => {
    const last = compute("2026-11-30");
    const after = compute("2026-12-05");
    expect({ ...after, asOf: "2026-11-30" }).toEqual(last);
  });

  it("as of a day before the period: nothing elapsed, nothing counted", () => {
    const f = compute("2026-10-31");
    expect(f.workingDaysElapsed).toBe(0);
    expect(f.pace).toBe(0);
    expect(f.revenueKopecks).toBe(0);
    expect(f.expensesKopecks).toBe(0);
    expect(f.revenuePerRoubleSpent).toBeNull();
    expect(f.alerts).toEqual({ planBehind: false, budgetOverrun: false, forecastMeetsPlan: false });
    expectAllFinite(f);
  });
});

describe("computePlanFigures — edge cases", () => {
  const deal = (localDate: string, amountKopecks: number) => ({
    managerId: 1,
    username: "ivan",
    localDate,
    amountKopecks,
  });

  it("required daily revenue is 0 once the plan is met, with or without days left", () => {
    const smallPlan = { plan: { clients: 4, avgCheckKopecks: 100_000 * RUB } }; // 400 000 ₽
    const mid = compute("2026-11-16", smallPlan); // revenue 460 000,50 ₽
    expect(mid.requiredDailyRevenueKopecks).toBe(0);
    expect(mid.alerts.forecastMeetsPlan).toBe(true);
    expect(mid.planCompletion).toBeCloseTo(46_000_050 / 40_000_000, 12);
    const end = compute("2026-11-30", smallPlan);
    expect(end.requiredDailyRevenueKopecks).toBe(0);
  });

  it("without a plan: plan figures are null and no plan alert fires", () => {
    const f = compute("2026-11-16", { plan: null });
    expect(f.hasPlan).toBe(false);
    expect(f.planClients).toBeNull();
    expect(f.planRevenueKopecks).toBeNull();
    expect(f.requiredDailyRevenueKopecks).toBeNull();
    expect(f.planCompletion).toBeNull();
    expect(f.alerts.planBehind).toBe(false);
    expect(f.alerts.forecastMeetsPlan).toBe(false);
    expect(f.chart.every((p) => p.planKopecks === null)).toBe(true);
    expect(f.managers[0]?.planRevenueKopecks).toBeNull();
    expect(f.forecastRevenueKopecks).toBe(92_000_100); // the forecast does not need a plan
  });

  it("a plan of zero clients never triggers the sweet-lie half or plan behind", () => {
    const f = compute("2026-11-16", { plan: { clients: 0, avgCheckKopecks: 100_000 * RUB } });
    expect(f.planRevenueKopecks).toBe(0);
    expect(f.requiredDailyRevenueKopecks).toBe(0);
    expect(f.alerts.forecastMeetsPlan).toBe(false);
    expect(f.alerts.planBehind).toBe(false);
    expect(f.forecastCompletion).toBeNull();
  });

  it("a period without working days divides by nothing", () => {
    const f = compute("2026-11-16", {
      calendar: { timezone: "Europe/Moscow", workingDays: [], holidays: [] },
    });
    expect(f.workingDaysTotal).toBe(0);
    expect(f.workingDaysElapsed).toBe(0);
    expect(f.pace).toBe(0);
    expect(f.forecastRevenueKopecks).toBe(0);
    expect(f.forecastClients).toBe(0);
    expect(f.requiredDailyRevenueKopecks).toBe(100_000_000 - 46_000_050);
    expect(f.alerts.budgetOverrun).toBe(false);
    expect(f.chart).toEqual([]);
    expectAllFinite(f);
  });

  it("no deals, no expenses, no budget, no managers", () => {
    const f = compute("2026-11-16", { deals: [], expenses: [], budget: [], managers: [] });
    expect(f.wonClients).toBe(0);
    expect(f.costPerClientKopecks).toBeNull();
    expect(f.revenuePerRoubleSpent).toBeNull();
    expect(f.budgetKopecks).toBe(0);
    expect(f.categories).toEqual([]);
    expect(f.managers).toEqual([]);
    expect(f.requiredDailyRevenueKopecks).toBe(10_000_000); // 1 000 000 ₽ over 10 days
    expect(f.alerts).toEqual({ planBehind: true, budgetOverrun: false, forecastMeetsPlan: false });
    expectAllFinite(f);
  });

  it("plan behind: strictly below 90% of plan, and only once pace reaches 25%", () => {
    const onlyDeal = (amount: number) => ({ deals: [deal("2026-11-02", amount)] });
    // As of the 16th (10 of 20): forecast = 2 × fact; 90% of 1 000 000 ₽ = 900 000 ₽ → fact 450 000 ₽
    expect(compute("2026-11-16", onlyDeal(450_000 * RUB)).alerts.planBehind).toBe(false);
    expect(compute("2026-11-16", onlyDeal(450_000 * RUB - 1)).alerts.planBehind).toBe(true);
    // Pace 4/20 = 0.2 on Friday 6th: no alert yet; 5/20 = 0.25 on Monday 9th: alert
    expect(compute("2026-11-06", onlyDeal(1 * RUB)).alerts.planBehind).toBe(false);
    expect(compute("2026-11-09", onlyDeal(1 * RUB)).alerts.planBehind).toBe(true);
  });

  it("forecast meets plan at exactly 100%", () => {
    // As of the 16th forecast = 2 × fact; plan 1 000 000 ₽
    expect(compute("2026-11-16", { deals: [deal("2026-11-02", 500_000 * RUB)] }).alerts.forecastMeetsPlan).toBe(true);
    expect(compute("2026-11-16", { deals: [deal("2026-11-02", 500_000 * RUB - 1)] }).alerts.forecastMeetsPlan).toBe(
      false,
    );
  });

  it("budget overrun: strictly above budget × pace × 1.1", () => {
    const budget = [{ category: "marketing", amountKopecks: 1_000_000 * RUB }];
    const spend = (amount: number) => ({
      budget,
      expenses: [{ localDate: "2026-11-10", category: "marketing", amountKopecks: amount }],
    });
    // Pace 0.5: 1 000 000 × 0.5 × 1.1 = 550 000 ₽
    expect(compute("2026-11-16", spend(550_000 * RUB)).alerts.budgetOverrun).toBe(false);
    expect(compute("2026-11-16", spend(550_000 * RUB + 1)).alerts.budgetOverrun).toBe(true);
    // A budget line of zero with any spending is an overrun
    const zeroBudget = compute("2026-11-16", {
      budget: [{ category: "tools", amountKopecks: 0 }],
      expenses: [{ localDate: "2026-11-10", category: "tools", amountKopecks: 1 }],
    });
    expect(zeroBudget.alerts.budgetOverrun).toBe(true);
  });

  it("a deal before the first working day counts as fact but forecast stays 0 until a working day passes", () => {
    // Sunday 1st: elapsed 0 → forecast 0 by definition
    const f = compute("2026-11-01", { deals: [deal("2026-11-01", 10_000 * RUB)] });
    expect(f.revenueKopecks).toBe(10_000 * RUB);
    expect(f.forecastRevenueKopecks).toBe(0);
    // Next day it is plotted on the first working day
    const g = compute("2026-11-02", { deals: [deal("2026-11-01", 10_000 * RUB)] });
    expect(g.chart[0]).toMatchObject({ date: "2026-11-02", factKopecks: 10_000 * RUB });
    expect(g.forecastRevenueKopecks).toBe(200_000 * RUB);
  });

  it("plan shares: explicit shares above 1 leave nothing for the others; check-ins are clamped", () => {
    const f = compute("2026-11-16", {
      managers: [
        { id: 1, username: "ivan", planShare: 0.7, checkupsDue: 5, checkupsAnswered: 7 },
        { id: 2, username: "olga", planShare: 0.6, checkupsDue: 4, checkupsAnswered: 1 },
        { id: 3, username: "petr", checkupsDue: 0, checkupsAnswered: 0 },
      ],
    });
    expect(f.managers.map((m) => [m.planShare, m.checkinRate])).toEqual([
      [0.7, 1],
      [0.6, 0.25],
      [0, null],
    ]);
    expect(f.managers[0]?.planRevenueKopecks).toBe(700_000 * RUB);
  });

  it("an average check with kopecks gives an exact revenue plan", () => {
    const f = compute("2026-11-16", { plan: { clients: 3, avgCheckKopecks: 33_333 } });
    expect(f.planRevenueKopecks).toBe(99_999);
  });

  it("rejects invalid input", () => {
    expect(() => compute("2026-11-31")).toThrow(RangeError);
    expect(() => compute("2026-11-16", { period: "2026-13" })).toThrow(RangeError);
    expect(() => compute("2026-11-16", { deals: [deal("2026-11-02", 10.5)] })).toThrow(RangeError);
  });
});

describe("computeBudgetFigures", () => {
  it("gives exactly the budget fields of computePlanFigures, as of every day around the period", () => {
    const days = ["2026-10-31", "2026-11-01", "2026-11-02", "2026-11-04", "2026-11-14", "2026-11-16", "2026-11-30", "2026-12-01"];
    const budgets = [base.budget, [], [{ category: "tools", amountKopecks: 0 }]];
    for (const asOf of days) {
      for (const budget of budgets) {
        const plan = compute(asOf, { budget });
        const { period, calendar, expenses } = base;
        expect(computeBudgetFigures({ period, calendar, expenses, budget }, asOf), `${asOf} ${budget.length}`).toEqual({
          period: plan.period,
          asOf: plan.asOf,
          workingDaysTotal: plan.workingDaysTotal,
          workingDaysElapsed: plan.workingDaysElapsed,
          remainingWorkingDays: plan.remainingWorkingDays,
          pace: plan.pace,
          budgetKopecks: plan.budgetKopecks,
          expensesKopecks: plan.expensesKopecks,
          paced: plan.paced,
          categories: plan.categories,
          alerts: { budgetOverrun: plan.alerts.budgetOverrun },
        });
      }
    }
    // As of the 16th: 360 000 ₽ spent of 750 000 ₽ at pace 0.5 (limit 412 500 ₽) is no overrun; 1 ₽ budget is.
    expect(computeBudgetFigures({ ...base, budget: [{ category: "other", amountKopecks: 100 }] }, "2026-11-16").alerts.budgetOverrun).toBe(true);
    expect(computeBudgetFigures(base, "2026-11-16")).toMatchObject({ expensesKopecks: 360_000 * RUB, budgetKopecks: 750_000 * RUB, alerts: { budgetOverrun: false } });
  });
});
