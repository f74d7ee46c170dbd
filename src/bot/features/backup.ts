import { InputFile } from "grammy";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backupDatabase } from "../../db/backup.js";
import { localDate, localTime } from "../../domain/calendar.js";
import { defineCommand, type Feature, type MemberCommandContext } from "../feature.js";

/** Telegram accepts documents up to 50 MB from bots. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** /backup (founder, private): a consistent copy of the database as a document; arguments are ignored. */
async function backup(ctx: MemberCommandContext, text: string): Promise<unknown> {
  if (text) return ctx.reply(ctx.t("backup-usage"));
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
}

export const backupFeature: Feature = {
  name: "backup",
  commands: [defineCommand({ command: "backup", roles: ["founder"], description: "cmd-backup", chats: "private", handler: backup })],
};
