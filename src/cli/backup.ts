/**
 * `npm run backup -- <file>`: a consistent copy of DATABASE_PATH, safe while the bot is running.
 * Needs only DATABASE_PATH (from the environment or .env), not the bot token. Messages in DEFAULT_LOCALE;
 * exit codes: 0 written, 1 failed, 2 bad usage (no file given, or DATABASE_PATH does not exist).
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { backupDatabase, BackupError } from "../db/backup.js";
import { cliDatabasePath } from "./cli-db.js";
import { runIfEntryPoint, startCli, type CliIo } from "./cli-io.js";

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const start = startCli("backup", argv, io);
  if ("exit" in start) return start.exit;
  const { t } = start;
  const target = argv[0];
  if (!target || argv.length > 1 || target.startsWith("-")) {
    io.stderr(!target ? t("cli-which-file") : target.startsWith("-") ? t("cli-unknown-option", { arg: target }) : t("cli-unexpected-argument", { arg: argv[1]! }));
    io.stderr(t("cli-usage-backup"));
    return 2;
  }
  const source = cliDatabasePath(io.env);
  // Opening a missing file would create an empty database and back that up.
  if (!existsSync(source)) {
    io.stderr(t("cli-database-missing", { path: source }));
    return 2;
  }
  if (existsSync(target)) {
    io.stderr(t("cli-backup-exists", { path: target }));
    return 1;
  }
  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const result = await backupDatabase(db, target);
    const kb = String(Math.ceil(result.bytes / 1024));
    io.stdout(t("cli-backup-done", { path: result.path, tables: Object.keys(result.tables).length, rows: result.rows, kb }));
    return 0;
  } catch (error) {
    io.stderr(t("cli-backup-failed", { reason: error instanceof BackupError || error instanceof Error ? error.message : String(error) }));
    return 1;
  } finally {
    db.close();
  }
}

await runIfEntryPoint(import.meta.url, "backup", main);
