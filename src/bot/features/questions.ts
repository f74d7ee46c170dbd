/**
 * Questions (SPEC §2): a manager asks (/ask, the [Question] button, or in the check-up); the lead
 * gets it at once with [Answer]; the answer goes back to the manager and unblocks the task.
 * Escalation to the founder is the scheduled job's part (jobs/checkup-escalation.ts).
 */
import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { getMember } from "../../db/members.js";
import { getQuestion, listOpenQuestions } from "../../db/questions.js";
import { chunkLines, splitDuration } from "../../domain/checkup.js";
import { MAX_TEXT } from "../../domain/tasks.js";
import { allow, commandArgs, type Feature } from "../feature.js";
import type { BotContext, ConvContext } from "../context.js";
import type { BotConversation } from "../conversation-tools.js";
import { answerQuestion, askQuestion, type AnswerResult, type AskResult } from "./task-actions.js";
import { envOf, freshEnv, freshMember, waitForText } from "./task-dialogs.js";
import { button, keyboard, memberName } from "../../jobs/checkup-notify.js";

const composer = new Composer<BotContext>();

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
composer.use(createConversation(askConversation, "question-ask"));

composer.command("ask", allow("manager"), async (ctx) => {
  const args = commandArgs(ctx);
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
  if (text.length > MAX_TEXT) return ctx.reply(ctx.t("task-text-too-long", { max: String(MAX_TEXT) }));
  await reportAsk(ctx, askQuestion(envOf(ctx), ctx.member!, taskId, text), taskId);
});

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
  await ctx.reply(ctx.t("question-answer-ask", { id: String(questionId), name: question.name, question: question.text }));
  const { text, ctx: reply } = await waitForText(conversation, (c) => c.t("question-answer-hint"));
  const result = await conversation.external(() => {
    const member = freshMember(ctx, memberId);
    return member ? answerQuestion(freshEnv(ctx), member, questionId, text) : ({ ok: false, reason: "not-found" } as const);
  });
  await reportAnswer(reply, result, questionId);
}
composer.use(createConversation(answerConversation, "question-answer"));

composer.callbackQuery(/^question:answer:(\d+)$/, allow("founder", "lead"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter("question-answer", Number(ctx.match[1]));
});

composer.command("answer", allow("founder", "lead"), async (ctx) => {
  const m = /^#?(\d{1,9})(?:\s+([\s\S]+))?$/.exec(commandArgs(ctx));
  if (!m) return ctx.reply(ctx.t("question-answer-usage"));
  const id = Number(m[1]);
  const text = m[2]?.trim();
  if (!text) {
    await ctx.conversation.exitAll();
    return ctx.conversation.enter("question-answer", id);
  }
  if (text.length > MAX_TEXT) return ctx.reply(ctx.t("task-text-too-long", { max: String(MAX_TEXT) }));
  await reportAnswer(ctx, answerQuestion(envOf(ctx), ctx.member!, id, text), id);
});

composer.command("questions", async (ctx) => {
  const member = ctx.member!;
  const open = listOpenQuestions(ctx.deps.db, ctx.team.id).filter((q) => member.role !== "manager" || q.memberId === member.id);
  if (open.length === 0) return ctx.reply(ctx.t("question-list-empty"));
  const lines = [ctx.t("question-list-title", { count: open.length })];
  for (const question of open) {
    const asker = getMember(ctx.deps.db, question.memberId);
    const waited = splitDuration(ctx.now - question.askedAt);
    lines.push(
      ctx.t("question-list-item", {
        id: String(question.id),
        name: asker ? memberName(asker) : "?",
        text: question.text.length > 300 ? `${question.text.slice(0, 299)}…` : question.text,
        task: question.taskId === null ? "" : ` (#${question.taskId})`,
        ...waited,
      }),
    );
  }
  const rows = member.role === "manager" ? [] : open.slice(0, 20).map((q) => [button(ctx.t("question-btn-answer-id", { id: String(q.id) }), `question:answer:${q.id}`)]);
  const chunks = chunkLines(lines);
  for (const [index, chunk] of chunks.entries()) {
    await ctx.reply(chunk, index === chunks.length - 1 && rows.length ? { reply_markup: keyboard(rows) } : {});
  }
});

export const questionsFeature: Feature = {
  name: "questions",
  composer,
  commands: [
    { command: "ask", roles: ["manager"], description: "cmd-ask", chats: "private" },
    { command: "answer", roles: ["founder", "lead"], description: "cmd-answer", chats: "private" },
    { command: "questions", roles: ["founder", "lead", "manager"], description: "cmd-questions", chats: "private" },
  ],
};
