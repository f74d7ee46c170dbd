import type { NextFunction } from "grammy";
import type { BotContext } from "../context.js";

export interface RateLimitOptions {
  /** Updates a person may send in one burst. */
  capacity: number;
  /** Updates regained per second. */
  refillPerSecond: number;
}

/**
 * Generous. A burst of up to 30 always passes and 2 a second pass forever, so a person
 * typing fast or a script sending 20 commands in 10 s is never limited; a flood of 60 in 2 s gets
 * about 34 through and the rest answered "not saved, slow down".
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

/**
 * Per-user flood limit. Counts what the bot acts on: everything in a private chat, commands and
 * button presses in groups (group chatter is not ours). An update over the limit is answered
 * "not saved, slow down" (never silence) and goes no further, so it writes nothing.
 * @grammyjs/ratelimiter is not used: it reads the wall clock and counts fixed windows.
 */
export function rateLimit(options: RateLimitOptions = RATE_LIMIT) {
  const buckets = createTokenBuckets(options);
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const userId = ctx.from?.id;
    const isPrivate = ctx.chat?.type === "private";
    const text = ctx.message?.text ?? ctx.message?.caption;
    const counted = ctx.callbackQuery !== undefined || (ctx.message !== undefined && (isPrivate || text?.startsWith("/") === true));
    // Strangers in groups are ignored further on anyway; a reply would only be noise there.
    if (userId === undefined || !counted || (!ctx.member && !isPrivate)) return next();
    if (buckets.take(userId, ctx.now)) return next();
    ctx.log.warn("rate limited: update not handled");
    const notice = ctx.t("reliability-slow-down");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: notice });
    else await ctx.reply(notice);
  };
}
