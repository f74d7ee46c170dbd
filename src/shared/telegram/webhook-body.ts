import type { IncomingMessage } from "node:http";
import type { Update } from "grammy/types";

/** Telegram's updates are a few KB; a body this large is not from Telegram and is not read further. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type WebhookBody = { update: Update } | { status: 400 | 413; reason: string };

/**
 * Reads and checks a webhook POST body before anything is recorded: at most MAX_WEBHOOK_BODY_BYTES,
 * JSON, an object whose update_id is a positive integer (the dedupe key).
 */
export function readWebhookBody(req: IncomingMessage): Promise<WebhookBody> {
  const declared = Number(req.headers["content-length"]);
  if (declared > MAX_WEBHOOK_BODY_BYTES) return Promise.resolve({ status: 413, reason: `body of ${declared} bytes` });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_WEBHOOK_BODY_BYTES) return void chunks.push(chunk);
      req.off("data", onData);
      // Keep draining without storing, so the 413 reaches the sender instead of a reset connection.
      req.resume();
      resolve({ status: 413, reason: `body over ${MAX_WEBHOOK_BODY_BYTES} bytes` });
    };
    req.on("data", onData);
    req.once("error", reject);
    req.once("end", () => {
      if (size > MAX_WEBHOOK_BODY_BYTES) return;
      resolve(parseUpdate(Buffer.concat(chunks).toString("utf8")));
    });
  });
}

function parseUpdate(raw: string): WebhookBody {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { status: 400, reason: "body is not JSON" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { status: 400, reason: "body is not an object" };
  const updateId = (body as { update_id?: unknown }).update_id;
  if (typeof updateId !== "number" || !Number.isSafeInteger(updateId) || updateId <= 0) return { status: 400, reason: "update_id is not a positive integer" };
  return { update: body as Update };
}
