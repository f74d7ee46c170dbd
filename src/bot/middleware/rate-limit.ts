import type { Context, NextFunction } from "grammy";
import { findActiveMember } from "../../db/members.js";
import { getTeam } from "../../db/teams.js";
import { pickLocale } from "../../shared/i18n.js";
import type { BotDeps } from "../context.js";

export interface RateLimitOptions {
  /** Updates a person may send in one burst. */
  capacity: number;
  /** Updates regained per second. */
  refillPerSecond: number;
}

/**
 * Generous. A burst of up to 30 always passes and 2 a second pass forever, so a person
 * typing fast or a script sending 20 commands in 10 s is never limited; a flood of 60 in 2 s gets
 * about 34 through, one "not saved, slow down", and the rest dropped.
 */
export const RATE_LIMIT: RateLimitOptions = { capacity: 30, refillPerSecond: 2 };

/** Token buckets per Telegram user on the injected clock (tests move time, they do not sleep). */
export function createTokenBuckets(options: RateLimitOptions = RATE_LIMIT) {
  const buckets = new Map<number, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, now: number) =>
    Math.min(options.capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * options.refillPerSecond);
  return {
    /** Takes one token; false when the person is over the limit. */
    take(userId: number, now: number): boolean {
      const bucket = buckets.get(userId) ?? { tokens: options.capacity, at: now };
      bucket.tokens = refill(bucket, now);
      bucket.at = Math.max(bucket.at, now);
      buckets.set(userId, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      if (buckets.size > 10_000) {
        // Full buckets carry no information; forgetting them keeps the map small.
        for (const [id, other] of buckets) if (refill(other, now) >= options.capacity) buckets.delete(id);
      }
      return true;
    },
  };
}

/** A person over the limit is told once in this long; the rest of the flood is dropped without a word. */
export const WARN_WINDOW_MS = 60_000;

/**
 * Per-user flood limit, first in the chain: an update over the limit writes nothing, not even its id.
 * Counts what the bot acts on: everything in a private chat, commands and button presses in groups
 * (group chatter is not ours). Over the limit, a member is answered "not saved, slow down" once per
 * window and the rest is dropped; a stranger, or anyone in a group who is not a member, is dropped.
 * @grammyjs/ratelimiter is not used: it reads the wall clock and counts fixed windows.
 */
export function rateLimit(deps: BotDeps, options: RateLimitOptions = RATE_LIMIT) {
  const buckets = createTokenBuckets(options);
  const warned = new Map<number, number>();
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const userId = ctx.from?.id;
    const isPrivate = ctx.chat?.type === "private";
    const text = ctx.message?.text ?? ctx.message?.caption;
    const counted = ctx.callbackQuery !== undefined || (ctx.message !== undefined && (isPrivate || text?.startsWith("/") === true));
    const now = deps.clock.now();
    if (userId === undefined || !counted || buckets.take(userId, now)) return next();
    const log = deps.logger.child({ updateId: ctx.update.update_id, userId });
    if (now - (warned.get(userId) ?? -Infinity) < WARN_WINDOW_MS) return log.debug("rate limited: dropped");
    // Read only: the team and the sender, for their language and whether they are in the team at all.
    const team = getTeam(deps.db, deps.teamId)!;
    const member = findActiveMember(deps.db, team.id, userId);
    if (!member) return log.debug("rate limited: a stranger's update dropped");
    warned.delete(userId);
    warned.set(userId, now);
    // Oldest first in a Map: forgetting them keeps it small.
    if (warned.size > 10_000) warned.delete(warned.keys().next().value!);
    log.warn("rate limited: update not handled, told once for this minute");
    const notice = deps.translator.t(pickLocale(member.locale, ctx.from?.language_code, team.locale), "reliability-slow-down");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: notice });
    else await ctx.reply(notice);
  };
}
