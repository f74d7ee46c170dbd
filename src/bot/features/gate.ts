import type { BotContext } from "../context.js";
import { Composer, type MiddlewareFn } from "grammy";

/** A stranger hears how to join once in this long; the rest of what they send gets no answer. */
export const STRANGER_EXPLAIN_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Strangers stop here. In private they get one short explanation a day (whatever they sent); in groups
 * they are ignored. Nothing below this point runs for them, so no team data can reach them. When they
 * were told is kept in memory: it is not team data, and a restart costs at most one more explanation.
 */
export function createStrangerGate(): MiddlewareFn<BotContext> {
  const explained = new Map<number, number>();
  return async (ctx, next) => {
    if (ctx.member) return next();
    if (ctx.chat?.type !== "private" || ctx.from === undefined) return;
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t("stranger-short"), show_alert: true });
      return;
    }
    if (!ctx.message && !ctx.editedMessage) return;
    const last = explained.get(ctx.from.id);
    if (last !== undefined && ctx.now - last < STRANGER_EXPLAIN_EVERY_MS) return ctx.log.debug("stranger already told today");
    explained.delete(ctx.from.id);
    explained.set(ctx.from.id, ctx.now);
    // Oldest first in a Map: forgetting them keeps it small.
    if (explained.size > 10_000) explained.delete(explained.keys().next().value!);
    await ctx.reply(ctx.t("stranger-explain"));
  };
}

/** Last in the chain: a member never meets silence. */
export const fallback = new Composer<BotContext>();
fallback.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-stale") }));
fallback.on("message", async (ctx) => {
  const text = ctx.message.text ?? ctx.message.caption ?? "";
  const isCommand = text.startsWith("/");
  if (ctx.chat.type !== "private") {
    // In a group only an unknown command addressed to us gets a hint; chatter is not ours to answer.
    const addressed = isCommand && (!/^\/\S+@/.test(text) || text.split(/\s/)[0]!.toLowerCase().endsWith(`@${ctx.me.username.toLowerCase()}`));
    if (addressed) await ctx.reply(ctx.t("unknown-command"));
    return;
  }
  await ctx.reply(ctx.t(isCommand ? "unknown-command" : "unknown-text"));
});
