import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/shared/i18n.js";
import { planChartInput, planReportJson, renderPlanChart, renderPlanSummaryText, renderPlanText } from "../../src/reports/plan-report.js";
import { addMember, createPlanDb, deal, RUB, seedNovember, team } from "./plan-fixtures.js";
import { loadPlanFigures } from "../../src/services/plan/figures.js";

const translator = createTranslator();
const ru = { t: translator.forLocale("ru"), locale: "ru" as const, currency: "RUB" };
const en = { t: translator.forLocale("en"), locale: "en" as const, currency: "RUB" };
const NBSP = "\u00a0";

const november = seedNovember();
const json = (asOf: string, period = "2026-11") => planReportJson(loadPlanFigures(november.db, team(november.db), period, asOf));

describe("plan JSON report — November 2026, 4 November off, 20 working days", () => {
  it("has exactly the documented keys, in order", () => {
    const report = json("2026-11-16");
    expect(Object.keys(report)).toEqual([
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
    ]);
    for (const manager of report.managers) expect(Object.keys(manager)).toEqual(["username", "wonClients", "revenue", "checkinRate"]);
  });

  it("as of the first day (Sunday 1st): nothing elapsed, no division by zero", () => {
    expect(json("2026-11-01")).toEqual({
      period: "2026-11",
      asOf: "2026-11-01",
      planClients: 10,
      planRevenue: 1_000_000,
      wonClients: 0,
      revenue: 0,
      workingDaysTotal: 20,
      workingDaysElapsed: 0,
      pace: 0,
      forecastRevenue: 0,
      forecastClients: 0,
      requiredDailyRevenue: 50_000,
      budget: 750_000,
      expenses: 300_000,
      costPerClient: null,
      managers: [
        { username: "ivan", wonClients: 0, revenue: 0, checkinRate: null },
        { username: "olga", wonClients: 0, revenue: 0, checkinRate: null },
        { username: "petr", wonClients: 0, revenue: 0, checkinRate: null },
      ],
    });
  });

  it("as of a weekend (Saturday 14th): nine working days, Saturday's deal and expense count", () => {
    expect(json("2026-11-14")).toEqual({
      period: "2026-11",
      asOf: "2026-11-14",
      planClients: 10,
      planRevenue: 1_000_000,
      // Alfa twice + Beta: 120 000 + 60 000,50 + 80 000
      wonClients: 2,
      revenue: 260_000.5,
      workingDaysTotal: 20,
      workingDaysElapsed: 9,
      pace: 0.45,
      // 26 000 050 kopecks × 20 / 9 = 57 777 888,9 → 57 777 889
      forecastRevenue: 577_778.89,
      forecastClients: 4.44,
      // (100 000 000 − 26 000 050) / 11 = 6 727 268,18 → rounded up to 6 727 269 kopecks
      requiredDailyRevenue: 67_272.69,
      budget: 750_000,
      // 300 000 + 50 000 + 10 000 (Saturday)
      expenses: 360_000,
      costPerClient: 180_000,
      managers: [
        { username: "ivan", wonClients: 1, revenue: 180_000.5, checkinRate: 0.75 },
        { username: "olga", wonClients: 1, revenue: 80_000, checkinRate: 1 },
        { username: "petr", wonClients: 0, revenue: 0, checkinRate: null },
      ],
    });
  });

  it("as of a middle day (Monday 16th): half the month, an open check-up does not count yet", () => {
    expect(json("2026-11-16")).toEqual({
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
      // (100 000 000 − 46 000 050) / 10
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

  it("as of the last day: nothing left, the required revenue is the whole shortfall", () => {
    expect(json("2026-11-30")).toEqual({
      period: "2026-11",
      asOf: "2026-11-30",
      planClients: 10,
      planRevenue: 1_000_000,
      wonClients: 5,
      revenue: 580_000.5,
      workingDaysTotal: 20,
      workingDaysElapsed: 20,
      pace: 1,
      forecastRevenue: 580_000.5,
      forecastClients: 5,
      requiredDailyRevenue: 419_999.5,
      budget: 750_000,
      expenses: 405_000,
      costPerClient: 81_000,
      managers: [
        { username: "ivan", wonClients: 1, revenue: 180_000.5, checkinRate: 0.8 },
        { username: "olga", wonClients: 2, revenue: 170_000, checkinRate: 1 },
        { username: "petr", wonClients: 1, revenue: 200_000, checkinRate: null },
        // the lead logged a deal: counted for the team, shown with no share of the plan
        { username: "anna", wonClients: 1, revenue: 30_000, checkinRate: null },
      ],
    });
  });

  it("a month with nothing in it: no plan, no money, every ratio null or zero", () => {
    const empty = createPlanDb();
    const report = planReportJson(loadPlanFigures(empty, team(empty), "2026-12", "2026-12-15"));
    expect(report).toEqual({
      period: "2026-12",
      asOf: "2026-12-15",
      planClients: null,
      planRevenue: null,
      wonClients: 0,
      revenue: 0,
      // 31 December 2026 is a day off by the 2026 decree.
      workingDaysTotal: 22,
      workingDaysElapsed: 11,
      pace: 0.5,
      forecastRevenue: 0,
      forecastClients: 0,
      requiredDailyRevenue: null,
      budget: 0,
      expenses: 0,
      costPerClient: null,
      managers: [],
    });
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });
});

describe("plan chat text", () => {
  it("Russian, middle of the month: plan vs fact, forecast, pace, required daily, managers, budget", () => {
    const text = renderPlanText(loadPlanFigures(november.db, team(november.db), "2026-11", "2026-11-16"), ru);
    const money = (s: string) => s.replace(/ /g, NBSP);
    expect(text).toContain("План на ноябрь 2026 — на 16.11.2026");
    expect(text).toContain("Рабочих дней прошло: 10 из 20 — 50% рабочих дней месяца");
    expect(text).toContain(`План: 10 клиентов × ${money("100 000 ₽")} = ${money("1 000 000 ₽")}`);
    expect(text).toContain(`Выручка: ${money("460 001 ₽")} из ${money("1 000 000 ₽")} (46%)`);
    expect(text).toContain("Новых клиентов: 3 из 10");
    expect(text).toContain(`Прогноз на конец месяца: ${money("920 001 ₽")} (92% плана), клиентов ≈ 6`);
    expect(text).toContain(`Нужно в каждый рабочий день: ${money("54 000 ₽")} (осталось рабочих дней: 10)`);
    expect(text).toContain(`• @ivan: ${money("180 001 ₽")} из ${money("250 000 ₽")} (доля 25%), клиентов 1 из 2–3, сверки 80%`);
    expect(text).toContain(`• @petr: ${money("200 000 ₽")} из ${money("500 000 ₽")} (доля 50%), клиентов 1 из 5, сверки —`);
    expect(text).toContain(`Расходы: ${money("360 000 ₽")} из бюджета ${money("750 000 ₽")}`);
    expect(text).toContain(`• маркетинг: ${money("50 000 ₽")} из ${money("100 000 ₽")}`);
    expect(text).toContain(`Стоимость нового клиента: ${money("120 000 ₽")}`);
    expect(text).toContain("Выручка на 1 ₽ расходов: 1,28 ₽");
    expect(text).not.toContain("⚠️");
  });

  it("English, as of the Saturday: behind plan warning; last day: shortfall", () => {
    const saturday = renderPlanText(loadPlanFigures(november.db, team(november.db), "2026-11", "2026-11-14"), en);
    expect(saturday).toContain("Plan for November 2026 — as of 14.11.2026");
    expect(saturday).toContain("⚠️ Behind plan: the forecast is 58% of plan.");
    const last = renderPlanText(loadPlanFigures(november.db, team(november.db), "2026-11", "2026-11-30"), en);
    expect(last).toContain(`No working days left; the plan was missed by RUB${NBSP}420,000.`);
    // the lead has no part of the plan: the short line
    expect(last).toContain(`• @anna: RUB${NBSP}30,000, clients 1, check-ups —`);
  });

  it("a past month is its result: no forecast, no daily target, no pace warnings; costs without a budget say so", () => {
    const text = renderPlanText(loadPlanFigures(november.db, team(november.db), "2026-10", "2026-10-31"), ru, "past");
    expect(text).toContain("План на октябрь 2026 — итог: месяц закончился");
    expect(text).toContain("Рабочих дней в месяце: 22");
    expect(text).not.toMatch(/Прогноз|Нужно в каждый|⚠️|на 31\.10/);
    expect(text).toContain(`Расходы: 999${NBSP}₽; бюджет не задан`);
    expect(text).toContain(`• маркетинг: 999${NBSP}₽ (бюджета по статье нет)`);
    expect(text).not.toContain("из 0");
    const november30 = renderPlanText(loadPlanFigures(november.db, team(november.db), "2026-11", "2026-11-30"), en, "past");
    expect(november30).toContain("Plan for November 2026 — result: the month is over");
    expect(november30).toContain(`The month is over; the plan was missed by RUB${NBSP}420,000.`);
    expect(november30).not.toMatch(/Forecast|Needed every|⚠️/);
  });

  it("a future month shows only its plan and budget", () => {
    const text = renderPlanText(loadPlanFigures(november.db, team(november.db), "2026-11", "2026-10-20"), ru, "future");
    expect(text).toContain("План на ноябрь 2026 — месяц ещё не начался, фактов пока нет");
    expect(text).toContain(`План: 10 клиентов × ${"100 000 ₽".replace(/ /g, NBSP)}`);
    expect(text).toContain(`Бюджет: ${"750 000 ₽".replace(/ /g, NBSP)}`);
    expect(text).toContain(`• маркетинг: ${"100 000 ₽".replace(/ /g, NBSP)}`);
    expect(text).not.toMatch(/Выручка|Прогноз|Нужно|Рабочих дней прошло|По менеджерам/);
  });

  it("plurals: 1 клиент, 2 клиента, 5 клиентов / 1 client, 2 clients", () => {
    for (const [clients, ruText, enText] of [[1, "1 клиент ×", "1 client ×"], [2, "2 клиента ×", "2 clients ×"], [5, "5 клиентов ×", "5 clients ×"], [21, "21 клиент ×", "21 clients ×"]] as const) {
      expect(ru.t("plan-target", { clients, avgCheck: "X", revenue: "Y" })).toContain(ruText);
      expect(en.t("plan-target", { clients, avgCheck: "X", revenue: "Y" })).toContain(enText);
      expect(ru.t("plan-summary-plan", { clients, avgCheck: "X", revenue: "Y" })).toContain(ruText);
    }
    expect(ru.t("plan-set", { month: "m", clients: 2, avgCheck: "X", revenue: "Y", days: 20 })).toContain("2 новых клиента ×");
    expect(en.t("plan-set", { month: "m", clients: 1, avgCheck: "X", revenue: "Y", days: 20 })).toContain("1 new client ×");
    expect(en.t("plan-alert-behind", { month: "m", forecast: "f", plan: "p", completion: "c", pace: "p", revenue: "r", required: "R", days: 1 })).toContain(
      "on each working day left (working days left: 1)",
    );
  });

  it("clients won with no costs logged: cost per client is not computed, not 0", () => {
    const db = createPlanDb();
    deal(db, addMember(db, "manager", "ivan"), "Альфа", 10_000 * RUB, "2026-12-01");
    const text = renderPlanText(loadPlanFigures(db, team(db), "2026-12", "2026-12-01"), ru);
    expect(text).toContain("Стоимость нового клиента: не посчитать — расходов пока нет");
    expect(text).not.toMatch(/Стоимость нового клиента: 0/);
    expect(planReportJson(loadPlanFigures(db, team(db), "2026-12", "2026-12-01")).costPerClient).toBe(0);
  });

  it("without a plan it says how to set one", () => {
    const empty = createPlanDb();
    const text = renderPlanText(loadPlanFigures(empty, team(empty), "2026-12", "2026-12-01"), ru);
    expect(text).toContain("План не задан: /setplan 2026-12");
    expect(text).toContain("Бюджет не задан");
  });

  it("monthly summary: plan vs fact, costs, burn", () => {
    const figures = loadPlanFigures(november.db, team(november.db), "2026-11", "2026-11-30");
    const text = renderPlanSummaryText(figures, ru, { rate: 0.125, threshold: 0.3 });
    expect(text).toContain("Итоги за ноябрь 2026");
    expect(text).toContain(`Выручка: ${"580 001 ₽".replace(/ /g, NBSP)} из ${"1 000 000 ₽".replace(/ /g, NBSP)} (58%), клиентов 5 из 10`);
    expect(text).toContain(`Расходы: ${"405 000 ₽".replace(/ /g, NBSP)} из бюджета ${"750 000 ₽".replace(/ /g, NBSP)}`);
    expect(text).toContain("Выжигание базы: 13% (порог 30%)");
    expect(renderPlanSummaryText(figures, en, null)).toContain("Base burn: no data");
  });
});

describe("plan chart", () => {
  it("series from the same figures: one point per working day, fact to as-of, forecast from it", () => {
    const input = planChartInput(loadPlanFigures(november.db, team(november.db), "2026-11", "2026-11-16"), ru);
    expect(input.days).toHaveLength(20);
    expect(input.days[0]).toEqual({ date: "2026-11-02", fact: 120_000, plan: 50_000, forecast: null });
    expect(input.days[9]).toEqual({ date: "2026-11-16", fact: 460_000.5, plan: 500_000, forecast: 460_000.5 });
    expect(input.days[19]).toEqual({ date: "2026-11-30", fact: null, plan: 1_000_000, forecast: 920_001 });
    expect(input.title).toBe("Выручка: ноябрь 2026");
    expect(input.labels.revenue).toBe("Выручка с начала месяца, ₽");
  });

  it("renders a PNG (written to /tmp/plan-chart.png to look at)", async () => {
    const png = await renderPlanChart(loadPlanFigures(november.db, team(november.db), "2026-11", "2026-11-16"), ru);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
    writeFileSync("/tmp/plan-chart.png", png);
    const empty = createPlanDb();
    const blank = await renderPlanChart(loadPlanFigures(empty, team(empty), "2026-12", "2026-12-01"), en);
    expect(blank.subarray(1, 4).toString("latin1")).toBe("PNG");
    writeFileSync("/tmp/plan-chart-empty.png", blank);
  });
});
