import type { Context, NextFunction } from "grammy";
import { findActiveMember, refreshProfile, setMemberLocale, type Member } from "../../db/members.js";
import { getTeam, type Team } from "../../db/teams.js";
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
  const from = ctx.from;
  const { team, member } = readTeamAndMember(deps, from && !from.is_bot ? from.id : undefined);
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

const readers = new WeakMap<BotDeps["db"], (teamId: number, userId: number | undefined) => { team: Team; member: Member | undefined }>();

/** The team and the sender's membership, read in one read transaction (one snapshot, one lock). */
function readTeamAndMember(deps: BotDeps, userId: number | undefined): { team: Team; member: Member | undefined } {
  let read = readers.get(deps.db);
  if (!read) {
    read = deps.db.transaction((teamId: number, user: number | undefined) => {
      const team = getTeam(deps.db, teamId)!;
      return { team, member: user === undefined ? undefined : findActiveMember(deps.db, team.id, user) };
    });
    readers.set(deps.db, read);
  }
  return read(deps.teamId, userId);
}
