import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { groupChat, myChatMemberUpdate } from "../helpers/updates.js";
import type { RecordedCall } from "../helpers/fake-bot-api.js";
import { TEAM_ID } from "../../src/app.js";
import { enqueue, outboxCounts } from "../../src/db/outbox.js";
import { backoffDelayMs, TELEGRAM_LIMITS } from "../../src/outbox/worker.js";
import { createTranslator } from "../../src/shared/i18n.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const translator = createTranslator();

function queue(harness: Harness, chatId: number, key: string, text = key): boolean {
  return enqueue(harness.db, { teamId: TEAM_ID, chatId, kind: "test", key, message: { method: "sendMessage", text } }, harness.clock.now());
}

/** Drains until nothing is pending (retries are immediate with the harness's FAST_OUTBOX). */
async function drainAll(harness: Harness, maxRounds = 100): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    await harness.app.outbox.drain();
    if (outboxCounts(harness.db).pending === 0) return round;
  }
  throw new Error(`outbox still has ${outboxCounts(harness.db).pending} pending after ${maxRounds} drains`);
}

const delivered = (calls: readonly RecordedCall[]) => calls.filter((call) => call.method === "sendMessage" && call.outcome === "ok");

function unreachableNotices(harness: Harness, user: TestUser): string[] {
  return user
    .messages()
    .map((message) => message.text ?? "")
    .filter((text) => /заблокировал|has blocked the bot/.test(text));
}

describe("outbox under faults", () => {
  it("delivers every message exactly once through 429s, 5xx and dropped connections on 20% of calls", async () => {
    h = await startHarness();
    const members = await Promise.all(Array.from({ length: 8 }, (_, i) => h!.member(i === 0 ? "lead" : "manager", { username: `fault_user_${i}` })));
    const chats = [...members.map((member) => member.chatId), -100_555_001, -100_555_002];
    const expected = new Map<string, number>();
    let duplicatesRefused = 0;
    let faultsBefore = 0;
    for (const [phase, retryAfter] of [
      ["a", 0],
      ["b", 1],
    ] as const) {
      h.fake.injectFaults({ rate: 0.2, kinds: ["429", "5xx", "drop"], seed: phase === "a" ? 20261102 : 4242, retryAfter, methods: ["sendMessage"] });
      for (let i = 0; i < 100; i++) {
        const chatId = chats[i % chats.length]!;
        const key = `fault:${phase}:${i}`;
        expect(queue(h, chatId, key, `message ${key}`)).toBe(true);
        expected.set(`message ${key}`, chatId);
        // The same cause queued again (a retried job, a redelivered update) writes nothing.
        if (i % 10 === 0) {
          expect(queue(h, chatId, key, `message ${key} (again)`)).toBe(false);
          duplicatesRefused++;
        }
      }
      await drainAll(h);
      h.fake.injectFaults(null);
      faultsBefore = h.fake.faultCounts.total;
    }
    const sends = delivered(h.fake.calls);
    const byText = new Map<string, RecordedCall[]>();
    for (const call of sends) byText.set(String(call.payload.text), [...(byText.get(String(call.payload.text)) ?? []), call]);
    const lost = [...expected.keys()].filter((text) => !byText.has(text));
    const doubled = [...byText.entries()].filter(([, calls]) => calls.length > 1).map(([text]) => text);
    for (const [text, chatId] of expected) expect(Number(byText.get(text)?.[0]?.payload.chat_id)).toBe(chatId);
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    expect(byText.size).toBe(200);
    expect(h.db.prepare("SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE 'fault:%'").pluck().get()).toBe(200);
    expect(outboxCounts(h.db)).toEqual({ pending: 0, sent: 200, failed: 0 });
    const counts = h.fake.faultCounts;
    expect(counts["429"]).toBeGreaterThan(0);
    expect(counts["5xx"]).toBeGreaterThan(0);
    expect(counts.drop).toBeGreaterThan(0);
    console.log(
      `faults: ${faultsBefore} injected (429: ${counts["429"]}, 5xx: ${counts["5xx"]}, dropped: ${counts.drop}), ` +
        `${byText.size} messages delivered, ${lost.length} lost, ${doubled.length} doubled, ${duplicatesRefused} duplicate enqueues written 0 times`,
    );
  });

  it("keeps Telegram's pace: per-chat and per-group spacing, an overall rate, each chat in queue order", async () => {
    // The real limits scaled down 5x so the test takes about a second; the mechanism is the same.
    const limits = { globalPerSecond: 100, perChatIntervalMs: 200, perGroupIntervalMs: 600 };
    h = await startHarness({ outboxLimits: limits });
    const privateChats = [910_001, 910_002, 910_003];
    const group = -100_910_009;
    let n = 0;
    for (let round = 0; round < 4; round++) for (const chatId of privateChats) queue(h, chatId, `pace:${chatId}:${round}`, `pace ${chatId} #${round} (${n++})`);
    for (let round = 0; round < 3; round++) queue(h, group, `pace:${group}:${round}`, `pace ${group} #${round} (${n++})`);
    for (let i = 0; i < 30; i++) queue(h, 920_000 + i, `pace:single:${i}`, `pace single ${i} (${n++})`);
    const started = performance.now();
    await drainAll(h);
    const took = performance.now() - started;
    const sends = delivered(h.fake.calls).filter((call) => String(call.payload.text).startsWith("pace "));
    expect(sends).toHaveLength(n);
    let closest = Infinity;
    for (const chatId of [...privateChats, group]) {
      const toChat = sends.filter((call) => call.payload.chat_id === chatId);
      expect(toChat.map((call) => /#(\d)/.exec(String(call.payload.text))![1])).toEqual(chatId === group ? ["0", "1", "2"] : ["0", "1", "2", "3"]);
      const interval = chatId === group ? limits.perGroupIntervalMs : limits.perChatIntervalMs;
      for (let i = 1; i < toChat.length; i++) {
        const gap = toChat[i]!.at - toChat[i - 1]!.at;
        closest = Math.min(closest, gap / interval);
        expect(gap).toBeGreaterThanOrEqual(interval - 25);
      }
    }
    // 49 messages at 100/s take at least ~0.48 s even though most chats are free.
    expect(took).toBeGreaterThanOrEqual(((n - 1) / limits.globalPerSecond) * 1000 - 50);
    // The real numbers: 1/s per chat, 20/min per group, under 30/s overall (direct replies share that).
    expect(TELEGRAM_LIMITS.perChatIntervalMs).toBeGreaterThanOrEqual(1000);
    expect(TELEGRAM_LIMITS.perGroupIntervalMs).toBeGreaterThanOrEqual(60_000 / 20);
    expect(TELEGRAM_LIMITS.globalPerSecond).toBeLessThanOrEqual(30);
    console.log(`faults: pacing held for ${n} messages in ${Math.round(took)} ms (closest gap ${closest.toFixed(2)}× the interval)`);
  });

  it("keeps a failing message and retries it with a growing delay until Telegram says ok", async () => {
    h = await startHarness({ outboxLimits: { retryDelayMs: backoffDelayMs } });
    const manager = await h.member("manager");
    h.fake.failNext("sendMessage", "500", 3);
    h.fake.failNext("sendMessage", "drop", 1);
    queue(h, manager.chatId, "retry:1", "retry me");
    const row = () => h!.db.prepare("SELECT status, attempts, next_attempt_at, last_error FROM outbox WHERE idempotency_key = 'retry:1'").get() as {
      status: string;
      attempts: number;
      next_attempt_at: number;
      last_error: string | null;
    };
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const before = h.clock.now();
      await h.app.outbox.drain();
      expect(row().status).toBe("pending");
      expect(row().attempts).toBe(attempt);
      delays.push(row().next_attempt_at - before);
      // Not due yet: another drain at the same moment sends nothing.
      await h.app.outbox.drain();
      expect(row().attempts).toBe(attempt);
      h.clock.set(row().next_attempt_at);
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000]);
    await h.app.outbox.drain();
    expect(row().status).toBe("sent");
    expect(manager.messages().filter((message) => message.text === "retry me")).toHaveLength(1);
    // A message that keeps failing for a transient reason is kept, never dropped; the delay stops growing at 10 minutes.
    h.fake.failNext("sendMessage", "502", 12);
    queue(h, manager.chatId, "retry:2", "keeps failing");
    for (let i = 0; i < 12; i++) {
      await h.app.outbox.drain();
      h.clock.advance(backoffDelayMs(99));
    }
    const stuck = h.db.prepare("SELECT status, attempts FROM outbox WHERE idempotency_key = 'retry:2'").get() as { status: string; attempts: number };
    expect(stuck).toEqual({ status: "pending", attempts: 12 });
    expect(backoffDelayMs(99)).toBe(600_000);
    await h.app.outbox.drain();
    expect(manager.messages().filter((message) => message.text === "keeps failing")).toHaveLength(1);
    console.log(`faults: 1 message retried after ${delays.map((d) => d / 1000).join(", ")} s and delivered once; 1 message kept through ${stuck.attempts} transient failures`);
  });

  it("marks a person who blocked the bot unreachable, tells the lead once, and takes them back when they write", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const lead = await h.member("lead", { language_code: "en" });
    const ivan = await h.member("manager", { username: "ivan_blocked", first_name: "Ivan", language_code: "en" });
    // They have talked to the bot, so their language is known; notices are in the recipient's language.
    await founder.send("/start");
    await lead.send("/start");
    h.fake.blockChat(ivan.chatId);
    for (let i = 0; i < 3; i++) queue(h, ivan.chatId, `blocked:${i}`);
    await drainAll(h);
    expect(h.db.prepare("SELECT status FROM outbox WHERE idempotency_key LIKE 'blocked:%'").pluck().all()).toEqual(["failed", "failed", "failed"]);
    expect(ivan.member()?.unreachable).toBe(true);
    expect(unreachableNotices(h, lead)).toEqual([translator.t("en", "outbox-unreachable", { name: "Ivan (@ivan_blocked)" })]);
    // More failures while still blocked: no second notice.
    queue(h, ivan.chatId, "blocked:later");
    await drainAll(h);
    expect(unreachableNotices(h, lead)).toHaveLength(1);
    expect(unreachableNotices(h, founder)).toHaveLength(0);

    // Ivan unblocks the bot and writes: reachable again, messages go through.
    h.fake.unblockChat(ivan.chatId);
    await ivan.send("/help");
    expect(ivan.member()?.unreachable).toBe(false);
    queue(h, ivan.chatId, "after-unblock", "welcome back");
    await drainAll(h);
    expect(ivan.last()?.text).toBe("welcome back");

    // Telegram's own notice of a block (my_chat_member → kicked) counts the same, once.
    await h.dispatch(myChatMemberUpdate(ivan.user, "kicked"));
    expect(ivan.member()?.unreachable).toBe(true);
    h.fake.blockChat(ivan.chatId);
    queue(h, ivan.chatId, "blocked:again");
    await drainAll(h);
    expect(unreachableNotices(h, lead)).toHaveLength(2);

    // When the lead is the one who blocked the bot, the founder hears of it.
    h.fake.blockChat(lead.chatId);
    queue(h, lead.chatId, "lead-blocked");
    await drainAll(h);
    expect(unreachableNotices(h, founder)).toHaveLength(1);
    expect(outboxCounts(h.db).failed).toBe(6);
    console.log(`faults: 3 blocks seen (2 by 403, 1 by Telegram's notice), ${unreachableNotices(h, lead).length + unreachableNotices(h, founder).length} notices, 1 per block`);
  });

  it("re-sends what was queued for an alerts group that removed the bot to the founders, and tells them once", async () => {
    h = await startHarness();
    const founder = await h.member("founder", { language_code: "en" });
    const group = groupChat(-100_777_001);
    await founder.send("/alerts_here", { chat: group });
    h.fake.blockChat(group.id);
    queue(h, group.id, "alert:1", "sweet lie alert");
    queue(h, group.id, "alert:2", "burn alert");
    await drainAll(h);
    const texts = founder.messages().map((message) => message.text);
    expect(texts).toContain("sweet lie alert");
    expect(texts).toContain("burn alert");
    expect(texts.filter((text) => text === translator.t("en", "reliability-alerts-chat-lost"))).toHaveLength(1);
    expect(h.db.prepare("SELECT alert_chat_id FROM teams WHERE id = ?").pluck().get(TEAM_ID)).toBeNull();
    expect(h.db.prepare("SELECT status FROM outbox WHERE chat_id = ?").pluck().all(group.id)).toEqual(["failed", "failed"]);
    console.log("faults: 2 alerts for a lost group re-sent to the founder, 0 lost");
  });

  it("fails a message Telegram refuses (400) after a bounded number of tries, with the reason, and the chat's next messages go on", async () => {
    h = await startHarness({ outboxLimits: { retryDelayMs: backoffDelayMs } });
    const manager = await h.member("manager");
    enqueue(
      h.db,
      { teamId: TEAM_ID, chatId: manager.chatId, kind: "test", key: "refused:1", message: { method: "sendMessage", text: "broken", replyMarkup: { inline_keyboard: [[{ text: "b", callback_data: "x".repeat(100) }]] } } },
      h.clock.now(),
    );
    queue(h, manager.chatId, "refused:next", "after the broken one");
    let drains = 0;
    while (outboxCounts(h.db).pending > 0 && drains < 50) {
      await h.app.outbox.drain();
      h.clock.advance(backoffDelayMs(99));
      drains++;
    }
    const row = h.db.prepare("SELECT status, attempts, last_error FROM outbox WHERE idempotency_key = 'refused:1'").get() as { status: string; attempts: number; last_error: string };
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(TELEGRAM_LIMITS.permanentTries);
    expect(row.last_error).toMatch(/^400 .*BUTTON_DATA_INVALID/);
    expect(manager.messages().map((message) => message.text)).toContain("after the broken one");
    expect(outboxCounts(h.db)).toEqual({ pending: 0, sent: 1, failed: 1 });
    console.log(`faults: 1 refused message failed after ${row.attempts} tries ("${row.last_error}"), the chat's next message delivered after ${drains} drains`);
  });

  it("hands alerts to the founders' private chats, with one message saying why, when the alerts group mutes the bot (400 not enough rights)", async () => {
    h = await startHarness({ outboxLimits: { retryDelayMs: backoffDelayMs } });
    const founder = await h.member("founder", { language_code: "en" });
    const cofounder = await h.member("founder", { language_code: "en" });
    // They have talked to the bot, so their language is known.
    await founder.send("/start");
    await cofounder.send("/start");
    const group = groupChat(-100_777_002);
    await founder.send("/alerts_here", { chat: group });
    h.fake.refuseChat(group.id, "Bad Request: not enough rights to send text messages to the chat");
    for (let i = 1; i <= 3; i++) queue(h, group.id, `muted:${i}`, `muted alert ${i}`);
    let drains = 0;
    while (outboxCounts(h.db).pending > 0 && drains < 50) {
      await h.app.outbox.drain();
      h.clock.advance(backoffDelayMs(99));
      drains++;
    }
    const why = translator.t("en", "reliability-alerts-chat-refused");
    for (const person of [founder, cofounder]) {
      const texts = person.messages().map((message) => message.text);
      for (let i = 1; i <= 3; i++) expect(texts.filter((text) => text === `muted alert ${i}`)).toHaveLength(1);
      expect(texts.filter((text) => text === why)).toHaveLength(1);
    }
    expect(h.db.prepare("SELECT alert_chat_id FROM teams WHERE id = ?").pluck().get(TEAM_ID)).toBeNull();
    const tries = h.fake.calls.filter((call) => call.payload.chat_id === group.id && call.fault === "refused").length;
    // Bounded: each queued alert is tried at most permanentTries times before the group is given up.
    expect(tries).toBeGreaterThanOrEqual(TELEGRAM_LIMITS.permanentTries);
    expect(tries).toBeLessThanOrEqual(3 * TELEGRAM_LIMITS.permanentTries);
    expect(h.db.prepare("SELECT status FROM outbox WHERE chat_id = ?").pluck().all(group.id)).toEqual(["failed", "failed", "failed"]);
    expect(outboxCounts(h.db).pending).toBe(0);
    // The next round of drains does not touch the muted group again.
    await h.app.outbox.drain();
    expect(h.fake.calls.filter((call) => call.payload.chat_id === group.id && call.fault === "refused")).toHaveLength(tries);
    console.log(`faults: muted alerts group tried ${tries} times, 3 alerts re-sent to 2 founders with 1 notice each, ${drains} drains`);
  });
});
