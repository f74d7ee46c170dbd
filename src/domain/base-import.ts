/**
 * What loading a base file can come to, and the header names each column is known by. Shared by the
 * import (services/leads/import.ts) and its renderers (the chat reply, the command line).
 */

export type TableRefusal =
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "csv-invalid"; line: number | null }
  /** an old .xls, an .ods or another binary: people are told to save it as .xlsx or .csv */
  | { ok: false; reason: "unsupported-format" }
  /** more data rows than one file may have (the team's row cap) */
  | { ok: false; reason: "too-many-rows"; limit: number };

export type ImportField = "company" | "segment" | "inn" | "owner" | "phone" | "email";

/** Why a row was skipped (keys for localized text). */
export type ImportRowError =
  | "company-missing"
  | "segment-missing"
  | "company-too-long"
  | "segment-too-long"
  /** the INN is new but a company with this name has another INN */
  | "inn-conflict"
  /** the row's INN belongs to a company, and renaming it would clash with another company's name */
  | "name-conflict"
  /** an earlier row of the same file names the same company (same name key or INN) */
  | "duplicate";

/** A row skipped; `duplicateOf` is the line of the earlier row a duplicate repeats. */
export type ImportBadRow = { line: number; reason: ImportRowError; duplicateOf?: number };

/** Why an optional value was left empty (the company itself was loaded). */
export type ImportWarningReason = "inn-invalid" | "owner-unknown" | "phone-invalid" | "email-invalid" | "value-too-long";

/** An optional value left empty, with the value as the file had it. */
export type ImportWarning = { line: number; field: Exclude<ImportField, "company" | "segment">; value: string; reason: ImportWarningReason };

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
      warnings: ImportWarning[];
    }
  | TableRefusal
  /** `headers`: the header row as the file has it, to show next to the names accepted */
  | { ok: false; reason: "missing-columns"; missing: ImportField[]; headers: string[] };

/** Headers accepted for each field, lower case, ё → е; the first is the one shown in examples. */
export const IMPORT_HEADERS: Record<ImportField, readonly string[]> = {
  company: ["компания", "company", "организация", "название", "название компании", "наименование", "наименование организации", "клиент", "контрагент", "name", "company name", "organization", "client"],
  segment: ["сегмент", "segment", "отрасль", "направление", "сфера деятельности", "industry"],
  inn: ["инн", "inn", "tax id"],
  owner: ["ответственный", "owner", "менеджер", "ответственный менеджер", "manager"],
  phone: ["телефон", "phone", "тел", "тел.", "рабочий телефон", "мобильный телефон"],
  email: ["email", "e-mail", "почта", "эл. почта", "электронная почта", "рабочий email", "рабочий e-mail"],
};

