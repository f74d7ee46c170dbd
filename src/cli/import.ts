/**
 * `npm run import -- <file.csv> [--json]` — loads companies into the base (docs/figures.md, "Loading it") from a CSV file.
 * Reads DATABASE_PATH (default data/bot.sqlite), migrating it first; the base belongs to team 1.
 * Prints counts and each bad row by line number (or the whole result as JSON with --json).
 * Exit codes: 0 imported (bad rows are reported, good rows kept), 1 the file was refused, 2 bad arguments.
 */
import { readFileSync } from "node:fs";
import { importBase } from "../services/leads/import.js";
import type { ImportResult } from "../services/leads/import.js";
import { CLI_TEAM_ID, openCliDatabase } from "./cli-db.js";
import { runIfEntryPoint, type CliIo } from "./cli-io.js";

export const USAGE = "usage: npm run import -- <file.csv> [--json]";

const REFUSALS: Record<Exclude<ImportResult, { ok: true }>["reason"], string> = {
  empty: "the file is empty",
  "missing-columns": "required columns are missing",
  "csv-invalid": "the file is not valid CSV",
};

/** Human-readable lines for an import result. */
export function describeImport(result: ImportResult): string[] {
  if (!result.ok) {
    const detail =
      result.reason === "missing-columns"
        ? `: ${result.missing.join(", ")} (headers: company, segment, inn, owner, phone, email or компания, сегмент, инн, ответственный, телефон, email)`
        : result.reason === "csv-invalid" && result.line !== null
          ? ` (line ${result.line})`
          : "";
    return [`nothing imported: ${REFUSALS[result.reason]}${detail}`];
  }
  const lines = [
    `rows: ${result.rows}, created: ${result.created}, updated: ${result.updated}, moved to another segment: ${result.moved}, new segments: ${result.segmentsCreated}, bad rows: ${result.badRows.length}`,
  ];
  for (const bad of result.badRows) lines.push(`line ${bad.line}: ${bad.reason}`);
  return lines;
}

/** Runs the CLI; returns the exit code (0 imported, 1 refused or unreadable, 2 bad arguments). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const { env, stdout: out, stderr: err } = io;
  const json = argv.includes("--json");
  const files = argv.filter((arg) => arg !== "--json");
  if (files.length !== 1 || files[0]!.startsWith("--")) {
    err(USAGE);
    return 2;
  }
  let content: Buffer;
  try {
    content = readFileSync(files[0]!);
  } catch (error) {
    err(`cannot read ${files[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  const now = io.now();
  const db = openCliDatabase(env, now);
  try {
    const result = importBase(db, CLI_TEAM_ID, content, now);
    if (json) out(JSON.stringify(result));
    else {
      const [summary, ...bad] = describeImport(result);
      (result.ok ? out : err)(summary!);
      for (const line of bad) err(line);
    }
    return result.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

await runIfEntryPoint(import.meta.url, "import", main);
