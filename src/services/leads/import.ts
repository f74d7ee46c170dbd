/**
 * Loading the base from CSV: columns company and segment required, inn, owner, phone, email
 * optional; Russian headers too; `;`, `,` or tab delimited; UTF-8 with or without BOM, or Windows-1251 as
 * Excel saves it. Good rows are imported, each bad row is reported by its line number with a reason key;
 * a re-import updates by INN, else by name, and never duplicates. One transaction for the whole file.
 *
 * Speed: one prepared INSERT per row (an UPDATE only for rows that already exist), segments and owners
 * resolved from in-memory maps, and the segment counters of new companies added once per segment at the end.
 */
import { parse } from "csv-parse/sync";
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
import { changeCompany } from "./state-change.js";
import { listActiveUsernames } from "../../db/members.js";

export type ImportField = "company" | "segment" | "inn" | "owner" | "phone" | "email";

/** Why a row was not imported (keys for the bot's localized text). */
export type ImportRowError =
  | "company-missing"
  | "segment-missing"
  | "company-too-long"
  | "segment-too-long"
  | "inn-invalid"
  | "owner-invalid"
  | "phone-invalid"
  | "email-invalid"
  | "value-too-long"
  /** the INN is new but a company with this name has another INN */
  | "inn-conflict"
  /** the row's INN belongs to a company, and renaming it would clash with another company's name */
  | "name-conflict"
  /** an earlier row of the same file names the same company (same name key or INN) */
  | "duplicate";

/** A row not imported; `duplicateOf` is the line of the earlier row a duplicate repeats. */
export type ImportBadRow = { line: number; reason: ImportRowError; duplicateOf?: number };

export type ImportResult =
  | {
      ok: true;
      /** data rows read (blank lines not counted) */
      rows: number;
      created: number;
      updated: number;
      /** updated companies that changed segment */
      moved: number;
      segmentsCreated: number;
      badRows: ImportBadRow[];
    }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "missing-columns"; missing: ImportField[] }
  | { ok: false; reason: "csv-invalid"; line: number | null };

/** Headers accepted for each field, lower case, ё → е. */
const HEADERS: Record<ImportField, readonly string[]> = {
  company: ["company", "компания", "название", "name", "company name", "название компании"],
  segment: ["segment", "сегмент"],
  inn: ["inn", "инн"],
  owner: ["owner", "ответственный", "менеджер", "manager"],
  phone: ["phone", "телефон", "тел", "тел."],
  email: ["email", "e-mail", "почта", "эл. почта", "электронная почта"],
};

const MAX_VALUE = 1000;
const INN = /^\d{10}(?:\d{2})?$/;
const USERNAME = /^@?([A-Za-z][A-Za-z0-9_]{4,31})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

/** Text of an uploaded file: UTF-8 (BOM dropped), or Windows-1251 when it is not valid UTF-8. */
export function decodeCsv(input: string | Buffer | Uint8Array): string {
  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      text = new TextDecoder("windows-1251").decode(input);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter used in the header line: the most frequent of `;` `,` tab outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}

function headerField(header: string): ImportField | null {
  const key = header.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  for (const field of Object.keys(HEADERS) as ImportField[]) if (HEADERS[field].includes(key)) return field;
  return null;
}

/** The parsed file: records with the column of each field (-1 when absent) and each record's first line. */
type ParsedFile = { records: string[][]; columns: Record<ImportField, number>; lines: Int32Array };

/** A valid row, normalized; `segment` is the segment name as written (trimmed). */
type CheckedRow = {
  name: string;
  nameKey: string;
  coreKey: string;
  segment: string;
  inn: string | null;
  owner: string | null;
  phone: string | null;
  email: string | null;
};

const MULTISPACE = /\s{2,}|[\t\n\r\u00a0]/;

/** Trimmed, with inner runs of spaces collapsed (cheap when there are none, as in most cells). */
function clean(text: string): string {
  const trimmed = text.trim();
  return MULTISPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}

/** The row's values normalized, or why the row is bad. Reads the record in place (no copies). */
function checkRow(record: readonly string[], columns: Record<ImportField, number>): CheckedRow | ImportRowError {
  const cell = (field: ImportField): string => {
    const index = columns[field];
    return index >= 0 ? (record[index] ?? "") : "";
  };
  const name = tidyCompanyQuotes(clean(cell("company")));
  const segment = clean(cell("segment"));
  if (name === "") return "company-missing";
  if (segment === "") return "segment-missing";
  if (name.length > MAX_COMPANY_NAME) return "company-too-long";
  if (segment.length > MAX_COMPANY_NAME) return "segment-too-long";
  let inn = cell("inn").trim();
  if (inn !== "") {
    if (!INN.test(inn)) inn = inn.replace(/\s+/g, "");
    if (!INN.test(inn)) return "inn-invalid";
  }
  const ownerText = cell("owner").trim();
  let owner: string | null = null;
  if (ownerText !== "") {
    const m = USERNAME.exec(ownerText);
    if (!m) return "owner-invalid";
    owner = m[1]!;
  }
  const phone = cell("phone").trim();
  const email = cell("email").trim();
  if (phone.length > MAX_VALUE || email.length > MAX_VALUE) return "value-too-long";
  if (phone !== "") {
    const digits = phone.replace(/\D/g, "").length;
    if (!PHONE_CHARS.test(phone) || digits < 5 || digits > 15) return "phone-invalid";
  }
  if (email !== "" && !EMAIL.test(email)) return "email-invalid";
  const key = nameKey(name);
  return {
    name,
    nameKey: key,
    coreKey: coreKeyOfNameKey(key),
    segment,
    inn: inn === "" ? null : inn,
    owner,
    phone: phone === "" ? null : phone,
    email: email === "" ? null : email,
  };
}

/** Parses the CSV, finds the columns and each record's first physical line, or says why it cannot. */
function parseFile(text: string): { ok: true; file: ParsedFile } | Exclude<ImportResult, { ok: true }> {
  if (text.trim() === "") return { ok: false, reason: "empty" };
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true });
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { ok: false, reason: "csv-invalid", line: typeof line === "number" ? line : null };
  }
  const header = records[0] ?? [];
  const columns: Record<ImportField, number> = { company: -1, segment: -1, inn: -1, owner: -1, phone: -1, email: -1 };
  header.forEach((cell, index) => {
    const field = headerField(cell);
    if (field !== null && columns[field] < 0) columns[field] = index;
  });
  const missing = (["company", "segment"] as const).filter((field) => columns[field] < 0);
  if (missing.length > 0) return { ok: false, reason: "missing-columns", missing };
  // Records do not know their line; count the line breaks inside quoted cells of the records before.
  const lines = new Int32Array(records.length);
  let line = 1;
  for (let i = 0; i < records.length; i++) {
    lines[i] = line;
    line += 1 + countBreaks(records[i]!);
  }
  return { ok: true, file: { records, columns, lines } };
}

function countBreaks(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) {
    if (cell.includes("\n")) for (const ch of cell) if (ch === "\n") n++;
  }
  return n;
}

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== "") return false;
  return true;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * Imports a CSV into the team's base at moment `now`. Returns counts and the bad rows, or why the whole
 * file was refused (empty, required columns missing, broken quoting) — then nothing is written.
 */
export function importBase(db: Db, teamId: number, csv: string | Buffer | Uint8Array, now: number): ImportResult {
  const parsed = parseFile(decodeCsv(csv));
  if (!parsed.ok) return parsed;
  return db.transaction((): ImportResult => {
    const ctx = baseContext(db, teamId, now);
    finalizeInTransaction(ctx);
    return writeRows(ctx, parsed.file);
  }).immediate();
}

function writeRows(ctx: BaseContext, file: ParsedFile): ImportResult {
  const { db, teamId, now, today } = ctx;
  const writer = companyImportWriter(db, teamId, now, today);
  // Segments by name as written, then by key (so "IT" and "it " share one segment).
  const segmentsByName = new Map<string, number>();
  const segmentsByKey = new Map<string, number>();
  let segmentsCreated = 0;
  const owners = new Map<string, number>();
  for (const member of listActiveUsernames(db, teamId)) {
    owners.set(member.username.toLowerCase(), member.id);
  }
  const newBySegment = new Map<number, number>();
  // A later row for a company this file already wrote is a duplicate of that row's line. The companies it
  // created take the ids from firstNewId on, one by one in file order (a new rowid is the largest plus one, and
  // the transaction is the only writer), so their lines are an array; the ones it updated, a re-import's, are
  // kept by the row's name key and INN. Looked up only when a row cannot be inserted as new (or would create a
  // segment): a fresh file does not keep a map of every name.
  const firstNewId = writer.nextId();
  const createdLines: number[] = [];
  const updatedByKey = new Map<string, number>();
  const updatedByInn = new Map<string, number>();
  const createdLine = (id: number | undefined): number | undefined => (id !== undefined && id >= firstNewId ? createdLines[id - firstNewId] : undefined);
  const earlierLine = (checked: CheckedRow): number | undefined =>
    createdLine(writer.idByNameKey(checked.nameKey)) ??
    updatedByKey.get(checked.nameKey) ??
    (checked.inn === null ? undefined : (createdLine(writer.idByInn(checked.inn)) ?? updatedByInn.get(checked.inn)));
  const badRows: ImportBadRow[] = [];
  let rows = 0;
  let created = 0;
  let updated = 0;
  let moved = 0;

  const { records, columns, lines } = file;
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    if (isBlank(record)) continue;
    rows++;
    const line = lines[i]!;
    const checked = checkRow(record, columns);
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
    const row: CompanyImportRow = {
      segmentId,
      name: checked.name,
      nameKey: checked.nameKey,
      coreKey: checked.coreKey,
      inn: checked.inn,
      ownerUsername: checked.owner,
      ownerMemberId: checked.owner === null ? null : (owners.get(checked.owner.toLowerCase()) ?? null),
      phone: checked.phone,
      email: checked.email,
    };
    const id = writer.insert(row);
    if (id !== null) {
      if (id !== firstNewId + createdLines.length) throw new Error(`import: company id ${id} out of sequence`);
      createdLines.push(line);
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

  for (const [segmentId, n] of newBySegment) {
    bumpSegment(db, teamId, segmentId, "size", today, n);
    bumpSegment(db, teamId, segmentId, "fresh", today, n);
  }
  return { ok: true, rows, created, updated, moved, segmentsCreated, badRows };
}

/** Moves a company to another segment: its state counts leave the old segment and join the new one today. */
function moveCompany(ctx: BaseContext, companyId: number, segmentId: number): void {
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
