import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConvContext } from "./context.js";

export type BotConversation = Conversation<BotContext, ConvContext>;

/** The injected clock, read once and replayed from the log afterwards. */
export function conversationNow(conversation: BotConversation, ctx: ConvContext): Promise<number> {
  return conversation.external(() => ctx.deps.clock.now());
}

/** A command typed mid-conversation leaves it and runs as usual, so nobody gets stuck in a dialogue. */
export function leaveOnCommand(conversation: BotConversation) {
  return async (ctx: ConvContext): Promise<void> => {
    if (ctx.message?.text?.startsWith("/")) await conversation.halt({ next: true });
  };
}
