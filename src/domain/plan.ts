/**
 * Plan vs fact for one period: the single source of every plan figure. /plan, the JSON report and the chart
 * only render what `computePlanFigures` returns.
 */
import { listWorkingDays, isValidDate } from "./calendar.js";
import type { TeamCalendar } from "./calendar.js";
import { periodBounds } from "./period.js";

/** The founder's plan for a period: X new clients with an average check of Y. */
export type PlanTarget = { clients: number; avgCheckKopecks: number };

/** A won deal. */
export type PlanDeal = {
  managerId: number;
  username: string;
  /** how chat names the manager («Иван Петров (@ivan)»); the username when absent */
  name?: string;
  /** Team-local day of the deal, 'YYYY-MM-DD'. */
  localDate: string;
  amountKopecks: number;
  /**
   * The company that became a client. When given, a company with several deals in the period counts as one
   * won client (per manager and for the team); deals without it count one client each.
   */
  companyId?: number;
};

/** A logged cost. */
export type PlanExpense = { localDate: string; category: string; amountKopecks: number };

/** A budget line of the period; one paid up front (salaries on the 1st) is left out of the overrun. */
export type PlanBudgetLine = { category: string; amountKopecks: number; paidUpFront?: boolean };

/** What the budget overrun compares: the lines spent along the month and the expenses of their categories. */
export type PacedBudget = {
  budgetKopecks: number;
  expensesKopecks: number;
  /** Categories whose line is paid up front, left out of both sums. */
  upFront: string[];
};

/** A manager taking part in the plan. */
export type PlanManager = {
  id: number;
  username: string;
  /** how chat names the manager («Иван Петров (@ivan)»); the username when absent */
  name?: string;
  /**
   * Fraction of the team plan this manager carries (0..1). Managers without one split what the explicit
   * shares leave (1 − their sum, never below 0) equally.
   */
  planShare?: number;
  /** Check-ups this manager was due to answer in the period up to as-of (vacation days excluded by the caller). */
  checkupsDue: number;
  checkupsAnswered: number;
};

/** What the budget figures need: the period's calendar, expenses and budget lines. */
export type BudgetInput = Pick<PlanInput, "period" | "calendar" | "expenses" | "budget">;

export type PlanInput = {
  /** 'YYYY-MM' */
  period: string;
  calendar: TeamCalendar;
  plan: PlanTarget | null;
  deals: PlanDeal[];
  expenses: PlanExpense[];
  /** Budget lines of this period (the caller selects them by period). */
  budget: PlanBudgetLine[];
  managers: PlanManager[];
};

export type ManagerPlanFigures = {
  managerId: number;
  username: string;
  /** how chat names the manager; the username when absent */
  name?: string;
  /** Fraction of the team plan (0 for someone who is not in the managers list but logged a deal). */
  planShare: number;
  /** planClients × share, unrounded; null without a plan. */
  planClients: number | null;
  /** planRevenue × share, whole kopecks; null without a plan. */
  planRevenueKopecks: number | null;
  wonClients: number;
  revenueKopecks: number;
  /** checkupsAnswered / checkupsDue in [0,1]; null when no check-up was due. */
  checkinRate: number | null;
  checkupsDue: number;
  checkupsAnswered: number;
};

export type CategoryFigures = { category: string; budgetKopecks: number; expensesKopecks: number };

/** One working day of the period, for the chart. Cumulative revenue, whole kopecks. */
export type PlanChartPoint = {
  date: string;
  /** 1-based number of the working day within the period. */
  workingDay: number;
  /** Even plan line: planRevenue × workingDay / total; null without a plan. */
  planKopecks: number | null;
  /** Cumulative fact, for working days up to as-of; null after. */
  factKopecks: number | null;
  /** Fact extended at the current pace, from the last elapsed working day to the end; null before it. */
  forecastKopecks: number | null;
};

export type PlanAlerts = {
  /** forecast revenue < 90% of plan revenue, once pace ≥ 25%. */
  planBehind: boolean;
  /** paced expenses > paced budget × pace × 1.1 (only with at least one budget line not paid up front). */
  budgetOverrun: boolean;
  /** forecast revenue ≥ 100% of plan revenue (plan revenue > 0). Half of the "sweet lie" alert. */
  forecastMeetsPlan: boolean;
};

export type PlanFigures = {
  period: { from: string; to: string };
  asOf: string;
  hasPlan: boolean;
  planClients: number | null;
  planRevenueKopecks: number | null;
  avgCheckKopecks: number | null;
  wonClients: number;
  revenueKopecks: number;
  workingDaysTotal: number;
  workingDaysElapsed: number;
  remainingWorkingDays: number;
  /** workingDaysElapsed / workingDaysTotal, in [0,1]. */
  pace: number;
  forecastRevenueKopecks: number;
  /** Unrounded. */
  forecastClients: number;
  /** Revenue still needed per remaining working day; null without a plan. */
  requiredDailyRevenueKopecks: number | null;
  /** revenue / planRevenue (may exceed 1); null without a positive plan. */
  planCompletion: number | null;
  /** forecastRevenue / planRevenue (may exceed 1); null without a positive plan. */
  forecastCompletion: number | null;
  budgetKopecks: number;
  expensesKopecks: number;
  paced: PacedBudget;
  /** expenses / wonClients, whole kopecks; null when no client was won. */
  costPerClientKopecks: number | null;
  /** revenue / expenses; null when nothing was spent. */
  revenuePerRoubleSpent: number | null;
  categories: CategoryFigures[];
  managers: ManagerPlanFigures[];
  chart: PlanChartPoint[];
  alerts: PlanAlerts;
};

/**
 * The budget part of the plan figures: what /expense and /budget show and the budget-overrun alert decides on.
 * computePlanFigures returns the same fields (a PlanFigures is a BudgetFigures), computed by the same code.
 */
export type BudgetFigures = Pick<
  PlanFigures,
  "period" | "asOf" | "workingDaysTotal" | "workingDaysElapsed" | "remainingWorkingDays" | "pace" | "budgetKopecks" | "expensesKopecks" | "paced" | "categories"
> & { alerts: Pick<PlanAlerts, "budgetOverrun"> };

function assertKopecks(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be whole kopecks, got ${value}`);
}

/** Distinct won clients among `deals` (deals without companyId count one each). */
function countClients(deals: PlanDeal[]): number {
  const companies = new Set<number>();
  let anonymous = 0;
  for (const deal of deals) {
    if (deal.companyId === undefined) anonymous++;
    else companies.add(deal.companyId);
  }
  return companies.size + anonymous;
}

function sumKopecks(items: { amountKopecks: number }[]): number {
  return items.reduce((sum, item) => sum + item.amountKopecks, 0);
}

/** Resolves explicit and default plan shares; see PlanManager.planShare. */
function resolveShares(managers: PlanManager[]): number[] {
  const explicit = managers.reduce((sum, m) => sum + (m.planShare ?? 0), 0);
  const implicitCount = managers.filter((m) => m.planShare === undefined).length;
  const rest = implicitCount > 0 ? Math.max(0, 1 - explicit) / implicitCount : 0;
  return managers.map((m) => m.planShare ?? rest);
}

/**
 * Computes every plan figure of `input.period` as of the local day `asOf` ('YYYY-MM-DD', team time zone).
 *
 * Definitions (docs/figures.md):
 * - only deals and expenses dated inside the period and on or before `asOf` count; budget lines are taken as given;
 * - workingDaysTotal = working days of the period; workingDaysElapsed = working days from the period start to
 *   `asOf` inclusive, clamped to the period (as-of before it → 0, after it → total);
 * - pace = elapsed / total (0 when the period has no working days);
 * - forecast = fact / elapsed × total, for revenue and for clients; 0 when elapsed = 0 (even if a
 *   deal was logged on a weekend before the first working day);
 * - requiredDailyRevenue = (planRevenue − revenue) / remaining working days, never negative (0 once the plan is
 *   met); with no working day left it is the whole shortfall (due at once), so there is no division by zero;
 * - costPerClient = expenses / won clients (null when no client was won);
 *   revenuePerRoubleSpent = revenue / expenses (null when nothing was spent);
 * - won clients count distinct companies when deals carry companyId, else deals.
 *
 * Rounding: money stays in integer kopecks; derived money (forecast, plan line, per-manager plan, cost per
 * client) is rounded half-up to whole kopecks, except requiredDailyRevenue, which is rounded UP so that
 * remaining days × required ≥ shortfall. Rates, shares and client counts are unrounded fractions — renderers
 * round for display. Alert thresholds are compared exactly (integer arithmetic), not on rounded figures.
 *
 * Chart: one point per working day of the period. A deal on a non-working day is added to the fact of the
 * working day before it (or of the first working day when none precedes it), so the last fact point always
 * equals `revenueKopecks`.
 *
 * Managers: the listed managers in input order, then anyone else who logged a counted deal (share 0).
 *
 * Throws RangeError on an invalid period or as-of day, or on amounts that are not whole kopecks.
 */
export function computePlanFigures(input: PlanInput, asOf: string): PlanFigures {
  const { workingDays, counts, budget: budgetFigures } = periodAndBudget(input, asOf);
  const { period, workingDaysTotal: total, workingDaysElapsed: elapsed, remainingWorkingDays: remaining, pace } = budgetFigures;
  const spent = budgetFigures.expensesKopecks;

  const deals = input.deals.filter((d) => counts(d.localDate));
  for (const d of deals) assertKopecks(d.amountKopecks, "Deal amount");

  const revenue = sumKopecks(deals);
  const wonClients = countClients(deals);
  const forecastRevenue = elapsed > 0 ? Math.round((revenue * total) / elapsed) : 0;
  const forecastClients = elapsed > 0 ? (wonClients * total) / elapsed : 0;

  const plan = input.plan;
  if (plan) assertKopecks(plan.avgCheckKopecks, "Average check");
  const planClients = plan ? plan.clients : null;
  const planRevenue = plan ? Math.round(plan.clients * plan.avgCheckKopecks) : null;
  let requiredDaily: number | null = null;
  if (planRevenue !== null) {
    const shortfall = Math.max(0, planRevenue - revenue);
    requiredDaily = remaining > 0 ? Math.ceil(shortfall / remaining) : shortfall;
  }
  const positivePlan = planRevenue !== null && planRevenue > 0 ? planRevenue : null;

  // Exact comparisons in BigInt: kopecks × days × 10 can pass 2^53 for very large amounts.
  const big = BigInt;
  const planBehind =
    positivePlan !== null && elapsed > 0 && 4 * elapsed >= total &&
    big(10) * big(revenue) * big(total) < big(9) * big(positivePlan) * big(elapsed);
  const forecastMeetsPlan =
    positivePlan !== null && elapsed > 0 && big(revenue) * big(total) >= big(positivePlan) * big(elapsed);

  return {
    period,
    asOf,
    hasPlan: plan !== null,
    planClients,
    planRevenueKopecks: planRevenue,
    avgCheckKopecks: plan ? plan.avgCheckKopecks : null,
    wonClients,
    revenueKopecks: revenue,
    workingDaysTotal: total,
    workingDaysElapsed: elapsed,
    remainingWorkingDays: remaining,
    pace,
    forecastRevenueKopecks: forecastRevenue,
    forecastClients,
    requiredDailyRevenueKopecks: requiredDaily,
    planCompletion: positivePlan !== null ? revenue / positivePlan : null,
    forecastCompletion: positivePlan !== null ? forecastRevenue / positivePlan : null,
    budgetKopecks: budgetFigures.budgetKopecks,
    expensesKopecks: spent,
    paced: budgetFigures.paced,
    costPerClientKopecks: wonClients > 0 ? Math.round(spent / wonClients) : null,
    revenuePerRoubleSpent: spent > 0 ? revenue / spent : null,
    categories: budgetFigures.categories,
    managers: managerFigures(input.managers, deals, plan ? { clients: plan.clients, revenue: planRevenue ?? 0 } : null),
    chart: chartPoints(workingDays, elapsed, deals, planRevenue),
    alerts: { planBehind, budgetOverrun: budgetFigures.alerts.budgetOverrun, forecastMeetsPlan },
  };
}

/**
 * The budget figures of `input.period` as of `asOf`, by the definitions of computePlanFigures (expenses dated
 * in the period up to as-of; overrun when the paced expenses > the paced budget × pace × 1.1: lines paid up front left out).
 * Reads no deals, plan or managers: /expense needs only these.
 */
export function computeBudgetFigures(input: BudgetInput, asOf: string): BudgetFigures {
  return periodAndBudget(input, asOf).budget;
}

/** The working days of the period, which local days count as of `asOf`, and the budget figures. */
function periodAndBudget(input: BudgetInput, asOf: string) {
  if (!isValidDate(asOf)) throw new RangeError(`Invalid as-of day, expected YYYY-MM-DD: ${asOf}`);
  const { from, to } = periodBounds(input.period);
  const countedTo = asOf < to ? asOf : to;
  const counts = (localDate: string): boolean => localDate >= from && localDate <= countedTo;

  const expenses = input.expenses.filter((e) => counts(e.localDate));
  for (const e of expenses) assertKopecks(e.amountKopecks, "Expense amount");
  for (const b of input.budget) assertKopecks(b.amountKopecks, "Budget line");

  const workingDays = listWorkingDays(from, to, input.calendar);
  const total = workingDays.length;
  const elapsed = asOf < from ? 0 : workingDays.filter((d) => d <= asOf).length;
  const budget = sumKopecks(input.budget);
  const spent = sumKopecks(expenses);
  const upFront = [...new Set(input.budget.filter((b) => b.paidUpFront).map((b) => b.category))];
  const pacedLines = input.budget.filter((b) => !upFront.includes(b.category));
  const paced: PacedBudget = {
    budgetKopecks: sumKopecks(pacedLines),
    expensesKopecks: sumKopecks(expenses.filter((e) => !upFront.includes(e.category))),
    upFront,
  };
  const budgetOverrun =
    pacedLines.length > 0 && total > 0 &&
    BigInt(10) * BigInt(paced.expensesKopecks) * BigInt(total) > BigInt(11) * BigInt(paced.budgetKopecks) * BigInt(elapsed);
  const figures: BudgetFigures = {
    period: { from, to },
    asOf,
    workingDaysTotal: total,
    workingDaysElapsed: elapsed,
    remainingWorkingDays: total - elapsed,
    pace: total > 0 ? elapsed / total : 0,
    budgetKopecks: budget,
    expensesKopecks: spent,
    paced,
    categories: categoryFigures(input.budget, expenses),
    alerts: { budgetOverrun },
  };
  return { workingDays, counts, budget: figures };
}

/** Budget and expenses per category: budget categories in input order, then categories only spent on. */
function categoryFigures(budget: PlanBudgetLine[], expenses: PlanExpense[]): CategoryFigures[] {
  const byCategory = new Map<string, CategoryFigures>();
  const row = (category: string): CategoryFigures => {
    let found = byCategory.get(category);
    if (!found) {
      found = { category, budgetKopecks: 0, expensesKopecks: 0 };
      byCategory.set(category, found);
    }
    return found;
  };
  for (const line of budget) row(line.category).budgetKopecks += line.amountKopecks;
  for (const expense of expenses) row(expense.category).expensesKopecks += expense.amountKopecks;
  return [...byCategory.values()];
}

function managerFigures(
  managers: PlanManager[],
  deals: PlanDeal[],
  plan: { clients: number; revenue: number } | null,
): ManagerPlanFigures[] {
  const shares = resolveShares(managers);
  const rows: ManagerPlanFigures[] = managers.map((m, i) => {
    const share = shares[i] ?? 0;
    const due = Math.max(0, m.checkupsDue);
    const answered = Math.min(Math.max(0, m.checkupsAnswered), due);
    return {
      managerId: m.id,
      username: m.username,
      ...(m.name === undefined ? {} : { name: m.name }),
      planShare: share,
      planClients: plan ? plan.clients * share : null,
      planRevenueKopecks: plan ? Math.round(plan.revenue * share) : null,
      wonClients: 0,
      revenueKopecks: 0,
      checkinRate: due > 0 ? answered / due : null,
      checkupsDue: due,
      checkupsAnswered: answered,
    };
  });
  const byId = new Map(rows.map((r) => [r.managerId, r]));
  const dealsById = new Map<number, PlanDeal[]>();
  for (const deal of deals) {
    if (!byId.has(deal.managerId)) {
      const outsider: ManagerPlanFigures = {
        managerId: deal.managerId,
        username: deal.username,
        ...(deal.name === undefined ? {} : { name: deal.name }),
        planShare: 0,
        planClients: plan ? 0 : null,
        planRevenueKopecks: plan ? 0 : null,
        wonClients: 0,
        revenueKopecks: 0,
        checkinRate: null,
        checkupsDue: 0,
        checkupsAnswered: 0,
      };
      rows.push(outsider);
      byId.set(deal.managerId, outsider);
    }
    const own = dealsById.get(deal.managerId) ?? [];
    own.push(deal);
    dealsById.set(deal.managerId, own);
  }
  for (const [managerId, own] of dealsById) {
    const row = byId.get(managerId);
    if (!row) continue;
    row.revenueKopecks = sumKopecks(own);
    row.wonClients = countClients(own);
  }
  return rows;
}

function chartPoints(
  workingDays: string[],
  elapsed: number,
  deals: PlanDeal[],
  planRevenue: number | null,
): PlanChartPoint[] {
  const total = workingDays.length;
  // Each deal goes to the last working day on or before it (the first working day if none).
  const perDay = new Array<number>(total).fill(0);
  for (const deal of deals) {
    let index = 0;
    for (let i = 0; i < total && (workingDays[i] ?? "") <= deal.localDate; i++) index = i;
    perDay[index] = (perDay[index] ?? 0) + deal.amountKopecks;
  }
  // Counted deals are all on or before as-of, so with elapsed > 0 this is the whole revenue: a deal on a
  // weekend as-of lands on the last elapsed working day.
  const factAtElapsed = perDay.slice(0, elapsed).reduce((a, b) => a + b, 0);
  let cumulative = 0;
  return workingDays.map((date, i) => {
    const day = i + 1;
    cumulative += perDay[i] ?? 0;
    return {
      date,
      workingDay: day,
      planKopecks: planRevenue !== null && total > 0 ? Math.round((planRevenue * day) / total) : null,
      factKopecks: day <= elapsed ? cumulative : null,
      forecastKopecks: elapsed > 0 && day >= elapsed ? Math.round((factAtElapsed * day) / elapsed) : null,
    };
  });
}

/** The budget limit the overrun alert compares with: paced budget × pace × 1.1, whole kopecks. */
export function budgetLimitKopecks(figures: BudgetFigures): number {
  return figures.workingDaysTotal > 0
    ? Math.round((figures.paced.budgetKopecks * figures.workingDaysElapsed * 11) / (figures.workingDaysTotal * 10))
    : 0;
}
