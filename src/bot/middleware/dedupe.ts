import type { NextFunction } from "grammy";
import { claimUpdate } from "../../db/processed-updates.js";
import type { BotContext } from "../context.js";

/**
 * A redelivered update (webhook retry, unconfirmed getUpdates offset after a crash) has no second effect.
 *
 * The update id is claimed when handling STARTS (with the first reads of the update, in attachCore),
 * not in the transaction of the effect, and not at the end:
 * - claiming at the end would double the effect whenever the process dies after the feature's
 *   commit and before the claim — and a webhook retry (Telegram gives up waiting after a while)
 *   arrives while the first delivery is still running, so only an early claim stops it;
 * - claiming inside the effect's transaction would give exactly-once, but the effect is spread
 *   over several feature transactions, conversation state writes and Telegram calls (replies are
 *   async, a better-sqlite3 transaction is not), so there is no single transaction to join.
 * So handling is at-most-once per update id. What makes that safe for people: features commit
 * before they confirm ("saved"), so a confirmed answer is always stored, exactly once; a crash in
 * the middle of an update leaves no confirmation, and the person sends it again.
 * With long polling the runner confirms an offset as soon as the next batch is fetched, so after
 * a kill -9 updates in hand are not redelivered at all; with webhooks they are, and skipped here.
 */
export async function skipRedelivered(ctx: BotContext, next: NextFunction): Promise<void> {
  // attachCore claims the id in the transaction that reads the team and the sender (one transaction
  // less per update); the claim here is for a tree without it.
  const redelivered = ctx.redelivered ?? !claimUpdate(ctx.deps.db, ctx.update.update_id, ctx.now);
  if (redelivered) {
    ctx.log.info("redelivered update skipped");
    return;
  }
  await next();
}
