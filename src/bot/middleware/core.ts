import type { Context, NextFunction } from "grammy";
import type { Transaction } from "better-sqlite3";
import { claimUpdate } from "../../db/processed-updates.js";
import { findActiveMember, refreshProfile, setMemberLocale, type Member } from "../../db/members.js";
import { getTeam, type Team } from "../../db/teams.js";
import { pickLocale } from "../../shared/i18n.js";
import type { BotDeps, CoreFlavor } from "../context.js";

/**
 * Puts deps, clock reading, team, member, locale and a per-update logger on the context.
 * Used by the bot's chain and, as a plugin, inside conversations (whose contexts skip the chain).
 */
export function attachCore(deps: BotDeps) {
  return async (ctx: Context & CoreFlavor, next: NextFunction) => {
    decorate(deps, ctx, true);
    await next();
  };
}

/**
 * `claim`: also claim the update id (see middleware/dedupe.ts) in the same transaction as the reads — the outer
 * tree does, once per update; a conversation's replay does not.
 */
export function decorate(deps: BotDeps, ctx: Context & CoreFlavor, claim = false): void {
  const from = ctx.from;
  const now = deps.clock.now();
  // First, so the error boundary can still answer when the database refuses the claim below.
  ctx.deps = deps;
  // A stranger's update changes nothing but an invite's redemption, so only that one is claimed: a stranger's
  // flood writes nothing.
  const strangerMayWrite = /^\/start\s+\S/.test(ctx.message?.text ?? "");
  const read = readTeamAndMember(deps, from && !from.is_bot ? from.id : undefined, claim ? { updateId: ctx.update.update_id, now, strangerMayWrite } : undefined);
  const { team, member } = read;
  if (read.claimed !== undefined) ctx.redelivered = !read.claimed;
  if (member && from) {
    const username = from.username ?? null;
    const privateChat = ctx.chat?.type === "private" ? ctx.chat.id : null;
    const lastName = from.last_name ?? "";
    if (member.username !== username || member.firstName !== from.first_name || member.lastName !== lastName || (member.chatId === null && privateChat !== null)) {
      refreshProfile(deps.db, member, { username, firstName: from.first_name, lastName }, privateChat);
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
  ctx.now = now;
  ctx.log = deps.logger.child({ updateId: ctx.update.update_id, userId: from?.id });
}

type TeamAndMember = { team: Team; member: Member | undefined; claimed?: boolean };
type Claim = { updateId: number; now: number; strangerMayWrite: boolean };

const readers = new WeakMap<BotDeps["db"], Transaction<(teamId: number, userId: number | undefined, claim: Claim | undefined) => TeamAndMember>>();

/**
 * The team and the sender's membership, read in one transaction (one snapshot, one lock), with the update's
 * claim when asked: every transaction costs the bot its locks, and this one runs for every update. A claim
 * takes the write lock first (IMMEDIATE), as every write here does.
 */
function readTeamAndMember(deps: BotDeps, userId: number | undefined, claim: Claim | undefined): TeamAndMember {
  let read = readers.get(deps.db);
  if (!read) {
    read = deps.db.transaction((teamId: number, user: number | undefined, toClaim: Claim | undefined): TeamAndMember => {
      const team = getTeam(deps.db, teamId)!;
      const member = user === undefined ? undefined : findActiveMember(deps.db, team.id, user);
      if (!toClaim) return { team, member };
      // An unclaimed stranger's update counts as new: a redelivery of it can only repeat the explanation.
      return { team, member, claimed: member || toClaim.strangerMayWrite ? claimUpdate(deps.db, toClaim.updateId, toClaim.now) : true };
    });
    readers.set(deps.db, read);
  }
  return claim ? read.immediate(deps.teamId, userId, claim) : read(deps.teamId, userId, undefined);
}
