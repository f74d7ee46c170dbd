/**
 * A base file imported without holding the bot: a CSV is parsed with pauses between slices of records, and
 * only the header and the rows with something in them are kept (a file of empty lines costs no memory); the
 * rows are written in batches, each its own transaction, with a pause after each. A row cap bounds the rest.
 */
import Papa from "papaparse";
import type { Db } from "../../db/open.js";
import type { ImportResult } from "../../domain/base-import.js";
import { importTableInBatches } from "./import.js";
import { decodeCsv, detectDelimiter, fileKind, readBaseFile, type TableResult } from "./import-table.js";

/** Characters parsed between two pauses: some tens of milliseconds of work. */
const SLICE_CHARS = 128 * 1024;

function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== "") return false;
  return true;
}

export interface SliceOptions {
  /** Data rows allowed; one more and the file is refused. */
  maxRows: number;
  /** Called between slices: gives the event loop back to the bot. */
  pause: () => Promise<void>;
}

/**
 * Parses CSV bytes like csvTable (the same parser and options), pausing after every slice of the text; refuses
 * a file over `maxRows` data rows as soon as it sees one more.
 */
export async function csvTableInSlices(input: Uint8Array | string, options: SliceOptions): Promise<TableResult> {
  const text = decodeCsv(input);
  if (text.trim() === "") return { ok: false, reason: "empty" };
  const records: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let outcome: TableResult | undefined;
  await new Promise<void>((resolve) => {
    // Papa Parse streams a string in chunks too, though its types offer `chunk` only for files.
    const config: Papa.ParseConfig<string[]> & { chunkSize: number; chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => void } = {
      delimiter: detectDelimiter(text),
      header: false,
      skipEmptyLines: false,
      chunkSize: SLICE_CHARS,
      chunk: (result, parser) => {
        const firstLines: number[] = [];
        for (const record of result.data) {
          const first = line;
          firstLines.push(first);
          for (const cell of record) if (cell.includes("\n")) for (const ch of cell) if (ch === "\n") line++;
          line++;
          if (records.length > 0 && isBlank(record)) continue;
          if (records.length > options.maxRows) {
            outcome = { ok: false, reason: "too-many-rows", limit: options.maxRows };
            return parser.abort();
          }
          records.push(record);
          lines.push(first);
        }
        const broken = result.errors.find((error) => error.type === "Quotes");
        if (broken) {
          outcome = { ok: false, reason: "csv-invalid", line: broken.row === undefined ? null : (firstLines[broken.row] ?? null) };
          return parser.abort();
        }
        parser.pause();
        void options.pause().then(() => parser.resume());
      },
      complete: () => resolve(),
    };
    Papa.parse<string[]>(text, config);
  });
  return outcome ?? { ok: true, table: { records, lines } };
}

export interface ChunkedImportOptions {
  /** Data rows a file may have. */
  maxRows: number;
  /** Rows written per transaction. */
  batchRows: number;
  /** Gives the event loop back to the bot between slices and batches. */
  pause: () => Promise<void>;
  /** Told the file's data rows once it is read, then the rows written so far after each batch. */
  onProgress?: (progress: { rows: number; written: number }) => void | Promise<void>;
}

/**
 * Imports a base file (CSV or .xlsx) without holding the bot: a CSV is parsed in slices, the rows are written
 * in batches, each its own transaction, with a pause after each. A file over `maxRows` data rows is refused
 * before anything is written.
 */
export async function importBaseFileInBatches(db: Db, teamId: number, bytes: Uint8Array, now: number, options: ChunkedImportOptions): Promise<ImportResult> {
  const read = fileKind(bytes) === "text" ? await csvTableInSlices(bytes, { maxRows: options.maxRows, pause: options.pause }) : await readBaseFile(bytes);
  if (!read.ok) return read;
  const rows = read.table.records.length - 1;
  // A workbook is read whole (exceljs has no cheap row-by-row reader here); its rows are counted after.
  if (rows > options.maxRows) return { ok: false, reason: "too-many-rows", limit: options.maxRows };
  await options.onProgress?.({ rows, written: 0 });
  return importTableInBatches(db, teamId, read.table, now, {
    batchRows: options.batchRows,
    pause: options.pause,
    onRows: (written) => options.onProgress?.({ rows, written }),
  });
}
