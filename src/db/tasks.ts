import type { Db } from "./open.js";
import { prepared } from "./statements.js";
import type { TaskState } from "../domain/tasks.js";

export interface Task {
  id: number;
  teamId: number;
  assigneeId: number;
  authorId: number;
  text: string;
  dueDate: string | null;
  state: TaskState;
  stateChangedAt: number;
  returnComment: string | null;
  createdAt: number;
}

interface TaskRow {
  id: number;
  team_id: number;
  assignee_id: number;
  author_id: number;
  text: string;
  due_date: string | null;
  state: TaskState;
  state_changed_at: number;
  return_comment: string | null;
  created_at: number;
}

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    authorId: row.author_id,
    text: row.text,
    dueDate: row.due_date,
    state: row.state,
    stateChangedAt: row.state_changed_at,
    returnComment: row.return_comment,
    createdAt: row.created_at,
  };
}

export interface TaskEvent {
  id: number;
  taskId: number;
  actorId: number | null;
  fromState: TaskState | null;
  toState: TaskState;
  comment: string | null;
  checkupId: number | null;
  at: number;
}

/** Creates a task in state `new` and records its first event; returns the task. */
export function createTask(
  db: Db,
  input: { teamId: number; assigneeId: number; authorId: number; text: string; dueDate: string | null },
  now: number,
): Task {
  const row = prepared(db,
      `INSERT INTO tasks (team_id, assignee_id, author_id, text, due_date, state, state_changed_at, created_at)
       VALUES (?, ?, ?, ?, ?, 'new', ?, ?) RETURNING *`,
    )
    .get(input.teamId, input.assigneeId, input.authorId, input.text, input.dueDate, now, now) as TaskRow;
  insertEvent(db, { teamId: input.teamId, taskId: row.id, actorId: input.authorId, fromState: null, toState: "new", comment: null, checkupId: null }, now);
  return toTask(row);
}

/** The task of this team, or undefined (another team's id is as unknown as a missing one). */
export function getTask(db: Db, teamId: number, id: number): Task | undefined {
  const row = prepared(db, "SELECT * FROM tasks WHERE id = ? AND team_id = ?").get(id, teamId) as TaskRow | undefined;
  return row && toTask(row);
}

/** Tasks in the given states, optionally of one assignee, oldest first. */
export function listTasks(db: Db, teamId: number, states: readonly TaskState[], assigneeId?: number): Task[] {
  const marks = states.map(() => "?").join(", ");
  const sql = `SELECT * FROM tasks WHERE team_id = ? AND state IN (${marks})${assigneeId === undefined ? "" : " AND assignee_id = ?"} ORDER BY assignee_id, id`;
  const params: (number | string)[] = [teamId, ...states];
  if (assigneeId !== undefined) params.push(assigneeId);
  return (prepared(db, sql).all(...params) as TaskRow[]).map(toTask);
}

/**
 * LISTED_STATES (src/domain/tasks.ts) — every state but the two final ones — spelled as the partial index
 * tasks_listed (migration 0006) is, so that SQLite uses it; a test checks it against LISTED_STATES.
 */
export const LISTED_SQL = "state NOT IN ('accepted', 'cancelled')";

/** How many listed tasks the team has (of one assignee when given): listTasks(db, teamId, LISTED_STATES, …).length. */
export function countListedTasks(db: Db, teamId: number, assigneeId?: number): number {
  return assigneeId === undefined
    ? (prepared(db, `SELECT COUNT(*) FROM tasks WHERE team_id = ? AND ${LISTED_SQL}`).pluck().get(teamId) as number)
    : (prepared(db, `SELECT COUNT(*) FROM tasks WHERE team_id = ? AND assignee_id = ? AND ${LISTED_SQL}`).pluck().get(teamId, assigneeId) as number);
}

/** `limit` tasks of listTasks(db, teamId, LISTED_STATES, …) from position `offset`, in the same order. */
export function listListedTasksPage(db: Db, teamId: number, assigneeId: number | undefined, offset: number, limit: number): Task[] {
  const rows =
    assigneeId === undefined
      ? prepared(db, `SELECT * FROM tasks WHERE team_id = ? AND ${LISTED_SQL} ORDER BY assignee_id, id LIMIT ? OFFSET ?`).all(teamId, limit, offset)
      : prepared(db, `SELECT * FROM tasks WHERE team_id = ? AND assignee_id = ? AND ${LISTED_SQL} ORDER BY assignee_id, id LIMIT ? OFFSET ?`).all(
          teamId,
          assigneeId,
          limit,
          offset,
        );
  return (rows as TaskRow[]).map(toTask);
}

function insertEvent(
  db: Db,
  event: { teamId: number; taskId: number; actorId: number | null; fromState: TaskState | null; toState: TaskState; comment: string | null; checkupId: number | null },
  now: number,
): number {
  const result = prepared(db, "INSERT INTO task_events (team_id, task_id, actor_id, from_state, to_state, comment, checkup_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .run(event.teamId, event.taskId, event.actorId, event.fromState, event.toState, event.comment, event.checkupId, now);
  return Number(result.lastInsertRowid);
}

/**
 * Moves the task from `from` to `to` when it is still in `from` (a concurrent change wins, the
 * caller gets null), records the event and returns its id. `returnComment` is kept for a return.
 */
export function changeTaskState(
  db: Db,
  task: Pick<Task, "id" | "teamId">,
  from: TaskState,
  to: TaskState,
  change: { actorId: number | null; comment?: string | null; checkupId?: number | null },
  now: number,
): number | null {
  const updated = prepared(db,
      `UPDATE tasks SET state = ?, state_changed_at = ?, return_comment = CASE WHEN ? = 'returned' THEN ? ELSE return_comment END
       WHERE id = ? AND team_id = ? AND state = ?`,
    )
    .run(to, now, to, change.comment ?? null, task.id, task.teamId, from);
  if (updated.changes !== 1) return null;
  return insertEvent(
    db,
    { teamId: task.teamId, taskId: task.id, actorId: change.actorId, fromState: from, toState: to, comment: change.comment ?? null, checkupId: change.checkupId ?? null },
    now,
  );
}

/**
 * Gives the task to another assignee when it is still in `from`: it starts over as new for them (its state
 * clock restarts, a return comment is dropped) and the event records the change with `comment`. Null when a
 * concurrent change won.
 */
export function reassignTask(
  db: Db,
  task: Pick<Task, "id" | "teamId">,
  from: TaskState,
  assigneeId: number,
  change: { actorId: number | null; comment: string | null },
  now: number,
): number | null {
  const updated = prepared(db,
    "UPDATE tasks SET assignee_id = ?, state = 'new', state_changed_at = ?, return_comment = NULL WHERE id = ? AND team_id = ? AND state = ?",
  ).run(assigneeId, now, task.id, task.teamId, from);
  if (updated.changes !== 1) return null;
  return insertEvent(
    db,
    { teamId: task.teamId, taskId: task.id, actorId: change.actorId, fromState: from, toState: "new", comment: change.comment, checkupId: null },
    now,
  );
}

/** The task's history, oldest first. */
export function listTaskEvents(db: Db, taskId: number): TaskEvent[] {
  const rows = prepared(db, "SELECT * FROM task_events WHERE task_id = ? ORDER BY at, id").all(taskId) as {
    id: number;
    task_id: number;
    actor_id: number | null;
    from_state: TaskState | null;
    to_state: TaskState;
    comment: string | null;
    checkup_id: number | null;
    at: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    taskId: row.task_id,
    actorId: row.actor_id,
    fromState: row.from_state,
    toState: row.to_state,
    comment: row.comment,
    checkupId: row.checkup_id,
    at: row.at,
  }));
}

/** Accept and return events of the team's tasks since `since`, with the assignee. */
export function listReviewEvents(db: Db, teamId: number, since: number): { memberId: number; toState: string; taskId: number; at: number }[] {
  return prepared(db,
      `SELECT t.assignee_id AS memberId, e.to_state AS toState, e.task_id AS taskId, e.at AS at
       FROM task_events e JOIN tasks t ON t.id = e.task_id
       WHERE e.team_id = ? AND e.at >= ? AND e.to_state IN ('accepted', 'returned') ORDER BY e.at`,
    )
    .all(teamId, since) as { memberId: number; toState: string; taskId: number; at: number }[];
}

/** Tasks alive at some point in [startAt, endAt): created before its end, not accepted or cancelled before its start. */
export function listTasksLiveBetween(db: Db, teamId: number, startAt: number, endAt: number): Task[] {
  const rows = prepared(
    db,
    `SELECT * FROM tasks WHERE team_id = ? AND created_at < ?
         AND NOT (state IN ('accepted', 'cancelled') AND state_changed_at < ?)
       ORDER BY id`,
  ).all(teamId, endAt, startAt) as TaskRow[];
  return rows.map(toTask);
}
