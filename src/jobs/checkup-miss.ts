import { getTeam } from "../db/teams.js";
import { getMember } from "../db/members.js";
import { listOpenCheckups, markMissed, recentStatuses } from "../db/checkups.js";
import { MISSED_STREAK_ALERT, isMissDue, missedStreak } from "../domain/checkup.js";
import { sendMissedStreakAlert } from "../services/tasks/notify.js";
import type { JobDeps } from "./job.js";

/** Misses older than this are recorded without an alert: the bot was down, the news is stale. */
const ALERT_FRESH_MS = 24 * 60 * 60 * 1000;

/**
 * At the deadline (the cut-off) an unanswered check-up is missed; when that makes 2 in a row, the
 * founder's alert chat hears it in the same transaction (once per manager and day).
 */
export function runCheckupMisses(deps: JobDeps, now: number): number {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return 0;
  let missed = 0;
  for (const checkup of listOpenCheckups(deps.db, team.id)) {
    if (!isMissDue(checkup, now)) continue;
    deps.db.transaction(() => {
      if (!markMissed(deps.db, checkup.id, now)) return;
      missed++;
      const manager = getMember(deps.db, checkup.memberId);
      if (!manager || manager.status !== "active" || now - checkup.deadlineAt > ALERT_FRESH_MS) return;
      const streak = missedStreak(recentStatuses(deps.db, team.id, manager.id));
      if (streak >= MISSED_STREAK_ALERT) sendMissedStreakAlert(deps.db, deps.translator, team, manager, checkup, streak, now);
    })();
  }
  if (missed) deps.logger.info({ missed }, "check-ups missed");
  return missed;
}
