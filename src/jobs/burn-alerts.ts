import { getTeam } from "../db/teams.js";
import { createKvStore } from "../db/kv.js";
import { isWorkingDay, localDate, localTime } from "../domain/calendar.js";
import { teamCalendar } from "../domain/settings.js";
import { checkBurnAlerts } from "../services/leads/burn-alerts.js";
import type { Job } from "./job.js";

/** How often the job looks again during the working day. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * On working days between the check-up time and the cut-off, at most once an hour: windows close and segments
 * pause by themselves as time passes, and the founder hears of it within the hour (never at night; the next
 * morning's first check catches up). Writes in the bot check at once besides.
 */
export const burnAlertsJob: Job = {
  name: "burn-alerts",
  run(deps, now) {
    const team = getTeam(deps.db, deps.teamId);
    if (!team) return;
    const today = localDate(now, team.timezone);
    if (!isWorkingDay(today, teamCalendar(team))) return;
    const time = localTime(now, team.timezone);
    if (time < team.checkupTime || time >= team.cutoffTime) return;
    const kv = createKvStore(deps.db);
    const marker = `burn-alerts:last-check:${team.id}`;
    const last = kv.read<number>(marker);
    if (last !== undefined && now - last < CHECK_EVERY_MS && localDate(last, team.timezone) === today) return;
    const queued = deps.db.transaction(() => {
      const kinds = checkBurnAlerts(deps.db, team.id, now, { translator: deps.translator });
      kv.write(marker, now, now);
      return kinds;
    }).immediate();
    if (queued.length > 0) deps.logger.info({ queued }, "burn alerts queued");
  },
};
