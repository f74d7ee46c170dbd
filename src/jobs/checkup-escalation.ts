import { getTeam } from "../db/teams.js";
import { getMember } from "../db/members.js";
import { listOpenQuestions, markEscalated } from "../db/questions.js";
import { ESCALATE_AFTER_WORKING_MS, needsEscalation } from "../domain/checkup.js";
import { notifyEscalation } from "../services/tasks/notify.js";
import type { JobDeps } from "./job.js";

/** A question unanswered for more than 4 working hours goes to the founder's alert chat, once. */
export function runQuestionEscalation(deps: JobDeps, now: number): number {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return 0;
  let escalated = 0;
  for (const question of listOpenQuestions(deps.db, team.id)) {
    if (question.escalatedAt !== null || !needsEscalation(question.askedAt, now, team)) continue;
    const asker = getMember(deps.db, question.memberId);
    deps.db.transaction(() => {
      if (!markEscalated(deps.db, question.id, now) || asker?.status !== "active") return;
      if (notifyEscalation(deps.db, deps.translator, team, question, asker, ESCALATE_AFTER_WORKING_MS / 3_600_000, now)) escalated++;
    })();
  }
  return escalated;
}
