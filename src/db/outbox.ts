import type { InlineKeyboardMarkup } from "grammy/types";
import type { Db } from "./open.js";

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

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO outbox (team_id, idempotency_key, chat_id, kind, payload, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
    ),
    due: db.prepare(
      "SELECT id, team_id, idempotency_key, chat_id, kind, payload, attempts FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
    ),
    sent: db.prepare("UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending'"),
    retry: db.prepare("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?"),
    failed: db.prepare("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?"),
    nextDue: db.prepare("SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'"),
  };
}

function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

/** Queues a message; returns false when the key was queued before (nothing new written). */
export function enqueue(db: Db, input: EnqueueInput, now: number): boolean {
  const result = stmts(db).insert.run(input.teamId, input.key, input.chatId, input.kind, JSON.stringify(input.message), now, now);
  return result.changes === 1;
}

export function dueMessages(db: Db, now: number, limit: number): OutboxItem[] {
  const rows = stmts(db).due.all(now, limit) as {
    id: number;
    team_id: number;
    idempotency_key: string;
    chat_id: number;
    kind: string;
    payload: string;
    attempts: number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    teamId: row.team_id,
    key: row.idempotency_key,
    chatId: row.chat_id,
    kind: row.kind,
    message: JSON.parse(row.payload) as OutboxMessage,
    attempts: row.attempts,
  }));
}

export function markSent(db: Db, id: number, messageId: number, now: number): void {
  stmts(db).sent.run(now, messageId, id);
}

export function scheduleRetry(db: Db, id: number, at: number, error: string): void {
  stmts(db).retry.run(at, error.slice(0, 500), id);
}

/** Only for errors that can never succeed (the chat is gone); everything else is retried. */
export function markFailed(db: Db, id: number, error: string): void {
  stmts(db).failed.run(error.slice(0, 500), id);
}

export function nextDueAt(db: Db): number | null {
  return (stmts(db).nextDue.get() as { at: number | null }).at;
}
