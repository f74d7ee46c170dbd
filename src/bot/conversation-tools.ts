import type { Conversation } from "@grammyjs/conversations";
import type { CallbackQueryContext } from "grammy";
import type { BotContext, ConvContext } from "./context.js";

export type BotConversation = Conversation<BotContext, ConvContext>;

/** The injected clock, read once and replayed from the log afterwards. */
export function conversationNow(conversation: BotConversation, ctx: ConvContext): Promise<number> {
  return conversation.external(() => ctx.deps.clock.now());
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
 * Waits for a press of a button whose data matches `pattern`; a command leaves the dialogue,
 * anything else gets `hint` (if given) and the wait goes on.
 */
export async function waitForButton(
  conversation: BotConversation,
  pattern: RegExp,
  hint?: (ctx: ConvContext) => Promise<unknown>,
): Promise<CallbackQueryContext<ConvContext> & { match: RegExpMatchArray }> {
  for (;;) {
    const ctx = await waitOrLeave(conversation);
    const data = ctx.callbackQuery?.data;
    const match = data === undefined ? null : pattern.exec(data);
    if (match) {
      (ctx as ConvContext & { match: RegExpMatchArray }).match = match;
      return ctx as CallbackQueryContext<ConvContext> & { match: RegExpMatchArray };
    }
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    if (hint) await hint(ctx);
  }
}
