import { getTeam } from "../db/teams.js";
import { getMember } from "../db/members.js";
import { listAway } from "../db/away.js";
import { listOpenCheckups, markReminded } from "../db/checkups.js";
import { isAwayOn, isReminderDue } from "../domain/checkup.js";
import { sendCheckupReminder } from "../services/tasks/notify.js";
import type { JobDeps } from "./job.js";

/** One reminder 2 h after the prompt while the check-up is unanswered and before its deadline. */
export function runCheckupReminders(deps: JobDeps, now: number): number {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return 0;
  let sent = 0;
  for (const checkup of listOpenCheckups(deps.db, team.id)) {
    if (!isReminderDue(checkup, now)) continue;
    const manager = getMember(deps.db, checkup.memberId);
    const skip = !manager || manager.status !== "active" || isAwayOn(checkup.localDate, listAway(deps.db, team.id, checkup.localDate, checkup.memberId));
    deps.db.transaction(() => {
      if (!markReminded(deps.db, checkup.id, now) || skip) return;
      if (sendCheckupReminder(deps.db, deps.translator, team, manager!, checkup, now)) sent++;
    })();
  }
  return sent;
}
