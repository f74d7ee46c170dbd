/**
 * Loading the base from a CSV or an Excel file (import-table.ts reads either into a table): the company and
 * segment columns are required, INN, owner, phone and e-mail optional, each found by any of its header names
 * (Russian and English). A row without a company or a segment is skipped; an optional value that cannot be
 * used (an owner who is not a member, a bad INN, phone or e-mail) is left empty with a warning, and the company
 * is loaded. A re-import updates by INN, else by name, and never duplicates. One transaction for the whole file
 * (importTable), or one per batch of rows with a pause between them (importTableInBatches, for the bot).
 *
 * Speed: one prepared INSERT per row (an UPDATE only for rows that already exist), segments and owners
 * resolved from in-memory maps, and the segment counters of new companies added once per segment at the end.
 */
import { IMPORT_HEADERS, type ImportBadRow, type ImportField, type ImportResult, type ImportRowError, type ImportWarning, type ImportWarningReason } from "../../domain/base-import.js";
import { coreKeyOfNameKey, MAX_COMPANY_NAME, nameKey, tidyCompanyQuotes } from "../../domain/company-name.js";
import { bumpSegment } from "../../db/burn-counters.js";
import { companyImportWriter, getCompany } from "../../db/companies.js";
import type { CompanyImportRow } from "../../db/companies.js";
import { insertCompanyEvent } from "../../db/company-events.js";
import type { Db } from "../../db/open.js";
import { getOrCreateSegment } from "../../db/segments.js";
import { baseContext } from "./context.js";
import type { BaseContext } from "./context.js";
import { finalizeInTransaction } from "./finalize.js";
import { createOwnerMatcher, type OwnerMatch } from "./import-owners.js";
import { csvTable, readBaseFile, type ImportTable } from "./import-table.js";
import { changeCompany } from "./state-change.js";

export { decodeCsv, detectDelimiter } from "./import-table.js";

export type { ImportBadRow, ImportField, ImportResult, ImportRowError, ImportWarning, ImportWarningReason } from "../../domain/base-import.js";
export { IMPORT_HEADERS } from "../../domain/base-import.js";

const MAX_VALUE = 1000;
const INN = /^\d{10}(?:\d{2})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

function headerField(header: string): ImportField | null {
  const key = header.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  for (const field of Object.keys(IMPORT_HEADERS) as ImportField[]) if (IMPORT_HEADERS[field].includes(key)) return field;
  return null;
}

/** A valid row, normalized, ready to write once its segment is known; `segment` is its name as written (trimmed). */
type CheckedRow = CompanyImportRow & { segment: string };

const MULTISPACE = /\s{2,}|[\t\n\r\u00a0]/;

/** Trimmed, with inner runs of spaces collapsed (cheap when there are none, as in most cells). */
function clean(text: string): string {
  const trimmed = text.trim();
  return MULTISPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}

type Columns = Record<ImportField, number>;

function cellOf(record: readonly string[], index: number): string {
  return index >= 0 ? (record[index] ?? "") : "";
}

function warn(warnings: ImportWarning[], line: number, field: ImportWarning["field"], value: string, reason: ImportWarningReason): null {
  warnings.push({ line, field, value: value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value, reason });
  return null;
}

function checkInn(text: string, line: number, warnings: ImportWarning[]): string | null {
  if (text === "") return null;
  const digits = INN.test(text) ? text : text.replace(/\s+/g, "");
  return INN.test(digits) ? digits : warn(warnings, line, "inn", text, "inn-invalid");
}

function checkPhone(text: string, line: number, warnings: ImportWarning[]): string | null {
  if (text === "") return null;
  if (text.length > MAX_VALUE) return warn(warnings, line, "phone", text, "value-too-long");
  const digits = text.replace(/\D/g, "").length;
  return PHONE_CHARS.test(text) && digits >= 5 && digits <= 15 ? text : warn(warnings, line, "phone", text, "phone-invalid");
}

function checkEmail(text: string, line: number, warnings: ImportWarning[]): string | null {
  if (text === "") return null;
  if (text.length > MAX_VALUE) return warn(warnings, line, "email", text, "value-too-long");
  return EMAIL.test(text) ? text : warn(warnings, line, "email", text, "email-invalid");
}

/**
 * The row's values normalized, or why the row is skipped. An optional value that cannot be used is pushed to
 * `warnings` and left empty. Reads the record in place and makes one object per row (the import's hot loop).
 */
function checkRow(
  record: readonly string[],
  columns: Columns,
  line: number,
  matchOwner: (cell: string) => OwnerMatch | null,
  warnings: ImportWarning[],
): CheckedRow | ImportRowError {
  const name = tidyCompanyQuotes(clean(cellOf(record, columns.company)));
  const segment = clean(cellOf(record, columns.segment));
  if (name === "") return "company-missing";
  if (segment === "") return "segment-missing";
  if (name.length > MAX_COMPANY_NAME) return "company-too-long";
  if (segment.length > MAX_COMPANY_NAME) return "segment-too-long";
  const inn = checkInn(cellOf(record, columns.inn).trim(), line, warnings);
  const ownerText = clean(cellOf(record, columns.owner));
  let owner: OwnerMatch | null = null;
  if (ownerText !== "") {
    owner = ownerText.length > MAX_VALUE ? warn(warnings, line, "owner", ownerText, "value-too-long") : (matchOwner(ownerText) ?? warn(warnings, line, "owner", ownerText, "owner-unknown"));
  }
  const key = nameKey(name);
  return {
    segmentId: 0,
    segment,
    name,
    nameKey: key,
    coreKey: coreKeyOfNameKey(key),
    inn,
    ownerUsername: owner?.username ?? null,
    ownerMemberId: owner?.memberId ?? null,
    phone: checkPhone(cellOf(record, columns.phone).trim(), line, warnings),
    email: checkEmail(cellOf(record, columns.email).trim(), line, warnings),
  };
}

/** The column of each field in the header row (-1 when absent), or the required fields it lacks. */
function findColumns(header: readonly string[]): { ok: true; columns: Columns } | { ok: false; missing: ImportField[] } {
  const columns: Columns = { company: -1, segment: -1, inn: -1, owner: -1, phone: -1, email: -1 };
  header.forEach((cell, index) => {
    const field = headerField(cell);
    if (field !== null && columns[field] < 0) columns[field] = index;
  });
  const missing = (["company", "segment"] as const).filter((field) => columns[field] < 0);
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns };
}

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== "") return false;
  return true;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * Imports a CSV into the team's base at moment `now`. Returns counts, skipped rows and warnings, or why the
 * whole file was refused (empty, required columns missing, broken quoting) — then nothing is written.
 */
export function importBase(db: Db, teamId: number, csv: string | Buffer | Uint8Array, now: number): ImportResult {
  const read = csvTable(csv);
  return read.ok ? importTable(db, teamId, read.table, now) : read;
}

/** Imports a file of any kind people send (CSV or .xlsx, told apart by content), like importBase. */
export async function importBaseFile(db: Db, teamId: number, bytes: Uint8Array, now: number): Promise<ImportResult> {
  const read = await readBaseFile(bytes);
  return read.ok ? importTable(db, teamId, read.table, now) : read;
}

/** The table's columns, or why it cannot be imported at all. */
function tableColumns(table: ImportTable): { ok: true; columns: Columns } | Extract<ImportResult, { ok: false }> {
  const header = table.records[0] ?? [];
  if (table.records.every(isBlank)) return { ok: false, reason: "empty" };
  const found = findColumns(header);
  if (!found.ok) return { ok: false, reason: "missing-columns", missing: found.missing, headers: header.map(clean).filter((h) => h !== "") };
  return found;
}

/** Imports a table whose first record is the header row. */
export function importTable(db: Db, teamId: number, table: ImportTable, now: number): ImportResult {
  const found = tableColumns(table);
  if (!found.ok) return found;
  return db.transaction((): ImportResult => {
    const ctx = baseContext(db, teamId, now);
    finalizeInTransaction(ctx);
    const rows = writeRows(ctx, table, found.columns, Infinity);
    for (;;) {
      const step = rows.next();
      if (step.done) return step.value;
    }
  }).immediate();
}

export interface BatchOptions {
  /** Rows written in one transaction. */
  batchRows: number;
  /** Called between batches: gives the event loop back to the bot. */
  pause: () => Promise<void>;
  /** Told the data rows written so far, after each batch. */
  onRows?: (rows: number) => void | Promise<void>;
}

/**
 * Imports like importTable, in transactions of `batchRows` rows with `pause` between them, so that a big file
 * does not hold the bot. A file cut short by a crash is completed by sending it again: a re-import updates and
 * never duplicates.
 */
export async function importTableInBatches(db: Db, teamId: number, table: ImportTable, now: number, options: BatchOptions): Promise<ImportResult> {
  const found = tableColumns(table);
  if (!found.ok) return found;
  const ctx = baseContext(db, teamId, now);
  db.transaction(() => finalizeInTransaction(ctx)).immediate();
  const rows = writeRows(ctx, table, found.columns, options.batchRows);
  for (;;) {
    const step = db.transaction(() => rows.next()).immediate();
    if (step.done) return step.value;
    await options.onRows?.(step.value);
    await options.pause();
  }
}

/**
 * Writes the rows; yields the data rows written so far after every `batchRows` records, so that the caller may
 * commit and pause there. The per-row work of every import is here, whatever its transactions.
 */
function* writeRows(ctx: BaseContext, file: ImportTable, columns: Columns, batchRows: number): Generator<number, ImportResult, void> {
  const { db, teamId, now, today } = ctx;
  const writer = companyImportWriter(db, teamId, now, today);
  // Segments by name as written, then by key (so "IT" and "it " share one segment).
  const segmentsByName = new Map<string, number>();
  const segmentsByKey = new Map<string, number>();
  let segmentsCreated = 0;
  const matchOwner = createOwnerMatcher(db, teamId);
  const warnings: ImportWarning[] = [];
  const newBySegment = new Map<number, number>();
  // A later row for a company this file already wrote is a duplicate of that row's line. The companies it
  // created take consecutive ids in file order (a new rowid is the largest plus one, and within a transaction
  // the import is the only writer), so their lines are arrays: one run of ids per stretch no other writer
  // interrupted (between two batches someone may add a company). The ones it updated, a re-import's, are kept
  // by the row's name key and INN. Looked up only when a row cannot be inserted as new (or would create a
  // segment): a fresh file does not keep a map of every name.
  const runs: { firstId: number; lines: number[] }[] = [{ firstId: writer.nextId(), lines: [] }];
  let run = runs[0]!;
  const updatedByKey = new Map<string, number>();
  const updatedByInn = new Map<string, number>();
  const createdLine = (id: number | undefined): number | undefined => {
    if (id === undefined) return undefined;
    for (const { firstId, lines } of runs) if (id >= firstId && id < firstId + lines.length) return lines[id - firstId];
    return undefined;
  };
  const earlierLine = (checked: CheckedRow): number | undefined =>
    createdLine(writer.idByNameKey(checked.nameKey)) ??
    updatedByKey.get(checked.nameKey) ??
    (checked.inn === null ? undefined : (createdLine(writer.idByInn(checked.inn)) ?? updatedByInn.get(checked.inn)));
  const badRows: ImportBadRow[] = [];
  let rows = 0;
  let created = 0;
  let updated = 0;
  let moved = 0;

  // The new companies' segment counters go into the same transaction as the companies: each batch commits alone.
  const countNew = (): void => {
    for (const [segmentId, n] of newBySegment) {
      bumpSegment(db, teamId, segmentId, "size", today, n);
      bumpSegment(db, teamId, segmentId, "fresh", today, n);
    }
    newBySegment.clear();
  };
  const { records, lines } = file;
  let batchEnd = 1 + batchRows;
  for (let i = 1; i < records.length; i++) {
    if (i === batchEnd) {
      batchEnd += batchRows;
      countNew();
      yield rows;
    }
    const record = records[i]!;
    if (isBlank(record)) continue;
    rows++;
    const line = lines[i]!;
    const checked = checkRow(record, columns, line, matchOwner, warnings);
    if (typeof checked === "string") {
      badRows.push({ line, reason: checked });
      continue;
    }
    let segmentId = segmentsByName.get(checked.segment);
    if (segmentId === undefined) {
      // A duplicate creates no segment.
      const duplicateOf = earlierLine(checked);
      if (duplicateOf !== undefined) {
        badRows.push({ line, reason: "duplicate", duplicateOf });
        continue;
      }
      const segmentKey = nameKey(checked.segment);
      segmentId = segmentsByKey.get(segmentKey);
      if (segmentId === undefined) {
        const result = getOrCreateSegment(db, { teamId, name: checked.segment, nameKey: segmentKey, now, day: today });
        if (result.created) segmentsCreated++;
        segmentId = result.segment.id;
        segmentsByKey.set(segmentKey, segmentId);
      }
      segmentsByName.set(checked.segment, segmentId);
    }
    const row = checked;
    row.segmentId = segmentId;
    const id = writer.insert(row);
    if (id !== null) {
      if (id !== run.firstId + run.lines.length) {
        if (run.lines.length > 0 && id < run.firstId + run.lines.length) throw new Error(`import: company id ${id} out of sequence`);
        runs.push((run = { firstId: id, lines: [] }));
      }
      run.lines.push(line);
      created++;
      newBySegment.set(segmentId, (newBySegment.get(segmentId) ?? 0) + 1);
      continue;
    }
    // Its name or INN is taken: by a company this file wrote (a duplicate), or by one already in the base.
    const duplicateOf = earlierLine(checked);
    if (duplicateOf !== undefined) {
      badRows.push({ line, reason: "duplicate", duplicateOf });
      continue;
    }
    let hit: { id: number; segmentId: number } | null;
    try {
      hit = writer.update(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      badRows.push({ line, reason: "name-conflict" });
      continue;
    }
    if (hit === null) {
      badRows.push({ line, reason: "inn-conflict" });
      continue;
    }
    updatedByKey.set(checked.nameKey, line);
    if (checked.inn !== null) updatedByInn.set(checked.inn, line);
    updated++;
    if (hit.segmentId !== segmentId) {
      moveCompany(ctx, hit.id, segmentId);
      moved++;
    }
  }

  countNew();
  return { ok: true, rows, created, updated, moved, segmentsCreated, badRows, warnings };
}

/** Moves a company to another segment: its state counts leave the old segment and join the new one today. */
export function moveCompany(ctx: BaseContext, companyId: number, segmentId: number): void {
  const company = getCompany(ctx.db, ctx.teamId, companyId)!;
  insertCompanyEvent(ctx.db, {
    teamId: ctx.teamId,
    companyId,
    segmentId,
    kind: "moved",
    at: ctx.now,
    localDay: ctx.today,
    fromSegmentId: company.segmentId,
  });
  changeCompany(ctx, company, ctx.today, { segmentId });
}
