import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { groupChat } from "../helpers/updates.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { createTokenBuckets, RATE_LIMIT } from "../../src/bot/middleware/rate-limit.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const slowDown = createTranslator().t("en", "reliability-slow-down");
const totalChanges = (harness: Harness) => harness.db.prepare("SELECT total_changes()").pluck().get() as number;
const invites = (harness: Harness) => harness.db.prepare("SELECT COUNT(*) FROM invites WHERE token NOT LIKE 'claim-%'").pluck().get() as number;

describe("per-user flood limit", () => {
  it("never limits 20 commands in 10 s; tells a flood 'not saved, slow down' once a minute, drops the rest and writes nothing for it", async () => {
    h = await startHarness();
    const lead = await h.member("lead", { language_code: "en" });
    const other = await h.member("manager", { language_code: "en" });

    // A script: 20 commands in 10 s, all handled.
    for (let i = 0; i < 20; i++) {
      const replies = await lead.send("/invite manager");
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toMatch(/start=/);
      h.clock.advance(500);
    }
    // The same script at once (a burst of 20 after a pause) is fine too.
    h.clock.advance(60_000);
    for (let i = 0; i < 20; i++) expect((await lead.send("/invite manager"))[0]!.text).toMatch(/start=/);
    expect(invites(h)).toBe(40);

    // A flood: 60 in 2 s. The excess is not saved: the first of it is answered "slow down", the rest dropped.
    h.clock.advance(60_000);
    let handled = 0;
    let limited = 0;
    let dropped = 0;
    let othersServed = 0;
    await other.send("/help"); // their first update stores their language; not part of the count below
    const writesBefore = totalChanges(h);
    for (let i = 0; i < 60; i++) {
      const replies = await lead.send("/invite manager");
      expect(replies.length).toBeLessThanOrEqual(1);
      if (replies.length === 0) dropped++;
      else if (replies[0]!.text === slowDown) limited++;
      else if (/start=/.test(replies[0]!.text ?? "")) handled++;
      if (i % 6 === 0) {
        // Someone else in the team is not slowed down by the flood.
        const mine = await other.send("/help");
        expect(mine[0]!.text).toMatch(/What you can do/);
        othersServed++;
      }
      h.clock.advance(2000 / 60);
    }
    expect(handled + limited + dropped).toBe(60);
    expect(limited).toBe(1);
    expect(dropped).toBeGreaterThanOrEqual(20);
    expect(handled).toBeLessThanOrEqual(RATE_LIMIT.capacity + 2 * RATE_LIMIT.refillPerSecond);
    expect(invites(h)).toBe(40 + handled);
    // Per handled command: its id, the invite; per /help of the other user: its id. Nothing for the excess.
    const writes = totalChanges(h) - writesBefore;
    expect(writes).toBe(2 * handled + othersServed);

    // A limited button press in the same minute is dropped too; after a short pause everything works again.
    const pressed = await lead.press("lang:en");
    expect(pressed).toHaveLength(0);
    expect(pressed.answer).toBeUndefined();
    h.clock.advance(5_000);
    expect((await lead.send("/invite manager"))[0]!.text).toMatch(/start=/);
    // A new flood a minute later is told once again.
    h.clock.advance(60_000);
    const second: string[] = [];
    for (let i = 0; i < 40; i++) second.push(...(await lead.send("/invite manager")).map((reply) => reply.text ?? ""));
    expect(second.filter((text) => text === slowDown)).toHaveLength(1);
    console.log(
      `rate limit: 40 script commands never limited; flood of 60 in 2 s: ${handled} handled, 1 told "slow down", ${dropped} dropped, ${writes} rows written (2 per handled command, 1 per /help of another user, 0 for the excess); ${othersServed} commands of another user unaffected`,
    );
  });

  it("a stranger's flood of 500 gets one explanation and writes nothing; the next day one more", async () => {
    h = await startHarness();
    const stranger = h.stranger({ language_code: "en" });
    const before = totalChanges(h);
    let replies = 0;
    for (let i = 0; i < 500; i++) {
      replies += (await stranger.send(i % 2 ? `hello ${i}` : "/help")).length;
      if (i % 50 === 0) h.clock.advance(1000);
    }
    const writes = totalChanges(h) - before;
    expect(replies).toBe(1);
    expect(writes).toBe(0);
    expect(stranger.messages().map((sent) => sent.text)).toEqual([createTranslator().t("en", "stranger-explain")]);
    h.clock.advance(24 * 3600_000);
    expect(await stranger.send("hello again")).toHaveLength(1);
    console.log(`rate limit: a stranger's 500 messages got ${replies} reply and ${writes} rows written; a day later one more explanation`);
  });

  it("does not count group chatter, and a token bucket refills on the injected clock", async () => {
    h = await startHarness();
    const manager = await h.member("manager", { language_code: "en" });
    const group = groupChat(-100_123_456);
    for (let i = 0; i < 80; i++) expect(await manager.send(`chatting ${i}`, { chat: group })).toHaveLength(0);
    const help = await manager.send("/help@sales_control_bot", { chat: group });
    expect(help[0]!.text).toMatch(/What you can do/);

    const buckets = createTokenBuckets({ capacity: 3, refillPerSecond: 1 });
    expect([1, 2, 3, 4].map(() => buckets.take(7, 0))).toEqual([true, true, true, false]);
    expect(buckets.take(8, 0)).toBe(true);
    expect(buckets.take(7, 999)).toBe(false);
    expect(buckets.take(7, 1000)).toBe(true);
    // A clock set backwards refills nothing and breaks nothing.
    expect(buckets.take(7, 0)).toBe(false);
  });
});
