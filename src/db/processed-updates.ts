import type { Statement } from "better-sqlite3";
import type { Db } from "./open.js";

const statements = new WeakMap<Db, Statement<[number, number]>>();

/** Records the update id; false when it was handled before (a redelivery). */
export function claimUpdate(db: Db, updateId: number, now: number): boolean {
  let claim = statements.get(db);
  if (!claim) {
    claim = db.prepare<[number, number]>("INSERT INTO processed_updates (update_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING");
    statements.set(db, claim);
  }
  return claim.run(updateId, now).changes === 1;
}

/** Telegram keeps undelivered updates for 24 hours; older ids can never come back. */
export function pruneProcessedUpdates(db: Db, now: number): void {
  db.prepare("DELETE FROM processed_updates WHERE processed_at < ?").run(now - 48 * 60 * 60 * 1000);
}
