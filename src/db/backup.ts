import Database from "better-sqlite3";
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { Db } from "./open.js";

export class BackupError extends Error {}

export interface BackupResult {
  path: string;
  bytes: number;
  /** Rows per table in the copy (what a restore will bring back). */
  tables: Record<string, number>;
  rows: number;
}

/** Rows per user table, by name. */
export function countRows(db: Db): Record<string, number> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT COUNT(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number]));
}

function removeWithSidecars(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
}

/**
 * A consistent copy of the live database while the bot keeps working: SQLite's online backup API
 * (better-sqlite3 `db.backup`) copies a snapshot, including what is still in the WAL, and picks up
 * writes made meanwhile on the same connection. The copy is written beside the target, switched to
 * a rollback journal so it is one self-contained file, checked with `PRAGMA integrity_check`, and
 * only then renamed into place; an existing file is never overwritten.
 */
export async function backupDatabase(db: Db, destination: string): Promise<BackupResult> {
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name`);
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial-${process.pid}-${Date.now()}`;
  try {
    await db.backup(partial);
    const copy = new Database(partial, { fileMustExist: true });
    let tables: Record<string, number>;
    try {
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new BackupError(`the copy failed PRAGMA integrity_check: ${String(check)}`);
      tables = countRows(copy);
    } finally {
      copy.close();
    }
    renameSync(partial, destination);
    const rows = Object.values(tables).reduce((sum, n) => sum + n, 0);
    return { path: destination, bytes: statSync(destination).size, tables, rows };
  } catch (error) {
    removeWithSidecars(partial);
    throw error;
  }
}
