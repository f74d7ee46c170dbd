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

describe("/settings for alerts", () => {
  const teamRow = () => h.db.prepare("SELECT min_contacted, founder_summary, lead_summary FROM teams").get();

  it("sets the burn sample and turns the weekly summaries off; bad values change nothing", async () => {
    const { founder } = await team();
    const [saved] = await founder.send("/settings min_contacted 25");
    expect(saved!.text).toBe("Сохранено. «База выгорает» и «сладкая ложь» — от 25 компаний с контактом за месяц.");
    for (const bad of ["/settings min_contacted 0", "/settings min_contacted много", "/settings weekly_summary может", "/settings team_summary"]) {
      const [reply] = await founder.send(bad);
      expect(reply!.text).toMatch(/Недельная сводка|Порог выборки/);
    }
    expect(teamRow()).toEqual({ min_contacted: 25, founder_summary: 1, lead_summary: 1 });
    await founder.send("/settings weekly_summary off");
    const [lead] = await founder.send("/settings team_summary выкл");
    expect(lead!.text).toBe("Сохранено. Недельная сводка команды руководителю: выключена.");
    expect(teamRow()).toEqual({ min_contacted: 25, founder_summary: 0, lead_summary: 0 });
    const [shown] = await founder.send("/settings");
    expect(shown!.text).toContain("Выводы о выжигании — от 25 компаний с контактом за месяц");
    expect(shown!.text).toContain("Недельная сводка основателю: выключена");
  });

  it("with the founder's summary off, Monday brings no summary; on again, the next Monday does", async () => {
    const { founder } = await team();
    await founder.send("/settings weekly_summary off");
    h.clock.set("2026-11-09T07:05:00Z");
    await h.runJobs();
    expect(founder.messages().filter((m) => (m.text ?? "").startsWith("📋 Неделя"))).toHaveLength(0);
    await founder.send("/settings weekly_summary on");
    h.clock.set("2026-11-16T07:05:00Z");
    await h.runJobs();
    expect(founder.messages().filter((m) => (m.text ?? "").startsWith("📋 Неделя"))).toHaveLength(1);
  });
});

describe("/budget … upfront", () => {
  it("marks a line paid up front: salaries on the 1st say no budget overrun; other lines still do", async () => {
    const { founder } = await team();
    const [set] = await founder.send("/budget salaries 300 000 upfront");
    expect(set!.text).toContain("Статья оплачивается сразу: перерасход бюджета её не учитывает.");
    await founder.send("/budget marketing 100000");
    expect(h.db.prepare("SELECT category, paid_up_front FROM budget_lines ORDER BY category").all()).toEqual([
      { category: "marketing", paid_up_front: 0 },
      { category: "salaries", paid_up_front: 1 },
    ]);
    await founder.send("/expense 300000 salaries");
    const confirm = founder.last();
    if (confirm && (confirm.text ?? "").includes("?")) await founder.press(buttonData(confirm)[0]!, confirm);
    expect(founder.messages().filter((m) => (m.text ?? "").includes("Перерасход бюджета"))).toHaveLength(0);
    const [shown] = await founder.send("/budget");
    expect(shown!.text).toContain("(оплачивается сразу)");
    await founder.send("/expense 20000 marketing");
    const alert = founder.messages().find((m) => (m.text ?? "").includes("Перерасход бюджета"));
    expect(alert!.text).toContain("Статьи, оплачиваемые сразу, не учтены: зарплаты.");
  });
});
