import type { Conversation } from "@grammyjs/conversations";
import type { CallbackQueryContext, Context } from "grammy";
import type { BotContext, ConvContext } from "./context.js";
import type { CallbackData } from "../shared/telegram/callback-data.js";

export type BotConversation = Conversation<BotContext, ConvContext>;

/** Where a team's dialogue states live in the kv table: `<prefix><chat id>:<user id>`. */
export function dialogueKeyPrefix(teamId: number): string {
  return `conv:${teamId}:`;
}

/** The injected clock, read once and replayed from the log afterwards. */
export function conversationNow(conversation: BotConversation, ctx: ConvContext): Promise<number> {
  return conversation.external(() => ctx.deps.clock.now());
}

/** Whose dialogue an update belongs to: one open dialogue per person and chat. */
export function dialogueKey(ctx: Context): string | undefined {
  return ctx.chatId === undefined || ctx.from === undefined ? undefined : `${ctx.chatId}:${ctx.from.id}`;
}

/**
 * A wrong answer: `hint` says what is expected, and the update is skipped, so the dialogue's log does
 * not keep it. Wrong answers in a row are counted outside the log; the last one allowed ends the
 * dialogue with a message saying so.
 */
export async function rejectAnswer(conversation: BotConversation, ctx: ConvContext, hint?: () => Promise<unknown>): Promise<never> {
  const key = dialogueKey(ctx);
  if (key !== undefined && ctx.wrongAnswers.count(key, ctx.update.update_id)) {
    await ctx.reply(ctx.t("dialogue-too-many-wrong", { count: ctx.wrongAnswers.limit }));
    return conversation.halt();
  }
  if (hint) await hint();
  return conversation.skip({ next: false });
}

function isCommand(ctx: ConvContext): boolean {
  return ctx.message?.text?.startsWith("/") ?? false;
}

/**
 * Waits for the next update of this dialogue. A typed command leaves the dialogue and runs as
 * usual, so nobody gets stuck in it.
 */
export async function waitOrLeave(conversation: BotConversation): Promise<ConvContext> {
  const ctx = await conversation.wait();
  if (isCommand(ctx)) await conversation.halt({ next: true });
  return ctx;
}

/**
 * Waits for a press of a button of the kind `button`; a command leaves the dialogue, anything else
 * gets `hint` (if given) and the wait goes on.
 */
export async function waitForButton<T>(
  conversation: BotConversation,
  button: CallbackData<T>,
  hint?: (ctx: ConvContext) => Promise<unknown>,
): Promise<{ ctx: CallbackQueryContext<ConvContext>; value: T }> {
  for (;;) {
    const ctx = await waitOrLeave(conversation);
    const data = ctx.callbackQuery?.data;
    const value = data === undefined ? undefined : button.unpack(data);
    if (value !== undefined) return { ctx: ctx as CallbackQueryContext<ConvContext>, value };
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await rejectAnswer(conversation, ctx, hint && (() => hint(ctx)));
  }
}
