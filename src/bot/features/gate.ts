import type { BotContext } from "../context.js";
import { Composer } from "grammy";

/**
 * Strangers stop here. In private they get one short explanation (whatever they sent); in groups
 * they are ignored. Nothing below this point runs for them, so no team data can reach them.
 */
export const strangerGate = new Composer<BotContext>();
strangerGate.use(async (ctx, next) => {
  if (ctx.member) return next();
  if (ctx.chat?.type !== "private") return;
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t("stranger-short"), show_alert: true });
    return;
  }
  if (ctx.message || ctx.editedMessage) await ctx.reply(ctx.t("stranger-explain"));
});

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
