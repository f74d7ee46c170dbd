import { getTeam } from "../db/teams.js";
import { listOpenCheckups, markMissed } from "../db/checkups.js";
import { isMissDue } from "../domain/checkup.js";
import type { JobDeps } from "./job.js";

/**
 * At the deadline (the cut-off) an unanswered check-up is missed. Misses in a row are a founder alert said the
 * next working morning (services/tasks/checkup-alerts.ts), not at the cut-off, which is quiet time.
 */
export function runCheckupMisses(deps: JobDeps, now: number): number {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return 0;
  let missed = 0;
  for (const checkup of listOpenCheckups(deps.db, team.id)) {
    if (!isMissDue(checkup, now)) continue;
    if (markMissed(deps.db, checkup.id, now)) missed++;
  }
  if (missed) deps.logger.info({ missed }, "check-ups missed");
  return missed;
}
