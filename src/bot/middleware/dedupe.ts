import type { NextFunction } from "grammy";
import { claimUpdate } from "../../db/processed-updates.js";
import type { BotContext } from "../context.js";

/** A redelivered update (webhook retry, unconfirmed offset after a crash) has no second effect. */
export async function skipRedelivered(ctx: BotContext, next: NextFunction): Promise<void> {
  if (!claimUpdate(ctx.deps.db, ctx.update.update_id, ctx.now)) {
    ctx.log.info("redelivered update skipped");
    return;
  }
  await next();
}
