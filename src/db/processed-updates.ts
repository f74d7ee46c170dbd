import type { Db } from "./open.js";
import { prepared } from "./statements.js";

/** Telegram keeps an undelivered update for 24 hours; ids older than twice that can never come back. */
export const PROCESSED_UPDATES_TTL_MS = 48 * 60 * 60 * 1000;

/**
 * Records the update id; false when it was claimed before (a redelivery). Called once when
 * handling starts — see src/bot/middleware/dedupe.ts for why there and not with the effect.
 */
export function claimUpdate(db: Db, updateId: number, now: number): boolean {
  return prepared(db, "INSERT INTO processed_updates (update_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING").run(updateId, now).changes === 1;
}

/**
 * Forgets ids that can no longer be redelivered. Telegram may restart ids at random after a week
 * without updates; by then the old ones are gone, so a new id never collides with a kept one.
 */
export function pruneProcessedUpdates(db: Db, now: number): number {
  return db.transaction(() => {
    const pruned = prepared(db, "DELETE FROM processed_updates WHERE processed_at < ?").run(now - PROCESSED_UPDATES_TTL_MS).changes;
    if (pruned > 0) {
      prepared(db, "INSERT INTO pruned_counts (source, status, n) VALUES ('updates', 'handled', ?) ON CONFLICT (source, status) DO UPDATE SET n = n + excluded.n").run(pruned);
    }
    return pruned;
  })();
}

/** Updates handled since the database was created, pruned ids included. */
export function handledUpdateCount(db: Db): number {
  const live = prepared(db, "SELECT COUNT(*) AS n FROM processed_updates").get() as { n: number };
  const pruned = prepared(db, "SELECT n FROM pruned_counts WHERE source = 'updates' AND status = 'handled'").get() as { n: number } | undefined;
  return live.n + (pruned?.n ?? 0);
}
