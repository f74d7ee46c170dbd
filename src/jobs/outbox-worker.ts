import { GrammyError, InputFile, type Api } from "grammy";
import type { Db } from "../db/open.js";
import { dueMessages, enqueue, markFailed, markSent, scheduleRetry, type OutboxItem } from "../db/outbox.js";
import { listMembers, setUnreachable } from "../db/members.js";
import type { Translator } from "../bot/i18n.js";
import type { Clock } from "../bot/context.js";
import type { Logger } from "../logger.js";

export interface OutboxLimits {
  /** Telegram: about 30 messages a second overall. */
  globalPerSecond: number;
  /** Telegram: one message a second per private chat. */
  perChatIntervalMs: number;
  /** Telegram: 20 messages a minute per group. */
  perGroupIntervalMs: number;
  /** Messages in flight at once. */
  concurrency: number;
  /** Delay before retrying a message that failed (by attempts made so far). */
  retryDelayMs: (attempts: number) => number;
}

export const TELEGRAM_LIMITS: OutboxLimits = {
  globalPerSecond: 29,
  perChatIntervalMs: 1000,
  perGroupIntervalMs: 3000,
  concurrency: 8,
  retryDelayMs: (attempts) => Math.min(10 * 60_000, 5_000 * 2 ** Math.min(attempts, 7)),
};

export interface OutboxWorkerDeps {
  db: Db;
  api: Api;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  limits?: Partial<OutboxLimits>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Delivers queued messages within Telegram's limits. A message is marked sent only after
 * Telegram said ok; a failure is retried later (never dropped) unless the chat is gone for good.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const limits = { ...TELEGRAM_LIMITS, ...deps.limits };
  const globalInterval = 1000 / limits.globalPerSecond;
  let nextGlobalSlot = 0;
  const nextChatSlot = new Map<number, number>();
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function takeGlobalSlot(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, nextGlobalSlot);
    nextGlobalSlot = slot + globalInterval;
    if (slot > now) await sleep(slot - now);
  }

  async function send(item: OutboxItem): Promise<void> {
    const { message } = item;
    const other = { reply_markup: message.replyMarkup, link_preview_options: { is_disabled: true } };
    if (message.method === "sendMessage") {
      return void (await deps.api.sendMessage(item.chatId, message.text, other).then((sent) => markSent(deps.db, item.id, sent.message_id, deps.clock.now())));
    }
    const file = new InputFile(Buffer.from(message.file?.base64 ?? "", "base64"), message.file?.filename);
    const sent =
      message.method === "sendPhoto"
        ? await deps.api.sendPhoto(item.chatId, file, { caption: message.text, reply_markup: message.replyMarkup })
        : await deps.api.sendDocument(item.chatId, file, { caption: message.text, reply_markup: message.replyMarkup });
    markSent(deps.db, item.id, sent.message_id, deps.clock.now());
  }

  function onFailure(item: OutboxItem, error: unknown): void {
    const now = deps.clock.now();
    if (error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found|user is deactivated/i.test(error.description)))) {
      markFailed(deps.db, item.id, error.description);
      const member = setUnreachable(deps.db, item.teamId, item.chatId, true);
      if (member) tellLeadsUnreachable(item.teamId, member.username ?? member.firstName, item.chatId, now);
      deps.logger.warn({ chatId: item.chatId, kind: item.kind }, "chat unreachable; message kept as failed");
      return;
    }
    const description = error instanceof Error ? error.message : String(error);
    scheduleRetry(deps.db, item.id, now + limits.retryDelayMs(item.attempts), description);
    deps.logger.warn({ chatId: item.chatId, kind: item.kind, attempts: item.attempts + 1, error: description }, "delivery failed; will retry");
  }

  function tellLeadsUnreachable(teamId: number, name: string, chatId: number, now: number): void {
    const leads = listMembers(deps.db, teamId, "lead").filter((lead) => lead.userId !== chatId);
    for (const lead of leads) {
      const t = deps.translator.forLocale(lead.locale ?? "ru");
      enqueue(
        deps.db,
        { teamId, chatId: lead.chatId ?? lead.userId, kind: "unreachable", key: `unreachable:${chatId}:${now}:${lead.id}`, message: { method: "sendMessage", text: t("outbox-unreachable", { name }) } },
        now,
      );
    }
  }

  async function deliver(item: OutboxItem): Promise<boolean> {
    const interval = item.chatId < 0 ? limits.perGroupIntervalMs : limits.perChatIntervalMs;
    const chatReady = nextChatSlot.get(item.chatId) ?? 0;
    if (chatReady > performance.now()) return false;
    nextChatSlot.set(item.chatId, performance.now() + interval);
    await takeGlobalSlot();
    try {
      await send(item);
    } catch (error) {
      onFailure(item, error);
    }
    return true;
  }

  /** Sends every message due now; returns how many were attempted. */
  async function drainOnce(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const due = dueMessages(deps.db, deps.clock.now(), 200);
      if (due.length === 0) return attempted;
      const queue = [...due];
      let progressed = false;
      const workers = Array.from({ length: Math.min(limits.concurrency, queue.length) }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          if (await deliver(item)) {
            attempted++;
            progressed = true;
          }
        }
      });
      await Promise.all(workers);
      if (!progressed) {
        // Only chats still inside their per-chat interval are left: wait for the earliest.
        const earliest = Math.min(...due.map((item) => nextChatSlot.get(item.chatId) ?? 0));
        await sleep(Math.max(5, earliest - performance.now()));
      }
      if (stopped) return attempted;
    }
  }

  /** Runs a drain, coalescing kicks that arrive meanwhile into one more pass. */
  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drainOnce();
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    drain,
    kick(): void {
      if (!stopped) void drain().catch((error) => deps.logger.error({ err: error }, "outbox drain failed"));
    },
    /** Polls for retries that came due; the database says what is due. */
    start(intervalMs = 1000): void {
      stopped = false;
      const tick = () => {
        void drain()
          .catch((error) => deps.logger.error({ err: error }, "outbox drain failed"))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, intervalMs);
          });
      };
      tick();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
