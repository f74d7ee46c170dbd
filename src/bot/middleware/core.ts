import type { Context, NextFunction } from "grammy";
import { findActiveMember, refreshProfile, setMemberLocale } from "../../db/members.js";
import { getTeam } from "../../db/teams.js";
import { pickLocale } from "../i18n.js";
import type { BotDeps, CoreFlavor } from "../context.js";

/**
 * Puts deps, clock reading, team, member, locale and a per-update logger on the context.
 * Used by the outer tree and, as a plugin, inside conversations (whose contexts skip the tree).
 */
export function attachCore(deps: BotDeps) {
  return async (ctx: Context & CoreFlavor, next: NextFunction) => {
    decorate(deps, ctx);
    await next();
  };
}

export function decorate(deps: BotDeps, ctx: Context & CoreFlavor): void {
  const team = getTeam(deps.db, deps.teamId)!;
  const from = ctx.from;
  const member = from && !from.is_bot ? findActiveMember(deps.db, team.id, from.id) : undefined;
  if (member && from) {
    const username = from.username ?? null;
    const privateChat = ctx.chat?.type === "private" ? ctx.chat.id : null;
    if (member.username !== username || member.firstName !== from.first_name || (member.chatId === null && privateChat !== null)) {
      refreshProfile(deps.db, member, username, from.first_name, privateChat);
    }
  }
  const locale = pickLocale(member?.locale, from?.language_code, team.locale);
  if (member && member.locale === null) {
    // Remembered so that messages the bot sends on its own reach this person in their language.
    setMemberLocale(deps.db, member.id, locale);
    member.locale = locale;
  }
  ctx.deps = deps;
  ctx.team = team;
  ctx.member = member;
  ctx.locale = locale;
  ctx.t = deps.translator.forLocale(locale);
  ctx.now = deps.clock.now();
  ctx.log = deps.logger.child({ updateId: ctx.update.update_id, userId: from?.id });
}
