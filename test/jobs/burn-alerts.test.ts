/** Burn alerts: burn high and segment paused reach the founder's alert chat once per kind, subject and day. */
import { afterEach, describe, expect, it } from "vitest";
import { checkBurnAlerts } from "../../src/services/leads/burn-alerts.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { TEAM_ID } from "../../src/app.js";
import { buttonStartingWith } from "../helpers/buttons.js";
import { baseTeam, loadBase, said, type BaseTeam } from "../bot/base-fixture.js";

let team: BaseTeam | undefined;
afterEach(async () => {
  await team?.h.stop();
  team = undefined;
});

const HIGH = /^🔥 База выгорает/;
const PAUSED = /^⏸ Сегмент «(.+)» встал на паузу/;

function alerts(t: BaseTeam): string[] {
  return t.founder
    .messages()
    .map(said)
    .filter((text) => HIGH.test(text) || PAUSED.test(text));
}

describe("burn alerts", () => {
  it("are queued with the write that causes them, once a day, and again on the next working day while they hold", async () => {
    team = await baseTeam();
    const t = team;
    await loadBase(t);
    // Розница: one of three lost for good → 33% of it burned (paused); the month: 1 of 1 contacted burned.
    await t.ivan.send("/refusal ООО Ландыш; цена; навсегда");
    expect(alerts(t)).toEqual([
      "🔥 База выгорает: за октябрь 2026 выжжено 1 из 1 компании, с которыми был контакт, — 100% при пороге 30%. Отказы не отрабатываются за 2 раб. дн. Подробно: /burn",
      "⏸ Сегмент «Розница» встал на паузу: выжжено 33% (остывает: 0, потеряно навсегда: 1, всего компаний: 3) при пороге 30%. Касания в нём запрещены, пока доля не упадёт или пока вы не снимете паузу: /unpause Розница",
    ]);
    // More writes and job runs the same day add nothing.
    await t.ivan.send("/touch ООО Клевер");
    await t.petr.send("/refusal ООО Мак; цена; навсегда");
    t.h.clock.set("2026-10-05T12:30:00Z");
    await t.h.runJobs();
    expect(alerts(t)).toHaveLength(2);

    // Tuesday morning before the check-up time: nothing; at 10:30 the day's alerts.
    t.h.clock.set("2026-10-06T05:30:00Z");
    await t.h.runJobs();
    expect(alerts(t)).toHaveLength(2);
    t.h.clock.set("2026-10-06T07:30:00Z");
    await t.h.runJobs();
    await t.h.runJobs();
    expect(alerts(t)).toHaveLength(4);
    expect(alerts(t).slice(2).map((text) => (HIGH.test(text) ? "high" : PAUSED.exec(text)![1]))).toEqual(["high", "Розница"]);

    // Saturday: no alerts from the job.
    t.h.clock.set("2026-10-10T08:00:00Z");
    await t.h.runJobs();
    expect(alerts(t)).toHaveLength(4);
    // A write on a Saturday still says what holds that day: the month burns (the unpause ends the pause).
    await t.founder.send("/unpause Розница");
    expect(alerts(t)).toHaveLength(5);
    expect(alerts(t)[4]).toMatch(HIGH);
    // Diluted by new contacts, nothing holds on Monday.
    for (const name of ["ООО Ромашка", "ООО Василёк", "АО Берёза", "ИП Петров", "ООО Одуванчик"]) await t.ivan.send(`/touch ${name}`);
    t.h.clock.set("2026-10-12T07:30:00Z");
    await t.h.runJobs();
    expect(alerts(t)).toHaveLength(5);
  });

  it("a window that closes by itself is picked up by the job within the hour of the working day", async () => {
    team = await baseTeam();
    const t = team;
    await loadBase(t);
    await t.ivan.send("/touch ООО Ромашка");
    await t.ivan.send("/touch ООО Василёк");
    await t.ivan.send("/refusal ООО Гвоздика; не время");
    expect(alerts(t)).toEqual([]);
    // The window closed unhandled at the end of Wednesday, the 2nd working day; the job tells on Thursday
    // morning: 1 of 3 burned, Сеть 1 of 2 cooling.
    t.h.clock.set("2026-10-07T20:30:00Z");
    await t.h.runJobs();
    expect(alerts(t)).toEqual([]);
    t.h.clock.set("2026-10-08T07:20:00Z");
    await t.h.runJobs();
    expect(alerts(t).map((text) => (HIGH.test(text) ? "high" : PAUSED.exec(text)![1]))).toEqual(["high", "Сеть"]);
    expect(t.h.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind LIKE 'alert-%' AND status = 'sent'").pluck().get()).toBe(2);
  });

  it("checkBurnAlerts is safe to call again: the second call queues nothing", async () => {
    team = await baseTeam();
    const t = team;
    await loadBase(t);
    await t.ivan.send("/refusal ООО Ландыш; цена; навсегда");
    const translator = createTranslator();
    expect(checkBurnAlerts(t.h.db, TEAM_ID, t.h.clock.now(), { translator })).toEqual([]);
    // Alerts follow the founder's language.
    t.h.clock.set("2026-10-06T08:00:00Z");
    await t.founder.send("/lang en");
    expect(checkBurnAlerts(t.h.db, TEAM_ID, t.h.clock.now(), { translator }).sort()).toEqual(["burn-high", "segment-paused"]);
    await t.h.runJobs();
    expect(said(t.founder.last())).toContain('The segment "Розница" is paused');
  });

  it("a deal while the plan is met and the base burns brings the founder the sweet lie once (from the plan alerts)", async () => {
    team = await baseTeam();
    const t = team;
    await loadBase(t);
    await t.founder.send("/setplan 2026-10 1 1000");
    await t.ivan.send("/refusal ООО Ландыш; цена; навсегда");
    // 150 000 ₽ is far above the plan's check of 1 000 ₽: saved once Ivan confirms it.
    const [held] = await t.ivan.send("/deal ООО Ромашка 150 000");
    await t.ivan.press(buttonStartingWith(held, "gok:"), held);
    const [held2] = await t.ivan.send("/deal ООО Василёк 10 000");
    await t.ivan.press(buttonStartingWith(held2, "gok:"), held2);
    const sweet = t.founder.messages().map(said).filter((text) => text.includes("Сладкая ложь"));
    expect(sweet).toHaveLength(1);
    expect(sweet[0]).toContain("база выжигается — 50% контактов сгорели (порог 30%)");
  });
});
