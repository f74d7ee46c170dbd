import { getTeam } from "../db/teams.js";
import { listMembers } from "../db/members.js";
import { claimDigest, listCheckupsOfDay } from "../db/checkups.js";
import { chunkLines, digestDay } from "../domain/checkup.js";
import { recipientOf, reviewersOf, sendDigest } from "../services/tasks/notify.js";
import { digestLines } from "../services/tasks/checkup-report.js";
import type { JobDeps } from "./job.js";

/**
 * The lead's digest at the cut-off (after the misses are recorded), once per local day: today's
 * only, so a bot back from a long outage does not flood the lead with old days.
 */
export function runCheckupDigest(deps: JobDeps, now: number): boolean {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return false;
  const today = digestDay(now, team, true);
  if (!today) return false;
  const held = listCheckupsOfDay(deps.db, team.id, today).length > 0;
  const date = digestDay(now, team, held);
  if (!date) return false;
  if (!held && listMembers(deps.db, team.id, "manager").length === 0) return false;
  return deps.db.transaction(() => {
    if (!claimDigest(deps.db, team.id, date, now)) return false;
    for (const reviewer of reviewersOf(deps.db, team.id)) {
      const to = recipientOf(reviewer, team);
      const t = deps.translator.forLocale(to.locale);
      sendDigest(deps.db, team, to, date, chunkLines(digestLines(deps.db, team, t, date, now)), now);
    }
    return true;
  })();
}
