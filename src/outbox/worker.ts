import { GrammyError, InputFile, type Api } from "grammy";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/open.js";
import { dueMessages, enqueue, markFailed, markSent, moveChat, pendingForChat, scheduleRetry, type OutboxItem } from "../db/outbox.js";
import { listMembers, setUnreachable, type Member } from "../db/members.js";
import { getTeam, updateTeamSetting } from "../db/teams.js";
import type { Translator } from "../shared/i18n.js";
import type { Clock } from "../shared/clock.js";
import type { Logger } from "../shared/logger.js";
import { memberName } from "../shared/format.js";
import { storageFaultOf, type StorageAlarm } from "./storage-alarm.js";

export interface OutboxLimits {
  /** Telegram allows about 30 messages a second overall; direct replies share that budget. */
  globalPerSecond: number;
  /** Telegram: one message a second per private chat. */
  perChatIntervalMs: number;
  /** Telegram: 20 messages a minute per group. */
  perGroupIntervalMs: number;
  /** Messages in flight at once (never two to the same chat). */
  concurrency: number;
  /** Delay before retrying a message that failed, by attempts made so far (injected-clock ms). */
  retryDelayMs: (attempts: number) => number;
  /** Attempts of one message within one drain; after that it waits for the next tick instead of spinning. */
  triesPerDrain: number;
  /** A drain waits for a paced chat at most this long (wall-clock ms); longer waits are left to the next tick. */
  maxPacingWaitMs: number;
  /** Tries of a message Telegram refuses as a bad request before it is failed, so the chat's next messages go on. */
  permanentTries: number;
}

/** Backoff for a message that keeps failing: 5 s, 10 s, 20 s … capped at 10 minutes. It is never dropped. */
export function backoffDelayMs(attempts: number): number {
  return Math.min(10 * 60_000, 5_000 * 2 ** Math.min(attempts, 7));
}

export const TELEGRAM_LIMITS: OutboxLimits = {
  // Just under Telegram's 30 a second: a round of 1,000 check-up prompts takes 36 s (25 took 40 s, too slow
  // for the bench's 1.15 × 1000/30 s); the 2 a second left over and the reply auto-retry absorb direct replies.
  globalPerSecond: 28,
  perChatIntervalMs: 1000,
  perGroupIntervalMs: 3000,
  concurrency: 8,
  retryDelayMs: backoffDelayMs,
  triesPerDrain: 3,
  maxPacingWaitMs: 5000,
  permanentTries: 3,
};

export interface OutboxWorkerDeps {
  db: Db;
  /** Should carry a bounded auto-retry (app.ts: 2 attempts, ≤ 30 s) that rethrows network errors and 5xx. */
  api: Api;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  limits?: Partial<OutboxLimits>;
  /** Told when the database refuses writes; while it does, the worker pauses. */
  storageAlarm?: StorageAlarm;
}

export interface UnreachableDeps {
  db: Db;
  translator: Translator;
  logger: Logger;
}

type ApiSignal = Parameters<Api["sendMessage"]>[3];

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

/**
 * A person's private chat refused our messages (blocked the bot, deleted the account). Marks them
 * unreachable and, only on the transition, tells the lead (the founders when the person is the lead
 * or there is no lead). Called by the outbox on a 403 and by the bot when Telegram reports the block.
 */
export function reportUnreachable(deps: UnreachableDeps, teamId: number, chatId: number, now: number): Member | undefined {
  return deps.db.transaction(() => {
    const member = setUnreachable(deps.db, teamId, chatId, true);
    if (!member) return undefined;
    let recipients = listMembers(deps.db, teamId, "lead").filter((lead) => lead.id !== member.id);
    if (recipients.length === 0) recipients = listMembers(deps.db, teamId, "founder").filter((founder) => founder.id !== member.id);
    const team = getTeam(deps.db, teamId);
    // The guarded UPDATE above is what makes the notice once per block; the key only has to be new.
    const transition = `${member.id}:${now}:${randomUUID().slice(0, 8)}`;
    for (const recipient of recipients) {
      const t = deps.translator.forLocale(recipient.locale ?? team?.locale ?? "ru");
      enqueue(
        deps.db,
        {
          teamId,
          chatId: recipient.chatId ?? recipient.userId,
          kind: "unreachable",
          key: `unreachable:${transition}:${recipient.id}`,
          message: { method: "sendMessage", text: t("outbox-unreachable", { name: memberName(member) }) },
        },
        now,
      );
    }
    deps.logger.warn({ memberId: member.id, told: recipients.length }, "member unreachable");
    return member;
  })();
}

/**
 * The alerts group threw the bot out: alerts fall back to the founders' private chats (where alerts go by default),
 * every message still queued for the group is re-queued to them, and they are told once.
 */
function rerouteAlertChat(deps: UnreachableDeps, item: OutboxItem, now: number, reason: "reliability-alerts-chat-lost" | "reliability-alerts-chat-refused"): boolean {
  return deps.db.transaction(() => {
    const team = getTeam(deps.db, item.teamId);
    if (!team || team.alertChatId !== item.chatId) return false;
    updateTeamSetting(deps.db, team.id, "alertChatId", null);
    const founders = listMembers(deps.db, team.id, "founder");
    const stranded = [item, ...pendingForChat(deps.db, item.chatId).filter((other) => other.id !== item.id)];
    for (const founder of founders) {
      const chatId = founder.chatId ?? founder.userId;
      const t = deps.translator.forLocale(founder.locale ?? team.locale);
      enqueue(
        deps.db,
        { teamId: team.id, chatId, kind: "alerts-chat-lost", key: `alerts-chat-lost:${item.chatId}:${now}:${founder.id}`, message: { method: "sendMessage", text: t(reason) } },
        now,
      );
      for (const message of stranded) {
        enqueue(deps.db, { teamId: message.teamId, chatId, kind: message.kind, key: `${message.key}>founder:${founder.id}`, message: message.message }, now);
      }
    }
    for (const message of stranded) markFailed(deps.db, message.id, `alerts chat ${reason === "reliability-alerts-chat-lost" ? "lost" : "refused"}; re-sent to ${founders.length} founder(s)`);
    deps.logger.warn({ chatId: item.chatId, rerouted: stranded.length }, "alerts chat unreachable; alerts go to the founders");
    return true;
  })();
}

/** Errors after which the same request can never succeed: the chat is gone for the bot. */
function isChatGone(error: unknown): error is GrammyError {
  return (
    error instanceof GrammyError &&
    (error.error_code === 403 || (error.error_code === 400 && /chat not found|user is deactivated|bot was kicked|not a member/i.test(error.description)))
  );
}

/**
 * A bad request (400, e.g. "not enough rights" in a muted group, a broken button): the same message
 * will be refused again, though the chat may take others. 429 and group migrations are not this.
 */
function isRefused(error: unknown): error is GrammyError {
  return error instanceof GrammyError && error.error_code === 400 && error.parameters.migrate_to_chat_id === undefined;
}

/**
 * Delivers queued messages within Telegram's limits (one message a second per chat, 20 a minute per
 * group, about 30 a second overall; never two in flight to one chat, each chat in queue order).
 *
 * A message is marked sent only when Telegram answered ok. A failure keeps it pending with a growing
 * delay; the api's bounded auto-retry absorbs short 429s. A bad request (400) is failed with its
 * reason after `permanentTries`, so one refused message does not hold up its chat. When the
 * chat is gone (403, chat not found) the row is kept as `failed` and the person is marked
 * unreachable, their lead told once. Delivery is at-least-once: a crash between Telegram's ok and
 * the `sent` mark resends that one message after a restart (the Bot API has no idempotency key).
 */
export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const limits: OutboxLimits = { ...TELEGRAM_LIMITS, ...deps.limits };
  const globalInterval = 1000 / limits.globalPerSecond;
  let nextGlobalSlot = 0;
  /** Wall-clock (performance.now) moment each chat may get its next message: pacing and retry_after. */
  const chatReadyAt = new Map<number, number>();
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  /**
   * Messages Telegram took whose `sent` mark the database refused (full disk, read-only file): kept here so
   * they are never sent again, and marked when writes work again.
   */
  const sentUnmarked = new Map<number, { messageId: number; at: number }>();
  /** Set when a write failed for the disk's sake: the drain stops until the next tick. */
  let paused = false;
  /** Aborted by stop(): cuts pacing waits at once. */
  let pacing = new AbortController();
  /** Aborted only when a stop's grace period ran out: a request cut on the wire may have been delivered. */
  let requests = new AbortController();

  const intervalFor = (chatId: number) => (chatId < 0 ? limits.perGroupIntervalMs : limits.perChatIntervalMs);

  async function takeGlobalSlot(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, nextGlobalSlot);
    nextGlobalSlot = slot + globalInterval;
    if (slot > now) await sleep(slot - now, pacing.signal);
  }

  async function send(item: OutboxItem, abortSignal: AbortSignal): Promise<number> {
    // grammY types its signal with the abort-controller shim; the platform AbortSignal is what it uses at run time.
    const signal = abortSignal as unknown as ApiSignal;
    const { message } = item;
    if (message.method === "sendMessage") {
      const sent = await deps.api.sendMessage(item.chatId, message.text, { reply_markup: message.replyMarkup, link_preview_options: { is_disabled: true } }, signal);
      return sent.message_id;
    }
    const file = new InputFile(Buffer.from(message.file?.base64 ?? "", "base64"), message.file?.filename);
    const other = { caption: message.text, reply_markup: message.replyMarkup };
    const sent = message.method === "sendPhoto" ? await deps.api.sendPhoto(item.chatId, file, other, signal) : await deps.api.sendDocument(item.chatId, file, other, signal);
    return sent.message_id;
  }

  function onFailure(item: OutboxItem, error: unknown): void {
    const now = deps.clock.now();
    if (isChatGone(error)) {
      if (item.chatId < 0 && rerouteAlertChat(deps, item, now, "reliability-alerts-chat-lost")) return;
      markFailed(deps.db, item.id, error.description);
      if (item.chatId > 0) reportUnreachable(deps, item.teamId, item.chatId, now);
      deps.logger.warn({ chatId: item.chatId, kind: item.kind, code: error.error_code }, "chat unreachable; message kept as failed");
      return;
    }
    if (isRefused(error) && item.attempts + 1 >= limits.permanentTries) {
      // Failed with the reason so the chat's next messages go on; an alerts group that refuses us hands alerts to the founders.
      if (item.chatId < 0 && /not enough rights|have no rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED/i.test(error.description) && rerouteAlertChat(deps, item, now, "reliability-alerts-chat-refused")) return;
      markFailed(deps.db, item.id, `${error.error_code} ${error.description}`);
      deps.logger.warn({ chatId: item.chatId, kind: item.kind, attempts: item.attempts + 1, error: error.description }, "message refused by Telegram; marked failed");
      return;
    }
    const migratedTo = error instanceof GrammyError ? error.parameters.migrate_to_chat_id : undefined;
    if (migratedTo !== undefined) {
      // A group became a supergroup: everything queued for it (and the alert route) follows it.
      deps.db.transaction(() => {
        moveChat(deps.db, item.chatId, migratedTo);
        const team = getTeam(deps.db, item.teamId);
        if (team?.alertChatId === item.chatId) updateTeamSetting(deps.db, team.id, "alertChatId", migratedTo);
      })();
      deps.logger.info({ from: item.chatId, to: migratedTo }, "group migrated; queue moved");
      return;
    }
    // A 429 the auto-retry gave back (retry_after over its bound): that chat waits as told; the
    // overall pace already stays under Telegram's, so other chats go on.
    const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
    if (retryAfter !== undefined) chatReadyAt.set(item.chatId, performance.now() + retryAfter * 1000);
    const description = error instanceof GrammyError ? `${error.error_code} ${error.description}` : error instanceof Error ? error.message : String(error);
    scheduleRetry(deps.db, item.id, now + limits.retryDelayMs(item.attempts), description);
    deps.logger.warn({ chatId: item.chatId, kind: item.kind, attempts: item.attempts + 1, error: description }, "delivery failed; will retry");
  }

  async function deliver(item: OutboxItem): Promise<void> {
    // Reserve the chat at once (nothing else of it is picked meanwhile), then time its interval from the real send.
    chatReadyAt.set(item.chatId, Infinity);
    await takeGlobalSlot();
    chatReadyAt.set(item.chatId, performance.now() + intervalFor(item.chatId));
    if (stopped || paused) return;
    const signal = requests.signal;
    let messageId: number;
    try {
      messageId = await send(item, signal);
    } catch (error) {
      // Stopping: the message stays pending exactly as it was and goes out after the restart.
      if (signal.aborted) return;
      recording(() => onFailure(item, error));
      return;
    }
    const at = deps.clock.now();
    if (!recording(() => markSent(deps.db, item.id, messageId, at))) sentUnmarked.set(item.id, { messageId, at });
  }

  /** Runs a write; a storage fault pauses the worker and raises the alarm instead of failing the drain. */
  function recording(write: () => void): boolean {
    try {
      write();
      return true;
    } catch (error) {
      if (!storageFaultOf(error)) throw error;
      paused = true;
      if (!deps.storageAlarm?.raise(error)) deps.logger.error({ err: error }, "outbox could not record a delivery");
      return false;
    }
  }

  /** After a storage fault: writes must work again (the probe, then the remembered marks) before anything is sent. */
  function resume(): boolean {
    if (deps.storageAlarm && !deps.storageAlarm.probe(deps.clock.now())) return false;
    for (const [id, sent] of sentUnmarked) {
      if (!recording(() => markSent(deps.db, id, sent.messageId, sent.at))) return false;
      sentUnmarked.delete(id);
    }
    paused = false;
    return true;
  }

  async function inParallel(items: OutboxItem[], work: (item: OutboxItem) => Promise<void>): Promise<void> {
    const queue = [...items];
    const lanes = Array.from({ length: Math.min(limits.concurrency, queue.length) }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) await work(item);
    });
    await Promise.all(lanes);
  }

  /** Sends what is due now; returns how many sends were attempted. */
  async function drainOnce(): Promise<number> {
    const tries = new Map<number, number>();
    let attempted = 0;
    if ((paused || sentUnmarked.size > 0 || deps.storageAlarm?.fault) && !resume()) {
      await deps.storageAlarm?.told();
      return 0;
    }
    while (!stopped && !paused) {
      const heads = dueMessages(deps.db, deps.clock.now(), 1000).filter((item) => (tries.get(item.id) ?? 0) < limits.triesPerDrain && !sentUnmarked.has(item.id));
      if (heads.length === 0) break;
      const now = performance.now();
      const ready = heads.filter((item) => (chatReadyAt.get(item.chatId) ?? 0) <= now);
      if (ready.length === 0) {
        const wait = Math.min(...heads.map((item) => chatReadyAt.get(item.chatId) ?? 0)) - now;
        if (wait > limits.maxPacingWaitMs) break;
        await sleep(Math.max(1, wait), pacing.signal);
        continue;
      }
      for (const item of ready) tries.set(item.id, (tries.get(item.id) ?? 0) + 1);
      await inParallel(ready, deliver);
      attempted += ready.length;
    }
    await deps.storageAlarm?.told();
    return attempted;
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
      if (!stopped) void drain().catch((error: unknown) => deps.logger.error({ err: error }, "outbox drain failed"));
    },
    /** Polls for retries that came due; the database says what is due. */
    start(intervalMs = 1000): void {
      stopped = false;
      pacing = new AbortController();
      requests = new AbortController();
      const tick = () => {
        void drain()
          .catch((error: unknown) => deps.logger.error({ err: error }, "outbox drain failed"))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, intervalMs);
          });
      };
      tick();
    },
    /**
     * Stops taking messages; sends already on the wire get `graceMs` to finish (an abandoned one
     * stays pending and goes out after the next start, possibly a second time).
     */
    async stop(graceMs = 5000): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      pacing.abort();
      const cut = setTimeout(() => requests.abort(), graceMs);
      await running?.catch(() => undefined);
      clearTimeout(cut);
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
