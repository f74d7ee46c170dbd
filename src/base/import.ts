/**
 * Loading the base from CSV (SPEC §4): columns company and segment required, inn, owner, phone, email
 * optional; Russian headers too; `;`, `,` or tab delimited; UTF-8 with or without BOM, or Windows-1251 as
 * Excel saves it. Good rows are imported, each bad row is reported by its line number with a reason key;
 * a re-import updates by INN, else by name, and never duplicates. One transaction for the whole file.
 *
 * Speed: one prepared INSERT per row (an UPDATE only for rows that already exist), segments and owners
 * resolved from in-memory maps, and the segment counters of new companies added once per segment at the end.
 */
import { parse } from "csv-parse/sync";
import { coreKey, MAX_COMPANY_NAME, nameKey } from "../domain/company-name.js";
import { bumpSegment } from "../db/burn-counters.js";
import { companyImportWriter, getCompany } from "../db/companies.js";
import type { CompanyImportRow } from "../db/companies.js";
import { insertCompanyEvent } from "../db/company-events.js";
import type { Db } from "../db/open.js";
import { getOrCreateSegment } from "../db/segments.js";
import { baseContext } from "./context.js";
import type { BaseContext } from "./context.js";
import { finalizeInTransaction } from "./finalize.js";
import { changeCompany } from "./state-change.js";

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
  | "name-conflict";

export type ImportBadRow = { line: number; reason: ImportRowError };

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

type ParsedRow = { line: number; cells: Record<ImportField, string> };

type Validated = { ok: true; row: Omit<CompanyImportRow, "segmentId" | "ownerMemberId">; segmentName: string } | { ok: false; reason: ImportRowError };

function validate(cells: Record<ImportField, string>): Validated {
  const name = cells.company.replace(/\s+/g, " ").trim();
  const segmentName = cells.segment.replace(/\s+/g, " ").trim();
  if (name === "") return { ok: false, reason: "company-missing" };
  if (segmentName === "") return { ok: false, reason: "segment-missing" };
  if (name.length > MAX_COMPANY_NAME) return { ok: false, reason: "company-too-long" };
  if (segmentName.length > MAX_COMPANY_NAME) return { ok: false, reason: "segment-too-long" };
  const inn = cells.inn.replace(/\s+/g, "");
  if (inn !== "" && !INN.test(inn)) return { ok: false, reason: "inn-invalid" };
  const ownerText = cells.owner.trim();
  let owner: string | null = null;
  if (ownerText !== "") {
    const m = USERNAME.exec(ownerText);
    if (!m) return { ok: false, reason: "owner-invalid" };
    owner = m[1]!;
  }
  const phone = cells.phone.trim();
  if (phone.length > MAX_VALUE || cells.email.length > MAX_VALUE) return { ok: false, reason: "value-too-long" };
  if (phone !== "") {
    const digits = phone.replace(/\D/g, "").length;
    if (!PHONE_CHARS.test(phone) || digits < 5 || digits > 15) return { ok: false, reason: "phone-invalid" };
  }
  const email = cells.email.trim();
  if (email !== "" && !EMAIL.test(email)) return { ok: false, reason: "email-invalid" };
  const key = nameKey(name);
  return {
    ok: true,
    segmentName,
    row: {
      name,
      nameKey: key,
      coreKey: coreKey(name),
      inn: inn === "" ? null : inn,
      ownerUsername: owner,
      phone: phone === "" ? null : phone,
      email: email === "" ? null : email,
    },
  };
}

/** Parses the CSV into rows with their first physical line number, or says why it cannot. */
function parseRows(text: string): { ok: true; rows: ParsedRow[] } | Exclude<ImportResult, { ok: true }> {
  if (text.trim() === "") return { ok: false, reason: "empty" };
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true });
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { ok: false, reason: "csv-invalid", line: typeof line === "number" ? line : null };
  }
  const header = records[0] ?? [];
  const columns = new Map<ImportField, number>();
  header.forEach((cell, index) => {
    const field = headerField(cell);
    if (field !== null && !columns.has(field)) columns.set(field, index);
  });
  const missing = (["company", "segment"] as const).filter((field) => !columns.has(field));
  if (missing.length > 0) return { ok: false, reason: "missing-columns", missing };

  const at = (field: ImportField) => columns.get(field) ?? -1;
  const [iCompany, iSegment, iInn, iOwner, iPhone, iEmail] = [at("company"), at("segment"), at("inn"), at("owner"), at("phone"), at("email")];
  const rows: ParsedRow[] = [];
  // Records do not know their line; count the line breaks inside quoted cells of the records before.
  let line = 1 + countBreaks(header);
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    line++;
    const first = line;
    line += countBreaks(record);
    if (record.every((cell) => cell.trim() === "")) continue;
    const cell = (index: number) => (index >= 0 ? (record[index] ?? "") : "");
    rows.push({
      line: first,
      cells: {
        company: cell(iCompany),
        segment: cell(iSegment),
        inn: cell(iInn),
        owner: cell(iOwner),
        phone: cell(iPhone),
        email: cell(iEmail),
      },
    });
  }
  return { ok: true, rows };
}

function countBreaks(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) {
    if (cell.includes("\n")) for (const ch of cell) if (ch === "\n") n++;
  }
  return n;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

/**
 * Imports a CSV into the team's base at moment `now`. Returns counts and the bad rows, or why the whole
 * file was refused (empty, required columns missing, broken quoting) — then nothing is written.
 */
export function importBase(db: Db, teamId: number, csv: string | Buffer | Uint8Array, now: number): ImportResult {
  const parsed = parseRows(decodeCsv(csv));
  if (!parsed.ok) return parsed;
  return db.transaction((): ImportResult => {
    const ctx = baseContext(db, teamId, now);
    finalizeInTransaction(ctx);
    return writeRows(ctx, parsed.rows);
  }).immediate();
}

function writeRows(ctx: BaseContext, rows: ParsedRow[]): ImportResult {
  const { db, teamId, now, today } = ctx;
  const writer = companyImportWriter(db, teamId, now, today);
  const segments = new Map<string, number>();
  let segmentsCreated = 0;
  const owners = new Map<string, number>();
  for (const member of db
    .prepare("SELECT id, username FROM members WHERE team_id = ? AND status = 'active' AND username IS NOT NULL")
    .all(teamId) as { id: number; username: string }[]) {
    owners.set(member.username.toLowerCase(), member.id);
  }
  const newBySegment = new Map<number, number>();
  const badRows: ImportBadRow[] = [];
  let created = 0;
  let updated = 0;
  let moved = 0;

  for (const { line, cells } of rows) {
    const checked = validate(cells);
    if (!checked.ok) {
      badRows.push({ line, reason: checked.reason });
      continue;
    }
    const segmentKey = nameKey(checked.segmentName);
    let segmentId = segments.get(segmentKey);
    if (segmentId === undefined) {
      const result = getOrCreateSegment(db, { teamId, name: checked.segmentName, nameKey: segmentKey, now, day: today });
      if (result.created) segmentsCreated++;
      segmentId = result.segment.id;
      segments.set(segmentKey, segmentId);
    }
    const owner = checked.row.ownerUsername;
    const row: CompanyImportRow = {
      ...checked.row,
      segmentId,
      ownerMemberId: owner === null ? null : (owners.get(owner.toLowerCase()) ?? null),
    };
    const id = writer.insert(row);
    if (id !== null) {
      created++;
      newBySegment.set(segmentId, (newBySegment.get(segmentId) ?? 0) + 1);
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
  return { ok: true, rows: rows.length, created, updated, moved, segmentsCreated, badRows };
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
