import { InputFile } from "grammy";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backupDatabase } from "../../db/backup.js";
import { localDate, localTime } from "../../domain/calendar.js";
import { allow, commandArgs, type Feature } from "../feature.js";
import type { BotContext } from "../context.js";
import { LeanComposer } from "../lean-composer.js";

/** Telegram accepts documents up to 50 MB from bots. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const composer = new LeanComposer<BotContext>();

/** /backup (founder, private): a consistent copy of the database as a document; arguments are ignored. */
composer.command("backup", allow("founder"), async (ctx) => {
  if (commandArgs(ctx)) return ctx.reply(ctx.t("backup-usage"));
  const dir = mkdtempSync(join(tmpdir(), "scb-backup-"));
  const stamp = `${localDate(ctx.now, ctx.team.timezone)}-${localTime(ctx.now, ctx.team.timezone).replace(":", "")}`;
  const name = `sales-bot-${stamp}.sqlite`;
  try {
    let result;
    try {
      result = await backupDatabase(ctx.deps.db, join(dir, name));
    } catch (error) {
      ctx.log.error({ err: error }, "backup failed");
      return await ctx.reply(ctx.t("backup-failed"));
    }
    ctx.log.info({ bytes: result.bytes, rows: result.rows }, "backup made");
    if (result.bytes > MAX_UPLOAD_BYTES) {
      return await ctx.reply(ctx.t("backup-too-large", { size: Math.ceil(result.bytes / 1024 / 1024) }));
    }
    await ctx.replyWithDocument(new InputFile(result.path, name), { caption: ctx.t("backup-caption", { rows: result.rows }) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

export const backupFeature: Feature = {
  name: "backup",
  composer,
  commands: [{ command: "backup", roles: ["founder"], description: "cmd-backup", chats: "private" }],
};
