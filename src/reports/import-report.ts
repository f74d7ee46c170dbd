/**
 * An import result in words, the same for the chat and the command line: the counts, each skipped row and each
 * warning by its line, or why the whole file was refused with the headers it has and the names accepted.
 */
import type { ImportField, ImportResult, ImportWarning } from "../domain/base-import.js";
import type { Translate } from "../shared/i18n.js";

/** Values longer than this are cut in the text (the company itself was loaded). */
const SHOWN_VALUE = 60;

function fieldName(t: Translate, field: ImportField): string {
  return t(`base-import-field-${field}`);
}

/** Why nothing was loaded; null when the file was imported. */
export function importRefusal(t: Translate, result: ImportResult, accepted: Record<ImportField, readonly string[]>): string | null {
  if (result.ok) return null;
  switch (result.reason) {
    case "empty":
      return t("base-import-empty");
    case "unsupported-format":
      return t("base-import-unsupported-format");
    case "too-many-rows":
      return t("base-import-too-many-rows", { limit: result.limit });
    case "csv-invalid":
      return result.line === null ? t("base-import-csv-invalid") : t("base-import-csv-invalid-line", { line: String(result.line) });
    case "missing-columns":
      return t("base-import-missing-columns", {
        count: result.missing.length,
        missing: result.missing.map((field) => fieldName(t, field)).join(", "),
        headers: result.headers.length === 0 ? "—" : result.headers.map((header) => `«${header}»`).join(", "),
        accepted: result.missing.map((field) => `${fieldName(t, field)}: ${accepted[field].join(", ")}`).join("; "),
      });
  }
}

/** The counts line of an imported file. */
export function importSummary(t: Translate, result: Extract<ImportResult, { ok: true }>): string {
  return t("base-import-done", {
    rows: result.rows,
    created: result.created,
    updated: result.updated,
    moved: result.moved,
    segments: result.segmentsCreated,
    skipped: result.badRows.length,
    warnings: result.warnings.length,
  });
}

/** One line per skipped row. Line numbers are passed as text: Fluent would group them like amounts ("строка 1 234"). */
export function skippedLines(t: Translate, result: Extract<ImportResult, { ok: true }>): string[] {
  return result.badRows.map((bad) => {
    const reason = t(`base-import-row-${bad.reason}`, bad.duplicateOf === undefined ? undefined : { of: String(bad.duplicateOf) });
    return t("base-import-bad-row", { line: String(bad.line), reason });
  });
}

export function warningLine(t: Translate, warning: ImportWarning): string {
  const value = warning.value.length > SHOWN_VALUE ? `${warning.value.slice(0, SHOWN_VALUE)}…` : warning.value;
  return t("base-import-warning", {
    line: String(warning.line),
    field: fieldName(t, warning.field),
    value,
    reason: t(`base-import-warn-${warning.reason}`),
  });
}
