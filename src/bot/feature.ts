import type { Composer, MiddlewareFn, NextFunction } from "grammy";
import type { Role } from "../db/members.js";
import type { BotContext } from "./context.js";

export interface CommandSpec {
  command: string;
  /** Roles that may use it; others get a refusal. */
  roles: Role[];
  /** Locale key of the one-line description shown in menus and /help. */
  description: string;
  /**
   * Where it works: "any" chat; "private" only (a group can hold people outside the team); "alerts" in
   * private and in the team's alert chat set by /alerts_here (figures the founder chose to share there).
   * Elsewhere the sender gets a hint to use the private chat.
   */
  chats: "private" | "any" | "alerts";
}

export interface Feature {
  name: string;
  commands: CommandSpec[];
  composer: Composer<BotContext>;
  /**
   * `createConversation(...)` middlewares. They are installed before every feature's handlers, so
   * an active dialogue sees the next update first, whichever feature owns the dialogue.
   */
  conversations?: MiddlewareFn<BotContext>[];
}

export const ROLE_ORDER: Role[] = ["founder", "lead", "manager"];

/** Refuses members whose role is not allowed, with a reply that names no team data. */
export function allow(...roles: Role[]) {
  return async (ctx: BotContext, next: NextFunction) => {
    if (ctx.member && roles.includes(ctx.member.role)) return next();
    const text = ctx.t("access-denied");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text);
  };
}

/** The text after the command, trimmed; "" when none. */
export function commandArgs(ctx: BotContext): string {
  const match = ctx.match;
  return typeof match === "string" ? match.trim() : "";
}
