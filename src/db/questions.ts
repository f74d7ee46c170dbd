import type { Db } from "./open.js";
import { prepared } from "./statements.js";
import type { TaskState } from "../domain/tasks.js";

export interface Question {
  id: number;
  teamId: number;
  memberId: number;
  taskId: number | null;
  checkupId: number | null;
  text: string;
  stateBefore: TaskState | null;
  askedAt: number;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: number | null;
  escalatedAt: number | null;
}

interface QuestionRow {
  id: number;
  team_id: number;
  member_id: number;
  task_id: number | null;
  checkup_id: number | null;
  text: string;
  state_before: TaskState | null;
  asked_at: number;
  answer: string | null;
  answered_by: number | null;
  answered_at: number | null;
  escalated_at: number | null;
}

function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id,
    teamId: row.team_id,
    memberId: row.member_id,
    taskId: row.task_id,
    checkupId: row.checkup_id,
    text: row.text,
    stateBefore: row.state_before,
    askedAt: row.asked_at,
    answer: row.answer,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
    escalatedAt: row.escalated_at,
  };
}

export function insertQuestion(
  db: Db,
  input: { teamId: number; memberId: number; taskId: number | null; checkupId: number | null; text: string; stateBefore: TaskState | null },
  now: number,
): Question {
  const row = prepared(db, "INSERT INTO questions (team_id, member_id, task_id, checkup_id, text, state_before, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *")
    .get(input.teamId, input.memberId, input.taskId, input.checkupId, input.text, input.stateBefore, now) as QuestionRow;
  return toQuestion(row);
}

export function getQuestion(db: Db, teamId: number, id: number): Question | undefined {
  const row = prepared(db, "SELECT * FROM questions WHERE id = ? AND team_id = ?").get(id, teamId) as QuestionRow | undefined;
  return row && toQuestion(row);
}

/** Questions without an answer, oldest first (optionally of one task). */
export function listOpenQuestions(db: Db, teamId: number, taskId?: number): Question[] {
  const rows = (
    taskId === undefined
      ? prepared(db, "SELECT * FROM questions WHERE team_id = ? AND answered_at IS NULL ORDER BY asked_at, id").all(teamId)
      : prepared(db, "SELECT * FROM questions WHERE team_id = ? AND task_id = ? AND answered_at IS NULL ORDER BY asked_at, id").all(teamId, taskId)
  ) as QuestionRow[];
  return rows.map(toQuestion);
}

/** Questions asked since `since` (answered or not). */
export function listQuestionsSince(db: Db, teamId: number, since: number): Question[] {
  return (prepared(db, "SELECT * FROM questions WHERE team_id = ? AND asked_at >= ? ORDER BY asked_at, id").all(teamId, since) as QuestionRow[]).map(toQuestion);
}

/** Saves the answer; false when the question was answered before (the first answer stands). */
export function answerQuestion(db: Db, id: number, answer: string, answeredBy: number, now: number): boolean {
  return (
    prepared(db, "UPDATE questions SET answer = ?, answered_by = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL").run(answer, answeredBy, now, id)
      .changes === 1
  );
}

/** Marks the escalation sent; false when it had been. */
export function markEscalated(db: Db, id: number, now: number): boolean {
  return prepared(db, "UPDATE questions SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL").run(now, id).changes === 1;
}

/**
 * Closes every open question `memberId` asked (on /remove): stamped answered with no answer and no
 * answerer, so no list, digest or escalation shows it again. Returns how many were closed.
 */
export function closeQuestionsOf(db: Db, teamId: number, memberId: number, now: number): number {
  return prepared(db, "UPDATE questions SET answered_at = ? WHERE team_id = ? AND member_id = ? AND answered_at IS NULL").run(now, teamId, memberId).changes;
}
