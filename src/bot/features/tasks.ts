/**
 * Tasks: /assign, /tasks with filters, /task cards, the manager's buttons (in progress,
 * done, question) and the lead's review ([Accept] / [Return] with a comment, cancel).
 */
import { createConversation } from "@grammyjs/conversations";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { findMemberByUsername, getMember, type Member } from "../../db/members.js";
import { countListedTasks, getTask, listListedTasksPage, listTasks, type Task } from "../../db/tasks.js";
import { listOpenQuestions } from "../../db/questions.js";
import { inReadTransaction } from "../../db/statements.js";
import { LISTED_STATES, MAX_TEXT, availableActions, parseAssign, textLength, type TaskAction } from "../../domain/tasks.js";
import { defineCallback, defineCommand, type Feature, type MemberCallbackContext, type MemberCommandContext, type MemberContext } from "../feature.js";
import { callbackData, page, type Field } from "../../shared/telegram/callback-data.js";
import { taskActionData, taskCardButton, taskProgressButton, taskQuestionButton, taskReviewButton } from "../../shared/telegram/button-data.js";
import type { BotContext, ConvContext } from "../context.js";
import type { Translate } from "../../shared/i18n.js";
import type { BotConversation } from "../conversation-tools.js";
import { isNotModified, pageOf, pagerRow, type PageLimits } from "../../shared/telegram/pager.js";
import { actorFor, applyTaskAction, askQuestion, assignTask, reassignTaskTo, teamToday, type TaskActionResult } from "../../services/tasks/task-actions.js";
import { envOf, freshEnv, freshMember, waitForText } from "./task-dialogs.js";
import { dueSuffix } from "../../services/tasks/notify.js";
import { taskFlags, taskLine } from "../../services/tasks/checkup-report.js";
import { checkupFeature } from "./checkup.js";
import { questionsFeature } from "./questions.js";
import { memberName, oneLine, quoted } from "../../shared/format.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { stateLabel } from "../../reports/task-state.js";

// ---------------------------------------------------------------------------------------------
// /assign

async function assignCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const today = teamToday(ctx.team, ctx.now);
  const parsed = parseAssign(text, today);
  if (!parsed.ok) {
    const key = { usage: "task-assign-usage", "too-long": "task-text-too-long", "bad-date": "task-bad-date", "past-date": "task-past-date" }[parsed.error];
    return ctx.reply(ctx.t(key, { max: String(MAX_TEXT) }));
  }
  const assignee = findMemberByUsername(ctx.deps.db, ctx.team.id, parsed.username);
  if (!assignee) return ctx.reply(ctx.t("member-not-found", { username: parsed.username }));
  if (assignee.role !== "manager") return ctx.reply(ctx.t("task-assign-not-manager", { name: memberName(assignee) }));
  const task = assignTask(envOf(ctx), ctx.member, assignee, parsed.text, parsed.dueDate);
  ctx.deps.onOutbox?.();
  ctx.log.info({ taskId: task.id, assignee: assignee.id }, "task assigned");
  await ctx.reply(ctx.t("task-assigned", { id: String(task.id), name: memberName(assignee), due: dueSuffix(ctx.t, task) }));
}

/** /reassign 12 @username: an open task goes to another manager (say, when its manager left the team). */
async function reassignCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const m = /^#?(\d{1,9})\s+@?([A-Za-z][A-Za-z0-9_]{3,31})$/.exec(text);
  if (!m) return ctx.reply(ctx.t("task-reassign-usage"));
  const id = m[1]!;
  const assignee = findMemberByUsername(ctx.deps.db, ctx.team.id, m[2]!);
  if (!assignee) return ctx.reply(ctx.t("member-not-found", { username: m[2]! }));
  if (assignee.role !== "manager") return ctx.reply(ctx.t("task-assign-not-manager", { name: memberName(assignee) }));
  const result = reassignTaskTo(envOf(ctx), ctx.member, Number(id), assignee);
  if (!result.ok) {
    if (result.reason === "not-found") return ctx.reply(ctx.t("task-not-found", { id }));
    if (result.reason === "same") return ctx.reply(ctx.t("task-reassign-same", { id, name: memberName(assignee) }));
    return ctx.reply(ctx.t("task-reassign-not-open", { id, state: stateLabel(ctx.t, result.task!.state) }));
  }
  ctx.deps.onOutbox?.();
  ctx.log.info({ taskId: result.task.id, assignee: assignee.id, previous: result.previous?.id }, "task reassigned");
  const from = result.previous ? memberName(result.previous) : "?";
  await ctx.reply(ctx.t("task-reassigned", { id, name: memberName(assignee), from }));
}

// ---------------------------------------------------------------------------------------------
// /tasks

type TaskFilter = { overdue: boolean; stalled: boolean; username?: string };

function parseFilter(args: string): TaskFilter | null {
  const filter: TaskFilter = { overdue: false, stalled: false };
  for (const word of args.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (["overdue", "просрочено", "просроченные", "просрочка"].includes(word)) filter.overdue = true;
    else if (["stalled", "stuck", "зависшие", "застрявшие", "стоят"].includes(word)) filter.stalled = true;
    else if (/^@[a-z0-9_]{4,32}$/.test(word) && !filter.username) filter.username = word.slice(1);
    else return null;
  }
  return filter;
}

/** What a task list shows: the filter words plus whose tasks (a manager always sees only own). */
type TaskListQuery = { overdue: boolean; stalled: boolean; assigneeId?: number };

/** A page holds at most this many tasks and this many characters (a message takes 4096). */
const TASK_PAGE: PageLimits<string> = { maxItems: 10, maxSize: 3500, size: (line) => line.length + 1 };

/** The list's filter in callback data: `o` overdue, `s` stalled, `u<id>` whose tasks. */
const listQuery: Field<TaskListQuery> = {
  pattern: "o?s?(?:u\\d{1,9})?",
  read: (text) => {
    const assignee = text.indexOf("u");
    const query: TaskListQuery = { overdue: text.includes("o"), stalled: text.includes("s") };
    if (assignee >= 0) query.assigneeId = Number(text.slice(assignee + 1));
    return query;
  },
  write: (query) => `${query.overdue ? "o" : ""}${query.stalled ? "s" : ""}${query.assigneeId === undefined ? "" : `u${query.assigneeId}`}`,
};

/** `tasks:p:<page>:<filter>` — the list's page with its filter, well under 64 bytes. */
const taskPageButton = callbackData("tasks:p", { page, query: listQuery });

type TaskView = { text: string; markup?: InlineKeyboardMarkup };

/** Per translation: whether the longest line a task can have still lets a full page fit TASK_PAGE.maxSize. */
const countPagingFits = new WeakMap<Translate, boolean>();

/**
 * Page `index` of the task lines. A lead's list holds every open task of the team; when even the longest
 * possible line (longest state, 200-character text, due date with year, both flags) leaves ten of them
 * within the page size, pages are cut by count alone — exactly what pageOf would cut — and only the shown
 * page's lines are formatted, not all of them.
 */
function pagingByCount(t: Translate): boolean {
  let fits = countPagingFits.get(t);
  if (fits === undefined) {
    const longestState = LISTED_STATES.reduce((a, b) => (stateLabel(t, a).length >= stateLabel(t, b).length ? a : b));
    const worst = { id: 999_999_999, state: longestState, text: "x".repeat(1000), dueDate: "2099-12-31" } as Task;
    const longest = taskLine(t, worst, { overdue: true, stalled: true }, "2000-01-01");
    fits = TASK_PAGE.size!(longest) * TASK_PAGE.maxItems <= TASK_PAGE.maxSize!;
    countPagingFits.set(t, fits);
  }
  return fits;
}

/** The clamped page `index` of a list of `total` items cut by count alone. */
function pageByCount(total: number, index: number): { index: number; count: number; offset: number } {
  const count = Math.max(1, Math.ceil(total / TASK_PAGE.maxItems));
  const clamped = Number.isInteger(index) ? Math.min(Math.max(index, 0), count - 1) : 0;
  return { index: clamped, count, offset: clamped * TASK_PAGE.maxItems };
}

function taskPage(t: Translate, tasks: Task[], index: number, line: (task: Task) => string) {
  if (!pagingByCount(t)) return pageOf(tasks.map(line), index, TASK_PAGE);
  const page = pageByCount(tasks.length, index);
  return { ...page, items: tasks.slice(page.offset, page.offset + TASK_PAGE.maxItems).map(line) };
}

/**
 * The tasks of the list, with their flags, that page `index` needs. Without a filter and with pages cut by
 * count, only the page's rows are read (and flagged): a lead's list holds every open task of the team.
 */
function listedTasks(ctx: MemberContext, member: Member, query: TaskListQuery, index: number) {
  const assigneeId = member.role === "manager" ? member.id : query.assigneeId;
  if (!query.overdue && !query.stalled && pagingByCount(ctx.t)) {
    const total = countListedTasks(ctx.deps.db, ctx.team.id, assigneeId);
    const page = pageByCount(total, index);
    const rows = total === 0 ? [] : listListedTasksPage(ctx.deps.db, ctx.team.id, assigneeId, page.offset, TASK_PAGE.maxItems);
    return { total, rows, page, flags: taskFlags(ctx.deps.db, ctx.team, rows, ctx.now) };
  }
  const all = listTasks(ctx.deps.db, ctx.team.id, LISTED_STATES, assigneeId);
  const flags = taskFlags(ctx.deps.db, ctx.team, all, ctx.now);
  const tasks = all.filter((task) => (!query.overdue || flags.get(task.id)?.overdue) && (!query.stalled || flags.get(task.id)?.stalled));
  return { total: tasks.length, rows: tasks, page: undefined, flags };
}

/** One page of the task list for `member`: the tasks as lines, review and card buttons for them, the pager. */
function taskListView(ctx: MemberContext, member: Member, query: TaskListQuery, index: number): TaskView {
  return inReadTransaction(ctx.deps.db, () => readTaskView(ctx, member, query, index));
}

function readTaskView(ctx: MemberContext, member: Member, query: TaskListQuery, index: number): TaskView {
  const listed = listedTasks(ctx, member, query, index);
  const { flags } = listed;
  if (listed.total === 0) return { text: ctx.t(query.overdue ? "task-list-empty-overdue" : query.stalled ? "task-list-empty-stalled" : "task-list-empty") };
  const today = teamToday(ctx.team, ctx.now);
  const line = (task: Task) => taskLine(ctx.t, task, flags.get(task.id), today);
  // A page read by itself (listed.page) holds exactly the page's rows.
  const page = listed.page ? { ...listed.page, items: listed.rows.map(line) } : taskPage(ctx.t, listed.rows, index, line);
  const shown = listed.page ? listed.rows : listed.rows.slice(page.offset, page.offset + page.items.length);

  const text = [ctx.t(member.role === "manager" ? "task-list-title-own" : "task-list-title-team", { count: listed.total })];
  let lastAssignee = -1;
  for (const [i, task] of shown.entries()) {
    if (member.role !== "manager" && task.assigneeId !== lastAssignee) {
      const assignee = getMember(ctx.deps.db, task.assigneeId);
      text.push("", ctx.t("task-group", { name: assignee ? memberName(assignee) : `#${task.assigneeId}` }));
      lastAssignee = task.assigneeId;
    }
    text.push(page.items[i]!);
  }
  const rows = listButtons(ctx.t, member, shown);
  rows.push(pagerRow(page, (to) => taskPageButton.pack({ page: to, query })));
  const markup = keyboard(rows);
  return markup.inline_keyboard.length ? { text: text.join("\n"), markup } : { text: text.join("\n") };
}

async function tasksCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const member = ctx.member;
  const filter = parseFilter(text);
  if (!filter || (filter.username && member.role === "manager")) return ctx.reply(ctx.t(member.role === "manager" ? "task-list-usage-manager" : "task-list-usage"));
  const query: TaskListQuery = { overdue: filter.overdue, stalled: filter.stalled };
  if (filter.username) {
    const target = findMemberByUsername(ctx.deps.db, ctx.team.id, filter.username);
    if (!target) return ctx.reply(ctx.t("member-not-found", { username: filter.username }));
    query.assigneeId = target.id;
  }
  const view = taskListView(ctx, member, query, 0);
  await ctx.reply(view.text, view.markup ? { reply_markup: view.markup } : {});
}

/** [‹] [n/m] [›] under a task list: the list is read again and the message shows the asked page. */
async function showTaskPage(ctx: MemberCallbackContext, index: number, asked: TaskListQuery): Promise<void> {
  const member = ctx.member;
  const query: TaskListQuery = { overdue: asked.overdue, stalled: asked.stalled };
  // A manager's list is always their own, whatever the data says.
  if (asked.assigneeId !== undefined && member.role !== "manager") query.assigneeId = asked.assigneeId;
  const view = taskListView(ctx, member, query, index);
  await ctx.answerCallbackQuery();
  try {
    await ctx.editMessageText(view.text, view.markup ? { reply_markup: view.markup } : {});
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/** Buttons under a page of the list: review for its done tasks (lead, founder), then one button per task to open its card. */
function listButtons(t: Translate, member: Member, tasks: Task[]): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  if (member.role !== "manager") {
    for (const task of tasks.filter((task) => task.state === "done")) {
      rows.push([button(t("task-btn-accept-id", { id: String(task.id) }), taskActionData("accept", task.id)), button(t("task-btn-return-id", { id: String(task.id) }), taskActionData("return", task.id))]);
    }
  }
  const cards = tasks.map((task) => button(`#${task.id}`, taskCardButton.pack({ id: task.id })));
  for (let i = 0; i < cards.length; i += 5) rows.push(cards.slice(i, i + 5));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// /task <id>: the card

function actionButtons(t: Translate, task: Task, member: Member): InlineKeyboardButton[][] {
  const actor = actorFor(member, task);
  if (!actor) return [];
  const actions = availableActions(task.state, actor);
  const labels: Record<Exclude<TaskAction, "unblock">, string> = {
    start: "task-btn-start",
    done: "task-btn-done",
    ask: "task-btn-ask",
    accept: "task-btn-accept",
    return: "task-btn-return",
    cancel: "task-btn-cancel",
  };
  return [actions.map((action) => button(t(labels[action as Exclude<TaskAction, "unblock">]), taskActionData(action as Exclude<TaskAction, "unblock">, task.id)))];
}

/** The task card the asker may see: a manager only own tasks. Undefined when not visible. */
function visibleTask(ctx: MemberContext, id: number): Task | undefined {
  const task = getTask(ctx.deps.db, ctx.team.id, id);
  if (!task || !actorFor(ctx.member, task)) return undefined;
  return task;
}

/** A member by id (removed ones too); the sender without a read when it is them. */
function memberById(ctx: BotContext | ConvContext, id: number): Member | undefined {
  return ctx.member?.id === id ? ctx.member : getMember(ctx.deps.db, id);
}

/** The card of task `id` as the sender may see it (read in one transaction), or undefined. */
function cardView(ctx: MemberContext, id: number): TaskView | undefined {
  return inReadTransaction(ctx.deps.db, () => {
    const task = visibleTask(ctx, id);
    return task && readCardView(ctx, task);
  });
}

function readCardView(ctx: MemberContext, task: Task): TaskView {
  const t = ctx.t;
  const today = teamToday(ctx.team, ctx.now);
  const flags = taskFlags(ctx.deps.db, ctx.team, [task], ctx.now).get(task.id);
  const assignee = memberById(ctx, task.assigneeId);
  const author = memberById(ctx, task.authorId);
  const lines = [
    taskLine(t, task, flags, today),
    t("task-card-people", { assignee: assignee ? memberName(assignee) : "?", author: author ? memberName(author) : "?" }),
  ];
  if (task.state === "returned" && task.returnComment) lines.push(t("task-card-returned", { comment: quoted(task.returnComment) }));
  for (const question of listOpenQuestions(ctx.deps.db, ctx.team.id, task.id)) lines.push(t("task-card-question", { id: String(question.id), text: quoted(question.text) }));
  const rows = actionButtons(t, task, ctx.member);
  return rows[0]?.length ? { text: lines.join("\n"), markup: keyboard(rows) } : { text: lines.join("\n") };
}

async function taskCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const id = /^#?(\d{1,9})$/.exec(text)?.[1];
  if (!id) return ctx.reply(ctx.t("task-card-usage"));
  const view = cardView(ctx, Number(id));
  if (!view) return ctx.reply(ctx.t("task-not-found", { id }));
  await ctx.reply(view.text, view.markup ? { reply_markup: view.markup } : {});
}

// ---------------------------------------------------------------------------------------------
// Buttons and the return comment

/** Says what happened after an action, to the person who acted. */
async function reportAction(ctx: BotContext | ConvContext, result: TaskActionResult, id: number): Promise<void> {
  if (!result.ok) {
    const text =
      result.reason === "not-found"
        ? ctx.t("task-not-found", { id: String(id) })
        : result.reason === "not-allowed"
          ? ctx.t("access-denied")
          : ctx.t("task-wrong-state", { id: String(id), state: stateLabel(ctx.t, result.task!.state) });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
    await ctx.reply(text);
    return;
  }
  const task = result.task;
  const assignee = memberById(ctx, task.assigneeId);
  const text = ctx.t(`task-action-${task.state.replace("_", "-")}`, { id: String(task.id), name: assignee ? memberName(assignee) : "?" });
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: text.slice(0, 190) });
  await ctx.reply(text);
}

async function showCard(ctx: MemberCallbackContext, id: number): Promise<unknown> {
  const view = cardView(ctx, id);
  if (!view) return ctx.answerCallbackQuery({ text: ctx.t("task-not-found", { id: String(id) }) });
  await ctx.answerCallbackQuery();
  await ctx.reply(view.text, view.markup ? { reply_markup: view.markup } : {});
}

async function applyPressed(ctx: MemberCallbackContext, action: "start" | "done" | "accept" | "cancel", id: number): Promise<void> {
  const result = applyTaskAction(envOf(ctx), ctx.member, id, action);
  if (result.ok) ctx.deps.onOutbox?.();
  await reportAction(ctx, result, id);
}

/** [Return]: the lead types what is wrong; the task goes back to the manager with it. */
async function returnConversation(conversation: BotConversation, ctx: ConvContext, taskId: number): Promise<void> {
  const memberId = ctx.member?.id;
  if (memberId === undefined) return;
  const check = await conversation.external(() => {
    const task = getTask(ctx.deps.db, ctx.deps.teamId, taskId);
    return task ? { state: task.state, text: task.text } : null;
  });
  if (!check) return void (await ctx.reply(ctx.t("task-not-found", { id: String(taskId) })));
  if (check.state !== "done") return void (await ctx.reply(ctx.t("task-wrong-state", { id: String(taskId), state: stateLabel(ctx.t, check.state) })));
  await ctx.reply(ctx.t("task-return-ask", { id: String(taskId), text: oneLine(check.text) }));
  const { text, ctx: reply } = await waitForText(conversation, (c) => c.t("task-return-hint"));
  const result = await conversation.external(() => {
    const member = freshMember(ctx, memberId);
    return member ? applyTaskAction(freshEnv(ctx), member, taskId, "return", text) : ({ ok: false, reason: "not-allowed" } as const);
  });
  if (result.ok) reply.deps.onOutbox?.();
  await reportAction(reply, result, taskId);
}

async function returnPressed(ctx: MemberCallbackContext, id: number): Promise<void> {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("task-return", id);
}

async function returnCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const m = /^#?(\d{1,9})(?:\s+([\s\S]+))?$/.exec(text);
  if (!m) return ctx.reply(ctx.t("task-return-usage"));
  const id = Number(m[1]);
  const comment = m[2]?.trim();
  if (!comment) {
    await ctx.conversation.exitAll();
    return ctx.conversation.enter("task-return", id);
  }
  if (textLength(comment) > MAX_TEXT) return ctx.reply(ctx.t("task-text-too-long", { max: String(MAX_TEXT) }));
  const result = applyTaskAction(envOf(ctx), ctx.member, id, "return", comment);
  if (result.ok) ctx.deps.onOutbox?.();
  await reportAction(ctx, result, id);
}

/** [Question] on a task: the manager types it; it goes to the lead at once and blocks the task. */
async function taskQuestionConversation(conversation: BotConversation, ctx: ConvContext, taskId: number): Promise<void> {
  const memberId = ctx.member?.id;
  if (memberId === undefined) return;
  await ctx.reply(ctx.t("question-ask-task", { id: String(taskId) }));
  const { text, ctx: reply } = await waitForText(conversation, (c) => c.t("question-ask-hint"));
  const result = await conversation.external(() => {
    const member = freshMember(ctx, memberId);
    return member ? askQuestion(freshEnv(ctx), member, taskId, text) : ({ ok: false, reason: "not-found" } as const);
  });
  if (!result.ok) return void (await reply.reply(reply.t(result.reason === "not-found" ? "task-not-found" : "question-task-closed", { id: String(taskId) })));
  reply.deps.onOutbox?.();
  await reply.reply(reply.t("question-sent", { id: String(result.question.id) }));
}

async function askPressed(ctx: MemberCallbackContext, id: number): Promise<unknown> {
  const task = visibleTask(ctx, id);
  if (!task) return ctx.answerCallbackQuery({ text: ctx.t("task-not-found", { id: String(id) }) });
  await ctx.answerCallbackQuery();
  if (!availableActions(task.state, "assignee").includes("ask")) return ctx.reply(ctx.t("task-wrong-state", { id: String(task.id), state: stateLabel(ctx.t, task.state) }));
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("task-question", task.id);
}

export const tasksFeature: Feature = {
  name: "tasks",
  conversations: [createConversation(returnConversation, "task-return"), createConversation(taskQuestionConversation, "task-question")],
  dialogueRoles: { "task-return": ["founder", "lead"], "task-question": ["manager"] },
  commands: [
    defineCommand({ command: "assign", roles: ["founder", "lead"], description: "cmd-assign", chats: "private", handler: assignCommand }),
    defineCommand({ command: "tasks", roles: ["founder", "lead", "manager"], description: "cmd-tasks", chats: "private", handler: tasksCommand }),
    defineCommand({ command: "task", roles: ["founder", "lead", "manager"], description: "cmd-task", chats: "private", handler: taskCommand }),
    defineCommand({ command: "return", roles: ["founder", "lead"], description: "cmd-return", chats: "private", handler: returnCommand }),
    defineCommand({ command: "reassign", roles: ["founder", "lead"], description: "cmd-reassign", chats: "private", handler: reassignCommand }),
  ],
  callbacks: [
    defineCallback({ data: taskPageButton, chats: "private", handler: (ctx, { page, query }) => showTaskPage(ctx, page, query) }),
    defineCallback({ data: taskCardButton, chats: "private", handler: (ctx, { id }) => showCard(ctx, id) }),
    defineCallback({ data: taskProgressButton, chats: "private", handler: (ctx, { action, id }) => applyPressed(ctx, action, id) }),
    defineCallback({
      data: taskReviewButton,
      roles: ["founder", "lead"],
      chats: "private",
      handler: (ctx, { action, id }) => (action === "return" ? returnPressed(ctx, id) : applyPressed(ctx, action, id)),
    }),
    defineCallback({ data: taskQuestionButton, chats: "private", roles: ["manager"], handler: (ctx, { id }) => askPressed(ctx, id) }),
  ],
};

/** The task features in install order: tasks, the check-up, questions. */
export const taskFeatures: Feature[] = [tasksFeature, checkupFeature, questionsFeature];

