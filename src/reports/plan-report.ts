/**
 * The plan report: figures from computePlanFigures (src/domain/plan.ts) rendered three ways — chat text,
 * the JSON report and the PNG chart. Nothing here computes a plan figure of its own.
 */

import { type BudgetFigures, type ManagerPlanFigures, type PlanFigures } from "../domain/plan.js";
import { kopecksToRoubles } from "../domain/money.js";
import { isExpenseCategory } from "../domain/expense-categories.js";
import type { Translate, Locale } from "../shared/i18n.js";
import { renderChartInChild, type ChartDrawer } from "./chart-process.js";
import { planChartSpec, type PlanChartInput } from "./chart-specs.js";
import { formatClientForecast, formatClientRange, formatMoney, formatDay, formatDecimal, formatPercent, formatMonth, roundTo } from "../shared/format.js";

/** Exactly the plan keys of the JSON report (docs/figures.md). Money in roubles (2 decimals at most), rates as fractions. */
export type PlanReportJson = {
  /** 'YYYY-MM' */
  period: string;
  /** 'YYYY-MM-DD' */
  asOf: string;
  planClients: number | null;
  planRevenue: number | null;
  wonClients: number;
  revenue: number;
  workingDaysTotal: number;
  workingDaysElapsed: number;
  pace: number;
  forecastRevenue: number;
  forecastClients: number;
  requiredDailyRevenue: number | null;
  budget: number;
  expenses: number;
  costPerClient: number | null;
  managers: { username: string; wonClients: number; revenue: number; checkinRate: number | null }[];
};

const roubles = (kopecks: number): number => kopecksToRoubles(kopecks);
const roublesOrNull = (kopecks: number | null): number | null => (kopecks === null ? null : kopecksToRoubles(kopecks));

/**
 * The JSON report. `period` is the month 'YYYY-MM'; `planClients`, `planRevenue` and `requiredDailyRevenue` are
 * null without a plan; `costPerClient` is null with no client won; a manager's `checkinRate` is null when no
 * check-up was due.
 */
export function planReportJson(figures: PlanFigures): PlanReportJson {
  return {
    period: figures.period.from.slice(0, 7),
    asOf: figures.asOf,
    planClients: figures.planClients,
    planRevenue: roublesOrNull(figures.planRevenueKopecks),
    wonClients: figures.wonClients,
    revenue: roubles(figures.revenueKopecks),
    workingDaysTotal: figures.workingDaysTotal,
    workingDaysElapsed: figures.workingDaysElapsed,
    pace: roundTo(figures.pace, 4),
    forecastRevenue: roubles(figures.forecastRevenueKopecks),
    forecastClients: roundTo(figures.forecastClients, 2),
    requiredDailyRevenue: roublesOrNull(figures.requiredDailyRevenueKopecks),
    budget: roubles(figures.budgetKopecks),
    expenses: roubles(figures.expensesKopecks),
    costPerClient: roublesOrNull(figures.costPerClientKopecks),
    managers: figures.managers.map((m) => ({
      username: m.username,
      wonClients: m.wonClients,
      revenue: roubles(m.revenueKopecks),
      checkinRate: m.checkinRate === null ? null : roundTo(m.checkinRate, 4),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Chat text

/** The category as users read it: a known key is translated, anything else shown as stored. */
export function categoryName(t: Translate, category: string): string {
  return isExpenseCategory(category) ? t(`plan-category-${category}`) : category;
}

export interface PlanTextOptions {
  t: Translate;
  locale: Locale;
  currency: string;
}

/** Where the month stands against today: running, over (figures final) or not begun. */
export type PlanMonthState = "current" | "past" | "future";

/**
 * The /plan reply: plan vs fact, pace, forecast, required daily revenue, each manager's part, budget vs
 * expenses by category, cost per client and revenue per rouble spent, and the alert lines that hold.
 * A past month (figures as of its last day) is a result: no forecast, no pace warnings. A future month has
 * no facts yet: only its plan and budget.
 */
export function renderPlanText(figures: PlanFigures, options: PlanTextOptions, state: PlanMonthState = "current"): string {
  const { t, locale, currency } = options;
  const money = (kopecks: number): string => formatMoney(kopecks, locale, currency);
  const period = figures.period.from.slice(0, 7);
  const lines: string[] = [];
  const month = formatMonth(t, period);
  if (state === "current") {
    lines.push(t("plan-title", { month, date: formatDay(figures.asOf) }));
    lines.push(
      t("plan-days", {
        elapsed: figures.workingDaysElapsed,
        total: figures.workingDaysTotal,
        pace: formatPercent(figures.pace),
      }),
    );
  } else {
    lines.push(t(state === "past" ? "plan-title-past" : "plan-title-future", { month }));
    lines.push(t("plan-days-month", { total: figures.workingDaysTotal }));
  }
  lines.push("");

  const plan = figures.planRevenueKopecks;
  if (state === "future") {
    lines.push(
      plan === null || figures.planClients === null
        ? t("plan-no-plan", { period })
        : t("plan-target", { clients: figures.planClients, avgCheck: money(figures.avgCheckKopecks ?? 0), revenue: money(plan) }),
    );
    lines.push("");
    if (figures.budgetKopecks === 0) lines.push(t("plan-budget-none", { period }));
    else {
      lines.push(t("plan-budget-title-future", { budget: money(figures.budgetKopecks) }));
      for (const c of figures.categories) {
        if (c.budgetKopecks > 0) lines.push(t("plan-category-line-future", { category: categoryName(t, c.category), budget: money(c.budgetKopecks) }));
      }
    }
    return lines.join("\n");
  }

  if (plan === null || figures.planClients === null) {
    lines.push(t("plan-no-plan", { period }));
    lines.push(t("plan-revenue-no-plan", { revenue: money(figures.revenueKopecks) }));
    lines.push(t("plan-clients-no-plan", { won: figures.wonClients }));
  } else {
    lines.push(
      t("plan-target", {
        clients: figures.planClients,
        avgCheck: money(figures.avgCheckKopecks ?? 0),
        revenue: money(plan),
      }),
    );
    lines.push(
      t("plan-revenue", {
        revenue: money(figures.revenueKopecks),
        plan: money(plan),
        completion: formatPercent(figures.planCompletion ?? 0),
      }),
    );
    lines.push(t("plan-clients", { won: figures.wonClients, plan: figures.planClients }));
  }

  if (state === "past") {
    // the month is over: what it fell short by, never a forecast or a daily target
  } else if (figures.workingDaysElapsed === 0) {
    lines.push(t("plan-forecast-none"));
  } else if (figures.forecastCompletion !== null) {
    lines.push(
      t("plan-forecast", {
        revenue: money(figures.forecastRevenueKopecks),
        completion: formatPercent(figures.forecastCompletion),
        clients: formatClientForecast(figures.forecastClients),
      }),
    );
  } else {
    lines.push(
      t("plan-forecast-no-plan", {
        revenue: money(figures.forecastRevenueKopecks),
        clients: formatClientForecast(figures.forecastClients),
      }),
    );
  }

  const required = figures.requiredDailyRevenueKopecks;
  if (required !== null) {
    if (required === 0) lines.push(t("plan-met"));
    else if (state === "past") lines.push(t("plan-shortfall-past", { amount: money(required) }));
    else if (figures.remainingWorkingDays > 0) {
      lines.push(t("plan-required", { amount: money(required), days: figures.remainingWorkingDays }));
    } else lines.push(t("plan-shortfall", { amount: money(required) }));
  }

  if (figures.managers.length > 0) {
    lines.push("");
    lines.push(t("plan-managers-title"));
    for (const m of figures.managers) lines.push(managerLine(m, options));
  }

  lines.push("");
  lines.push(...budgetLines(figures, options));
  lines.push(...costLines(figures, options));

  const warnings = state === "past" ? [] : alertLines(figures, options);
  if (warnings.length > 0) lines.push("", ...warnings);
  return lines.join("\n");
}

/** Costs against the budget by category; a category without a budget line says so rather than "of 0". */
export function budgetLines(figures: BudgetFigures, { t, locale, currency }: PlanTextOptions): string[] {
  const money = (kopecks: number): string => formatMoney(kopecks, locale, currency);
  const period = figures.period.from.slice(0, 7);
  if (figures.categories.length === 0) return [t("plan-budget-none", { period })];
  const lines = [
    figures.budgetKopecks > 0
      ? t("plan-budget-title", { expenses: money(figures.expensesKopecks), budget: money(figures.budgetKopecks) })
      : t("plan-budget-title-no-budget", { expenses: money(figures.expensesKopecks), period }),
  ];
  for (const c of figures.categories) {
    const category = categoryName(t, c.category);
    lines.push(
      (c.budgetKopecks > 0
        ? t("plan-category-line", { category, expenses: money(c.expensesKopecks), budget: money(c.budgetKopecks) })
        : t("plan-category-line-no-budget", { category, expenses: money(c.expensesKopecks) })) +
        (figures.paced.upFront.includes(c.category) ? ` ${t("plan-budget-up-front-mark")}` : ""),
    );
  }
  return lines;
}

/** Cost per client and revenue per rouble — only when there are costs to divide (never a misleading 0). */
function costLines(figures: PlanFigures, { t, locale, currency }: PlanTextOptions): string[] {
  const lines: string[] = [];
  if (figures.costPerClientKopecks !== null) {
    lines.push(
      figures.expensesKopecks > 0
        ? t("plan-cost-per-client", { amount: formatMoney(figures.costPerClientKopecks, locale, currency) })
        : t("plan-cost-per-client-no-costs"),
    );
  }
  if (figures.revenuePerRoubleSpent !== null) {
    lines.push(t("plan-revenue-per-rouble", { value: formatDecimal(figures.revenuePerRoubleSpent, locale, 2) }));
  }
  return lines;
}

/**
 * One manager's line: revenue and clients against their part of the plan, and their check-in rate. Someone
 * with no part of the plan (no plan yet, a 0% share, or a deal logged by a non-manager) gets the short line.
 */
function managerLine(m: ManagerPlanFigures, { t, locale, currency }: PlanTextOptions): string {
  const money = (kopecks: number): string => formatMoney(kopecks, locale, currency);
  const checkin = m.checkinRate === null ? t("plan-checkin-none") : formatPercent(m.checkinRate);
  const name = m.username === "—" ? t("plan-manager-unknown") : (m.name ?? m.username);
  if (m.planRevenueKopecks === null || m.planClients === null || m.planShare === 0) {
    return t("plan-manager-line-no-plan", { name, revenue: money(m.revenueKopecks), won: m.wonClients, checkin });
  }
  return t("plan-manager-line", {
    name,
    revenue: money(m.revenueKopecks),
    plan: money(m.planRevenueKopecks),
    share: formatPercent(m.planShare),
    won: m.wonClients,
    planClients: formatClientRange(m.planClients),
    checkin,
  });
}

/** One-line warnings for the /plan text (the founder's alerts say the same at more length). */
function alertLines(figures: PlanFigures, { t }: PlanTextOptions): string[] {
  const lines: string[] = [];
  if (figures.alerts.planBehind && figures.forecastCompletion !== null) {
    lines.push(t("plan-warning-behind", { completion: formatPercent(figures.forecastCompletion) }));
  }
  if (figures.alerts.budgetOverrun) lines.push(t("plan-warning-budget"));
  return lines;
}

// ---------------------------------------------------------------------------------------------------------
// Chart

/** Chart input from the figures: one point per working day, cumulative roubles. */
export function planChartInput(figures: PlanFigures, { t, currency, locale }: PlanTextOptions): PlanChartInput {
  const symbol = formatMoney(0, locale, currency).replace(/[\d\s,.\u00a0-]/g, "") || currency;
  return {
    title: t("plan-chart-title", { month: formatMonth(t, figures.period.from.slice(0, 7)) }),
    subtitle: t("plan-chart-subtitle", {
      date: formatDay(figures.asOf),
      elapsed: figures.workingDaysElapsed,
      total: figures.workingDaysTotal,
    }),
    labels: {
      fact: t("plan-chart-fact"),
      plan: t("plan-chart-plan"),
      forecast: t("plan-chart-forecast"),
      date: t("plan-chart-date"),
      revenue: t("plan-chart-revenue", { currency: symbol }),
      noData: t("plan-chart-no-data"),
    },
    days: figures.chart.map((point) => ({
      date: point.date,
      fact: point.factKopecks === null ? null : kopecksToRoubles(point.factKopecks),
      // Without a plan there is no plan line; the chart spec drops non-finite values.
      plan: point.planKopecks === null ? Number.NaN : kopecksToRoubles(point.planKopecks),
      forecast: point.forecastKopecks === null ? null : kopecksToRoubles(point.forecastKopecks),
    })),
  };
}

/** The /plan chart as PNG bytes (cumulative revenue against the plan and forecast lines), drawn in a child process. */
export function renderPlanChart(figures: PlanFigures, options: PlanTextOptions, draw: ChartDrawer = renderChartInChild): Promise<Buffer> {
  return draw(planChartSpec(planChartInput(figures, options)));
}

/**
 * The monthly summary of a finished period: plan vs fact, costs vs budget, cost per client, the burn rate
 * (when the burn feature supplies it) and each manager's result.
 */
export function renderPlanSummaryText(
  figures: PlanFigures,
  options: PlanTextOptions,
  burn: { rate: number; threshold: number } | null,
): string {
  const { t, locale, currency } = options;
  const money = (kopecks: number): string => formatMoney(kopecks, locale, currency);
  const period = figures.period.from.slice(0, 7);
  const lines = [t("plan-summary-title", { month: formatMonth(t, period) })];
  const plan = figures.planRevenueKopecks;
  if (plan === null || figures.planClients === null) {
    lines.push(t("plan-summary-no-plan"));
    lines.push(t("plan-summary-revenue-no-plan", { revenue: money(figures.revenueKopecks), won: figures.wonClients }));
  } else {
    lines.push(t("plan-summary-plan", { clients: figures.planClients, avgCheck: money(figures.avgCheckKopecks ?? 0), revenue: money(plan) }));
    lines.push(
      t("plan-summary-revenue", {
        revenue: money(figures.revenueKopecks),
        plan: money(plan),
        completion: formatPercent(figures.planCompletion ?? 0),
        won: figures.wonClients,
        planClients: figures.planClients,
      }),
    );
  }
  lines.push(
    figures.categories.length > 0 && figures.budgetKopecks > 0
      ? t("plan-summary-costs", { expenses: money(figures.expensesKopecks), budget: money(figures.budgetKopecks) })
      : t("plan-summary-costs-no-budget", { expenses: money(figures.expensesKopecks) }),
  );
  lines.push(...costLines(figures, options));
  lines.push(
    burn === null
      ? t("plan-summary-burn-unknown")
      : t("plan-summary-burn", { burn: formatPercent(burn.rate), threshold: formatPercent(burn.threshold) }),
  );
  if (figures.managers.length > 0) {
    lines.push("", t("plan-managers-title"));
    for (const m of figures.managers) lines.push(managerLine(m, options));
  }
  lines.push("", t("plan-summary-footer", { period }));
  return lines.join("\n");
}
