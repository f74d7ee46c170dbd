import { GrammyError, HttpError, type BotError } from "grammy";
import type { BotContext } from "../context.js";

/** The one error boundary: log what went wrong, tell the person when we still can. */
export async function handleBotError(err: BotError<BotContext>): Promise<void> {
  const ctx = err.ctx;
  const error = err.error;
  const log = ctx.log ?? ctx.deps?.logger;
  if (error instanceof GrammyError) {
    log?.warn({ method: error.method, code: error.error_code, description: error.description }, "telegram refused a call");
    return;
  }
  if (error instanceof HttpError) {
    log?.warn({ err: error.error }, "network error talking to telegram");
    return;
  }
  log?.error({ err: error }, "update failed");
  try {
    if (ctx.t && ctx.chat) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-generic") }).catch(() => undefined);
      else await ctx.reply(ctx.t("error-generic"));
    }
  } catch {
    // Telegram is unreachable too; the log line above is all we can do.
  }
}
