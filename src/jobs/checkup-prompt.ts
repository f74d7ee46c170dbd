import { getTeam } from "../db/teams.js";
import { listMembers } from "../db/members.js";
import { listAway } from "../db/away.js";
import { insertCheckup } from "../db/checkups.js";
import { listTasks } from "../db/tasks.js";
import { checkupDay, isAwayOn, reminderAt, scheduledPromptDay } from "../domain/checkup.js";
import { ASKED_STATES } from "../domain/tasks.js";
import { sendCheckupPrompt } from "../services/tasks/notify.js";
import type { JobDeps } from "./job.js";

/**
 * The daily prompt: from the check-up time to the cut-off of a working day (team time zone), every
 * active manager who is not away and has no check-up row for today gets one. The row per manager
 * and day is unique and the prompt is queued in the same transaction, so a late or repeated run
 * sends today's prompt once and never a past day's.
 */
export function runCheckupPrompts(deps: JobDeps, now: number): number {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return 0;
  const date = scheduledPromptDay(now, team);
  if (!date) return 0;
  const day = checkupDay(date, team);
  let sent = 0;
  for (const manager of listMembers(deps.db, team.id, "manager")) {
    if (isAwayOn(date, listAway(deps.db, team.id, date, manager.id))) continue;
    deps.db.transaction(() => {
      const checkup = insertCheckup(deps.db, {
        teamId: team.id,
        memberId: manager.id,
        localDate: date,
        source: "schedule",
        promptedAt: now,
        remindAt: reminderAt(now, day.cutoffAt),
        deadlineAt: day.cutoffAt,
      });
      if (!checkup) return;
      const open = listTasks(deps.db, team.id, ASKED_STATES, manager.id).length;
      if (sendCheckupPrompt(deps.db, deps.translator, team, manager, checkup, open, `checkup-prompt:${manager.id}:${date}`, now)) sent++;
    })();
  }
  if (sent) deps.logger.info({ date, sent }, "check-up prompts queued");
  return sent;
}
