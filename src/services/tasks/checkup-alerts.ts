/**
 * Team alerts to the founder as conditions (services/team/alert-conditions.ts): a manager who missed check-ups in
 * a row (subject: the manager), a question left unanswered past the escalation time (subject: the question). Each
 * is said once when it starts and ends without a word (the manager answers again, the question is answered).
 */
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";
import { getMember, listMembers } from "../../db/members.js";
import { listOpenConditions } from "../../db/alert-conditions.js";
import { listOpenQuestions, markEscalated } from "../../db/questions.js";
import { lastMissedDay, recentStatuses } from "../../db/checkups.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { isQuietTime } from "../../domain/alerts.js";
import { ESCALATE_AFTER_WORKING_MS, MISSED_STREAK_ALERT, missedStreak, needsEscalation } from "../../domain/checkup.js";
import { teamCalendar } from "../../domain/settings.js";
import { formatShortDay, memberName, quoted } from "../../shared/format.js";
import type { Translator } from "../../shared/i18n.js";
import { founderConfidentialRecipients } from "../team/alert-recipients.js";
import { sayConditions, type ConditionCheck } from "../team/alert-conditions.js";

function quiet(team: Team, now: number): boolean {
  return isQuietTime(now, { calendar: teamCalendar(team), checkupTime: team.checkupTime, cutoffTime: team.cutoffTime });
}

/** Missed check-ups in a row, per active manager; said in working hours only (misses are recorded at the cut-off). */
export function checkMissedCheckups(db: Db, team: Team, now: number, translator: Translator): number {
  if (quiet(team, now)) return 0;
  const checks = listMembers(db, team.id, "manager").map((manager): ConditionCheck => {
    const streak = missedStreak(recentStatuses(db, team.id, manager.id));
    const last = streak > 0 ? lastMissedDay(db, team.id, manager.id) : null;
    return {
      kind: "missed-checkups",
      subject: `member-${manager.id}`,
      reading: { holds: streak >= MISSED_STREAK_ALERT, value: streak },
      outboxKind: "checkup-missed-streak",
      text: (_step, t) => t("checkup-missed-streak-alert", { name: memberName(manager), count: streak, date: last ? formatShortDay(last) : "" }),
    };
  });
  return sayConditions(db, team, now, ["missed-checkups"], checks, translator).length;
}

/**
 * Questions open past the escalation time (4 working hours): each is said once, in working hours, to the founders
 * where a manager's private words may be read; marked escalated (the digest shows it) in the same transaction.
 */
export function checkUnansweredQuestions(db: Db, team: Team, now: number, translator: Translator): number {
  if (quiet(team, now)) return 0;
  const open = listOpenQuestions(db, team.id).filter((q) => q.escalatedAt !== null || needsEscalation(q.askedAt, now, team));
  if (open.length === 0 && !listOpenConditions(db, team.id).some((c) => c.kind === "question-unanswered")) return 0;
  const hours = ESCALATE_AFTER_WORKING_MS / 3_600_000;
  const recipients = founderConfidentialRecipients(db, team);
  const checks: ConditionCheck[] = [];
  for (const question of open) {
    const asker = getMember(db, question.memberId);
    if (asker?.status !== "active") continue;
    checks.push({
      kind: "question-unanswered",
      subject: `question-${question.id}`,
      reading: { holds: true, value: null },
      outboxKind: "question-escalation",
      recipients,
      text: (_step, t) => t("question-escalation-notice", { id: String(question.id), name: memberName(asker), question: quoted(question.text), hours }),
    });
  }
  return inImmediateTransaction(db, () => {
    for (const question of open) if (question.escalatedAt === null) markEscalated(db, question.id, now);
    return sayConditions(db, team, now, ["question-unanswered"], checks, translator).length;
  });
}
