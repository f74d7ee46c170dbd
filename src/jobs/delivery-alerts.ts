import { getTeam } from "../db/teams.js";
import { checkAlertDelivery } from "../services/team/delivery-alerts.js";
import type { Job } from "./job.js";

/** On every tick, quiet hours included: the founders hear at once when their alerts stop getting through. */
export const deliveryAlertsJob: Job = {
  name: "delivery-alerts",
  run(deps, now) {
    const team = getTeam(deps.db, deps.teamId);
    if (!team) return;
    if (checkAlertDelivery(deps.db, team, now, deps.translator) > 0) deps.logger.warn({}, "alert delivery failing; founders told");
  },
};
