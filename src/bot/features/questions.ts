/**
 * Questions: a manager asks (/ask, the [Question] button, or in the check-up); the lead
 * gets it at once with [Answer]; the answer goes back to the manager and unblocks the task.
 * Escalation to the founder is the scheduled job's part (jobs/checkup-escalation.ts).
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { createConversation } from "@grammyjs/conversations";
import { getMember } from "../../db/members.js";
import { getQuestion, listOpenQuestions } from "../../db/questions.js";
import { splitDuration } from "../../domain/checkup.js";
import { MAX_TEXT, textLength } from "../../domain/tasks.js";
import { defineCallback, defineCommand, type Feature, type MemberCallbackContext, type MemberCommandContext, type MemberContext } from "../feature.js";
import { callbackData, page } from "../../shared/telegram/callback-data.js";
import { answerButton } from "../../shared/telegram/button-data.js";
import type { BotContext, ConvContext } from "../context.js";
import type { BotConversation } from "../conversation-tools.js";
import { isNotModified, pageOf, pagerRow, type PageLimits } from "../../shared/telegram/pager.js";
import { answerQuestion, askQuestion, type AnswerResult, type AskResult } from "../../services/tasks/task-actions.js";
import { envOf, freshEnv, freshMember, waitForText } from "./task-dialogs.js";
import { memberName, oneLine, quoted } from "../../shared/format.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";

/** `questions:p:<page>`: a page of the open questions. */
const questionPageButton = callbackData("questions:p", { page });

async function reportAsk(ctx: BotContext | ConvContext, result: AskResult, taskId: number | null): Promise<void> {
  if (!result.ok) {
    await ctx.reply(ctx.t(result.reason === "not-found" ? "task-not-found" : "question-task-closed", { id: String(taskId ?? 0) }));
    return;
  }
  ctx.deps.onOutbox?.();
  await ctx.reply(ctx.t("question-sent", { id: String(result.question.id) }));
}

/** /ask without text: the manager types the question. */
async function askConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  const memberId = ctx.member?.id;
  if (memberId === undefined) return;
  await ctx.reply(ctx.t("question-ask-general"));
  const { text, ctx: reply } = await waitForText(conversation, (c) => c.t("question-ask-hint"));
  const result = await conversation.external(() => {
    const member = freshMember(ctx, memberId);
    return member ? askQuestion(freshEnv(ctx), member, null, text) : ({ ok: false, reason: "not-found" } as const);
  });
  await reportAsk(reply, result, null);
}

async function askCommand(ctx: MemberCommandContext, args: string): Promise<unknown> {
  if (!args) {
    await ctx.conversation.exitAll();
    return ctx.conversation.enter("question-ask");
  }
  const m = /^#(\d{1,9})(?:\s+([\s\S]*))?$/.exec(args) ?? /^(\d{1,9})(?:\s+([\s\S]*))?$/.exec(args);
  const taskId = m ? Number(m[1]) : null;
  const text = (m ? m[2] ?? "" : args).trim();
  if (taskId !== null && !text) {
    await ctx.conversation.exitAll();
    return ctx.conversation.enter("task-question", taskId);
  }
  if (textLength(text) > MAX_TEXT) return ctx.reply(ctx.t("task-text-too-long", { max: String(MAX_TEXT) }));
  await reportAsk(ctx, askQuestion(envOf(ctx), ctx.member, taskId, text), taskId);
}

async function reportAnswer(ctx: BotContext | ConvContext, result: AnswerResult, id: number): Promise<void> {
  if (!result.ok) {
    await ctx.reply(ctx.t(result.reason === "answered" ? "question-already-answered" : "question-not-found", { id: String(id) }));
    return;
  }
  ctx.deps.onOutbox?.();
  const asker = getMember(ctx.deps.db, result.question.memberId);
  await ctx.reply(ctx.t("question-answered", { id: String(id), name: asker ? memberName(asker) : "?" }));
}

/** [Answer]: the lead types the answer; it goes back to the manager. */
async function answerConversation(conversation: BotConversation, ctx: ConvContext, questionId: number): Promise<void> {
  const memberId = ctx.member?.id;
  if (memberId === undefined) return;
  const question = await conversation.external(() => {
    const row = getQuestion(ctx.deps.db, ctx.deps.teamId, questionId);
    if (!row) return null;
    const asker = getMember(ctx.deps.db, row.memberId);
    return { text: row.text, answered: row.answeredAt !== null, name: asker ? memberName(asker) : "?" };
  });
  if (!question) return void (await ctx.reply(ctx.t("question-not-found", { id: String(questionId) })));
  if (question.answered) return void (await ctx.reply(ctx.t("question-already-answered", { id: String(questionId) })));
  await ctx.reply(ctx.t("question-answer-ask", { id: String(questionId), name: question.name, question: quoted(question.text) }));
  const { text, ctx: reply } = await waitForText(conversation, (c) => c.t("question-answer-hint"));
  const result = await conversation.external(() => {
    const member = freshMember(ctx, memberId);
    return member ? answerQuestion(freshEnv(ctx), member, questionId, text) : ({ ok: false, reason: "not-found" } as const);
  });
  await reportAnswer(reply, result, questionId);
}

async function answerPressed(ctx: MemberCallbackContext, questionId: number): Promise<void> {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("question-answer", questionId);
}

async function answerCommand(ctx: MemberCommandContext, args: string): Promise<unknown> {
  const m = /^#?(\d{1,9})(?:\s+([\s\S]+))?$/.exec(args);
  if (!m) return ctx.reply(ctx.t("question-answer-usage"));
  const id = Number(m[1]);
  const text = m[2]?.trim();
  if (!text) {
    await ctx.conversation.exitAll();
    return ctx.conversation.enter("question-answer", id);
  }
  if (textLength(text) > MAX_TEXT) return ctx.reply(ctx.t("task-text-too-long", { max: String(MAX_TEXT) }));
  await reportAnswer(ctx, answerQuestion(envOf(ctx), ctx.member, id, text), id);
}

/** A page holds at most this many questions and this many characters (a message takes 4096). */
const QUESTION_PAGE: PageLimits<string> = { maxItems: 10, maxSize: 3500, size: (line) => line.length + 1 };

/** One page of the open questions `member` may see: a manager only own; the lead and founder get [Answer] buttons. */
function questionListView(ctx: MemberContext, index: number): { text: string; markup?: InlineKeyboardMarkup } {
  const member = ctx.member;
  const open = listOpenQuestions(ctx.deps.db, ctx.team.id).filter((q) => member.role !== "manager" || q.memberId === member.id);
  if (open.length === 0) return { text: ctx.t("question-list-empty") };
  const lines = open.map((question) => {
    const asker = getMember(ctx.deps.db, question.memberId);
    return ctx.t("question-list-item", {
      id: String(question.id),
      name: asker ? memberName(asker) : "?",
      // by characters: a cut through an emoji would leave half of it
      text: oneLine(textLength(question.text) > 300 ? `${[...question.text].slice(0, 299).join("")}…` : question.text),
      task: question.taskId === null ? "" : ` (#${question.taskId})`,
      ...splitDuration(ctx.now - question.askedAt),
    });
  });
  const page = pageOf(lines, index, QUESTION_PAGE);
  const shown = open.slice(page.offset, page.offset + page.items.length);
  const rows: InlineKeyboardButton[][] = member.role === "manager" ? [] : shown.map((q) => [button(ctx.t("question-btn-answer-id", { id: String(q.id) }), answerButton.pack({ id: q.id }))]);
  rows.push(pagerRow(page, (to) => questionPageButton.pack({ page: to })));
  const markup = keyboard(rows);
  const text = [ctx.t("question-list-title", { count: open.length }), ...page.items].join("\n");
  return markup.inline_keyboard.length ? { text, markup } : { text };
}

async function questionsCommand(ctx: MemberCommandContext, text: string): Promise<unknown> {
  if (text) return ctx.reply(ctx.t("question-list-usage"));
  const view = questionListView(ctx, 0);
  await ctx.reply(view.text, view.markup ? { reply_markup: view.markup } : {});
}

/** [‹] [n/m] [›] under the open questions: read again, shown in the same message. */
async function showQuestionPage(ctx: MemberCallbackContext, index: number): Promise<void> {
  const view = questionListView(ctx, index);
  await ctx.answerCallbackQuery();
  try {
    await ctx.editMessageText(view.text, view.markup ? { reply_markup: view.markup } : {});
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

export const questionsFeature: Feature = {
  name: "questions",
  conversations: [createConversation(askConversation, "question-ask"), createConversation(answerConversation, "question-answer")],
  dialogueRoles: { "question-ask": ["manager"], "question-answer": ["founder", "lead"] },
  commands: [
    defineCommand({ command: "ask", roles: ["manager"], description: "cmd-ask", chats: "private", handler: askCommand }),
    defineCommand({ command: "answer", roles: ["founder", "lead"], description: "cmd-answer", chats: "private", handler: answerCommand }),
    defineCommand({ command: "questions", roles: ["founder", "lead", "manager"], description: "cmd-questions", chats: "private", handler: questionsCommand }),
  ],
  callbacks: [
    defineCallback({ data: answerButton, chats: "private", roles: ["founder", "lead"], handler: (ctx, { id }) => answerPressed(ctx, id) }),
    defineCallback({ data: questionPageButton, chats: "private", handler: (ctx, { page }) => showQuestionPage(ctx, page) }),
  ],
};
