/**
 * `npm run backup -- <file>`: a consistent copy of DATABASE_PATH, safe while the bot is running.
 * Needs only DATABASE_PATH (from the environment or .env), not the bot token.
 */
import dotenv from "dotenv";
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { backupDatabase, BackupError } from "../db/backup.js";

dotenv.config();

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error("Usage: npm run backup -- <file>");
  process.exit(2);
}
const source = process.env.DATABASE_PATH?.trim() || "data/bot.sqlite";
if (!existsSync(source)) {
  console.error(`Backup failed: DATABASE_PATH ${source} does not exist`);
  process.exit(1);
}

const db = new Database(source, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
try {
  const result = await backupDatabase(db, target);
  console.log(`Backup written: ${result.path} (${Object.keys(result.tables).length} tables, ${result.rows} rows, ${Math.ceil(result.bytes / 1024)} KB)`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof BackupError || error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  db.close();
}
