/**
 * The write side of tasks and check-ups, shared by the tasks, check-up and questions features: each operation
 * checks who may do what (domain/tasks), changes the rows and queues the messages to other people
 * in one transaction, so a change and its notification are written together or not at all.
 */
import type { Db } from "../../db/open.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { getMember, listMembers, type Member } from "../../db/members.js";
import type { Team } from "../../db/teams.js";
import { changeTaskState, createTask, getTask, listTasks, reassignTask, type Task } from "../../db/tasks.js";
import { answerQuestion as saveAnswer, getQuestion, insertQuestion, listOpenQuestions, type Question } from "../../db/questions.js";
import {
  completeCheckup,
  findCheckup,
  getCheckup,
  insertAnswer,
  insertCheckup,
  listAnswers,
  markStarted,
  reopenCheckup,
  saveNumbers,
  type Checkup,
} from "../../db/checkups.js";
import { listAway } from "../../db/away.js";
import type { Translator } from "../../shared/i18n.js";
import { addDays, isWorkingDay, localDate } from "../../domain/calendar.js";
import { ASKED_STATES, OPEN_STATES, stateAfterAnswer, transition, type Actor, type CheckupAnswer, type TaskState } from "../../domain/tasks.js";
import {
  checkupDay,
  checkupDeadline,
  isAwayOn,
  isCheckupOpen,
  reminderAt,
  type CheckupNumbers,
  type CheckupSettings,
} from "../../domain/checkup.js";
import { notifyAnswer, notifyQuestion, notifyTaskAssigned, notifyTaskDone, notifyTaskReassigned, notifyTaskReviewed, sendCheckupPrompt } from "./notify.js";
import { teamCalendar } from "../../domain/settings.js";
import { memberName } from "../../shared/format.js";

/** What every operation needs: the database, the translator for recipients, the team and the clock reading. */
export interface ActionEnv {
  db: Db;
  translator: Translator;
  team: Team;
  now: number;
}

/** The team settings the check-up schedule reads. */
export function checkupSettings(team: Team): CheckupSettings {
  return {
    ...teamCalendar(team),
    checkupTime: team.checkupTime,
    cutoffTime: team.cutoffTime,
  };
}

/** The team's local day at `now`. */
export function teamToday(team: Team, now: number): string {
  return localDate(now, team.timezone);
}

/** Assigns a task and tells the manager at once. */
export function assignTask(env: ActionEnv, author: Member, assignee: Member, text: string, dueDate: string | null): Task {
  return inImmediateTransaction(env.db, () => {
    const task = createTask(env.db, { teamId: env.team.id, assigneeId: assignee.id, authorId: author.id, text, dueDate }, env.now);
    notifyTaskAssigned(env.db, env.translator, env.team, task, assignee, author, env.now);
    return task;
  });
}

export type ActionFailure = "not-found" | "not-allowed" | "wrong-state";
export type TaskActionResult = { ok: true; task: Task; from: TaskState } | { ok: false; reason: ActionFailure; task?: Task };

/** The manager acts on own tasks; the lead and the founder review any task of the team. */
export function actorFor(member: Member, task: Task): Actor | undefined {
  if (member.role === "manager") return task.assigneeId === member.id ? "assignee" : undefined;
  return "reviewer";
}

/**
 * A button or command on a task: start, done (the reviewers get [Accept] [Return]), accept,
 * return (with the lead's comment), cancel. A manager never sees another manager's task.
 */
export function applyTaskAction(
  env: ActionEnv,
  member: Member,
  taskId: number,
  action: "start" | "done" | "accept" | "return" | "cancel",
  comment?: string,
): TaskActionResult {
  return inImmediateTransaction(env.db, (): TaskActionResult => {
    const task = getTask(env.db, env.team.id, taskId);
    if (!task) return { ok: false, reason: "not-found" };
    const actor = actorFor(member, task);
    if (!actor) return { ok: false, reason: "not-found" };
    const next = transition(task.state, action, actor);
    if (!next.ok) return { ok: false, reason: next.reason, task };
    const eventId = changeTaskState(env.db, task, task.state, next.to, { actorId: member.id, comment: comment ?? null }, env.now);
    if (eventId === null) return { ok: false, reason: "wrong-state", task };
    const updated = getTask(env.db, env.team.id, taskId)!;
    const assignee = getMember(env.db, task.assigneeId);
    // A removed member's task may still be cancelled; its former assignee hears nothing.
    if (assignee?.status === "active") {
      if (action === "done") notifyTaskDone(env.db, env.translator, env.team, updated, assignee, eventId, env.now);
      if (action === "accept" || action === "cancel" || action === "return") {
        const outcome = action === "accept" ? "accepted" : action === "return" ? "returned" : "cancelled";
        if (assignee.id !== member.id) notifyTaskReviewed(env.db, env.translator, env.team, updated, assignee, member, outcome, eventId, env.now);
      }
    }
    return { ok: true, task: updated, from: task.state };
  });
}

export type ReassignResult =
  | { ok: true; task: Task; previous: Member | undefined }
  | { ok: false; reason: "not-found" | "wrong-state" | "same"; task?: Task };

/**
 * The lead gives an open task (new, in progress, returned, blocked) to another manager — the one who had it may
 * have left the team. It starts over as new for them; a done task is accepted or returned first.
 */
export function reassignTaskTo(env: ActionEnv, actor: Member, taskId: number, assignee: Member): ReassignResult {
  return inImmediateTransaction(env.db, (): ReassignResult => {
    const task = getTask(env.db, env.team.id, taskId);
    if (!task) return { ok: false, reason: "not-found" };
    if (!OPEN_STATES.includes(task.state)) return { ok: false, reason: "wrong-state", task };
    if (task.assigneeId === assignee.id) return { ok: false, reason: "same", task };
    const previous = getMember(env.db, task.assigneeId);
    const comment = previous ? `reassigned from ${memberName(previous)}` : "reassigned";
    const eventId = reassignTask(env.db, task, task.state, assignee.id, { actorId: actor.id, comment }, env.now);
    if (eventId === null) return { ok: false, reason: "wrong-state", task };
    const updated = getTask(env.db, env.team.id, taskId)!;
    notifyTaskReassigned(env.db, env.translator, env.team, updated, assignee, previous, actor, eventId, env.now);
    return { ok: true, task: updated, previous };
  });
}

export type AskResult = { ok: true; question: Question } | { ok: false; reason: ActionFailure };

/** Inside a transaction: opens a question, blocks its task and sends it to the reviewers. */
function openQuestion(env: ActionEnv, asker: Member, task: Task | undefined, text: string, checkupId: number | null): AskResult {
  let stateBefore: TaskState | null = null;
  if (task) {
    const next = transition(task.state, "ask", "assignee");
    if (!next.ok) return { ok: false, reason: next.reason };
    // A second question on a blocked task keeps the state the first one will restore.
    stateBefore = task.state === "blocked" ? listOpenQuestions(env.db, env.team.id, task.id)[0]?.stateBefore ?? "in_progress" : task.state;
    if (task.state !== "blocked") changeTaskState(env.db, task, task.state, "blocked", { actorId: asker.id, checkupId }, env.now);
  }
  const question = insertQuestion(env.db, { teamId: env.team.id, memberId: asker.id, taskId: task?.id ?? null, checkupId, text, stateBefore }, env.now);
  notifyQuestion(env.db, env.translator, env.team, question, asker, task, env.now);
  return { ok: true, question };
}

/** A manager's question, about one of own tasks or general; it reaches the lead at once. */
export function askQuestion(env: ActionEnv, asker: Member, taskId: number | null, text: string): AskResult {
  return inImmediateTransaction(env.db, (): AskResult => {
    let task: Task | undefined;
    if (taskId !== null) {
      task = getTask(env.db, env.team.id, taskId);
      if (!task || task.assigneeId !== asker.id) return { ok: false, reason: "not-found" };
    }
    return openQuestion(env, asker, task, text, null);
  });
}

export type AnswerResult = { ok: true; question: Question } | { ok: false; reason: "not-found" | "answered" };

/**
 * The lead's answer: saved, sent back to the manager, and the task unblocked (to the state before
 * the question) when no other question on it is still open.
 */
export function answerQuestion(env: ActionEnv, answerer: Member, questionId: number, text: string): AnswerResult {
  return inImmediateTransaction(env.db, (): AnswerResult => {
    const question = getQuestion(env.db, env.team.id, questionId);
    if (!question) return { ok: false, reason: "not-found" };
    if (!saveAnswer(env.db, question.id, text, answerer.id, env.now)) return { ok: false, reason: "answered" };
    const asker = getMember(env.db, question.memberId);
    if (asker?.status === "active") notifyAnswer(env.db, env.translator, env.team, question, asker, answerer, text, env.now);
    if (question.taskId !== null && listOpenQuestions(env.db, env.team.id, question.taskId).length === 0) {
      const task = getTask(env.db, env.team.id, question.taskId);
      if (task) {
        const next = transition(task.state, "unblock", "system", question.stateBefore);
        if (next.ok) changeTaskState(env.db, task, task.state, next.to, { actorId: answerer.id }, env.now);
      }
    }
    return { ok: true, question: getQuestion(env.db, env.team.id, question.id)! };
  });
}

// ---------------------------------------------------------------------------------------------
// Check-up

/** The next thing the check-up dialogue asks, from what is saved (so a restart loses nothing). */
export type CheckupStep =
  | { kind: "task"; checkupId: number; date: string; task: { id: number; text: string; state: TaskState; dueDate: string | null }; index: number; total: number }
  | { kind: "numbers"; checkupId: number; date: string }
  | { kind: "note"; checkupId: number; date: string }
  | { kind: "over"; checkupId: number; date: string; status: "answered" | "missed" }
  | { kind: "gone" };

/** Open tasks the check-up still has to ask about. */
export function remainingTasks(db: Db, checkup: Checkup): Task[] {
  const answered = new Set(listAnswers(db, checkup.id).map((answer) => answer.taskId));
  return listTasks(db, checkup.teamId, ASKED_STATES, checkup.memberId).filter((task) => !answered.has(task.id));
}

/** Reads the check-up's progress and says what to ask next. */
export function nextCheckupStep(db: Db, teamId: number, checkupId: number, memberId: number): CheckupStep {
  const checkup = getCheckup(db, teamId, checkupId);
  if (!checkup || checkup.memberId !== memberId) return { kind: "gone" };
  const date = checkup.localDate;
  if (!isCheckupOpen(checkup.status)) return { kind: "over", checkupId, date, status: checkup.status === "answered" ? "answered" : "missed" };
  const answeredCount = listAnswers(db, checkup.id).length;
  const remaining = remainingTasks(db, checkup);
  const next = remaining[0];
  if (next) {
    return {
      kind: "task",
      checkupId,
      date,
      task: { id: next.id, text: next.text, state: next.state, dueDate: next.dueDate },
      index: answeredCount + 1,
      total: answeredCount + remaining.length,
    };
  }
  if (!checkup.numbers) return { kind: "numbers", checkupId, date };
  return { kind: "note", checkupId, date };
}

export type CheckupWriteResult = { ok: true } | { ok: false; reason: "closed" | "task-gone" | "not-allowed" };

function openOwnCheckup(env: ActionEnv, manager: Member, checkupId: number): Checkup | undefined {
  const checkup = getCheckup(env.db, env.team.id, checkupId);
  if (!checkup || checkup.memberId !== manager.id || !isCheckupOpen(checkup.status)) return undefined;
  return checkup;
}

/**
 * Saves one task answer of a check-up the moment it is given: the answer row, the task's new state
 * (done → the reviewers are asked to accept) and, for a question, the question sent to the lead.
 * Answering the same task twice in one check-up keeps the first answer.
 */
export function recordCheckupAnswer(
  env: ActionEnv,
  manager: Member,
  checkupId: number,
  taskId: number,
  answer: CheckupAnswer,
  questionText?: string,
): CheckupWriteResult {
  return inImmediateTransaction(env.db, (): CheckupWriteResult => {
    const checkup = openOwnCheckup(env, manager, checkupId);
    if (!checkup) return { ok: false, reason: "closed" };
    const task = getTask(env.db, env.team.id, taskId);
    if (!task || task.assigneeId !== manager.id) return { ok: false, reason: "task-gone" };
    if (listAnswers(env.db, checkup.id).some((row) => row.taskId === taskId)) return { ok: true };
    if (!ASKED_STATES.includes(task.state)) return { ok: false, reason: "task-gone" };
    markStarted(env.db, checkup.id, env.now);
    insertAnswer(env.db, env.team.id, { checkupId: checkup.id, taskId, answer, stateBefore: task.state, answeredAt: env.now });
    if (answer === "question") {
      const asked = openQuestion(env, manager, task, questionText ?? "", checkup.id);
      if (!asked.ok) throw new Error(`question on task ${taskId} refused: ${asked.reason}`);
      return { ok: true };
    }
    const to = stateAfterAnswer(task.state, answer);
    if (to !== task.state) {
      const eventId = changeTaskState(env.db, task, task.state, to, { actorId: manager.id, checkupId: checkup.id }, env.now);
      if (eventId !== null && to === "done") notifyTaskDone(env.db, env.translator, env.team, getTask(env.db, env.team.id, taskId)!, manager, eventId, env.now);
    }
    return { ok: true };
  });
}

/** Saves the numbers since the last check-up. */
export function recordCheckupNumbers(env: ActionEnv, manager: Member, checkupId: number, numbers: CheckupNumbers): CheckupWriteResult {
  return inImmediateTransaction(env.db, (): CheckupWriteResult => {
    const checkup = openOwnCheckup(env, manager, checkupId);
    if (!checkup) return { ok: false, reason: "closed" };
    markStarted(env.db, checkup.id, env.now);
    saveNumbers(env.db, checkup.id, numbers);
    return { ok: true };
  });
}

/** Saves the note (null: skipped) and closes the check-up as answered; needs the numbers first. */
export function finishCheckup(env: ActionEnv, manager: Member, checkupId: number, note: string | null): CheckupWriteResult {
  return inImmediateTransaction(env.db, (): CheckupWriteResult => {
    const checkup = openOwnCheckup(env, manager, checkupId);
    if (!checkup) return { ok: false, reason: "closed" };
    if (!checkup.numbers || remainingTasks(env.db, checkup).length > 0) return { ok: false, reason: "not-allowed" };
    completeCheckup(env.db, checkup.id, note, env.now);
    return { ok: true };
  });
}

export type OpenCheckupResult =
  | { ok: true; checkup: Checkup }
  | { ok: false; reason: "answered" | "missed" | "away" | "day-off" | "closed"; next?: string };

/**
 * The manager's check-up of today, for /checkup or [Start]: today's row when it is still open, or a
 * new one when the manager comes before the prompt on a working day. Away days, days off and the
 * time after the cut-off have none.
 */
export function openTodaysCheckup(env: ActionEnv, manager: Member): OpenCheckupResult {
  return inImmediateTransaction(env.db, (): OpenCheckupResult => {
    const settings = checkupSettings(env.team);
    const today = teamToday(env.team, env.now);
    const existing = findCheckup(env.db, env.team.id, manager.id, today);
    if (existing) {
      if (existing.status === "answered") return { ok: false, reason: "answered" };
      if (existing.status === "missed") return { ok: false, reason: "missed" };
      return { ok: true, checkup: existing };
    }
    if (isAwayOn(today, listAway(env.db, env.team.id, today, manager.id))) return { ok: false, reason: "away" };
    if (!isWorkingDay(today, settings)) return { ok: false, reason: "day-off" };
    const day = checkupDay(today, settings);
    if (env.now >= day.cutoffAt) return { ok: false, reason: "closed" };
    const checkup = insertCheckup(env.db, {
      teamId: env.team.id,
      memberId: manager.id,
      localDate: today,
      source: "self",
      promptedAt: env.now,
      remindAt: reminderAt(Math.max(env.now, day.promptAt), day.cutoffAt),
      deadlineAt: day.cutoffAt,
    })!;
    return { ok: true, checkup };
  });
}

export interface RoundResult {
  prompted: Member[];
  answered: Member[];
  away: Member[];
}

/**
 * /checkup by the lead: a prompt now to every active manager who has not answered today (a missed
 * check-up of today is reopened until the end of the day); away managers are left alone.
 */
export function startLeadRound(env: ActionEnv): RoundResult {
  return inImmediateTransaction(env.db, (): RoundResult => {
    const settings = checkupSettings(env.team);
    const today = teamToday(env.team, env.now);
    const deadline = checkupDeadline(today, env.now, settings);
    const result: RoundResult = { prompted: [], answered: [], away: [] };
    for (const manager of listMembers(env.db, env.team.id, "manager")) {
      let checkup = findCheckup(env.db, env.team.id, manager.id, today);
      if (checkup?.status === "answered") {
        result.answered.push(manager);
        continue;
      }
      if (!checkup && isAwayOn(today, listAway(env.db, env.team.id, today, manager.id))) {
        result.away.push(manager);
        continue;
      }
      if (!checkup) {
        checkup = insertCheckup(env.db, {
          teamId: env.team.id,
          memberId: manager.id,
          localDate: today,
          source: "lead",
          promptedAt: env.now,
          remindAt: reminderAt(env.now, deadline),
          deadlineAt: deadline,
        })!;
      } else if (checkup.status === "missed") {
        reopenCheckup(env.db, checkup.id, deadline, reminderAt(env.now, deadline));
        checkup = getCheckup(env.db, env.team.id, checkup.id)!;
      }
      const open = listTasks(env.db, env.team.id, ASKED_STATES, manager.id).length;
      sendCheckupPrompt(env.db, env.translator, env.team, manager, checkup, open, `checkup-round:${manager.id}:${today}:${env.now}`, env.now);
      result.prompted.push(manager);
    }
    return result;
  });
}

/** The day before `date` (for /back). */
export function dayBefore(date: string): string {
  return addDays(date, -1);
}

/** What a finished (or partly answered) check-up holds, for the manager's confirmation. */
export function checkupSummary(db: Db, teamId: number, checkupId: number): { done: number; progress: number; notStarted: number; questions: number; calls: number; meetings: number; proposals: number } {
  const answers = listAnswers(db, checkupId);
  const numbers = getCheckup(db, teamId, checkupId)?.numbers ?? { calls: 0, meetings: 0, proposals: 0 };
  const count = (answer: CheckupAnswer) => answers.filter((row) => row.answer === answer).length;
  return { done: count("done"), progress: count("in_progress"), notStarted: count("not_started"), questions: count("question"), ...numbers };
}
