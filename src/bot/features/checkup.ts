/**
 * The daily check-up as the manager lives it: the prompt's [Start], /checkup (or the
 * whole check-up typed in one line), a dialogue through every open task, the numbers and a note —
 * each step saved when answered, so a restart mid-way loses nothing. Also the lead's /checkup
 * round, /discipline, and /away and /back. The schedule itself is in jobs/checkup-*.ts.
 */
import { inImmediateTransaction } from "../../db/statements.js";
import { createConversation } from "@grammyjs/conversations";
import { findMemberByUsername, type Member } from "../../db/members.js";
import { addAway, endAway, listAway } from "../../db/away.js";
import { deleteUntouchedCheckup, findCheckup, getCheckup } from "../../db/checkups.js";
import { listTasks } from "../../db/tasks.js";
import { daysBetween, nextWorkingDay } from "../../domain/calendar.js";
import {
  chunkLines,
  isCheckupOpen,
  parseCheckupNumbers,
  parseInlineCheckup,
  parseTaskAnswer,
  type InlineCheckup,
} from "../../domain/checkup.js";
import { ASKED_STATES, MAX_TEXT, parseAheadDate, textLength, type CheckupAnswer } from "../../domain/tasks.js";
import { defineCallback, defineCommand, type Feature, type MemberCallbackContext, type MemberCommandContext, type MemberContext } from "../feature.js";
import type { ConvContext } from "../context.js";
import { callbackData, id, oneOf } from "../../shared/telegram/callback-data.js";
import { checkupStartButton } from "../../shared/telegram/button-data.js";
import type { Translate } from "../../shared/i18n.js";
import { rejectAnswer, type BotConversation } from "../conversation-tools.js";
import {
  checkupSummary,
  dayBefore,
  finishCheckup,
  nextCheckupStep,
  openTodaysCheckup,
  recordCheckupAnswer,
  recordCheckupNumbers,
  remainingTasks,
  startLeadRound,
  teamToday,
  type ActionEnv,
  type CheckupStep,
} from "../../services/tasks/task-actions.js";
import { envOf, freshEnv, freshMember, passThrough, waitForText } from "./task-dialogs.js";
import { notifyAway } from "../../services/tasks/notify.js";
import { DISCIPLINE_DAYS, disciplineFigures, disciplineLines } from "../../services/tasks/checkup-report.js";
import { formatShortDay, memberName, oneLine } from "../../shared/format.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";

/** Button codes of a task step → answers. */
const ANSWER_CODES = { done: "done", progress: "in_progress", not: "not_started", ask: "question" } as const satisfies Record<string, CheckupAnswer>;

/** `ci:<check-up>:<task>:<answer>`: a task step's answer. */
const stepAnswerButton = callbackData("ci", { checkup: id, task: id, answer: oneOf(["done", "progress", "not", "ask"]) });
/** `ci:<check-up>:skip`: [Skip] the note. */
const skipNoteButton = callbackData("ci", { checkup: id, skip: oneOf(["skip"]) });

function taskStepKeyboard(t: Translate, checkupId: number, taskId: number) {
  const data = (answer: keyof typeof ANSWER_CODES) => stepAnswerButton.pack({ checkup: checkupId, task: taskId, answer });
  return keyboard([
    [button(t("checkup-btn-done"), data("done")), button(t("checkup-btn-progress"), data("progress"))],
    [button(t("checkup-btn-not-started"), data("not")), button(t("checkup-btn-question"), data("ask"))],
  ]);
}

function summaryText(t: Translate, summary: ReturnType<typeof checkupSummary>): string {
  return t("checkup-saved", summary);
}

/** Asks one step; returns false when the dialogue is over. */
async function askStep(conversation: BotConversation, ctx: ConvContext, memberId: number, step: CheckupStep): Promise<boolean> {
  if (step.kind === "gone") return false;
  if (step.kind === "over") {
    await ctx.reply(ctx.t(step.status === "answered" ? "checkup-already-answered" : "checkup-closed-missed"));
    return false;
  }
  const checkupId = step.checkupId;
  const save = <T>(op: (env: ActionEnv, member: Member) => T, fallback: T) =>
    conversation.external(() => {
      const member = freshMember(ctx, memberId);
      return member ? op(freshEnv(ctx), member) : fallback;
    });

  if (step.kind === "task") {
    const taskId = step.task.id;
    const pressed = (data: string | undefined) => {
      const value = data === undefined ? undefined : stepAnswerButton.unpack(data);
      return value?.checkup === checkupId && value.task === taskId ? value.answer : undefined;
    };
    const due = step.task.dueDate ? ctx.t("task-due-suffix", { date: formatShortDay(step.task.dueDate) }) : "";
    await ctx.reply(ctx.t("checkup-task", { index: step.index, total: step.total, id: String(step.task.id), text: oneLine(step.task.text), due }), {
      reply_markup: taskStepKeyboard(ctx.t, checkupId, step.task.id),
    });
    const reply = await conversation.waitUntil(
      (u) => pressed(u.callbackQuery?.data) !== undefined || (typeof u.message?.text === "string" && !u.message.text.startsWith("/") && parseTaskAnswer(u.message.text) !== null),
      { otherwise: passThrough(conversation, (c) => c.t("checkup-task-hint")) },
    );
    let answer: CheckupAnswer;
    let question: string | undefined;
    if (reply.callbackQuery) {
      answer = ANSWER_CODES[pressed(reply.callbackQuery.data) ?? "progress"];
      await reply.answerCallbackQuery();
    } else {
      const typed = parseTaskAnswer(reply.message!.text!)!;
      answer = typed.answer;
      question = typed.question || undefined;
      if (question !== undefined && textLength(question) > MAX_TEXT) {
        // never cut a question short: refuse it and ask for it again, as after the [Question] button
        await ctx.reply(ctx.t("task-text-too-long", { max: String(MAX_TEXT) }));
        question = undefined;
      }
    }
    if (answer === "question" && !question) {
      await ctx.reply(ctx.t("question-ask-task", { id: String(step.task.id) }));
      question = (await waitForText(conversation, (c) => c.t("question-ask-hint"))).text;
    }
    const result = await save((env, member) => recordCheckupAnswer(env, member, checkupId, taskId, answer, question), { ok: false, reason: "closed" } as const);
    if (!result.ok && result.reason === "closed") {
      await ctx.reply(ctx.t("checkup-closed-missed"));
      return false;
    }
    if (answer === "question" && result.ok) {
      ctx.deps.onOutbox?.();
      await ctx.reply(ctx.t("checkup-question-sent"));
    } else if (answer === "done") ctx.deps.onOutbox?.();
    return true;
  }

  if (step.kind === "numbers") {
    await ctx.reply(ctx.t("checkup-numbers"));
    const reply = await conversation.waitUntil(
      (u) => typeof u.message?.text === "string" && !u.message.text.startsWith("/") && parseCheckupNumbers(u.message.text) !== null,
      { otherwise: passThrough(conversation, (c) => c.t("checkup-numbers-hint")) },
    );
    const numbers = parseCheckupNumbers(reply.message!.text!)!;
    const result = await save((env, member) => recordCheckupNumbers(env, member, checkupId, numbers), { ok: false, reason: "closed" } as const);
    if (!result.ok) {
      await ctx.reply(ctx.t("checkup-closed-missed"));
      return false;
    }
    return true;
  }

  // The note: optional; [Skip] or "-" leaves it out.
  const skip = skipNoteButton.pack({ checkup: checkupId, skip: "skip" });
  await ctx.reply(ctx.t("checkup-note"), { reply_markup: keyboard([[button(ctx.t("checkup-btn-skip"), skip)]]) });
  const reply = await conversation.waitUntil(
    (u) => u.callbackQuery?.data === skip || (typeof u.message?.text === "string" && !u.message.text.startsWith("/")),
    { otherwise: passThrough(conversation) },
  );
  let note: string | null = null;
  if (reply.callbackQuery) await reply.answerCallbackQuery();
  else {
    const text = reply.message!.text!.trim();
    // Too long: a wrong answer like any other, so the dialogue's log does not grow with it.
    if (textLength(text) > MAX_TEXT) await rejectAnswer(conversation, reply, () => reply.reply(reply.t("task-text-too-long", { max: String(MAX_TEXT) })));
    note = text === "-" || text === "" ? null : text;
  }
  const result = await save((env, member) => finishCheckup(env, member, checkupId, note), { ok: false, reason: "closed" } as const);
  if (!result.ok) {
    if (result.reason === "not-allowed") return true; // a task appeared meanwhile: ask it first
    await ctx.reply(ctx.t("checkup-closed-missed"));
    return false;
  }
  const summary = await conversation.external(() => checkupSummary(ctx.deps.db, ctx.deps.teamId, checkupId));
  await ctx.reply(summaryText(ctx.t, summary));
  return false;
}

/**
 * The check-up dialogue. Every step reads the saved progress first, so after a restart (or when
 * the dialogue state is gone) it continues at the first unanswered step.
 */
async function checkupConversation(conversation: BotConversation, ctx: ConvContext, checkupId: number): Promise<void> {
  const memberId = ctx.member?.id;
  if (memberId === undefined) return;
  for (let steps = 0; steps < 500; steps++) {
    const step = await conversation.external(() => nextCheckupStep(ctx.deps.db, ctx.deps.teamId, checkupId, memberId));
    if (!(await askStep(conversation, ctx, memberId, step))) return;
  }
}

async function enterCheckup(ctx: MemberContext, checkupId: number): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("checkup", checkupId);
}

function refusal(ctx: MemberContext, reason: "answered" | "missed" | "away" | "day-off" | "closed"): string {
  if (reason === "day-off") {
    const next = nextWorkingDay(teamToday(ctx.team, ctx.now), ctx.team);
    return ctx.t("checkup-day-off", { date: formatShortDay(next), time: ctx.team.checkupTime });
  }
  const keys = { answered: "checkup-already-answered", missed: "checkup-closed-missed", away: "checkup-away-today", closed: "checkup-closed-cutoff" } as const;
  return ctx.t(keys[reason], { cutoff: ctx.team.cutoffTime });
}

/** [Start] on the prompt or the reminder. */
async function startPressed(ctx: MemberCallbackContext, checkupId: number): Promise<unknown> {
  const checkup = getCheckup(ctx.deps.db, ctx.team.id, checkupId);
  if (!checkup || checkup.memberId !== ctx.member.id) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await ctx.answerCallbackQuery();
  if (!isCheckupOpen(checkup.status)) return ctx.reply(ctx.t(checkup.status === "answered" ? "checkup-already-answered" : "checkup-closed-missed"));
  await enterCheckup(ctx, checkup.id);
}

async function stepPressed(ctx: MemberCallbackContext, checkupId: number, answered?: { taskId: number; answer: keyof typeof ANSWER_CODES }): Promise<unknown> {
  const checkup = getCheckup(ctx.deps.db, ctx.team.id, checkupId);
  if (!checkup || checkup.memberId !== ctx.member.id) return ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await ctx.answerCallbackQuery();
  if (!isCheckupOpen(checkup.status)) return ctx.reply(ctx.t(checkup.status === "answered" ? "checkup-already-answered" : "checkup-closed-missed"));
  if (answered && answered.answer !== "ask") {
    const result = recordCheckupAnswer(envOf(ctx), ctx.member, checkupId, answered.taskId, ANSWER_CODES[answered.answer]);
    if (result.ok) ctx.deps.onOutbox?.();
  }
  await enterCheckup(ctx, checkupId);
}

/** The whole check-up (or its start) typed in one line; nothing is written unless all of it is valid. */
async function inlineCheckup(ctx: MemberContext, input: InlineCheckup): Promise<void> {
  const member = ctx.member;
  const env = envOf(ctx);
  // Validate against today's open tasks before anything (even today's check-up row) is written.
  const existing = findCheckup(ctx.deps.db, ctx.team.id, member.id, teamToday(ctx.team, ctx.now));
  const askable = existing ? remainingTasks(ctx.deps.db, existing) : listTasks(ctx.deps.db, ctx.team.id, ASKED_STATES, member.id);
  const asked = new Set(askable.map((task) => task.id));
  const unknown = input.answers.find((answer) => !asked.has(answer.taskId));
  if (unknown) return void (await ctx.reply(ctx.t("checkup-inline-unknown-task", { id: String(unknown.taskId) })));
  const opened = openTodaysCheckup(env, member);
  if (!opened.ok) return void (await ctx.reply(refusal(ctx, opened.reason)));
  const checkup = opened.checkup;
  const complete = inImmediateTransaction(ctx.deps.db, () => {
    for (const answer of input.answers) {
      const result = recordCheckupAnswer(env, member, checkup.id, answer.taskId, answer.answer, answer.question);
      if (!result.ok) throw new Error(`inline check-up answer refused: ${result.reason}`);
    }
    if (input.numbers) recordCheckupNumbers(env, member, checkup.id, input.numbers);
    if (input.numbers && remainingTasks(ctx.deps.db, checkup).length === 0) return finishCheckup(env, member, checkup.id, input.note ?? null).ok;
    return false;
  });
  ctx.deps.onOutbox?.();
  if (complete) return void (await ctx.reply(summaryText(ctx.t, checkupSummary(ctx.deps.db, ctx.team.id, checkup.id))));
  await enterCheckup(ctx, checkup.id);
}

async function checkupCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const member = ctx.member;
  const args = text;
  if (member.role !== "manager") {
    if (args) return ctx.reply(ctx.t("checkup-round-usage"));
    const round = startLeadRound(envOf(ctx));
    ctx.deps.onOutbox?.();
    const names = (list: Member[]) => list.map(memberName).join(", ") || "—";
    if (round.prompted.length + round.answered.length + round.away.length === 0) return ctx.reply(ctx.t("checkup-round-no-managers"));
    return ctx.reply(ctx.t("checkup-round-started", { prompted: names(round.prompted), answered: names(round.answered), away: names(round.away) }));
  }
  if (args) {
    const parsed = parseInlineCheckup(args);
    if (!parsed.ok) {
      const key = { usage: "checkup-inline-usage", "too-long": "task-text-too-long", "question-empty": "checkup-inline-question-empty" }[parsed.error];
      return ctx.reply(ctx.t(key, { max: String(MAX_TEXT) }));
    }
    return inlineCheckup(ctx, parsed.value);
  }
  const opened = openTodaysCheckup(envOf(ctx), member);
  if (!opened.ok) return ctx.reply(refusal(ctx, opened.reason));
  await enterCheckup(ctx, opened.checkup.id);
}

// ---------------------------------------------------------------------------------------------
// /away and /back

/** `/away [@user] <from> [<to>]`: the lead and the founder may name a manager; a manager sets own. */
async function awayCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const member = ctx.member;
  const words = text.split(/\s+/).filter(Boolean);
  let target: Member | undefined = member;
  if (words[0]?.startsWith("@")) {
    if (member.role === "manager") return ctx.reply(ctx.t("checkup-away-usage"));
    target = findMemberByUsername(ctx.deps.db, ctx.team.id, words.shift()!);
    if (!target) return ctx.reply(ctx.t("member-not-found", { username: text.split(/\s+/)[0]!.replace(/^@/, "") }));
  } else if (member.role !== "manager") {
    return ctx.reply(ctx.t("checkup-away-usage-lead"));
  }
  if (target.role !== "manager") return ctx.reply(ctx.t("task-assign-not-manager", { name: memberName(target) }));
  if (words.length < 1 || words.length > 2) return ctx.reply(ctx.t(member.role === "manager" ? "checkup-away-usage" : "checkup-away-usage-lead"));
  const today = teamToday(ctx.team, ctx.now);
  const from = parseAheadDate(words[0]!, today);
  if (!from.ok) return ctx.reply(ctx.t(from.error === "bad-date" ? "task-bad-date" : "task-past-date"));
  let to = words[1] ? parseAheadDate(words[1], today) : from;
  if (to.ok && to.date < from.date && /^\d{1,2}\.\d{1,2}$/.test(words[1] ?? "")) {
    // "/away 28.12 05.01": the vacation crosses the new year.
    const next = parseAheadDate(`${Number(from.date.slice(0, 4)) + 1}-${to.date.slice(5)}`, today);
    if (next.ok && daysBetween(from.date, next.date) <= 62) to = next;
  }
  if (!to.ok) return ctx.reply(ctx.t(to.error === "bad-date" ? "task-bad-date" : "task-past-date"));
  if (to.date < from.date) return ctx.reply(ctx.t("checkup-away-order"));
  if (to.date > `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`) return ctx.reply(ctx.t("checkup-away-too-long"));
  const manager = target;
  const period = inImmediateTransaction(ctx.deps.db, () => {
    const added = addAway(ctx.deps.db, { teamId: ctx.team.id, memberId: manager.id, fromDate: from.date, toDate: to.date, createdBy: member.id }, ctx.now);
    if (from.date <= today) deleteUntouchedCheckup(ctx.deps.db, ctx.team.id, manager.id, today);
    if (manager.id === member.id) notifyAway(ctx.deps.db, ctx.deps.translator, ctx.team, manager, { from: from.date, to: to.date }, `away:${added.id}`, ctx.now);
    return added;
  });
  ctx.deps.onOutbox?.();
  await ctx.reply(
    ctx.t(manager.id === member.id ? "checkup-away-set" : "checkup-away-set-for", { name: memberName(manager), from: formatShortDay(period.fromDate), to: formatShortDay(period.toDate) }),
  );
}

async function backCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const member = ctx.member;
  const arg = text;
  let target: Member | undefined = member;
  if (arg) {
    if (member.role === "manager" || !/^@?[A-Za-z0-9_]{4,32}$/.test(arg)) return ctx.reply(ctx.t(member.role === "manager" ? "checkup-back-usage" : "checkup-back-usage-lead"));
    target = findMemberByUsername(ctx.deps.db, ctx.team.id, arg);
    if (!target) return ctx.reply(ctx.t("member-not-found", { username: arg.replace(/^@/, "") }));
  } else if (member.role !== "manager") {
    return ctx.reply(ctx.t("checkup-back-usage-lead"));
  }
  const manager = target;
  const today = teamToday(ctx.team, ctx.now);
  const changed = inImmediateTransaction(ctx.deps.db, () => {
    const ended = endAway(ctx.deps.db, ctx.team.id, manager.id, today, dayBefore(today));
    if (ended && manager.id === member.id) notifyAway(ctx.deps.db, ctx.deps.translator, ctx.team, manager, "back", `back:${manager.id}:${ctx.now}`, ctx.now);
    return ended;
  });
  ctx.deps.onOutbox?.();
  if (!changed) return ctx.reply(manager.id === member.id ? ctx.t("checkup-back-none-own") : ctx.t("checkup-back-none", { name: memberName(manager) }));
  await ctx.reply(ctx.t(manager.id === member.id ? "checkup-back-done" : "checkup-back-done-for", { name: memberName(manager) }));
}

// ---------------------------------------------------------------------------------------------
// /discipline

async function disciplineCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const arg = text;
  const days = arg ? Number(arg) : DISCIPLINE_DAYS;
  if (!/^\d{0,3}$/.test(arg) || !Number.isInteger(days) || days < 1 || days > 366) return ctx.reply(ctx.t("checkup-discipline-usage"));
  const { managers, figures, fromDate } = disciplineFigures(ctx.deps.db, ctx.team, ctx.now, days);
  const away = listAway(ctx.deps.db, ctx.team.id, teamToday(ctx.team, ctx.now));
  const lines = disciplineLines(ctx.t, managers, figures, fromDate);
  if (away.length) lines.push("", ctx.t("checkup-discipline-away-note"));
  for (const chunk of chunkLines(lines)) await ctx.reply(chunk);
}

export const checkupFeature: Feature = {
  name: "checkup",
  conversations: [createConversation(checkupConversation, "checkup")],
  dialogueRoles: { checkup: ["manager"] },
  commands: [
    defineCommand({ command: "checkup", roles: ["founder", "lead", "manager"], description: "cmd-checkup", chats: "private", handler: checkupCommand }),
    defineCommand({ command: "away", roles: ["founder", "lead", "manager"], description: "cmd-away", chats: "private", handler: awayCommand }),
    defineCommand({ command: "back", roles: ["founder", "lead", "manager"], description: "cmd-back", chats: "private", handler: backCommand }),
    defineCommand({ command: "discipline", roles: ["founder", "lead"], description: "cmd-discipline", chats: "private", handler: disciplineCommand }),
  ],
  callbacks: [
    defineCallback({ data: checkupStartButton, chats: "private", roles: ["manager"], handler: (ctx, { id }) => startPressed(ctx, id) }),
    // A step's button pressed outside the dialogue (an older message, or the dialogue state is gone):
    // the answer is saved all the same and the dialogue continues from the saved progress.
    defineCallback({ data: stepAnswerButton, chats: "private", roles: ["manager"], handler: (ctx, { checkup, task, answer }) => stepPressed(ctx, checkup, { taskId: task, answer }) }),
    defineCallback({ data: skipNoteButton, chats: "private", roles: ["manager"], handler: (ctx, { checkup }) => stepPressed(ctx, checkup) }),
  ],
};
