import type { InlineKeyboardMarkup } from "grammy/types";
import type { Db } from "./open.js";
import { prepared } from "./statements.js";

export interface OutboxMessage {
  method: "sendMessage" | "sendPhoto" | "sendDocument";
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
  /** base64 bytes for sendPhoto/sendDocument, with the file name */
  file?: { base64: string; filename: string };
}

export interface OutboxItem {
  id: number;
  teamId: number;
  key: string;
  chatId: number;
  kind: string;
  message: OutboxMessage;
  attempts: number;
}

export interface EnqueueInput {
  teamId: number;
  chatId: number;
  kind: string;
  /** Idempotency key: the same key is stored and sent once, whoever enqueues it again. */
  key: string;
  message: OutboxMessage;
}

/** How many messages are in each state; what an operator (or a test) looks at. */
export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

interface OutboxRow {
  id: number;
  team_id: number;
  idempotency_key: string;
  chat_id: number;
  kind: string;
  payload: string;
  attempts: number;
}

/** The module's SQL texts; each runs through the connection's statement cache (prepared). */
const SQL = {
  insert: `INSERT INTO outbox (team_id, idempotency_key, chat_id, kind, payload, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  // The oldest due message of each chat: a chat gets its messages in the order they were queued,
  // and chats take turns, so one chat with a long queue does not hold up the others.
  dueHeads: `SELECT id, team_id, idempotency_key, chat_id, kind, payload, attempts FROM outbox
     WHERE id IN (SELECT MIN(id) FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? GROUP BY chat_id)
     ORDER BY id LIMIT ?`,
  sent: "UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'pending'",
  retry: "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'",
  failed: "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'",
  nextDue: "SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'",
  counts: `SELECT status, SUM(n) AS n FROM (SELECT status, COUNT(*) AS n FROM outbox GROUP BY status
     UNION ALL SELECT status, n FROM pruned_counts WHERE source = 'outbox') GROUP BY status`,
  countOld: "SELECT status, COUNT(*) AS n FROM outbox WHERE status <> 'pending' AND created_at < ? GROUP BY status",
  deleteOld: "DELETE FROM outbox WHERE status <> 'pending' AND created_at < ?",
  keepCount: "INSERT INTO pruned_counts (source, status, n) VALUES ('outbox', ?, ?) ON CONFLICT (source, status) DO UPDATE SET n = n + excluded.n",
  pendingForChat: "SELECT id, team_id, idempotency_key, chat_id, kind, payload, attempts FROM outbox WHERE status = 'pending' AND chat_id = ? ORDER BY id",
  moveChat: "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND status = 'pending'",
} as const;

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    teamId: row.team_id,
    key: row.idempotency_key,
    chatId: row.chat_id,
    kind: row.kind,
    message: JSON.parse(row.payload) as OutboxMessage,
    attempts: row.attempts,
  };
}

/**
 * Queues a message; returns false when the key was queued before (nothing new written).
 * Call it inside the transaction that records the cause, so the message exists exactly when the cause does.
 */
export function enqueue(db: Db, input: EnqueueInput, now: number): boolean {
  const result = prepared(db, SQL.insert).run(input.teamId, input.key, input.chatId, input.kind, JSON.stringify(input.message), now, now);
  return result.changes === 1;
}

/** The oldest due message of each chat (at most one per chat), oldest first. */
export function dueMessages(db: Db, now: number, limit: number): OutboxItem[] {
  return (prepared(db, SQL.dueHeads).all(now, limit) as OutboxRow[]).map(toItem);
}

/** Telegram said ok: the only way a message becomes sent. */
export function markSent(db: Db, id: number, messageId: number, now: number): void {
  prepared(db, SQL.sent).run(now, messageId, id);
}

/** Keeps the message pending and tries again at `at`. */
export function scheduleRetry(db: Db, id: number, at: number, error: string): void {
  prepared(db, SQL.retry).run(at, error.slice(0, 500), id);
}

/** Only for errors that can never succeed (the chat is gone); everything else is retried. The row is kept. */
export function markFailed(db: Db, id: number, error: string): void {
  prepared(db, SQL.failed).run(error.slice(0, 500), id);
}

export function nextDueAt(db: Db): number | null {
  return (prepared(db, SQL.nextDue).get() as { at: number | null }).at;
}

/** How long delivered and failed messages are kept (their idempotency keys with them). */
export const OUTBOX_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Deletes delivered and failed messages older than OUTBOX_TTL_MS, adding them to the kept counts so
 * outboxCounts does not change; pending messages are never pruned. Returns how many rows went.
 */
export function pruneOutbox(db: Db, now: number): number {
  return db.transaction(() => {
    const cutoff = now - OUTBOX_TTL_MS;
    for (const row of prepared(db, SQL.countOld).all(cutoff) as { status: string; n: number }[]) prepared(db, SQL.keepCount).run(row.status, row.n);
    return prepared(db, SQL.deleteOld).run(cutoff).changes;
  })();
}

/** Messages by state, those pruned included. */
export function outboxCounts(db: Db): OutboxCounts {
  const counts: OutboxCounts = { pending: 0, sent: 0, failed: 0 };
  for (const row of prepared(db, SQL.counts).all() as { status: keyof OutboxCounts; n: number }[]) counts[row.status] = row.n;
  return counts;
}

/** Every message still waiting for one chat, oldest first. */
export function pendingForChat(db: Db, chatId: number): OutboxItem[] {
  return (prepared(db, SQL.pendingForChat).all(chatId) as OutboxRow[]).map(toItem);
}

/** A group upgraded to a supergroup has a new id; what is still queued follows it. */
export function moveChat(db: Db, fromChatId: number, toChatId: number): number {
  return prepared(db, SQL.moveChat).run(toChatId, fromChatId).changes;
}

/** True when a message to `chatId` is still pending after `tries` failed tries (the pending rows are few: indexed by status). */
export function chatIsFailing(db: Db, chatId: number, tries: number): boolean {
  return prepared(db, "SELECT 1 FROM outbox WHERE status = 'pending' AND chat_id = ? AND attempts >= ? LIMIT 1").get(chatId, tries) !== undefined;
}
