/**
 * /import in chat: a CSV document (with the caption /import, or sent alone by the founder or the lead, or
 * answered with /import) is downloaded through the Bot API's file endpoint and loaded with importBase — the
 * same code as `npm run import`. Good rows are imported, bad rows reported by line number.
 */
import type { Document } from "grammy/types";
import { importBase, type ImportResult } from "../../services/leads/index.js";
import { checkBurnAlerts } from "../../services/leads/burn-alerts.js";
import type { BotContext } from "../context.js";
import type { Translate } from "../../shared/i18n.js";

/** Bots may download files up to 20 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Bad rows listed one by one; the rest are counted. */
const MAX_LISTED_BAD_ROWS = 30;

const CSV_NAME = /\.(csv|txt|tsv)$/i;
const CSV_MIME = new Set(["text/csv", "text/plain", "text/tab-separated-values", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"]);

/** Whether a document looks like a CSV file (by name or type). */
export function looksLikeCsv(document: Pick<Document, "file_name" | "mime_type">): boolean {
  return (document.file_name !== undefined && CSV_NAME.test(document.file_name)) || (document.mime_type !== undefined && CSV_MIME.has(document.mime_type));
}

/** Whether the bytes hold something other than text (a NUL byte, or a PDF, ZIP or image signature). */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  const magic = Buffer.from(head.subarray(0, 4)).toString("latin1");
  return magic === "%PDF" || magic.startsWith("PK\u0003\u0004") || magic.startsWith("\u0089PNG") || magic.startsWith("\u00ff\u00d8\u00ff");
}

/** Whether a document is a spreadsheet people should save as CSV first. */
function looksLikeSpreadsheet(document: Pick<Document, "file_name">): boolean {
  return document.file_name !== undefined && /\.(xlsx|xls|ods|numbers)$/i.test(document.file_name);
}

/** The import result as chat text: counts, then each bad row by line number. */
export function renderImportResult(t: Translate, result: ImportResult): string {
  if (!result.ok) {
    switch (result.reason) {
      case "empty":
        return t("base-import-empty");
      case "missing-columns":
        return t("base-import-missing-columns", { missing: result.missing.join(", ") });
      case "csv-invalid":
        return result.line === null ? t("base-import-csv-invalid") : t("base-import-csv-invalid-line", { line: String(result.line) });
    }
  }
  const lines = [
    t("base-import-done", {
      rows: result.rows,
      created: result.created,
      updated: result.updated,
      moved: result.moved,
      segments: result.segmentsCreated,
      bad: result.badRows.length,
    }),
  ];
  if (result.badRows.length > 0) {
    lines.push(t("base-import-bad-title"));
    for (const bad of result.badRows.slice(0, MAX_LISTED_BAD_ROWS)) {
      // Line numbers are passed as text: Fluent would group them like amounts ("строка 1 234").
      const reason = t(`base-import-row-${bad.reason}`, bad.duplicateOf === undefined ? undefined : { of: String(bad.duplicateOf) });
      lines.push(t("base-import-bad-row", { line: String(bad.line), reason }));
    }
    if (result.badRows.length > MAX_LISTED_BAD_ROWS) lines.push(t("base-import-bad-more", { count: result.badRows.length - MAX_LISTED_BAD_ROWS }));
  }
  return lines.join("\n");
}

async function download(ctx: BotContext, fileId: string): Promise<Buffer> {
  const file = await ctx.api.getFile(fileId);
  if (!file.file_path) throw new Error("getFile returned no file_path");
  const { apiRoot, botToken } = ctx.deps.config;
  // The URL holds the token: it is never logged, and errors below name only the HTTP status.
  const response = await fetch(`${apiRoot}/file/bot${botToken}/${file.file_path}`);
  if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Downloads and imports one document, replying with the result. The caller checked role and chat. */
export async function importDocument(ctx: BotContext, document: Document): Promise<void> {
  if (looksLikeSpreadsheet(document)) return void (await ctx.reply(ctx.t("base-import-not-csv")));
  if (document.file_size !== undefined && document.file_size > MAX_IMPORT_BYTES) {
    return void (await ctx.reply(ctx.t("base-import-too-large", { mb: MAX_IMPORT_BYTES / 1024 / 1024 })));
  }
  let bytes: Buffer;
  try {
    bytes = await download(ctx, document.file_id);
  } catch (error) {
    ctx.log.warn({ err: error instanceof Error ? error.message : String(error) }, "import download failed");
    return void (await ctx.reply(ctx.t("base-import-download-failed")));
  }
  if (bytes.length > MAX_IMPORT_BYTES) return void (await ctx.reply(ctx.t("base-import-too-large", { mb: MAX_IMPORT_BYTES / 1024 / 1024 })));
  const db = ctx.deps.db;
  // A PDF or a picture captioned /import is not a CSV with missing columns: say what it is and how to get one.
  if (looksBinary(bytes)) return void (await ctx.reply(ctx.t("base-import-not-csv-file")));
  const result = importBase(db, ctx.team.id, bytes, ctx.now);
  if (!result.ok && result.reason !== "empty" && !looksLikeCsv(document)) return void (await ctx.reply(ctx.t("base-import-not-csv-file")));
  if (result.ok) {
    ctx.log.info({ rows: result.rows, created: result.created, updated: result.updated, bad: result.badRows.length }, "base imported");
    // Moving companies between segments can pause one.
    const queued = db.transaction(() => checkBurnAlerts(db, ctx.team.id, ctx.now, { translator: ctx.deps.translator })).immediate();
    if (queued.length > 0) ctx.deps.onOutbox?.();
  }
  await ctx.reply(renderImportResult(ctx.t, result));
}
