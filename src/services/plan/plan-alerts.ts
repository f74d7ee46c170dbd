/**
 * Plan alerts to the founder's alert chat: plan behind, budget overrun and the "sweet lie", each a condition of
 * the month said once when it starts (services/team/alert-conditions.ts). `checkPlanAlerts` is called after
 * every deal and once a working day by the plan-alerts job, `checkExpenseAlerts` after every expense; calling
 * either again is always safe.
 */
import type { Db } from "../../db/open.js";
import { getTeam, type Team } from "../../db/teams.js";
import { createKvStore } from "../../db/kv.js";
import { localDate } from "../../domain/calendar.js";
import { burnClearlyBelow, END_MARGIN, hasBurnSample, isQuietTime } from "../../domain/alerts.js";
import { teamCalendar } from "../../domain/settings.js";
import { sayConditions, stepText, type ConditionCheck } from "../team/alert-conditions.js";
import { periodOf } from "../../domain/period.js";

import type { BudgetFigures, PlanFigures } from "../../domain/plan.js";
import { createTranslator, type Locale, type Translate, type Translator } from "../../shared/i18n.js";

import { loadBurnReport } from "../leads/burn-report.js";
import { formatPercent, formatMonth, formatMoney } from "../../shared/format.js";
import { loadPlanFigures } from "./figures.js";
import { categoryName } from "../../reports/plan-report.js";
import { budgetLimitKopecks } from "../../domain/plan.js";

/**
 * The period's burn rate (burned / contacted) as of a local day, or null when it is not known.
 * Tests inject their own; the default reads the burn feature's report.
 */
export type BurnRateSource = (db: Db, teamId: number, period: string, asOf: string, now: number) => number | null;

/** The burn rate from the lead base's counters (src/services/leads/burn-report.ts), the same figure /burn shows. */
export const burnRateFromBase: BurnRateSource = (db, teamId, period, asOf, now) =>
  loadBurnReport(db, teamId, { period, asOf, now }).figures.burnRate;

/**
 * The "sweet lie": the forecast meets the plan (forecast ≥ 100% of a positive plan) while the base burns at or
 * above the threshold. Unknown burn (null) is never a sweet lie.
 */
export function isSweetLie(forecastMeetsPlan: boolean, burnRate: number | null, burnThreshold: number): boolean {
  return forecastMeetsPlan && burnRate !== null && burnRate >= burnThreshold;
}

export type PlanAlertKind = "plan-behind" | "budget-overrun" | "sweet-lie";

export interface CheckPlanAlertsOptions {
  translator?: Translator;
  burnRate?: BurnRateSource;
}

let sharedTranslator: Translator | undefined;

function translatorOf(options: CheckPlanAlertsOptions): Translator {
  if (options.translator) return options.translator;
  sharedTranslator ??= createTranslator();
  return sharedTranslator;
}

function budgetAlertText(figures: BudgetFigures, team: Team, t: Translate, locale: Locale): string {
  const money = (kopecks: number) => formatMoney(kopecks, locale, team.currency);
  const text = t("plan-alert-budget", {
    month: formatMonth(t, figures.period.from.slice(0, 7)),
    expenses: money(figures.paced.expensesKopecks),
    budget: money(figures.paced.budgetKopecks),
    limit: money(budgetLimitKopecks(figures)),
    pace: formatPercent(figures.pace),
  });
  const upFront = figures.paced.upFront;
  return upFront.length === 0 ? text : `${text}\n${t("plan-alert-budget-up-front", { categories: upFront.map((c) => categoryName(t, c)).join(", ") })}`;
}

function alertText(kind: PlanAlertKind, figures: PlanFigures, burnRate: number | null, team: Team, t: Translate, locale: Locale): string {
  const money = (kopecks: number) => formatMoney(kopecks, locale, team.currency);
  const month = formatMonth(t, figures.period.from.slice(0, 7));
  const plan = figures.planRevenueKopecks ?? 0;
  const completion = formatPercent(figures.forecastCompletion ?? 0);
  switch (kind) {
    case "plan-behind":
      return t("plan-alert-behind", {
        month,
        forecast: money(figures.forecastRevenueKopecks),
        plan: money(plan),
        completion,
        pace: formatPercent(figures.pace),
        revenue: money(figures.revenueKopecks),
        required: money(figures.requiredDailyRevenueKopecks ?? 0),
        days: figures.remainingWorkingDays,
      });
    case "budget-overrun":
      return budgetAlertText(figures, team, t, locale);
    case "sweet-lie":
      return t("plan-alert-sweet-lie", {
        month,
        forecast: money(figures.forecastRevenueKopecks),
        completion,
        burn: formatPercent(burnRate ?? 0),
        threshold: formatPercent(team.burnThreshold),
      });
  }
}

/** The three plan conditions for the month `figures` cover, and how to say each step. */
function planChecks(figures: PlanFigures, burnRate: number | null, team: Team): ConditionCheck[] {
  const month = figures.period.from.slice(0, 7);
  const completion = figures.forecastCompletion;
  const check = (kind: PlanAlertKind, holds: boolean, value: number | null, clear = !holds): ConditionCheck => ({
    kind,
    subject: month,
    reading: { holds, value, clear },
    text: (step, t, locale) => stepText(step, alertText(kind, figures, burnRate, team, t, locale), kind, t, formatMonth(t, month)),
  });
  return [
    check("plan-behind", figures.alerts.planBehind, completion, completion === null || completion >= PLAN_BEHIND_BELOW + END_MARGIN),
    check("budget-overrun", figures.alerts.budgetOverrun, null),
    check(
      "sweet-lie",
      isSweetLie(figures.alerts.forecastMeetsPlan, burnRate, team.burnThreshold),
      burnRate,
      completion === null || completion < 1 - END_MARGIN || burnClearlyBelow(burnRate, team.burnThreshold),
    ),
  ];
}

/**
 * Checks the current period's plan, budget and burn as of `now` (team-local day) and says what changed to the
 * founder's alert chat: a condition's start, its getting clearly worse, its end, each once. Quiet time (a day
 * off, outside check-up time to cut-off) checks nothing: the next working morning's job does. Returns the
 * kinds newly queued (the caller wakes the outbox when any). Call it inside the transaction that wrote the deal
 * or expense so the alert and its cause are stored together.
 */
export function checkPlanAlerts(db: Db, teamId: number, now: number, options: CheckPlanAlertsOptions = {}): PlanAlertKind[] {
  const team = getTeam(db, teamId);
  if (!team || isQuietTime(now, { calendar: teamCalendar(team), checkupTime: team.checkupTime, cutoffTime: team.cutoffTime })) return [];
  const today = localDate(now, team.timezone);
  const period = periodOf(today);
  const figures = loadPlanFigures(db, team, period, today);
  // Near the plan too: an open sweet lie ends only when the burn is clearly below its threshold.
  const nearPlan = figures.alerts.forecastMeetsPlan || (figures.forecastCompletion ?? 0) >= 1 - END_MARGIN;
  const burnRate = nearPlan ? (options.burnRate ?? sampledBurnRate(team))(db, team.id, period, today, now) : null;
  return sayConditions(db, team, now, PLAN_KINDS, planChecks(figures, burnRate, team), translatorOf(options)) as PlanAlertKind[];
}

/** The plan-behind rule's line (forecast below 90% of plan); an open condition ends 5 points above it. */
const PLAN_BEHIND_BELOW = 0.9;

const PLAN_KINDS: readonly PlanAlertKind[] = ["plan-behind", "budget-overrun", "sweet-lie"];

/** The burn rate from the base, or null when too few companies were contacted this month to judge. */
function sampledBurnRate(team: Team): BurnRateSource {
  return (db, teamId, period, asOf, now) => {
    const figures = loadBurnReport(db, teamId, { period, asOf, now }).figures;
    return hasBurnSample(figures.contacted, team.minContacted) ? figures.burnRate : null;
  };
}

/**
 * The alerts an expense brings: the budget overrun alone (an expense moves nothing else the plan alerts look
 * at), from the budget figures the caller has just read in its transaction.
 */
export function checkExpenseAlerts(db: Db, team: Team, now: number, figures: BudgetFigures, translator: Translator): PlanAlertKind[] {
  if (isQuietTime(now, { calendar: teamCalendar(team), checkupTime: team.checkupTime, cutoffTime: team.cutoffTime })) return [];
  const month = figures.period.from.slice(0, 7);
  const check: ConditionCheck = {
    kind: "budget-overrun",
    subject: month,
    reading: { holds: figures.alerts.budgetOverrun, value: null },
    text: (step, t, locale) => stepText(step, budgetAlertText(figures, team, t, locale), "budget-overrun", t, formatMonth(t, month)),
  };
  return sayConditions(db, team, now, ["budget-overrun"], [check], translator) as PlanAlertKind[];
}

/** True the first time it is asked under `key` on `day`; the day is marked then, in the caller's transaction. */
export function firstTimeOn(db: Db, key: string, day: string, now: number): boolean {
  const kv = createKvStore(db);
  if ((kv.read<string>(key) ?? "") >= day) return false;
  kv.write(key, day, now);
  return true;
}

