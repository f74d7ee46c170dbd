import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

export type Db = Database.Database;

/** Opens the SQLite file (or an in-memory copy of a serialized database) with the pragmas every connection needs. */
export function openDatabase(path: string | Buffer): Db {
  if (typeof path === "string" && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // WAL + NORMAL is durable against process crashes; only an OS crash can lose the last commit.
  db.pragma("synchronous = NORMAL");
  // SQLite's own default page cache (2 MB) instead of better-sqlite3's 16 MB: updates touch a few indexed pages,
  // the OS caches the file anyway, and on a 1,000,000-company base a 16 MB cache fills and stays in the bot's RSS.
  db.pragma("cache_size = -2000");
  return db;
}
