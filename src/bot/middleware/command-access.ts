import type { NextFunction } from "grammy";
import type { CommandSpec } from "../feature.js";
import type { BotContext } from "../context.js";

/**
 * Checks every known command against the one command list: role first, then chat type.
 * Features keep their own checks as a second line; this one guarantees the access matrix.
 */
export function commandAccess(commands: CommandSpec[]) {
  const byName = new Map(commands.map((spec) => [spec.command, spec]));
  return async (ctx: BotContext, next: NextFunction) => {
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
    if (!spec.roles.includes(ctx.member.role)) {
      await ctx.reply(ctx.t("access-denied"));
      return;
    }
    const inAlertChat = ctx.chat !== undefined && ctx.chat.id === ctx.team.alertChatId;
    if (ctx.chat?.type !== "private" && (spec.chats === "private" || (spec.chats === "alerts" && !inAlertChat))) {
      await ctx.reply(ctx.t("private-only"));
      return;
    }
    await next();
  };
}
