import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { MigrationMismatchError, migrate, readMigrations } from "../../src/db/migrate.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "scb-migrate-"));
}

describe("migrate", () => {
  it("applies every migration once and records it", () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, "bot.sqlite"));
    const first = migrate(db);
    expect(first).toEqual(readMigrations().map((m) => m.name));
    expect(first[0]).toBe("0001_init");
    expect(migrate(db)).toEqual([]);
    const recorded = db.prepare("SELECT name FROM schema_migrations ORDER BY version").pluck().all();
    expect(recorded).toEqual(first);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
  });

  it("refuses a database that has a migration these files do not know", () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, "bot.sqlite"));
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_from_the_future', 0)").run();
    expect(() => migrate(db)).toThrow(MigrationMismatchError);
    expect(() => migrate(db)).toThrow(/9999_from_the_future/);
    db.close();
  });

  it("rolls back a failing migration whole and records nothing", () => {
    const dir = tempDir();
    const migrations = join(dir, "migrations");
    mkdirSync(migrations);
    writeFileSync(join(migrations, "0001_ok.sql"), "CREATE TABLE a (x INTEGER);");
    writeFileSync(join(migrations, "0002_broken.sql"), "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);");
    const db = openDatabase(join(dir, "bot.sqlite"));
    expect(() => migrate(db, readMigrations(migrations))).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toContain("a");
    expect(tables).not.toContain("b");
    expect(db.prepare("SELECT name FROM schema_migrations").pluck().all()).toEqual(["0001_ok"]);
    db.close();
  });
});
