import { Context, type MiddlewareFn } from "grammy";
import type { BotContext } from "./context.js";
import { isMember, type Callback, type ChatScope, type Command, type Feature, type MemberCallbackContext, type MemberCommandContext } from "./feature.js";

/** Every command of the features, in their order; the first of a name wins. */
export function commandsOf(features: readonly Feature[]): Command[] {
  const commands: Command[] = [];
  for (const feature of features) for (const spec of feature.commands) if (!commands.some((known) => known.command === spec.command)) commands.push(spec);
  return commands;
}

/** The command the access check let through, kept for the route step of the same update. */
const admitted = new WeakMap<BotContext, Command>();

function outsideScope(ctx: BotContext, chats: ChatScope | undefined): boolean {
  if (chats === undefined || chats === "any" || ctx.chat?.type === "private") return false;
  return chats === "private" || ctx.chat === undefined || ctx.chat.id !== ctx.team.alertChatId;
}

/**
 * Commands and buttons routed from one list. `check` runs right after the stranger gate, before any open
 * dialogue sees the update: the command's roles, then its chats — a refused command leaves a dialogue
 * untouched. `route` runs where the features' handlers were: a command admitted by `check` (a dialogue
 * may have taken the update meanwhile), then a button, checked against its own roles and chats.
 */
export function createDispatcher(features: readonly Feature[]) {
  const commands = commandsOf(features);
  const byName = new Map(commands.map((spec) => [spec.command, spec]));
  const callbacks: Callback[] = features.flatMap((feature) => feature.callbacks ?? []);

  const check: MiddlewareFn<BotContext> = async (ctx, next) => {
    const text = ctx.message?.text;
    if (!text || text[0] !== "/" || !ctx.member) return next();
    const [head] = text.split(/\s/, 1);
    const [name, target] = head!.slice(1).split("@");
    if (target && target.toLowerCase() !== ctx.me.username.toLowerCase()) {
      // Meant for another bot: none of our business in a group; in our private chat, say so.
      if (ctx.chat?.type === "private") await ctx.reply(ctx.t("unknown-command"));
      return;
    }
    const spec = byName.get(name!.toLowerCase());
    if (!spec) return next();
    if (!spec.roles.includes(ctx.member.role)) return void (await ctx.reply(ctx.t("access-denied")));
    if (outsideScope(ctx, spec.chats)) return void (await ctx.reply(ctx.t("private-only")));
    admitted.set(ctx, spec);
    await next();
  };

  const route: MiddlewareFn<BotContext> = async (ctx, next) => {
    if (!isMember(ctx)) return next();
    const spec = admitted.get(ctx);
    // Matched the way grammY's `command` matches (entity at offset 0, our @username, exact case), which sets ctx.match.
    if (spec && Context.has.command(spec.command)(ctx)) return void (await spec.run(ctx as MemberCommandContext, typeof ctx.match === "string" ? ctx.match.trim() : ""));
    const data = ctx.callbackQuery?.data;
    if (data === undefined) return next();
    for (const callback of callbacks) {
      const run = callback.bind(data);
      if (!run) continue;
      if (callback.roles && !callback.roles.includes(ctx.member.role)) {
        return void (await ctx.answerCallbackQuery({ text: ctx.t("access-denied"), show_alert: true }));
      }
      if (outsideScope(ctx, callback.chats)) return void (await ctx.answerCallbackQuery({ text: ctx.t("private-only"), show_alert: true }));
      return void (await run(ctx as MemberCallbackContext));
    }
    await next();
  };

  return { commands, check, route };
}
