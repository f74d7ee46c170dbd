/**
 * /import in chat: a CSV or .xlsx document (with the caption /import, or sent alone by the founder or the lead,
 * or answered with /import) is downloaded through the Bot API's file endpoint and loaded with importBaseFile —
 * the same code as `npm run import`. The reply counts what was loaded, lists skipped rows and the first
 * warnings by line; when there are more warnings, all of them follow as a text file.
 */
import { InputFile } from "grammy";
import type { Document } from "grammy/types";
import { IMPORT_HEADERS, type ImportResult } from "../../services/leads/index.js";
import { importBaseFileInBatches } from "../../services/leads/import-stream.js";
import { checkBurnAlerts } from "../../services/leads/burn-alerts.js";
import { importRefusal, importSummary, skippedLines, warningLine } from "../../reports/import-report.js";
import type { BotContext } from "../context.js";
import type { Translate } from "../../shared/i18n.js";

/** Bots may download files up to 20 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Skipped rows listed one by one; the rest are counted. */
const MAX_LISTED_BAD_ROWS = 30;
/** Warnings listed in the reply; with more, all of them come as a file. */
export const MAX_LISTED_WARNINGS = 20;
/** Rows written per transaction: a few milliseconds, so that others are answered between two batches. */
const BATCH_ROWS = 2_000;
/** A file with more rows than this is reported on while it loads, every this many rows. */
export const PROGRESS_ROWS = 50_000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
/** One import at a time: two files loading in turns would only make both slow. */
const importing = new WeakSet<object>();

const TABLE_NAME = /\.(csv|txt|tsv|xlsx)$/i;
const TABLE_MIME = new Set([
  "text/csv",
  "text/plain",
  "text/tab-separated-values",
  "application/csv",
  "text/comma-separated-values",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
]);

/** Whether a document looks like a base file, CSV or .xlsx (by name or type). */
export function looksLikeCsv(document: Pick<Document, "file_name" | "mime_type">): boolean {
  return (document.file_name !== undefined && TABLE_NAME.test(document.file_name)) || (document.mime_type !== undefined && TABLE_MIME.has(document.mime_type));
}

/** Whether the bytes hold something other than text or a workbook (a NUL byte, or a PDF or image signature). */
export function looksBinary(bytes: Uint8Array): boolean {
  const magic = Buffer.from(bytes.subarray(0, 4)).toString("latin1");
  if (magic.startsWith("PK\u0003\u0004")) return false;
  if (magic === "\u00d0\u00cf\u0011\u00e0") return false;
  if (bytes.subarray(0, 8192).includes(0)) return true;
  return magic === "%PDF" || magic.startsWith("\u0089PNG") || magic.startsWith("\u00ff\u00d8\u00ff");
}

/** Spreadsheet formats other than .xlsx, told by name: people are asked to save as .xlsx or CSV. */
function looksLikeOtherSpreadsheet(document: Pick<Document, "file_name">): boolean {
  return document.file_name !== undefined && /\.(xls|xlsb|xlsm|ods|numbers)$/i.test(document.file_name);
}

/** The import result as chat text: counts, then each skipped row and the first warnings by line number. */
export function renderImportResult(t: Translate, result: ImportResult): string {
  const refusal = importRefusal(t, result, IMPORT_HEADERS);
  if (refusal !== null || !result.ok) return refusal ?? "";
  const lines = [importSummary(t, result)];
  if (result.badRows.length > 0) {
    lines.push(t("base-import-bad-title"), ...skippedLines(t, result).slice(0, MAX_LISTED_BAD_ROWS));
    if (result.badRows.length > MAX_LISTED_BAD_ROWS) lines.push(t("base-import-bad-more", { count: result.badRows.length - MAX_LISTED_BAD_ROWS }));
  }
  if (result.warnings.length > 0) {
    lines.push(t("base-import-warnings-title"), ...result.warnings.slice(0, MAX_LISTED_WARNINGS).map((warning) => warningLine(t, warning)));
    if (result.warnings.length > MAX_LISTED_WARNINGS) lines.push(t("base-import-warnings-more", { count: result.warnings.length - MAX_LISTED_WARNINGS }));
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
  if (looksLikeOtherSpreadsheet(document)) return void (await ctx.reply(ctx.t("base-import-unsupported-format")));
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
  if (importing.has(db)) return void (await ctx.reply(ctx.t("base-import-busy")));
  importing.add(db);
  let result: ImportResult;
  try {
    let reported = 0;
    result = await importBaseFileInBatches(db, ctx.team.id, bytes, ctx.now, {
      maxRows: ctx.team.importRowCap,
      batchRows: BATCH_ROWS,
      pause,
      onProgress: async ({ rows, written }) => {
        if (rows <= PROGRESS_ROWS) return;
        if (written === 0) return void (await ctx.reply(ctx.t("base-import-started", { rows, limit: ctx.team.importRowCap })));
        if (written - reported < PROGRESS_ROWS) return;
        reported = written - (written % PROGRESS_ROWS);
        await ctx.reply(ctx.t("base-import-progress", { written: reported, rows }));
      },
    });
  } finally {
    importing.delete(db);
  }
  if (!result.ok && result.reason !== "empty" && result.reason !== "unsupported-format" && !looksLikeCsv(document)) {
    return void (await ctx.reply(ctx.t("base-import-not-csv-file")));
  }
  if (result.ok) {
    ctx.log.info({ rows: result.rows, created: result.created, updated: result.updated, bad: result.badRows.length, warnings: result.warnings.length }, "base imported");
    // Moving companies between segments can pause one.
    const queued = db.transaction(() => checkBurnAlerts(db, ctx.team.id, ctx.now, { translator: ctx.deps.translator })).immediate();
    if (queued.length > 0) ctx.deps.onOutbox?.();
  }
  await ctx.reply(renderImportResult(ctx.t, result));
  if (result.ok && result.warnings.length > MAX_LISTED_WARNINGS) {
    const all = result.warnings.map((warning) => warningLine(ctx.t, warning)).join("\n");
    await ctx.replyWithDocument(new InputFile(Buffer.from(`${all}\n`, "utf8"), "import-warnings.txt"), {
      caption: ctx.t("base-import-warnings-file", { count: result.warnings.length }),
    });
  }
}
