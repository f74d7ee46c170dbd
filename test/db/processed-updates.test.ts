import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { migrate } from "../../src/db/migrate.js";
import { claimUpdate, deferClaim, flushClaims } from "../../src/db/processed-updates.js";

function open() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), "scb-claims-")), "bot.sqlite"));
  migrate(db);
  return db;
}
const stored = (db: ReturnType<typeof open>) => db.prepare("SELECT update_id FROM processed_updates ORDER BY update_id").pluck().all();

describe("deferred update claims", () => {
  it("are claimed at once in memory and committed by the next transaction, in the same commit as its writes", () => {
    const db = open();
    db.exec("CREATE TABLE effects (n INTEGER)");
    expect(deferClaim(db, 7, 1000)).toBe(true);
    expect(deferClaim(db, 7, 1000)).toBe(false);
    expect(claimUpdate(db, 7, 1000)).toBe(false);
    expect(stored(db)).toEqual([]);
    db.transaction(() => db.prepare("INSERT INTO effects VALUES (1)").run())();
    expect(stored(db)).toEqual([7]);
    flushClaims(db); // nothing left
    expect(deferClaim(db, 7, 2000)).toBe(false); // a redelivery after the commit
  });

  it("stay pending when the transaction that carried them rolls back, and are committed by flushClaims", () => {
    const db = open();
    expect(deferClaim(db, 8, 1000)).toBe(true);
    expect(() =>
      db.transaction(() => {
        db.transaction(() => undefined)(); // nested: a savepoint, the claim is written once by the outer body
        throw new Error("boom");
      }).immediate(),
    ).toThrow("boom");
    expect(stored(db)).toEqual([]);
    expect(deferClaim(db, 8, 1000)).toBe(false);
    flushClaims(db);
    expect(stored(db)).toEqual([8]);
  });
});
