/**
 * The founder's monthly summary: on the first working day of a month, at or after the check-up
 * time, last month's plan vs fact, costs and burn go to the alert chat — once per month and chat (the
 * outbox key). If the bot was down that morning, it goes out on the next tick within the month.
 */
import { getTeam } from "../db/teams.js";
import { enqueue } from "../db/outbox.js";
import { createKvStore } from "../db/kv.js";
import { listWorkingDays, localDate, localTime } from "../domain/calendar.js";
import { periodBounds, periodOf, previousPeriod } from "../domain/period.js";
import type { PlanFigures } from "../domain/plan.js";
import { renderPlanSummaryText } from "../reports/plan-report.js";
import { burnRateFromBase, type BurnRateSource } from "../services/plan/plan-alerts.js";
import { founderAlertRecipients } from "../services/team/alert-recipients.js";
import type { Job, JobDeps } from "./job.js";
import { teamCalendar } from "../domain/settings.js";
import { loadPlanFigures } from "../services/plan/figures.js";
import { planAlertsJob } from "./plan-alerts.js";

/** Whether a finished period has anything to summarize: a plan, a deal, a cost or a budget line. */
function hasActivity(figures: PlanFigures): boolean {
  return figures.hasPlan || figures.revenueKopecks > 0 || figures.expensesKopecks > 0 || figures.categories.length > 0;
}

/**
 * Queues last month's summary when it is due at `now`; returns the period summarized, or null when nothing
 * was due (not yet the first working day's check-up time, already sent, or an empty month).
 */
export function queueMonthlySummary(deps: JobDeps, now: number, burnRate?: BurnRateSource): string | null {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return null;
  const today = localDate(now, team.timezone);
  const month = periodOf(today);
  const { from, to } = periodBounds(month);
  const calendar = teamCalendar(team);
  const firstWorkingDay = listWorkingDays(from, to, calendar)[0];
  if (firstWorkingDay === undefined || today < firstWorkingDay) return null;
  if (today === firstWorkingDay && localTime(now, team.timezone) < team.checkupTime) return null;

  const period = previousPeriod(month);
  const kv = createKvStore(deps.db);
  const marker = `monthly-summary:${team.id}:${period}`;
  if (kv.read<boolean>(marker)) return null;
  const recipients = founderAlertRecipients(deps.db, team);
  // No founder yet: keep it for when there is one (within the month).
  if (recipients.length === 0) return null;

  const lastDay = periodBounds(period).to;
  const figures = loadPlanFigures(deps.db, team, period, lastDay);
  if (!hasActivity(figures)) {
    kv.write(marker, true, now);
    return null;
  }
  const rate = (burnRate ?? burnRateFromBase)(deps.db, team.id, period, lastDay, now);
  const burn = rate === null ? null : { rate, threshold: team.burnThreshold };
  deps.db.transaction(() => {
    for (const recipient of recipients) {
      const t = deps.translator.forLocale(recipient.locale);
      enqueue(
        deps.db,
        {
          teamId: team.id,
          chatId: recipient.chatId,
          kind: "monthly-summary",
          key: `summary:monthly:${period}:${recipient.chatId}`,
          message: { method: "sendMessage", text: renderPlanSummaryText(figures, { t, locale: recipient.locale, currency: team.currency }, burn) },
        },
        now,
      );
    }
    kv.write(marker, true, now);
  })();
  return period;
}

export const monthlySummaryJob: Job = {
  name: "monthly-summary",
  run(deps, now) {
    const period = queueMonthlySummary(deps, now);
    if (period) deps.logger.info({ period }, "monthly summary queued");
  },
};

/** The plan's scheduled work, in order: the daily plan alerts, then the monthly summary. */
export const planJobs: Job[] = [planAlertsJob, monthlySummaryJob];
