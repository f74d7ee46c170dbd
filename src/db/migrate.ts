import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../shared/package-root.js";
import type { Db } from "./open.js";
import { hashToken } from "./invites.js";

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, "migrations");

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationMismatchError extends Error {}

/** Reads `NNNN_name.sql` files in version order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ""),
      sql: readFileSync(`${dir}/${file}`, "utf8"),
    }));
}

/**
 * Applies the migrations the database has not seen, each in its own transaction, and refuses
 * a database that records a migration the files do not know (it was written by a newer build).
 */
export function migrate(db: Db, migrations = readMigrations(), now = Date.now()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all() as {
    version: number;
    name: string;
  }[];
  const known = new Map(migrations.map((m) => [m.version, m.name]));
  for (const row of applied) {
    if (known.get(row.version) !== row.name) {
      throw new MigrationMismatchError(
        `database has migration ${row.name} that this build does not know; refusing to start`,
      );
    }
  }
  // SQL cannot hash: a migration that rewrites stored tokens calls the same function the code uses.
  db.function("invite_token_hash", { deterministic: true }, (token: unknown) => hashToken(String(token)));
  const done = new Set(applied.map((row) => row.version));
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  const ran: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
    })();
    ran.push(migration.name);
  }
  return ran;
}
