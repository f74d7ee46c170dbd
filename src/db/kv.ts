import type { Db } from "./open.js";
import { prepared } from "./statements.js";

/**
 * A tiny key-value table: conversation state and other per-chat data that must survive a restart. Cheap to
 * create where it is used: the statements come from the connection's cache.
 */
export function createKvStore(db: Db) {
  const read = prepared(db, "SELECT value FROM kv WHERE key = ?");
  const readSince = prepared(db, "SELECT value FROM kv WHERE key = ? AND updated_at >= ?");
  const write = prepared(db,
    "INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
  );
  const remove = prepared(db, "DELETE FROM kv WHERE key = ?");
  const keysFrom = prepared(db, "SELECT key FROM kv WHERE key >= ? AND key < ?").pluck();
  const removeLike = prepared(db, "DELETE FROM kv WHERE key LIKE ? ESCAPE '\\'");
  return {
    /** Every key starting with `prefix`. */
    keys(prefix: string): string[] {
      return keysFrom.all(prefix, `${prefix}\uffff`) as string[];
    },
    read<T>(key: string): T | undefined {
      const row = read.get(key) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    /** The value, unless it was last written before `since` (ms). */
    readSince<T>(key: string, since: number): T | undefined {
      const row = readSince.get(key, since) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    write(key: string, value: unknown, now = Date.now()): void {
      write.run(key, JSON.stringify(value), now);
    },
    delete(key: string): void {
      remove.run(key);
    },
    /** Deletes every key matching a LIKE pattern (`%` any text); returns how many. */
    deleteLike(pattern: string): number {
      return removeLike.run(pattern).changes;
    },
  };
}

export type KvStore = ReturnType<typeof createKvStore>;
