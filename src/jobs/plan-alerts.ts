import { getTeam } from "../db/teams.js";
import { inImmediateTransaction } from "../db/statements.js";
import { isWorkingDay, localDate, localTime } from "../domain/calendar.js";
import { teamCalendar } from "../domain/settings.js";
import { checkPlanAlerts, firstTimeOn } from "../services/plan/plan-alerts.js";
import { checkMissedCheckups } from "../services/tasks/checkup-alerts.js";
import type { Job } from "./job.js";

/**
 * Once a working day, on the first tick at or after the team's check-up time, checks the plan alerts and the
 * managers' missed check-ups in a row (recorded at yesterday's cut-off). Weekends
 * and holidays are skipped: nothing elapses on them, so the daily check would only repeat Friday's news; a deal
 * or the day's first expense logged on such a day still triggers the check itself.
 */
export const planAlertsJob: Job = {
  name: "plan-alerts",
  run(deps, now) {
    const team = getTeam(deps.db, deps.teamId);
    if (!team) return;
    const today = localDate(now, team.timezone);
    if (!isWorkingDay(today, teamCalendar(team))) return;
    if (localTime(now, team.timezone) < team.checkupTime) return;
    // The day's mark and the alerts land together: a check that fails is tried again on the next tick.
    const queued = inImmediateTransaction(deps.db, () =>
      firstTimeOn(deps.db, `plan-alerts:last-day:${team.id}`, today, now)
        ? [...checkPlanAlerts(deps.db, team.id, now, { translator: deps.translator }), ...(checkMissedCheckups(deps.db, team, now, deps.translator) > 0 ? ["missed-checkups"] : [])]
        : [],
    );
    if (queued.length > 0) deps.logger.info({ queued }, "plan alerts queued");
  },
};
