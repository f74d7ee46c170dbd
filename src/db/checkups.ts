import type { Db } from "./open.js";
import { prepared } from "./statements.js";
import type { CheckupNumbers, CheckupStatus } from "../domain/checkup.js";
import type { CheckupAnswer, TaskState } from "../domain/tasks.js";

export type CheckupSource = "schedule" | "lead" | "self";

export interface Checkup {
  id: number;
  teamId: number;
  memberId: number;
  localDate: string;
  source: CheckupSource;
  status: CheckupStatus;
  promptedAt: number;
  remindAt: number | null;
  remindedAt: number | null;
  deadlineAt: number;
  startedAt: number | null;
  answeredAt: number | null;
  missedAt: number | null;
  numbers: CheckupNumbers | null;
  note: string | null;
  noteGiven: boolean;
}

interface CheckupRow {
  id: number;
  team_id: number;
  member_id: number;
  local_date: string;
  source: CheckupSource;
  status: CheckupStatus;
  prompted_at: number;
  remind_at: number | null;
  reminded_at: number | null;
  deadline_at: number;
  started_at: number | null;
  answered_at: number | null;
  missed_at: number | null;
  calls: number | null;
  meetings: number | null;
  proposals: number | null;
  note: string | null;
  note_given: number;
}

function toCheckup(row: CheckupRow): Checkup {
  return {
    id: row.id,
    teamId: row.team_id,
    memberId: row.member_id,
    localDate: row.local_date,
    source: row.source,
    status: row.status,
    promptedAt: row.prompted_at,
    remindAt: row.remind_at,
    remindedAt: row.reminded_at,
    deadlineAt: row.deadline_at,
    startedAt: row.started_at,
    answeredAt: row.answered_at,
    missedAt: row.missed_at,
    numbers: row.calls === null ? null : { calls: row.calls, meetings: row.meetings ?? 0, proposals: row.proposals ?? 0 },
    note: row.note,
    noteGiven: row.note_given === 1,
  };
}

/**
 * Creates the member's check-up of a local day unless one exists (the row per manager and day is
 * unique); returns the new row, or undefined when the day already had one.
 */
export function insertCheckup(
  db: Db,
  input: { teamId: number; memberId: number; localDate: string; source: CheckupSource; promptedAt: number; remindAt: number | null; deadlineAt: number },
): Checkup | undefined {
  const row = prepared(db,
      `INSERT INTO checkups (team_id, member_id, local_date, source, prompted_at, remind_at, deadline_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (team_id, member_id, local_date) DO NOTHING RETURNING *`,
    )
    .get(input.teamId, input.memberId, input.localDate, input.source, input.promptedAt, input.remindAt, input.deadlineAt) as CheckupRow | undefined;
  return row && toCheckup(row);
}

export function getCheckup(db: Db, teamId: number, id: number): Checkup | undefined {
  const row = prepared(db, "SELECT * FROM checkups WHERE id = ? AND team_id = ?").get(id, teamId) as CheckupRow | undefined;
  return row && toCheckup(row);
}

export function findCheckup(db: Db, teamId: number, memberId: number, localDate: string): Checkup | undefined {
  const row = prepared(db, "SELECT * FROM checkups WHERE team_id = ? AND member_id = ? AND local_date = ?").get(teamId, memberId, localDate) as
    | CheckupRow
    | undefined;
  return row && toCheckup(row);
}

/** Check-ups still waiting for an answer (any day): the reminder and miss steps read these. */
export function listOpenCheckups(db: Db, teamId: number): Checkup[] {
  return (prepared(db, "SELECT * FROM checkups WHERE team_id = ? AND status IN ('pending', 'started') ORDER BY id").all(teamId) as CheckupRow[]).map(toCheckup);
}

/** Every check-up of a local day, by member. */
export function listCheckupsOfDay(db: Db, teamId: number, localDate: string): Checkup[] {
  return (prepared(db, "SELECT * FROM checkups WHERE team_id = ? AND local_date = ? ORDER BY member_id").all(teamId, localDate) as CheckupRow[]).map(
    toCheckup,
  );
}

/** Check-ups of the team from local day `fromDate` on, newest first. */
export function listCheckupsSince(db: Db, teamId: number, fromDate: string, memberId?: number): Checkup[] {
  const rows = (
    memberId === undefined
      ? prepared(db, "SELECT * FROM checkups WHERE team_id = ? AND local_date >= ? ORDER BY local_date DESC, id DESC").all(teamId, fromDate)
      : prepared(db, "SELECT * FROM checkups WHERE team_id = ? AND member_id = ? AND local_date >= ? ORDER BY local_date DESC, id DESC")
          .all(teamId, memberId, fromDate)
  ) as CheckupRow[];
  return rows.map(toCheckup);
}

/** The member's latest check-ups, newest first (for missed streaks). */
export function recentStatuses(db: Db, teamId: number, memberId: number, limit = 30): CheckupStatus[] {
  return prepared(db, "SELECT status FROM checkups WHERE team_id = ? AND member_id = ? ORDER BY local_date DESC LIMIT ?")
    .pluck()
    .all(teamId, memberId, limit) as CheckupStatus[];
}

/** The member's latest missed check-up day, or null. */
export function lastMissedDay(db: Db, teamId: number, memberId: number): string | null {
  const day = prepared(db, "SELECT MAX(local_date) FROM checkups WHERE team_id = ? AND member_id = ? AND status = 'missed'").pluck().get(teamId, memberId);
  return (day as string | null) ?? null;
}

/** Prompt instants of the member's check-ups that are over (answered or missed), for "stalled". */
export function closedPromptTimes(db: Db, teamId: number, memberId: number, since: number): number[] {
  return prepared(db, "SELECT prompted_at FROM checkups WHERE team_id = ? AND member_id = ? AND status IN ('answered', 'missed') AND prompted_at > ? ORDER BY prompted_at")
    .pluck()
    .all(teamId, memberId, since) as number[];
}

/** Prompt instants of every member's check-ups that are over (answered or missed) after `since`, per member. */
export function closedPromptTimesByMember(db: Db, teamId: number, since: number): Map<number, number[]> {
  const rows = prepared(
    db,
    "SELECT member_id AS memberId, prompted_at AS at FROM checkups WHERE team_id = ? AND status IN ('answered', 'missed') AND prompted_at > ? ORDER BY prompted_at",
  ).all(teamId, since) as { memberId: number; at: number }[];
  const byMember = new Map<number, number[]>();
  for (const row of rows) {
    const list = byMember.get(row.memberId);
    if (list) list.push(row.at);
    else byMember.set(row.memberId, [row.at]);
  }
  return byMember;
}

/** Marks the reminder sent; false when somebody else did already. */
export function markReminded(db: Db, id: number, now: number): boolean {
  return prepared(db, "UPDATE checkups SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL").run(now, id).changes === 1;
}

/** Marks an unanswered check-up missed; false when it was answered or missed meanwhile. */
export function markMissed(db: Db, id: number, now: number): boolean {
  return prepared(db, "UPDATE checkups SET status = 'missed', missed_at = ? WHERE id = ? AND status IN ('pending', 'started')").run(now, id).changes === 1;
}

/** The manager began answering. */
export function markStarted(db: Db, id: number, now: number): void {
  prepared(db, "UPDATE checkups SET status = 'started', started_at = COALESCE(started_at, ?) WHERE id = ? AND status = 'pending'").run(now, id);
}

/** Gives a missed check-up of today another chance (a lead's round after the cut-off). */
export function reopenCheckup(db: Db, id: number, deadlineAt: number, remindAt: number | null): boolean {
  return (
    prepared(db, "UPDATE checkups SET status = 'pending', missed_at = NULL, deadline_at = ?, remind_at = ?, reminded_at = NULL WHERE id = ? AND status = 'missed'")
      .run(deadlineAt, remindAt, id).changes === 1
  );
}

export function saveNumbers(db: Db, id: number, numbers: CheckupNumbers): void {
  prepared(db, "UPDATE checkups SET calls = ?, meetings = ?, proposals = ? WHERE id = ?").run(numbers.calls, numbers.meetings, numbers.proposals, id);
}

/** Saves the note (null: skipped) and closes the check-up as answered. */
export function completeCheckup(db: Db, id: number, note: string | null, now: number): boolean {
  return (
    prepared(db, "UPDATE checkups SET note = ?, note_given = 1, status = 'answered', answered_at = ? WHERE id = ? AND status IN ('pending', 'started')")
      .run(note, now, id).changes === 1
  );
}

export interface CheckupAnswerRow {
  checkupId: number;
  taskId: number;
  answer: CheckupAnswer;
  stateBefore: TaskState;
  answeredAt: number;
}

/** Records the answer about one task; false when the task was answered in this check-up before. */
export function insertAnswer(db: Db, teamId: number, row: CheckupAnswerRow): boolean {
  return (
    prepared(db,
        "INSERT INTO checkup_answers (team_id, checkup_id, task_id, answer, state_before, answered_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (checkup_id, task_id) DO NOTHING",
      )
      .run(teamId, row.checkupId, row.taskId, row.answer, row.stateBefore, row.answeredAt).changes === 1
  );
}

export function listAnswers(db: Db, checkupId: number): CheckupAnswerRow[] {
  return prepared(db, "SELECT checkup_id AS checkupId, task_id AS taskId, answer, state_before AS stateBefore, answered_at AS answeredAt FROM checkup_answers WHERE checkup_id = ? ORDER BY id")
    .all(checkupId) as CheckupAnswerRow[];
}

/**
 * "Not started" answers given since local day `fromDate`, with the manager, for tasks never started: a task
 * that was taken up at any time (in progress, done, accepted or returned) does not count, even if it was
 * reported "not started" on some day.
 */
export function listNotStartedAnswers(db: Db, teamId: number, fromDate: string): { memberId: number; taskId: number }[] {
  return prepared(db,
      `SELECT c.member_id AS memberId, a.task_id AS taskId FROM checkup_answers a JOIN checkups c ON c.id = a.checkup_id
       WHERE a.team_id = ? AND c.local_date >= ? AND a.answer = 'not_started'
         AND NOT EXISTS (SELECT 1 FROM task_events e WHERE e.task_id = a.task_id AND e.to_state IN ('in_progress', 'done', 'accepted', 'returned'))`,
    )
    .all(teamId, fromDate) as { memberId: number; taskId: number }[];
}

/** Records that the digest of a local day went out; false when it had before. */
export function claimDigest(db: Db, teamId: number, localDate: string, now: number): boolean {
  return prepared(db, "INSERT INTO checkup_digests (team_id, local_date, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").run(teamId, localDate, now).changes === 1;
}

/** Drops a check-up nobody has begun (the manager went away that day: no prompt owed, no miss). */
export function deleteUntouchedCheckup(db: Db, teamId: number, memberId: number, localDate: string): boolean {
  return (
    prepared(db,
        `DELETE FROM checkups WHERE team_id = ? AND member_id = ? AND local_date = ? AND status = 'pending'
         AND NOT EXISTS (SELECT 1 FROM checkup_answers a WHERE a.checkup_id = checkups.id)`,
      )
      .run(teamId, memberId, localDate).changes === 1
  );
}

/** A check-up as the export's sheet shows it, with its task answers. */
export interface CheckupSheetRow {
  id: number;
  member_id: number;
  local_date: string;
  status: CheckupStatus;
  prompted_at: number;
  answered_at: number | null;
  calls: number | null;
  meetings: number | null;
  proposals: number | null;
  note: string | null;
  answers: { taskId: number; answer: CheckupAnswer }[];
}

/** The check-ups of the local days [from, to], by day and member, each with its answers. */
export function listCheckupSheetRows(db: Db, teamId: number, from: string, to: string): CheckupSheetRow[] {
  const checkups = prepared(db,
      `SELECT id, member_id, local_date, status, prompted_at, answered_at, calls, meetings, proposals, note
       FROM checkups WHERE team_id = ? AND local_date BETWEEN ? AND ? ORDER BY local_date, member_id, id`,
    )
    .all(teamId, from, to) as Omit<CheckupSheetRow, "answers">[];
  const answerRows = prepared(db,
      `SELECT a.checkup_id, a.task_id, a.answer FROM checkup_answers a JOIN checkups c ON c.id = a.checkup_id
       WHERE c.team_id = ? AND c.local_date BETWEEN ? AND ? ORDER BY a.checkup_id, a.task_id`,
    )
    .all(teamId, from, to) as { checkup_id: number; task_id: number; answer: CheckupAnswer }[];
  const answers = new Map<number, { taskId: number; answer: CheckupAnswer }[]>();
  for (const row of answerRows) answers.set(row.checkup_id, [...(answers.get(row.checkup_id) ?? []), { taskId: row.task_id, answer: row.answer }]);
  return checkups.map((row) => ({ ...row, answers: answers.get(row.id) ?? [] }));
}
