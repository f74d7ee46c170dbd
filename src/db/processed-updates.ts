import type { Statement } from "better-sqlite3";
import type { Db } from "./open.js";

/** Telegram keeps an undelivered update for 24 hours; ids older than twice that can never come back. */
export const PROCESSED_UPDATES_TTL_MS = 48 * 60 * 60 * 1000;

const INSERT_CLAIM = "INSERT INTO processed_updates (update_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
const statements = new WeakMap<Db, { claim: Statement<[number, number]>; seen: Statement<[number]> }>();

function statementsOf(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      claim: db.prepare<[number, number]>(INSERT_CLAIM),
      seen: db.prepare<[number]>("SELECT 1 FROM processed_updates WHERE update_id = ?").pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Records the update id; false when it was claimed before (a redelivery). See src/bot/middleware/dedupe.ts
 * for why an update is claimed when handling starts.
 */
export function claimUpdate(db: Db, updateId: number, now: number): boolean {
  if (pendingClaims.get(db)?.has(updateId)) return false;
  return statementsOf(db).claim.run(updateId, now).changes === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Deferred claims: written by the update's first write transaction, not by a commit of their own

/** Claims made when handling started, not yet committed: update id → when. */
const pendingClaims = new WeakMap<Db, Map<number, number>>();
/** Claims written inside the connection's open transaction (committed with it). */
const flushing = new WeakMap<Db, number[]>();
/** Connections whose transactions carry the pending claims; set while an outermost transaction begins. */
const carrying = new WeakSet<Db>();
const beginning = new WeakSet<Db>();

/**
 * Claims the update id like claimUpdate, but writes the claim with the next transaction of the connection
 * (see carryPendingClaims: openDatabase's connections do) instead of committing it on its own — one commit
 * per update less, and the claim lands in the same commit as the update's first effect, so a crash never
 * keeps the effect and loses the claim. Until then the claim is held in memory, so the id counts as claimed
 * in this process at once. `flushClaims` commits what is left (an update that wrote nothing) when it ends.
 */
export function deferClaim(db: Db, updateId: number, now: number): boolean {
  if (!carrying.has(db)) return claimUpdate(db, updateId, now);
  let pending = pendingClaims.get(db);
  if (pending?.has(updateId)) return false;
  if (statementsOf(db).seen.get(updateId) !== undefined) return false;
  if (!pending) pendingClaims.set(db, (pending = new Map()));
  pending.set(updateId, now);
  return true;
}

/** Commits the claims still pending (nothing when a transaction has carried them already). */
export function flushClaims(db: Db): void {
  if ((pendingClaims.get(db)?.size ?? 0) === 0) return;
  db.transaction(() => undefined).immediate();
}

/** First thing in an outermost transaction's body: writes the pending claims. */
function writePending(db: Db): void {
  const pending = pendingClaims.get(db);
  if (!pending || pending.size === 0) return;
  const claim = statementsOf(db).claim;
  const written: number[] = [];
  for (const [updateId, at] of pending) {
    claim.run(updateId, at);
    written.push(updateId);
  }
  flushing.set(db, written);
}

/** After the outermost transaction: committed claims are no longer pending; rolled-back ones still are. */
function settle(db: Db, committed: boolean): void {
  const written = flushing.get(db);
  if (!written) return;
  flushing.delete(db);
  if (!committed) return;
  const pending = pendingClaims.get(db);
  for (const updateId of written) pending?.delete(updateId);
}

/** Makes every transaction of `db` (outermost, any mode) write the pending claims first (see deferClaim). */
export function carryPendingClaims(db: Db): void {
  if (carrying.has(db)) return;
  carrying.add(db);
  type Fn = (...args: unknown[]) => unknown;
  const transaction = db.transaction.bind(db) as unknown as (fn: Fn) => Fn & Record<"deferred" | "immediate" | "exclusive", Fn>;
  db.transaction = ((fn: Fn) => {
    const inner = transaction(function (this: unknown, ...args: unknown[]) {
      if (beginning.delete(db)) writePending(db);
      return fn.apply(this, args);
    });
    const wrap = (variant: Fn): Fn =>
      function (this: unknown, ...args: unknown[]) {
        if (db.inTransaction) return variant.apply(this, args);
        beginning.add(db);
        try {
          const result = variant.apply(this, args);
          settle(db, true);
          return result;
        } catch (error) {
          settle(db, false);
          throw error;
        } finally {
          beginning.delete(db);
        }
      };
    const outer = wrap(inner);
    Object.defineProperties(outer, {
      default: { value: outer },
      deferred: { value: wrap(inner.deferred) },
      immediate: { value: wrap(inner.immediate) },
      exclusive: { value: wrap(inner.exclusive) },
      database: { value: db, enumerable: true },
    });
    return outer;
  }) as unknown as Db["transaction"];
}

/**
 * Forgets ids that can no longer be redelivered. Telegram may restart ids at random after a week
 * without updates; by then the old ones are gone, so a new id never collides with a kept one.
 */
export function pruneProcessedUpdates(db: Db, now: number): number {
  return db.prepare("DELETE FROM processed_updates WHERE processed_at < ?").run(now - PROCESSED_UPDATES_TTL_MS).changes;
}
