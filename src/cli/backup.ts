/**
 * `npm run backup -- <file>`: a consistent copy of DATABASE_PATH, safe while the bot is running.
 * Needs only DATABASE_PATH (from the environment or .env), not the bot token.
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { backupDatabase, BackupError } from "../db/backup.js";
import { runIfEntryPoint, type CliIo } from "./cli-io.js";

export const USAGE = "Usage: npm run backup -- <file>";

/** Runs the CLI; returns the exit code (0 written, 1 failed, 2 bad arguments). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const target = argv[0];
  if (!target || argv.length > 1) {
    io.stderr(USAGE);
    return 2;
  }
  const source = io.env.DATABASE_PATH?.trim() || "data/bot.sqlite";
  // Opening a missing file would create an empty database and back that up.
  if (!existsSync(source)) {
    io.stderr(`Backup failed: DATABASE_PATH ${source} does not exist`);
    return 1;
  }
  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const result = await backupDatabase(db, target);
    io.stdout(`Backup written: ${result.path} (${Object.keys(result.tables).length} tables, ${result.rows} rows, ${Math.ceil(result.bytes / 1024)} KB)`);
    return 0;
  } catch (error) {
    io.stderr(`Backup failed: ${error instanceof BackupError || error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    db.close();
  }
}

await runIfEntryPoint(import.meta.url, "backup", main);
