import { GrammyError, HttpError, type BotError } from "grammy";
import type { BotContext } from "../context.js";
import { storageFaultOf } from "../../outbox/storage-alarm.js";
import { pickLocale } from "../../shared/i18n.js";

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
  if (ctx.deps?.storageAlarm?.raise(error) ?? storageFaultOf(error)) {
    await tellNothingSaved(ctx);
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

/**
 * The database refused the update's writes (full disk, read-only file): the update is logged whole, since it
 * is lost, and the person hears that nothing was saved. The core may have failed before setting ctx.t.
 */
async function tellNothingSaved(ctx: BotContext): Promise<void> {
  const deps = ctx.deps as BotContext["deps"] | undefined;
  deps?.logger.error({ update: ctx.update }, "update not stored: the database refuses writes");
  await deps?.storageAlarm?.told();
  if (!deps || !ctx.chat) return;
  const t = ctx.t ?? deps.translator.forLocale(pickLocale(undefined, ctx.from?.language_code, deps.config.defaultLocale));
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t("storage-not-saved"), show_alert: true });
    else await ctx.reply(t("storage-not-saved"));
  } catch {
    // Telegram is unreachable too; the log line above is all we can do.
  }
}
