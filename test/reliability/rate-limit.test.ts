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
const invites = (harness: Harness) => harness.db.prepare("SELECT COUNT(*) FROM invites WHERE token NOT LIKE 'claim-%'").pluck().get() as number;

describe("per-user flood limit", () => {
  it("never limits 20 commands in 10 s, answers a flood's excess 'not saved, slow down' and saves nothing for it", async () => {
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

    // A flood: 60 in 2 s. Every one is answered; the excess is not saved.
    h.clock.advance(60_000);
    let handled = 0;
    let limited = 0;
    let othersServed = 0;
    for (let i = 0; i < 60; i++) {
      const replies = await lead.send("/invite manager");
      expect(replies).toHaveLength(1);
      if (replies[0]!.text === slowDown) limited++;
      else if (/start=/.test(replies[0]!.text ?? "")) handled++;
      if (i % 6 === 0) {
        // Someone else in the team is not slowed down by the flood.
        const mine = await other.send("/help");
        expect(mine[0]!.text).toMatch(/What you can do/);
        othersServed++;
      }
      h.clock.advance(2000 / 60);
    }
    expect(handled + limited).toBe(60);
    expect(limited).toBeGreaterThanOrEqual(20);
    expect(handled).toBeLessThanOrEqual(RATE_LIMIT.capacity + 2 * RATE_LIMIT.refillPerSecond);
    expect(invites(h)).toBe(40 + handled);

    // A limited button press is answered too; after a short pause everything works again.
    const pressed = await lead.press("lang:en");
    expect(pressed.answer).toBe(slowDown);
    h.clock.advance(5_000);
    expect((await lead.send("/invite manager"))[0]!.text).toMatch(/start=/);
    console.log(`rate limit: 40 script commands never limited; flood of 60 in 2 s: ${handled} handled, ${limited} answered "slow down" and not saved; ${othersServed} commands of another user unaffected`);
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
