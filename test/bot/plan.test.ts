/** /setplan, /plan, /budget, /expense and /share end to end: the real app against the fake Bot API. */
import { afterEach, describe, expect, it } from "vitest";
import { buttonStartingWith } from "../helpers/buttons.js";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { groupChat } from "../helpers/updates.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** Message text with the no-break spaces of amounts made plain, so expectations read naturally. */
const said = (message: { text?: string } | undefined): string => (message?.text ?? "").replace(/\u00a0/g, " ");

/** Every row the plan feature writes, to prove a refused command wrote nothing. */
function planRows(): unknown[] {
  return ["plans", "plan_shares", "budget_lines", "expenses", "outbox"].map((table) => h.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
}

async function team(): Promise<{ founder: TestUser; lead: TestUser; ivan: TestUser; olga: TestUser }> {
  // Monday 2 November 2026, 10:00 in Moscow.
  h = await startHarness({ now: "2026-11-02T07:00:00Z" });
  const founder = await h.member("founder", { username: "boss", first_name: "Olga" });
  const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna" });
  const ivan = await h.member("manager", { username: "ivan_m", first_name: "Ivan", last_name: "Sokolov" });
  const olga = await h.member("manager", { username: "olga_m", first_name: "Olga" });
  await founder.send("/settings holidays add 04.11");
  return { founder, lead, ivan, olga };
}

describe("/setplan", () => {
  it("the founder sets the month's plan; a second /setplan replaces it", async () => {
    const { founder } = await team();
    const [reply] = await founder.send("/setplan 2026-11 10 150 000");
    expect(said(reply)).toContain("План на ноябрь 2026: 10 новых клиентов × 150 000 ₽ = 1 500 000 ₽. Рабочих дней в месяце: 20.");
    expect(h.db.prepare("SELECT period, clients, avg_check_kopecks FROM plans").all()).toEqual([
      { period: "2026-11", clients: 10, avg_check_kopecks: 15_000_000 },
    ]);
    const [again] = await founder.send("/setplan 12 100000,50");
    expect(said(again)).toContain("12 новых клиентов × 100 001 ₽");
    expect(said(again)).toContain("Прежний план был: 10 × 150 000 ₽.");
    expect(h.db.prepare("SELECT clients, avg_check_kopecks FROM plans").all()).toEqual([{ clients: 12, avg_check_kopecks: 10_000_050 }]);
  });

  it("bad periods, client counts and amounts get a clear reply and write nothing", async () => {
    const { founder } = await team();
    const before = planRows();
    const cases: [string, RegExp][] = [
      ["/setplan", /Как задать план/],
      ["/setplan 2026-11", /Как задать план/],
      ["/setplan 2026-13 10 100000", /Не понял период «2026-13».*Ничего не сохранено\./],
      ["/setplan ноябрь 10 100000", /Не понял период «ноябрь»/],
      ["/setplan 2031-01 10 100000", /за этими пределами/],
      ["/setplan 2026-11 0 100000", /Число клиентов «0» не подходит.*Ничего не сохранено\./],
      ["/setplan 2026-11 2,5 100000", /Число клиентов «2,5» не подходит/],
      ["/setplan 2026-11 10 -5", /Сумма «-5» не подходит.*Ничего не сохранено\./],
      ["/setplan 2026-11 10 0", /Сумма «0» не подходит/],
      ["/setplan 2026-11 10 1e5", /Сумма «1e5» не подходит/],
      ["/setplan 2026-11 10 100.555", /Сумма «100.555» не подходит/],
      ["/setplan 2026-11 1000000 1000000000", /План получается больше/],
    ];
    for (const [command, expected] of cases) {
      const replies = await founder.send(command);
      expect(replies, command).toHaveLength(1);
      expect(replies[0]!.text, command).toMatch(expected);
    }
    expect(planRows()).toEqual(before);
  });

  it("a manager cannot set the plan or the budget, nor see them; the lead reads /plan but sets nothing", async () => {
    const { lead, ivan } = await team();
    const before = planRows();
    for (const command of ["/setplan 2026-11 10 100000", "/budget 2026-11 marketing 100000", "/share @ivan_m 50%", "/expense 100 tools", "/plan", "/budget"]) {
      const [reply] = await ivan.send(command);
      expect(reply!.text, command).toBe("Эта команда недоступна для вашей роли.");
    }
    for (const command of ["/setplan 2026-11 10 100000", "/budget 2026-11 marketing 100000", "/share @ivan_m 50%", "/settings burn 10%"]) {
      const [reply] = await lead.send(command);
      expect(reply!.text, command).toBe("Эта команда недоступна для вашей роли.");
    }
    expect(planRows()).toEqual(before);
    const replies = await lead.send("/plan");
    expect(said(replies[0])).toContain("План на ноябрь 2026 — на 02.11.2026");
  });

  it("plan commands work only in a private chat", async () => {
    const { founder } = await team();
    const [reply] = await founder.send("/setplan 2026-11 10 100000", { chat: groupChat() });
    expect(reply!.text).toBe("Эта команда работает только в личном чате с ботом.");
    expect(h.db.prepare("SELECT COUNT(*) FROM plans").pluck().get()).toBe(0);
  });
});

describe("/budget and /expense", () => {
  it("sets, shows and removes budget lines; refuses bad categories and amounts without writing", async () => {
    const { founder } = await team();
    const [set] = await founder.send("/budget 2026-11 marketing 100 000");
    expect(said(set)).toContain("Бюджет на ноябрь 2026, маркетинг: 100 000 ₽.");
    const [again] = await founder.send("/budget 2026-11 маркетинг 120000");
    expect(said(again)).toContain("Было: 100 000 ₽.");
    await founder.send("/budget salaries 500000");
    expect(h.db.prepare("SELECT period, category, amount_kopecks FROM budget_lines ORDER BY category").all()).toEqual([
      { period: "2026-11", category: "marketing", amount_kopecks: 12_000_000 },
      { period: "2026-11", category: "salaries", amount_kopecks: 50_000_000 },
    ]);
    const before = planRows();
    const cases: [string, RegExp][] = [
      ["/budget 2026-11 food 1000", /Не знаю статью «food»\. Статьи: salaries \(зарплаты\), bonuses/],
      ["/budget 2026-11 marketing", /Бюджет: \/budget/],
      ["/budget 2026-11 marketing много", /Сумма «много» не подходит/],
      ["/budget 2026-11 marketing 0", /Сумма «0» не подходит/],
      ["/budget 2026-11 marketing 10000000000000", /Сумма «10000000000000» не подходит/],
      ["/budget 2026-13 marketing 1000", /Не понял период «2026-13»/],
      ["/budget 2024-01 marketing 1000", /за этими пределами/],
      ["/budget 2026-11 tools delete", /нет статьи «инструменты»/],
    ];
    for (const [command, expected] of cases) {
      const replies = await founder.send(command);
      expect(replies[0]!.text, command).toMatch(expected);
    }
    expect(planRows()).toEqual(before);
    const [shown] = await founder.send("/budget");
    expect(said(shown)).toContain("Бюджет на ноябрь 2026");
    expect(said(shown)).toContain("Расходы: 0 ₽ из бюджета 620 000 ₽");
    expect(said(shown)).toContain("• зарплаты: 0 ₽ из 500 000 ₽");
    const [removed] = await founder.send("/budget 2026-11 marketing удалить");
    expect(said(removed)).toContain("Статья «маркетинг» убрана из бюджета на ноябрь 2026.");
    expect(h.db.prepare("SELECT COUNT(*) FROM budget_lines").pluck().get()).toBe(1);
  });

  it("founder and lead log expenses on today's local day; bad input writes nothing", async () => {
    const { founder, lead } = await team();
    const [logged] = await lead.send("/expense 15 000 ₽ marketing листовки к выставке");
    expect(said(logged)).toContain("Расход записан: 15 000 ₽, маркетинг — листовки к выставке.");
    // no budget line: said so, never "… of 0 ₽"
    expect(said(logged)).toContain("За ноябрь 2026 по статье «маркетинг»: 15 000 ₽; бюджета по этой статье нет (задать: /budget 2026-11 marketing <сумма>).");
    expect(said(logged)).toContain("Бюджет месяца не задан, потрачено: 15 000 ₽.");
    expect(said(logged)).not.toContain("из 0 ₽");
    await founder.send("/expense 990,50; tools");
    expect(h.db.prepare("SELECT member_id, amount_kopecks, category, note, local_day FROM expenses ORDER BY id").all()).toEqual([
      { member_id: lead.member()!.id, amount_kopecks: 1_500_000, category: "marketing", note: "листовки к выставке", local_day: "2026-11-02" },
      { member_id: founder.member()!.id, amount_kopecks: 99_050, category: "tools", note: null, local_day: "2026-11-02" },
    ]);
    const before = planRows();
    const cases: [string, RegExp][] = [
      ["/expense", /Как записать расход/],
      ["/expense 1000", /Как записать расход/],
      ["/expense 1000 food lunch", /Не знаю статью «food»/],
      ["/expense ten marketing", /Сумма «ten» не подходит/],
      ["/expense 0 marketing", /Сумма «0» не подходит/],
      ["/expense -100 marketing", /Сумма «-100» не подходит/],
      [`/expense 100 other ${"x".repeat(1001)}`, /Комментарий длиннее 1000 символов/],
    ];
    for (const [command, expected] of cases) {
      const replies = await founder.send(command);
      expect(replies[0]!.text, command).toMatch(expected);
    }
    expect(planRows()).toEqual(before);
  });

  it("an expense that overruns the budget alerts the founder once that day", async () => {
    const { founder, lead } = await team();
    await founder.send("/budget 2026-11 marketing 10000");
    // Day 1 of 20: 10 000 × 1/20 × 1.1 = 550 ₽ allowed by now.
    await lead.send("/expense 500 marketing");
    const alerts = () => founder.messages().filter((m) => said(m).includes("Перерасход бюджета"));
    expect(alerts()).toHaveLength(0);
    await lead.send("/expense 100 marketing");
    expect(alerts()).toHaveLength(1);
    expect(said(alerts()[0])).toContain("Потрачено 600 ₽ при бюджете 10 000 ₽");
    // The same expense twice within 10 minutes waits for the lead's confirmation.
    const repeat = await lead.send("/expense 100 marketing");
    await lead.press(buttonStartingWith(repeat[0], "gok:"), repeat[0]);
    await founder.send("/expense 100 marketing");
    expect(alerts()).toHaveLength(1);
    expect(lead.messages().some((m) => m.text?.includes("Перерасход"))).toBe(false);
    // The next day 1 100 ₽ is allowed: 800 ₽ is fine, 1 200 ₽ is an overrun again, said once more.
    h.clock.set("2026-11-03T09:00:00Z");
    await lead.send("/expense 1 marketing");
    expect(alerts()).toHaveLength(1);
    await lead.send("/expense 399 marketing");
    expect(alerts()).toHaveLength(2);
    expect(said(alerts()[1])).toContain("Потрачено 1 200 ₽ при бюджете 10 000 ₽; к этому дню (прошло 10% рабочих дней месяца) допустимо до 1 100 ₽");
  });
});

describe("expenses and the plan alerts", () => {
  it("an expense on a weekend says nothing; the plan behind waits for the next working morning and is said once", async () => {
    const { founder, lead } = await team();
    await founder.send("/setplan 2026-11 10 100000");
    // Saturday 14th: 9 of 20 working days gone, nothing sold: the forecast is far behind the plan.
    h.clock.set("2026-11-14T09:00:00Z");
    const behind = () => founder.messages().filter((m) => said(m).includes("Отставание от плана"));
    await lead.send("/expense 100 marketing");
    await founder.send("/expense 100 tools");
    h.clock.set("2026-11-15T09:00:00Z");
    await lead.send("/expense 1 marketing");
    await h.runJobs();
    expect(behind()).toHaveLength(0);
    // Monday at the check-up time: said once, and not again by the day's expenses.
    h.clock.set("2026-11-16T07:00:00Z");
    await h.runJobs();
    await lead.send("/expense 1 marketing");
    expect(behind()).toHaveLength(1);
    expect(h.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'alert-plan-behind'").pluck().get()).toBe(1);
  });
});

describe("/plan", () => {
  it("shows plan vs fact, forecast, pace, managers and budget, with a chart", async () => {
    const { founder } = await team();
    await founder.send("/setplan 2026-11 10 100000");
    await founder.send("/budget 2026-11 marketing 100000");
    await founder.send("/expense 20000 marketing");
    const replies = await founder.send("/plan");
    expect(replies).toHaveLength(2);
    const text = said(replies[0]);
    expect(text).toContain("План на ноябрь 2026 — на 02.11.2026");
    expect(text).toContain("Рабочих дней прошло: 1 из 20 — 5% рабочих дней месяца");
    // 1 000 000 ₽ / 19 days left = 52 631,578… → 52 631,58 ₽, shown in whole roubles in chat
    expect(text).toContain("Нужно в каждый рабочий день: 52 632 ₽ (осталось рабочих дней: 19)");
    expect(text).toContain("• Ivan Sokolov (@ivan_m): 0 ₽ из 500 000 ₽ (доля 50%)");
    expect(text).toContain("• маркетинг: 20 000 ₽ из 100 000 ₽");
    expect(replies[1]!.method).toBe("sendPhoto");
    expect(replies[1]!.files[0]!.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("another month by YYYY-MM: a past one is its result as of its last day, a future one its plan only; a bad one gets the usage", async () => {
    const { founder } = await team();
    await founder.send("/setplan 2026-10 4 100000");
    await founder.send("/setplan 2026-12 2 100000");
    const replies = await founder.send("/plan 2026-10");
    expect(said(replies[0])).toContain("План на октябрь 2026 — итог: месяц закончился");
    expect(said(replies[0])).toContain("Рабочих дней в месяце: 22");
    expect(said(replies[0])).toContain("План: 4 клиента × 100 000 ₽ = 400 000 ₽");
    expect(said(replies[0])).toContain("Месяц закончился; до плана не хватило 400 000 ₽.");
    expect(said(replies[0])).not.toMatch(/02\.11\.2026|Прогноз|Нужно в каждый/);
    const [old] = await founder.send("/plan 2020-01");
    expect(said(old)).toContain("План на январь 2020 — итог: месяц закончился");
    expect(said(old)).not.toContain("02.11.2026");
    const future = await founder.send("/plan 2026-12");
    expect(future).toHaveLength(1);
    expect(said(future[0])).toContain("План на декабрь 2026 — месяц ещё не начался, фактов пока нет");
    expect(said(future[0])).toContain("План: 2 клиента × 100 000 ₽ = 200 000 ₽");
    expect(said(future[0])).not.toMatch(/Выручка|Прогноз|Нужно в каждый/);
    const [bad] = await founder.send("/plan октябрь");
    expect(said(bad)).toContain("Не понял период «октябрь»");
    expect(said(bad)).not.toContain("Ничего не сохранено");
    expect(said(bad)).toContain("/plan 2026-11");
  });
});

describe("/share", () => {
  it("sets a manager's share, refuses non-managers and more than 100%, returns to the equal split", async () => {
    const { founder, lead } = await team();
    await founder.send("/setplan 2026-11 10 100000");
    const [set] = await founder.send("/share @ivan_m 40%");
    expect(said(set)).toContain("Сохранено. Доли в плане на ноябрь 2026:");
    expect(said(set)).toContain(`• Ivan Sokolov (@ivan_m): 40% (задано) — клиентов: 4, выручка: 400 000 ₽`);
    expect(said(set)).toContain(`• Olga (@olga_m): 60% (поровну) — клиентов: 6, выручка: 600 000 ₽`);
    const before = planRows();
    const [notManager] = await founder.send(`/share @${lead.user.username} 10%`);
    expect(said(notManager)).toContain("не менеджер этой команды");
    const [tooMuch] = await founder.send("/share @olga_m 61%");
    expect(said(tooMuch)).toContain("свободно 60%");
    const [badShare] = await founder.send("/share @olga_m lots");
    expect(said(badShare)).toContain("Доля «lots» не подходит");
    expect(said(badShare)).toContain("Ничего не сохранено.");
    expect(planRows()).toEqual(before);
    const [auto] = await founder.send("/share @ivan_m авто");
    expect(said(auto)).toContain("• Ivan Sokolov (@ivan_m): 50% (поровну)");
    expect(h.db.prepare("SELECT COUNT(*) FROM plan_shares").pluck().get()).toBe(0);
  });
});

describe("plan alerts job", () => {
  it("plan behind reaches the founder once when it starts, from the daily check, and not again the next day", async () => {
    const { founder } = await team();
    await founder.send("/setplan 2026-11 10 100000");
    // Friday 6 November, 10:00: 4 of 20 days, nothing won — pace below 25%, no alert yet.
    h.clock.set("2026-11-06T07:00:00Z");
    await h.runJobs();
    const behind = () => founder.messages().filter((m) => m.text?.includes("Отставание от плана"));
    expect(behind()).toHaveLength(0);
    // Monday 9th: 5 of 20 = 25%.
    h.clock.set("2026-11-09T07:00:00Z");
    await h.runJobs();
    await h.runJobs();
    expect(behind()).toHaveLength(1);
    expect(said(behind()[0])).toContain("Прогноз: 0 ₽ — 0% плана 1 000 000 ₽");
    h.clock.set("2026-11-10T07:30:00Z");
    await h.runJobs();
    expect(behind()).toHaveLength(1);
  });
});
