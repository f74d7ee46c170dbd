/**
 * Tasks (docs/figures.md): the state machine, who may move a task where, and the two warning signs —
 * stalled and overdue. Pure: no SQL, no grammY; the clock comes in as `today` / instants.
 */
import { daysBetween } from "./calendar.js";
import { parseUserDate } from "./period.js";

export type TaskState = "new" | "in_progress" | "done" | "accepted" | "returned" | "blocked" | "cancelled";

export const TASK_STATES: readonly TaskState[] = ["new", "in_progress", "done", "accepted", "returned", "blocked", "cancelled"];

/** States in which the manager still owes work: asked about in the check-up, can stall and go overdue. */
export const OPEN_STATES: readonly TaskState[] = ["new", "in_progress", "returned", "blocked"];

/** States the check-up asks about (a blocked task waits for the answer to its question instead). */
export const ASKED_STATES: readonly TaskState[] = ["new", "in_progress", "returned"];

/** States shown in task lists: open work plus work waiting for the lead's review. */
export const LISTED_STATES: readonly TaskState[] = ["new", "in_progress", "returned", "blocked", "done"];

/** Longest task text, comment, question or answer. */
export const MAX_TEXT = 1000;

/**
 * The length of a text as people count it: characters (code points), not UTF-16 units — an emoji is one
 * character, so 600 emoji fit the 1,000-character limit.
 */
export function textLength(text: string): number {
  return [...text].length;
}

/**
 * What somebody does to a task:
 * - start / done / ask: the assignee (ask opens a question and blocks the task);
 * - accept / return / cancel: the lead or the founder (return sends it back with a comment);
 * - unblock: the system, when the last open question on the task is answered.
 */
export type TaskAction = "start" | "done" | "ask" | "accept" | "return" | "cancel" | "unblock";

export type Actor = "assignee" | "reviewer" | "system";

const TRANSITIONS: Record<Exclude<TaskAction, "unblock">, { actor: Actor; from: readonly TaskState[]; to: TaskState }> = {
  start: { actor: "assignee", from: ["new", "returned"], to: "in_progress" },
  done: { actor: "assignee", from: ["new", "in_progress", "returned", "blocked"], to: "done" },
  ask: { actor: "assignee", from: ["new", "in_progress", "returned", "blocked"], to: "blocked" },
  accept: { actor: "reviewer", from: ["done"], to: "accepted" },
  return: { actor: "reviewer", from: ["done"], to: "returned" },
  cancel: { actor: "reviewer", from: ["new", "in_progress", "returned", "blocked", "done"], to: "cancelled" },
};

export type TransitionResult = { ok: true; to: TaskState } | { ok: false; reason: "not-allowed" | "wrong-state" };

/**
 * The state a task moves to when `actor` does `action` in state `from`, or why it cannot.
 * `unblock` returns a blocked task to `restoreTo` (the state before its question; in_progress when unknown).
 */
export function transition(from: TaskState, action: TaskAction, actor: Actor, restoreTo?: TaskState | null): TransitionResult {
  if (action === "unblock") {
    if (actor !== "system") return { ok: false, reason: "not-allowed" };
    if (from !== "blocked") return { ok: false, reason: "wrong-state" };
    const to = restoreTo && OPEN_STATES.includes(restoreTo) && restoreTo !== "blocked" ? restoreTo : "in_progress";
    return { ok: true, to };
  }
  const rule = TRANSITIONS[action];
  if (rule.actor !== actor) return { ok: false, reason: "not-allowed" };
  if (!rule.from.includes(from)) return { ok: false, reason: "wrong-state" };
  return { ok: true, to: rule.to };
}

/** The actions `actor` can take on a task in `state`, in the order buttons are shown. */
export function availableActions(state: TaskState, actor: Actor): TaskAction[] {
  const order: Exclude<TaskAction, "unblock">[] = ["start", "done", "ask", "accept", "return", "cancel"];
  return order.filter((action) => transition(state, action, actor).ok);
}

/** True while the manager still owes work on the task. */
export function isOpen(state: TaskState): boolean {
  return OPEN_STATES.includes(state);
}

/** A check-up's answer about one task ([Done] [In progress] [Not started] [Question]). */
export type CheckupAnswer = "done" | "in_progress" | "not_started" | "question";

/**
 * The state a check-up answer leaves the task in. "Not started" changes nothing (so it keeps
 * counting towards stalled); "in progress" picks up a new or returned task.
 */
export function stateAfterAnswer(state: TaskState, answer: CheckupAnswer): TaskState {
  switch (answer) {
    case "done":
      return transition(state, "done", "assignee").ok ? "done" : state;
    case "in_progress":
      return state === "new" || state === "returned" ? "in_progress" : state;
    case "question":
      return transition(state, "ask", "assignee").ok ? "blocked" : state;
    case "not_started":
      return state;
  }
}

/** How many check-ups in a row without a state change make an open task stalled. */
export const STALLED_AFTER_CHECKUPS = 2;

/**
 * Stalled: the task is open and its state has not changed for 2 check-ups in a row.
 * `checkupPromptTimes` are the prompt instants of the assignee's check-ups that are over (answered
 * or missed); a check-up counts when it was prompted after the last state change, so the check-up
 * in which the manager moved the task does not count against it. Away days have no check-up.
 */
export function isStalled(task: { state: TaskState; stateChangedAt: number }, checkupPromptTimes: readonly number[]): boolean {
  if (!isOpen(task.state)) return false;
  return checkupPromptTimes.filter((at) => at > task.stateChangedAt).length >= STALLED_AFTER_CHECKUPS;
}

/** Overdue: open and the team's local `today` is past the due day. */
export function isOverdue(task: { state: TaskState; dueDate: string | null }, today: string): boolean {
  return task.dueDate !== null && isOpen(task.state) && today > task.dueDate;
}

const ROLLOVER_DAYS = 183;

/**
 * A user-typed day that must not be before the team's local `today` (due dates, away periods).
 * A `dd.mm` more than half a year behind means next year's day (on 30.12, "10.01" is January);
 * one a few days behind is a date in the past and refused.
 */
export function parseAheadDate(typed: string, today: string): { ok: true; date: string } | { ok: false; error: "bad-date" | "past-date" } {
  let date = parseUserDate(typed, today);
  if (date === null) return { ok: false, error: "bad-date" };
  if (date < today && /^\d{1,2}\.\d{1,2}$/.test(typed.trim()) && daysBetween(date, today) > ROLLOVER_DAYS) {
    date = parseUserDate(`${String(Number(today.slice(0, 4)) + 1)}-${date.slice(5)}`, today) ?? date;
  }
  if (date < today) return { ok: false, error: "past-date" };
  return { ok: true, date };
}

export type AssignParse =
  | { ok: true; username: string; text: string; dueDate: string | null }
  | { ok: false; error: "usage" | "too-long" | "bad-date" | "past-date" };

const DUE_RE = /(?:^|\s+)(?:due|до|срок)\s*:?\s*(\d[\d.-]*)\s*$/i;

/**
 * Parses `/assign @username <text> [due <date>]` arguments. The due date (`due`, `до` or `срок`
 * and a date as dd.mm, dd.mm.yyyy or yyyy-mm-dd) must not be before the team's local `today`
 * (see parseAheadDate). "до" followed by a word is just text ("Дозвониться до Петрова").
 */
export function parseAssign(args: string, today: string): AssignParse {
  const m = /^@?([A-Za-z0-9_]{4,32})\s+([\s\S]+)$/.exec(args.trim());
  if (!m) return { ok: false, error: "usage" };
  const username = m[1]!;
  let text = m[2]!.trim();
  let dueDate: string | null = null;
  const due = DUE_RE.exec(text);
  if (due) {
    const date = parseAheadDate(due[1]!, today);
    if (!date.ok) return { ok: false, error: date.error };
    dueDate = date.date;
    text = text.slice(0, due.index).trim();
  }
  if (!text) return { ok: false, error: "usage" };
  if (textLength(text) > MAX_TEXT) return { ok: false, error: "too-long" };
  return { ok: true, username, text, dueDate };
}

/** What a task list marks on an open task: past its due day, or not moved since several check-ups. */
export interface TaskFlags {
  stalled: boolean;
  overdue: boolean;
}
