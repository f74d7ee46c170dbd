import type { Statement } from "better-sqlite3";
import type { Db } from "./open.js";

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The connection's prepared statement for `sql`, prepared once and reused: preparing costs several
 * microseconds, more than running most of our indexed queries, and the bot runs dozens per update.
 * Only for fixed SQL texts (or a small fixed set of variants); a statement must not be iterated while
 * the same SQL runs again, and every caller of one SQL text must use the same mode (pluck or not).
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

const immediateRunners = new WeakMap<Db, (run: () => unknown) => unknown>();

/**
 * Runs `run` in a BEGIN IMMEDIATE transaction of the connection (nested: a savepoint), like
 * `db.transaction(run).immediate()`, without building a new transaction function on every call.
 */
export function inImmediateTransaction<R>(db: Db, run: () => R): R {
  let runner = immediateRunners.get(db);
  if (!runner) {
    const transaction = db.transaction((body: () => unknown) => body());
    runner = (body) => transaction.immediate(body);
    immediateRunners.set(db, runner);
  }
  return runner(run) as R;
}

const readRunners = new WeakMap<Db, (run: () => unknown) => unknown>();

/**
 * Runs `run` in a deferred transaction: the reads of one reply see one snapshot and take the WAL read lock
 * once. A statement outside a transaction takes and drops that lock itself, which costs more than most of
 * our indexed reads; a view that reads four times pays it four times.
 */
export function inReadTransaction<R>(db: Db, run: () => R): R {
  let runner = readRunners.get(db);
  if (!runner) {
    const transaction = db.transaction((body: () => unknown) => body());
    runner = (body) => transaction(body);
    readRunners.set(db, runner);
  }
  return runner(run) as R;
}
