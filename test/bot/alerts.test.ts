/** /alerts and [Mute this kind for a week]: what the founder sees and switches, stored in the database. */
import { afterEach, describe, expect, it } from "vitest";
import { buttonData, buttonStartingWith } from "../helpers/buttons.js";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

const controls = () => h.db.prepare("SELECT kind, off, muted_until FROM alert_kind_controls ORDER BY kind").all();

async function team(): Promise<{ founder: TestUser; manager: TestUser }> {
  // Monday 2 November 2026, 10:00 in Moscow.
  h = await startHarness({ now: "2026-11-02T07:00:00Z" });
  const founder = await h.member("founder", { username: "boss" });
  const manager = await h.member("manager", { username: "ivan_m" });
  return { founder, manager };
}

describe("/alerts", () => {
  it("shows the open conditions with their start and switches a kind off and on again", async () => {
    const { founder } = await team();
    await founder.send("/budget marketing 10000");
    await founder.send("/expense 5000 marketing");
    const alert = founder.messages().find((m) => (m.text ?? "").includes("Перерасход бюджета"));
    expect(alert).toBeDefined();
    const [shown] = await founder.send("/alerts");
    expect(shown!.text).toContain("перерасход бюджета за ноябрь 2026 — с 02.11.2026");
    expect(shown!.text).toContain("• база выгорает: включено");
    expect(buttonData(shown)).toHaveLength(8);
    const replies = await founder.press(buttonStartingWith(shown, "alerts:kind:off:burn-high"), shown);
    expect(replies.answer).toBe("Выключено: база выгорает");
    expect(controls()).toEqual([{ kind: "burn-high", off: 1, muted_until: null }]);
    const edited = h.fake.messageState(founder.chatId, shown!.message_id)!;
    expect(edited.text).toContain("• база выгорает: выключено");
    await founder.press("alerts:kind:on:burn-high", shown);
    expect(controls()).toEqual([{ kind: "burn-high", off: 0, muted_until: null }]);
  });

  it("an alert's [Mute this kind for a week] silences that kind for seven days", async () => {
    const { founder } = await team();
    await founder.send("/budget marketing 10000");
    await founder.send("/expense 5000 marketing");
    const alert = founder.messages().find((m) => (m.text ?? "").includes("Перерасход бюджета"))!;
    const replies = await founder.press(buttonStartingWith(alert, "alerts:mute:budget-overrun"), alert);
    expect(replies.answer).toBe("Заглушено до 09.11.2026: перерасход бюджета");
    expect(controls()).toEqual([{ kind: "budget-overrun", off: 0, muted_until: h.clock.now() + 7 * 24 * 3600_000 }]);
    const [shown] = await founder.send("/alerts");
    expect(shown!.text).toContain("• перерасход бюджета: заглушено до 09.11.2026 10:00");
  });

  it("a manager cannot switch or mute kinds; a bad kind writes nothing", async () => {
    const { founder, manager } = await team();
    await founder.send("/alerts");
    const refused = await manager.press("alerts:mute:budget-overrun");
    expect(refused.answer ?? refused.map((m) => m.text).join()).not.toMatch(/Заглушено/);
    const bad = await founder.press("alerts:kind:off:no-such-kind");
    expect(bad.answer).toBe("Такого вида оповещений нет; ничего не изменено.");
    const [usage] = await founder.send("/alerts everything");
    expect(usage!.text).toContain("/alerts показывает открытые тревоги");
    expect(controls()).toEqual([]);
  });
});
