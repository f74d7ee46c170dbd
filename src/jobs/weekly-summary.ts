/**
 * The founder's weekly summary: on the week's first working day, at or after the check-up time, where the
 * month stands, the conditions still open (their only reminder) and the plan and burn charts — once per week
 * and chat (the outbox keys). The month's first working day is left to the monthly summary. If the bot was
 * down that morning, it goes out when it is back the same day; a later day skips the week.
 */
import { getTeam, type Team } from "../db/teams.js";
import { enqueue, type OutboxMessage } from "../db/outbox.js";
import { createKvStore } from "../db/kv.js";
import { addDays, listWorkingDays, localDate, localTime, weekday } from "../domain/calendar.js";
import { periodBounds, periodOf } from "../domain/period.js";
import { teamCalendar } from "../domain/settings.js";
import { renderPlanChart } from "../reports/plan-report.js";
import { renderBurnChart } from "../reports/burn-report.js";
import { renderWeeklySummaryText } from "../reports/weekly-summary.js";
import { founderAlertRecipients, type AlertRecipient } from "../services/team/alert-recipients.js";
import { loadWeeklySummary, weeklySummaryInput, type WeeklySummaryFigures } from "../services/plan/weekly-summary.js";
import type { Translator } from "../shared/i18n.js";
import type { Job, JobDeps } from "./job.js";

/**
 * The week (its Monday) when `now` is on its first working day at or after the check-up time, else null. Only on
 * that day: a summary of a week half gone is no longer the week's start (and the founder's charts cost seconds).
 */
export function weekStartingAt(team: Team, now: number): string | null {
  const today = localDate(now, team.timezone);
  const monday = addDays(today, 1 - weekday(today));
  const first = listWorkingDays(monday, addDays(monday, 6), teamCalendar(team))[0];
  return today === first && localTime(now, team.timezone) >= team.checkupTime ? monday : null;
}

/** The week whose founder's summary is due at `now`, or null when none is. */
function dueWeek(team: Team, now: number): string | null {
  const monday = weekStartingAt(team, now);
  if (monday === null) return null;
  const first = localDate(now, team.timezone);
  // The month's first working day already brings the monthly summary.
  if (first === listWorkingDays(periodBounds(periodOf(first)).from, first, teamCalendar(team))[0]) return null;
  return monday;
}

/** The text and the two charts for one recipient; a chart that cannot be drawn is left out, not the summary. */
async function messagesFor(deps: JobDeps, team: Team, figures: WeeklySummaryFigures, recipient: AlertRecipient, translator: Translator): Promise<[string, OutboxMessage][]> {
  const t = translator.forLocale(recipient.locale);
  const options = { t, locale: recipient.locale, currency: team.currency };
  const messages: [string, OutboxMessage][] = [["text", { method: "sendMessage", text: renderWeeklySummaryText(weeklySummaryInput(figures, team, t), options) }]];
  const charts: [string, () => Promise<Buffer>][] = [
    ["plan", () => renderPlanChart(figures.plan, options, deps.drawChart)],
    ["burn", () => renderBurnChart(figures.burn, { ...options, burnThreshold: team.burnThreshold, pauseThreshold: team.pauseThreshold }, deps.drawChart)],
  ];
  for (const [name, render] of charts) {
    if (name === "plan" && !figures.plan.hasPlan) continue;
    try {
      const png = await render();
      messages.push([name, { method: "sendPhoto", text: t(`weekly-chart-${name}`), file: { base64: png.toString("base64"), filename: `${name}.png` } }]);
    } catch (error) {
      deps.logger.error({ err: error, chart: name }, "weekly chart failed");
    }
  }
  return messages;
}

/** Queues the week's summary when it is due at `now`; returns the week's Monday, or null when nothing was due. */
export async function queueWeeklySummary(deps: JobDeps, now: number): Promise<string | null> {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return null;
  if (!team.founderSummary) return null;
  const week = dueWeek(team, now);
  if (week === null) return null;
  const kv = createKvStore(deps.db);
  const marker = `weekly-summary:${team.id}:${week}`;
  if (kv.read<boolean>(marker)) return null;
  const recipients = founderAlertRecipients(deps.db, team);
  if (recipients.length === 0) return null;
  const figures = loadWeeklySummary(deps.db, team, now);
  const queued = await Promise.all(recipients.map(async (recipient) => ({ recipient, messages: await messagesFor(deps, team, figures, recipient, deps.translator) })));
  deps.db.transaction(() => {
    if (kv.read<boolean>(marker)) return;
    for (const { recipient, messages } of queued) {
      for (const [part, message] of messages) {
        enqueue(deps.db, { teamId: team.id, chatId: recipient.chatId, kind: "weekly-summary", key: `summary:weekly:${week}:${part}:${recipient.chatId}`, message }, now);
      }
    }
    kv.write(marker, true, now);
  }).immediate();
  return week;
}

export const weeklySummaryJob: Job = {
  name: "weekly-summary",
  async run(deps, now) {
    const week = await queueWeeklySummary(deps, now);
    if (week) deps.logger.info({ week }, "weekly summary queued");
  },
};
