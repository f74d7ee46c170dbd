import type { NextFunction } from "grammy";
import { setUnreachable } from "../../db/members.js";
import { reportUnreachable } from "../../outbox/worker.js";
import type { BotContext } from "../context.js";

/**
 * Keeps `members.unreachable` true to what Telegram says. Anything a member sends in the private
 * chat proves the bot can reach them again (a blocked bot receives nothing); Telegram's own
 * "blocked" notice (my_chat_member → kicked) marks them unreachable and tells the lead once,
 * like a 403 seen by the outbox.
 */
export async function trackReachability(ctx: BotContext, next: NextFunction): Promise<void> {
  const member = ctx.member;
  const chat = ctx.chat;
  if (member && chat?.type === "private") {
    const status = ctx.myChatMember?.new_chat_member.status;
    if (status === "kicked") {
      if (reportUnreachable(ctx.deps, ctx.team.id, chat.id, ctx.now)) ctx.deps.onOutbox?.();
      member.unreachable = true;
      return next();
    }
    if (member.unreachable) {
      setUnreachable(ctx.deps.db, ctx.team.id, member.chatId ?? chat.id, false);
      member.unreachable = false;
      ctx.log.info("member reachable again");
    }
  }
  await next();
}
