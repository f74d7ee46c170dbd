/**
 * A base file as a table of text cells, whatever it came as: CSV (UTF-8 with or without BOM, or Windows-1251
 * as Excel saves it; `;`, `,` or tab) or an Excel workbook (.xlsx: the sheet named like «База»/«Base», else
 * the first). Each record keeps the line (CSV) or row (Excel) people see, so problems are named by it.
 */
import Papa from "papaparse";
import type ExcelJS from "exceljs";
import type { TableRefusal } from "../../domain/base-import.js";

export type ImportTable = { records: string[][]; lines: number[] };

export type TableResult = { ok: true; table: ImportTable } | TableRefusal;

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

/**
 * Parses CSV text (or bytes) into records with the first physical line of each. A quote left open (the rest of
 * the file would read as one cell) or text after a closing quote refuses the file, naming the line.
 */
export function csvTable(input: string | Buffer | Uint8Array): TableResult {
  const text = decodeCsv(input);
  if (text.trim() === "") return { ok: false, reason: "empty" };
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), header: false, skipEmptyLines: false });
  const records = parsed.data;
  // Records do not know their line; count the line breaks inside quoted cells of the records before.
  const lines = new Array<number>(records.length);
  let line = 1;
  for (let i = 0; i < records.length; i++) {
    lines[i] = line;
    for (const cell of records[i]!) if (cell.includes("\n")) for (const ch of cell) if (ch === "\n") line++;
    line++;
  }
  const broken = parsed.errors.find((error) => error.type === "Quotes");
  if (broken) return { ok: false, reason: "csv-invalid", line: broken.row === undefined ? null : (lines[broken.row] ?? null) };
  return { ok: true, table: { records, lines } };
}

/** The kind of file the bytes hold, by signature: a ZIP is taken for .xlsx, an OLE container is an old .xls. */
export function fileKind(bytes: Uint8Array): "xlsx" | "xls" | "text" {
  const magic = Buffer.from(bytes.subarray(0, 4)).toString("latin1");
  if (magic === "PK\u0003\u0004") return "xlsx";
  if (magic === "\u00d0\u00cf\u0011\u00e0") return "xls";
  return "text";
}

const BASE_SHEET = /^\s*(база|base)/i;

/** One cell as the text people see: numbers without exponent, links and rich text by their text, formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
  return "";
}

/** Reads an .xlsx workbook into records, one per sheet row (the row number is the line). */
export async function xlsxTable(bytes: Uint8Array): Promise<TableResult> {
  // exceljs (~20 MB resident) loads with the first workbook, not with the bot.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: "unsupported-format" };
  }
  const sheet = workbook.worksheets.find((ws) => BASE_SHEET.test(ws.name)) ?? workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, reason: "empty" };
  const records: string[][] = [];
  const lines: number[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: string[] = [];
    for (let c = 1; c <= width; c++) record.push(cellText(row.getCell(c).value));
    records.push(record);
    lines.push(r);
  }
  return { ok: true, table: { records, lines } };
}

/** A base file of any supported kind as a table, or why it cannot be read. */
export async function readBaseFile(bytes: Uint8Array): Promise<TableResult> {
  const kind = fileKind(bytes);
  if (kind === "xlsx") return xlsxTable(bytes);
  if (kind === "xls") return { ok: false, reason: "unsupported-format" };
  return csvTable(bytes);
}
