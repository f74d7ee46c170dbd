/**
 * Plan alerts to the founder's alert chat (docs/figures.md): plan behind, budget overrun and the "sweet lie".
 * `checkPlanAlerts` is called after every deal and once a day by the plan-alerts job, `checkExpenseAlerts` after every
 * expense; each alert goes through the outbox at most once per kind, period and local day (the idempotency key
 * says so), so calling it again is always safe.
 */
import { founderAlertRecipients } from "../team/alert-recipients.js";
import type { Db } from "../../db/open.js";
import { getTeam, type Team } from "../../db/teams.js";
import { enqueue } from "../../db/outbox.js";
import { createKvStore } from "../../db/kv.js";
import { localDate } from "../../domain/calendar.js";
import { periodOf } from "../../domain/period.js";

import type { BudgetFigures, PlanFigures } from "../../domain/plan.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { createTranslator, type Locale, type Translate, type Translator } from "../../shared/i18n.js";

import { loadBurnReport } from "../leads/burn-report.js";
import { formatPercent, formatMonth, formatMoney } from "../../shared/format.js";
import { loadPlanFigures } from "./figures.js";
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
  return t("plan-alert-budget", {
    month: formatMonth(t, figures.period.from.slice(0, 7)),
    expenses: money(figures.expensesKopecks),
    budget: money(figures.budgetKopecks),
    limit: money(budgetLimitKopecks(figures)),
    pace: formatPercent(figures.pace),
  });
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

/**
 * Checks the current period's plan, budget and burn as of `now` (team-local day) and queues each alert that
 * holds to the founder's alert chat, once per kind, period and day. Returns the kinds that were newly queued
 * (the caller wakes the outbox when any). Call it inside the transaction that wrote the deal or expense so the
 * alert and its cause are stored together.
 */
export function checkPlanAlerts(db: Db, teamId: number, now: number, options: CheckPlanAlertsOptions = {}): PlanAlertKind[] {
  const team = getTeam(db, teamId);
  if (!team) return [];
  const today = localDate(now, team.timezone);
  const period = periodOf(today);
  const figures = loadPlanFigures(db, team, period, today);
  const burnRate = figures.alerts.forecastMeetsPlan ? (options.burnRate ?? burnRateFromBase)(db, team.id, period, today, now) : null;
  const holding: PlanAlertKind[] = [];
  if (figures.alerts.planBehind) holding.push("plan-behind");
  if (figures.alerts.budgetOverrun) holding.push("budget-overrun");
  if (isSweetLie(figures.alerts.forecastMeetsPlan, burnRate, team.burnThreshold)) holding.push("sweet-lie");
  return queueAlerts(db, team, now, holding, translatorOf(options), (kind, t, locale) => alertText(kind, figures, burnRate, team, t, locale));
}

/**
 * The budget-overrun alert alone, from budget figures of the current period as of today that the caller has
 * just read in its transaction (an expense changes nothing else the plan alerts look at). Returns the kinds
 * newly queued, as checkPlanAlerts does.
 */
function checkBudgetAlert(db: Db, team: Team, now: number, figures: BudgetFigures, translator?: Translator): PlanAlertKind[] {
  if (!figures.alerts.budgetOverrun) return [];
  return queueAlerts(db, team, now, ["budget-overrun"], translator ?? translatorOf({}), (_kind, t, locale) => budgetAlertText(figures, team, t, locale));
}

/** Queues each holding alert to every alert recipient, once per kind, period and local day. */
function queueAlerts(
  db: Db,
  team: Team,
  now: number,
  holding: PlanAlertKind[],
  translator: Translator,
  text: (kind: PlanAlertKind, t: Translate, locale: Locale) => string,
): PlanAlertKind[] {
  if (holding.length === 0) return [];
  const today = localDate(now, team.timezone);
  const period = periodOf(today);
  const recipients = founderAlertRecipients(db, team);
  const queued = new Set<PlanAlertKind>();
  inImmediateTransaction(db, () => {
    for (const kind of holding) {
      for (const recipient of recipients) {
        const fresh = enqueue(
          db,
          {
            teamId: team.id,
            chatId: recipient.chatId,
            kind: `alert-${kind}`,
            key: `alert:${kind}:${period}:${today}:${recipient.chatId}`,
            message: { method: "sendMessage", text: text(kind, translator.forLocale(recipient.locale), recipient.locale) },
          },
          now,
        );
        if (fresh) queued.add(kind);
      }
    }
  });
  return holding.filter((kind) => queued.has(kind));
}

/**
 * The alerts an expense brings: the budget alert, which the expense may have tipped, every time; the plan alerts
 * on the day's first expense only. An expense cannot move the plan figures, but on a day the daily job does not
 * cover (a weekend, a holiday, before the check-up time) it is what brings that day's plan alerts, as a deal
 * does; a second look the same day would find the same figures.
 */
export function checkExpenseAlerts(db: Db, team: Team, now: number, figures: BudgetFigures, translator: Translator): PlanAlertKind[] {
  return firstTimeOn(db, `plan-alerts:expense-day:${team.id}`, localDate(now, team.timezone), now)
    ? checkPlanAlerts(db, team.id, now, { translator })
    : checkBudgetAlert(db, team, now, figures, translator);
}

/** True the first time it is asked under `key` on `day`; the day is marked then, in the caller's transaction. */
export function firstTimeOn(db: Db, key: string, day: string, now: number): boolean {
  const kv = createKvStore(db);
  if ((kv.read<string>(key) ?? "") >= day) return false;
  kv.write(key, day, now);
  return true;
}

