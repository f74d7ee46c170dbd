import { getTeam } from "../db/teams.js";
import { checkUnansweredQuestions } from "../services/tasks/checkup-alerts.js";
import type { JobDeps } from "./job.js";

/** A question unanswered for more than 4 working hours goes to the founders once, in working hours. */
export function runQuestionEscalation(deps: JobDeps, now: number): number {
  const team = getTeam(deps.db, deps.teamId);
  if (!team) return 0;
  return checkUnansweredQuestions(deps.db, team, now, deps.translator);
}
