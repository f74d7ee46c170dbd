/**
 * New databases for tests, copied from one migrated image per test process instead of running every migration
 * again for each test (that was a fifth of the unit tests' time). The migrations themselves are tested in
 * test/db/migrate.test.ts, and run from nothing whenever a test starts the bot on a database it names itself
 * (the end-to-end and chaos tests, a harness given a dbPath).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { migrate } from "../../src/db/migrate.js";
import { openDatabase, type Db } from "../../src/db/open.js";

let image: Buffer | undefined;

function migratedImage(): Buffer {
  if (!image) {
    const db = openDatabase(":memory:");
    migrate(db, undefined, 0);
    image = db.serialize();
    db.close();
  }
  return image;
}

/** Writes a migrated, empty database file at `path` (for the bot to open, as after its first start). */
export function writeMigratedDatabase(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, migratedImage());
}

/** A migrated, empty database at `path`, in memory by default; `migrate` finds nothing left to apply. */
export function openMigratedDatabase(path = ":memory:"): Db {
  if (path !== ":memory:") writeMigratedDatabase(path);
  const db = openDatabase(path === ":memory:" ? migratedImage() : path);
  migrate(db);
  return db;
}
