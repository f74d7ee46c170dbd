/**
 * Every message tasks, check-ups and questions sends to somebody other than the person who
 * acted: rendered in the recipient's language and queued in the outbox with an idempotency key.
 * Callers run these inside the transaction that made the change, so the message and its cause
 * are written together or not at all.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Db } from "../../db/open.js";
import { enqueue } from "../../db/outbox.js";
import { listMembers, type Member } from "../../db/members.js";
import type { Team } from "../../db/teams.js";
import type { Task } from "../../db/tasks.js";
import type { Question } from "../../db/questions.js";
import type { Checkup } from "../../db/checkups.js";
import type { Locale, Translate, Translator } from "../../shared/i18n.js";
import { formatShortDay, memberName, oneLine, quoted } from "../../shared/format.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { answerButton, checkupStartButton, taskActionData } from "../../shared/telegram/button-data.js";

/** Where and in which language one person reads the bot. */
export interface Recipient {
  memberId: number | null;
  chatId: number;
  locale: Locale;
}

/** A member's private chat and language. */
export function recipientOf(member: Member, team: Team): Recipient {
  return { memberId: member.id, chatId: member.chatId ?? member.userId, locale: member.locale ?? team.locale };
}

/** Only active members get messages: a removed member is a stranger and receives nothing new. */
function reachesMember(member: Member): boolean {
  return member.status === "active";
}

/** Who reviews tasks and answers questions: the leads, or the founders when there is no lead. */
export function reviewersOf(db: Db, teamId: number): Member[] {
  const leads = listMembers(db, teamId, "lead");
  return leads.length ? leads : listMembers(db, teamId, "founder");
}

/** Buttons the assignee gets with a task: take it, report it done, ask a question. */
export function assigneeButtons(t: Translate, taskId: number, state: Task["state"]): InlineKeyboardMarkup {
  const row: InlineKeyboardButton[] = [];
  if (state === "new" || state === "returned") row.push(button(t("task-btn-start"), taskActionData("start", taskId)));
  if (state !== "done" && state !== "accepted" && state !== "cancelled") {
    row.push(button(t("task-btn-done"), taskActionData("done", taskId)));
    row.push(button(t("task-btn-ask"), taskActionData("ask", taskId)));
  }
  return keyboard([row]);
}

/** [Accept] [Return] for a task waiting for review. */
export function reviewButtons(t: Translate, taskId: number): InlineKeyboardMarkup {
  return keyboard([[button(t("task-btn-accept"), taskActionData("accept", taskId)), button(t("task-btn-return"), taskActionData("return", taskId))]]);
}

function send(db: Db, teamId: number, to: Recipient, kind: string, key: string, text: string, now: number, replyMarkup?: InlineKeyboardMarkup): boolean {
  return enqueue(db, { teamId, chatId: to.chatId, kind, key, message: { method: "sendMessage", text, ...(replyMarkup ? { replyMarkup } : {}) } }, now);
}

/** The due part of a task line: " (due 05.11)" or "". */
export function dueSuffix(t: Translate, task: Pick<Task, "dueDate">, today?: string): string {
  return task.dueDate ? t("task-due-suffix", { date: formatShortDay(task.dueDate, today?.slice(0, 4)) }) : "";
}

/** The assignee learns of a new task at once, with buttons. */
export function notifyTaskAssigned(db: Db, translator: Translator, team: Team, task: Task, assignee: Member, author: Member, now: number): void {
  if (!reachesMember(assignee)) return;
  const to = recipientOf(assignee, team);
  const t = translator.forLocale(to.locale);
  const text = t("task-assigned-notice", { id: String(task.id), author: memberName(author), text: oneLine(task.text), due: dueSuffix(t, task) });
  send(db, team.id, to, "task-assigned", `task-assigned:${task.id}`, text, now, assigneeButtons(t, task.id, task.state));
}

/**
 * A task given to another manager (/reassign): the new assignee gets it as a new task, with buttons; the one
 * who had it, if still in the team, learns who has it now. Keys carry the event, so each handover is said once.
 */
export function notifyTaskReassigned(
  db: Db,
  translator: Translator,
  team: Team,
  task: Task,
  assignee: Member,
  previous: Member | undefined,
  actor: Member,
  eventId: number,
  now: number,
): void {
  const from = previous ? memberName(previous) : "?";
  if (reachesMember(assignee)) {
    const to = recipientOf(assignee, team);
    const t = translator.forLocale(to.locale);
    const text = t("task-reassigned-notice", { id: String(task.id), author: memberName(actor), from, text: oneLine(task.text), due: dueSuffix(t, task) });
    send(db, team.id, to, "task-reassigned", `task-reassigned:${task.id}:${eventId}`, text, now, assigneeButtons(t, task.id, task.state));
  }
  if (previous && reachesMember(previous) && previous.id !== actor.id) {
    const to = recipientOf(previous, team);
    const t = translator.forLocale(to.locale);
    const text = t("task-reassigned-away", { id: String(task.id), name: memberName(assignee), text: oneLine(task.text) });
    send(db, team.id, to, "task-reassigned-away", `task-reassigned-away:${task.id}:${eventId}`, text, now);
  }
}

/** The reviewers learn a task is done, with [Accept] [Return]. */
export function notifyTaskDone(db: Db, translator: Translator, team: Team, task: Task, assignee: Member, eventId: number, now: number): void {
  for (const reviewer of reviewersOf(db, team.id)) {
    const to = recipientOf(reviewer, team);
    const t = translator.forLocale(to.locale);
    const text = t("task-done-notice", { id: String(task.id), name: memberName(assignee), text: oneLine(task.text) });
    send(db, team.id, to, "task-done", `task-done:${task.id}:${eventId}:${reviewer.id}`, text, now, reviewButtons(t, task.id));
  }
}

/** The assignee learns the review: accepted, returned with the comment, or cancelled. */
export function notifyTaskReviewed(
  db: Db,
  translator: Translator,
  team: Team,
  task: Task,
  assignee: Member,
  reviewer: Member,
  outcome: "accepted" | "returned" | "cancelled",
  eventId: number,
  now: number,
): void {
  if (!reachesMember(assignee)) return;
  const to = recipientOf(assignee, team);
  const t = translator.forLocale(to.locale);
  const vars = { id: String(task.id), name: memberName(reviewer), text: oneLine(task.text), comment: quoted(task.returnComment ?? "") };
  const text = t(`task-${outcome}-notice`, vars);
  const markup = outcome === "returned" ? assigneeButtons(t, task.id, "returned") : undefined;
  send(db, team.id, to, `task-${outcome}`, `task-${outcome}:${task.id}:${eventId}`, text, now, markup);
}

/** A question goes to the reviewers at once with [Answer]. */
export function notifyQuestion(db: Db, translator: Translator, team: Team, question: Question, asker: Member, task: Task | undefined, now: number): void {
  for (const reviewer of reviewersOf(db, team.id)) {
    const to = recipientOf(reviewer, team);
    const t = translator.forLocale(to.locale);
    const about = task ? t("question-about-task", { id: String(task.id), text: oneLine(task.text) }) : "";
    const text = t("question-notice", { id: String(question.id), name: memberName(asker), question: quoted(question.text), about });
    const markup = keyboard([[button(t("question-btn-answer"), answerButton.pack({ id: question.id }))]]);
    send(db, team.id, to, "question", `question:${question.id}:${reviewer.id}`, text, now, markup);
  }
}

/** The answer goes back to the manager who asked. */
export function notifyAnswer(db: Db, translator: Translator, team: Team, question: Question, asker: Member, answerer: Member, answer: string, now: number): void {
  if (!reachesMember(asker)) return;
  const to = recipientOf(asker, team);
  const t = translator.forLocale(to.locale);
  const text = t("question-answer-notice", { id: String(question.id), name: memberName(answerer), question: quoted(question.text), answer: quoted(answer) });
  send(db, team.id, to, "question-answer", `question-answer:${question.id}`, text, now);
}

/** The check-up prompt (or a lead's round, which has its own key) with [Start]. */
export function sendCheckupPrompt(
  db: Db,
  translator: Translator,
  team: Team,
  manager: Member,
  checkup: Checkup,
  openTasks: number,
  key: string,
  now: number,
): boolean {
  if (!reachesMember(manager)) return false;
  const to = recipientOf(manager, team);
  const t = translator.forLocale(to.locale);
  const text = t("checkup-prompt", { date: formatShortDay(checkup.localDate), tasks: openTasks, cutoff: team.cutoffTime });
  const markup = keyboard([[button(t("checkup-btn-start"), checkupStartButton.pack({ id: checkup.id }))]]);
  return send(db, team.id, to, "checkup-prompt", key, text, now, markup);
}

export function sendCheckupReminder(db: Db, translator: Translator, team: Team, manager: Member, checkup: Checkup, now: number): boolean {
  if (!reachesMember(manager)) return false;
  const to = recipientOf(manager, team);
  const t = translator.forLocale(to.locale);
  const text = t("checkup-reminder", { date: formatShortDay(checkup.localDate), cutoff: team.cutoffTime });
  const markup = keyboard([[button(t("checkup-btn-start"), checkupStartButton.pack({ id: checkup.id }))]]);
  return send(db, team.id, to, "checkup-reminder", `checkup-reminder:${manager.id}:${checkup.localDate}`, text, now, markup);
}

/** The digest, split into messages that fit Telegram, one key per part. */
export function sendDigest(db: Db, team: Team, to: Recipient, date: string, parts: string[], now: number): void {
  parts.forEach((text, index) => {
    send(db, team.id, to, "checkup-digest", `checkup-digest:${to.memberId ?? to.chatId}:${date}:${index + 1}`, text, now);
  });
}

/** The reviewers hear when a manager goes away or comes back (set by the manager), so the digest holds no surprises. */
export function notifyAway(db: Db, translator: Translator, team: Team, manager: Member, change: { from: string; to: string } | "back", key: string, now: number): void {
  for (const reviewer of reviewersOf(db, team.id)) {
    if (reviewer.id === manager.id) continue;
    const to = recipientOf(reviewer, team);
    const t = translator.forLocale(to.locale);
    const text =
      change === "back"
        ? t("checkup-back-notice", { name: memberName(manager) })
        : t("checkup-away-notice", { name: memberName(manager), from: formatShortDay(change.from), to: formatShortDay(change.to) });
    send(db, team.id, to, "away", `${key}:${reviewer.id}`, text, now);
  }
}
