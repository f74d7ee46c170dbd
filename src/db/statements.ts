import type { Statement, Transaction } from "better-sqlite3";
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

const runners = new WeakMap<Db, Transaction<(body: () => unknown) => unknown>>();

/** The connection's one transaction function, built once: building one per call costs more than a small write. */
function runnerOf(db: Db): Transaction<(body: () => unknown) => unknown> {
  let runner = runners.get(db);
  if (!runner) {
    runner = db.transaction((body: () => unknown) => body());
    runners.set(db, runner);
  }
  return runner;
}

/** Runs `run` in a BEGIN IMMEDIATE transaction of the connection (nested: a savepoint), like `db.transaction(run).immediate()`. */
export function inImmediateTransaction<R>(db: Db, run: () => R): R {
  return runnerOf(db).immediate(run) as R;
}

/**
 * Runs `run` in a deferred transaction: the reads of one reply see one snapshot and take the WAL read lock
 * once. A statement outside a transaction takes and drops that lock itself, which costs more than most of
 * our indexed reads; a view that reads four times pays it four times.
 */
export function inReadTransaction<R>(db: Db, run: () => R): R {
  return runnerOf(db)(run) as R;
}
