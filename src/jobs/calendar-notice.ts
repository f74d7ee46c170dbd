/**
 * Once a year, in December, tells the founders when next year's transfers of days off are not shipped: until
 * they are, next year's working days follow the Labour Code alone and may be off by a few days.
 */
import { getTeam } from "../db/teams.js";
import { enqueue } from "../db/outbox.js";
import { localParts } from "../domain/calendar.js";
import { hasPublicCalendar, hasPublishedYear } from "../domain/public-calendar.js";
import { founderAlertRecipients } from "../services/team/alert-recipients.js";
import type { Job, JobDeps } from "./job.js";

/** Queues the notice when due at `now`; returns the year it is about, or null. The outbox key makes it once. */
export function queueCalendarNotice(deps: JobDeps, now: number): number | null {
  const team = getTeam(deps.db, deps.teamId);
  if (!team || !hasPublicCalendar(team.country)) return null;
  const local = localParts(now, team.timezone);
  // Working hours only: the founder should not be woken for this.
  if (local.month !== 12 || local.time < team.checkupTime || local.time >= team.cutoffTime) return null;
  const year = local.year + 1;
  if (hasPublishedYear(team.country, year)) return null;
  const recipients = founderAlertRecipients(deps.db, team);
  if (recipients.length === 0) return null;
  deps.db.transaction(() => {
    for (const recipient of recipients) {
      const text = deps.translator.forLocale(recipient.locale)("calendar-next-year-missing", { year: String(year) });
      enqueue(
        deps.db,
        { teamId: team.id, chatId: recipient.chatId, kind: "calendar-notice", key: `calendar:next-year:${year}:${recipient.chatId}`, message: { method: "sendMessage", text } },
        now,
      );
    }
  })();
  return year;
}

export const calendarNoticeJob: Job = {
  name: "calendar-notice",
  run(deps, now) {
    queueCalendarNotice(deps, now);
  },
};
