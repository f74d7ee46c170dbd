/**
 * The lead's weekly team summary: on the week's first working day, at or after the check-up time, each
 * manager's discipline over the week before (check-ups answered and on time, tasks, questions) — once per week
 * and lead (the outbox keys). Turned off with `/settings team_summary off`.
 */
import { getTeam } from "../db/teams.js";
import { enqueue } from "../db/outbox.js";
import { listMembers } from "../db/members.js";
import { addDays, zonedInstant } from "../domain/calendar.js";
import { disciplineFigures, disciplineLines } from "../services/tasks/checkup-report.js";
import { recipientOf } from "../services/tasks/notify.js";
import { createKvStore } from "../db/kv.js";
import { chunkLines } from "../domain/checkup.js";
import { weekStartingAt } from "./weekly-summary.js";
import type { Job, JobDeps } from "./job.js";

/** Queues the week's team summary to every lead when due at `now`; returns the week's Monday, or null. */
export function queueTeamSummary(deps: JobDeps, now: number): string | null {
  const team = getTeam(deps.db, deps.teamId);
  if (!team?.leadSummary) return null;
  const week = weekStartingAt(team, now);
  if (week === null) return null;
  const kv = createKvStore(deps.db);
  const marker = `team-summary:${team.id}:${week}`;
  if (kv.read<boolean>(marker)) return null;
  const leads = listMembers(deps.db, team.id, "lead");
  if (leads.length === 0) return null;
  // The week before, Monday to Sunday: today's check-ups are not over yet.
  const endOfWeek = zonedInstant(addDays(week, -1), "23:59", team.timezone).getTime();
  const { managers, figures, fromDate } = disciplineFigures(deps.db, team, endOfWeek, 7);
  // A week without a single check-up (the team's first) has nothing to say.
  if (figures.every((figure) => figure.checkups === 0)) return null;
  deps.db.transaction(() => {
    for (const lead of leads) {
      const to = recipientOf(lead, team);
      const t = deps.translator.forLocale(to.locale);
      const lines = [t("team-summary-title"), ...disciplineLines(t, managers, figures, fromDate), "", t("team-summary-footer")];
      chunkLines(lines).forEach((part, index) => {
        enqueue(deps.db, { teamId: team.id, chatId: to.chatId, kind: "team-summary", key: `summary:team:${week}:${index + 1}:${lead.id}`, message: { method: "sendMessage", text: part } }, now);
      });
    }
    kv.write(marker, true, now);
  }).immediate();
  return week;
}

export const teamSummaryJob: Job = {
  name: "team-summary",
  run(deps, now) {
    const week = queueTeamSummary(deps, now);
    if (week) deps.logger.info({ week }, "team summary queued");
  },
};
