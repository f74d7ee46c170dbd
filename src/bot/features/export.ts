/**
 * /export [YYYY-MM] (founder, private chat): the month as an Excel workbook, sent as a document, in the
 * founder's language. The workbook is built by src/reports/export-xlsx.ts, shared with `npm run export`.
 */
import { InputFile } from "grammy";
import { defineCommand, type Feature, type MemberCommandContext } from "../feature.js";
import { parsePeriodToken } from "./plan-args.js";
import { formatDay, formatMonth } from "../../shared/format.js";

/** Telegram accepts documents up to 50 MB from bots. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

async function exportMonth(ctx: MemberCommandContext, period: string | null | undefined): Promise<unknown> {
  if (period === null) return ctx.reply(ctx.t("export-usage"));
  let result;
  try {
    // exceljs (~20 MB resident) loads on the first /export, not with the bot.
    const { buildExport } = await import("../../services/plan/export.js");
    result = await buildExport(ctx.deps.db, ctx.team, { period, now: ctx.now, t: ctx.t, locale: ctx.locale });
  } catch (error) {
    ctx.log.error({ err: error, period }, "export failed");
    return ctx.reply(ctx.t("export-failed"));
  }
  ctx.log.info({ period: result.period, bytes: result.bytes.length, rows: result.rows }, "export made");
  if (result.bytes.length > MAX_UPLOAD_BYTES) return ctx.reply(ctx.t("export-too-large", { size: MAX_UPLOAD_BYTES / 1024 / 1024 }));
  const caption = ctx.t("export-caption", { month: formatMonth(ctx.t, result.period), date: formatDay(result.asOf), ...result.rows });
  await ctx.replyWithDocument(new InputFile(result.bytes, result.fileName), { caption });
}

export const exportFeature: Feature = {
  name: "export",
  commands: [
    defineCommand({
      command: "export",
      roles: ["founder"],
      description: "cmd-export",
      chats: "private",
      parse: (text) => (text === "" ? undefined : parsePeriodToken(text)),
      handler: exportMonth,
    }),
  ],
};
