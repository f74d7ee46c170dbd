/**
 * Corrections through the fake Bot API. Each correction is checked against a second bot whose team entered the
 * same month right: /plan, /burn and the JSON reports must be the same, as if the wrong record never happened.
 */
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { buttonData, buttonStartingWith } from "../helpers/buttons.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";
import { TEAM_ID } from "../../src/app.js";
import { planReport } from "../../src/cli/report-plan.js";
import { burnReport } from "../../src/cli/report.js";
import { recordTouch } from "../../src/services/leads/touch.js";

type Team = { h: Harness; founder: TestUser; lead: TestUser; ivan: TestUser };

const harnesses: Harness[] = [];

afterEach(async () => {
  while (harnesses.length > 0) await harnesses.pop()!.stop();
});

const said = (message: SentMessage | undefined) => (message?.text ?? message?.caption ?? "").replace(/[\u00a0\u202f]/g, " ");
const count = (h: Harness, sql: string) => h.db.prepare(sql).pluck().get() as number;

/** Monday 2 November 2026, 10:00 in Moscow; the same people with the same ids in every bot. */
async function team(): Promise<Team> {
  const h = await startHarness({ now: "2026-11-02T07:00:00Z" });
  harnesses.push(h);
  const founder = await h.member("founder", { id: 7001, username: "olga_founder", first_name: "Olga" });
  const lead = await h.member("lead", { id: 7002, username: "anna_lead", first_name: "Анна", last_name: "Смирнова" });
  const ivan = await h.member("manager", { id: 7003, username: "ivan_m", first_name: "Ivan" });
  await founder.send("/setplan 2026-11 10 100000");
  for (const company of ["ООО Гранит", "ООО Ромашка", "АО Василёк"]) await lead.send(`/add ${company}; Опт`);
  h.clock.advanceHours(1);
  return { h, founder, lead, ivan };
}

/** What a script and the founder see: the JSON of both reports and the text of `/plan` or `/burn` (its chart left out). */
async function figures(t: Team, command: "/plan" | "/burn") {
  const now = t.h.clock.now();
  const plan = planReport(t.h.db, TEAM_ID, { now });
  const burn = burnReport(t.h.db, TEAM_ID, { now, json: true });
  const text = said((await t.founder.send(command))[0]);
  return { plan, burn, text };
}

/** Two bots, each drawing charts, on a shared machine. */
const TWO_BOTS_MS = 60_000;

/** The same moment in both bots before their figures are compared. */
function sameTime(a: Team, b: Team, instant: string): void {
  a.h.clock.set(instant);
  b.h.clock.set(instant);
}

describe("/undo", () => {
  it("takes back the sender's own deal after a confirm that names it; the figures are as if only the right deal was entered", async () => {
    const wrong = await team();
    const right = await team();
    for (const t of [wrong, right]) await t.ivan.send("/deal ООО Ромашка; 90000");
    wrong.h.clock.advanceMinutes(5);
    right.h.clock.advanceMinutes(5);
    // The deal on the wrong company, then taken back.
    await wrong.ivan.send("/deal ООО Гранит; 120000");
    expect(count(wrong.h, "SELECT COUNT(*) FROM deals WHERE voided_by IS NULL")).toBe(2);
    wrong.h.clock.advanceMinutes(3);
    const [ask] = await wrong.ivan.send("/undo");
    expect(said(ask)).toBe("Отменить вашу последнюю запись: сделка «ООО Гранит» — 120 000 ₽, 02.11.2026 11:05?");
    // The question alone changes nothing.
    expect(count(wrong.h, "SELECT COUNT(*) FROM deals WHERE voided_by IS NULL")).toBe(2);
    const [done] = await wrong.ivan.press(buttonStartingWith(ask, "undo:e:"), ask);
    expect(said(done)).toContain("Удалено: сделка «ООО Гранит» — 120 000 ₽");
    // Nothing is erased: the deal and its event stay, voided by a correction.
    expect(count(wrong.h, "SELECT COUNT(*) FROM deals")).toBe(2);
    expect(count(wrong.h, "SELECT COUNT(*) FROM corrections WHERE via = 'undo'")).toBe(1);

    sameTime(wrong, right, "2026-11-05T12:00:00Z");
    const corrected = await figures(wrong, "/plan");
    expect(corrected).toEqual(await figures(right, "/plan"));
    expect(corrected.plan).toMatchObject({ revenue: 90000, wonClients: 1 });
    expect(corrected.burn).toMatchObject({ contacted: 1 });
    // The card keeps the taken-back deal, marked.
    const [card] = await wrong.founder.send("/lead ООО Гранит");
    expect(said(card)).toContain("❌ сделка (отменено)");
  }, TWO_BOTS_MS);

  it("has nothing to take back after 24 hours, and never someone else's record", async () => {
    const t = await team();
    await t.ivan.send("/deal ООО Ромашка; 90000");
    const [other] = await t.founder.send("/undo");
    expect(said(other)).toBe("За последние 24 часа нет ваших записей, которые можно отменить.");
    // The lead is offered their own last record (a company they added), never Ivan's deal.
    expect(said((await t.lead.send("/undo"))[0])).toMatch(/^Отменить вашу последнюю запись: добавление компании «АО Василёк»/);
    const [ask] = await t.ivan.send("/undo");
    t.h.clock.advanceHours(25);
    const [late] = await t.ivan.press(buttonStartingWith(ask, "undo:e:"), ask);
    expect(said(late)).toContain("уже нельзя отменить");
    expect(count(t.h, "SELECT COUNT(*) FROM deals WHERE voided_by IS NULL")).toBe(1);
    expect(said((await t.ivan.send("/undo"))[0])).toBe("За последние 24 часа нет ваших записей, которые можно отменить.");
  });
});

describe("/undo of /add", () => {
  it("takes a company the sender added back out of the base: lookups, /burn and its JSON are as if it was never added, and the name can be added again", async () => {
    const wrong = await team();
    const right = await team();
    await wrong.lead.send("/add ООО Грант; Опт");
    wrong.h.clock.advanceMinutes(2);
    const [ask] = await wrong.lead.send("/undo");
    expect(said(ask)).toBe("Отменить вашу последнюю запись: добавление компании «ООО Грант» (сегмент «Опт»), 02.11.2026 11:00?");
    const [done] = await wrong.lead.press(buttonStartingWith(ask, "undo:c:"), ask);
    expect(said(done)).toContain("Удалено из базы: добавление компании «ООО Грант»");
    // Nothing is erased: the row stays, marked removed, and counts nowhere.
    expect(wrong.h.db.prepare("SELECT name, removed_at IS NOT NULL AS removed FROM companies WHERE name = 'ООО Грант'").get()).toEqual({ name: "ООО Грант", removed: 1 });
    expect(said((await wrong.ivan.send("/touch ООО Грант"))[0])).not.toContain("Касание записано");
    expect(count(wrong.h, "SELECT COUNT(*) FROM company_events")).toBe(0);
    // A button or card made before the take-back finds no company either.
    const removedId = count(wrong.h, "SELECT id FROM companies WHERE name = 'ООО Грант'");
    const stale = recordTouch(wrong.h.db, { teamId: TEAM_ID, companyId: removedId, memberId: null, now: wrong.h.clock.now() });
    expect(stale).toEqual({ ok: false, reason: "not-found" });
    expect(count(wrong.h, "SELECT COUNT(*) FROM company_events")).toBe(0);

    sameTime(wrong, right, "2026-11-02T12:00:00Z");
    const corrected = await figures(wrong, "/burn");
    expect(corrected).toEqual(await figures(right, "/burn"));
    expect(said((await wrong.lead.send("/add ООО Грант; Опт"))[0])).toBe("Добавлена новая компания «ООО Грант» в сегмент «Опт».");
    // The export lists the company taken back.
    const [exported] = await wrong.founder.send("/export");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported!.files.find((f) => f.field === "document")!.bytes as unknown as ArrayBuffer);
    const row = (workbook.getWorksheet("Исправления")!.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(1, 5)).toEqual(["Анна Смирнова (@anna_lead)", "отменена автором (/undo)", "добавление компании", "ООО Грант"]);
  }, TWO_BOTS_MS);

  it("does not take back a company someone already has records on; nothing changes", async () => {
    const t = await team();
    await t.lead.send("/add ООО Клён; Опт");
    t.h.clock.advanceMinutes(1);
    await t.ivan.send("/touch ООО Клён");
    const [ask] = await t.lead.send("/undo");
    expect(said(ask)).toContain("добавление компании «ООО Клён»");
    const before = t.h.db.prepare("SELECT * FROM companies ORDER BY id").all();
    const [refused] = await t.lead.press(buttonStartingWith(ask, "undo:c:"), ask);
    expect(said(refused)).toBe(
      "Нельзя отменить: добавление компании «ООО Клён» (сегмент «Опт»), 02.11.2026 11:00. По «ООО Клён» уже есть записи (или её нашла загрузка базы). Сначала отмените их; ничего не изменено.",
    );
    expect(t.h.db.prepare("SELECT * FROM companies ORDER BY id").all()).toEqual(before);
    // Ivan takes his touch back; then the company can go.
    await t.ivan.press(buttonStartingWith((await t.ivan.send("/undo"))[0], "undo:e:"));
    const [again] = await t.lead.send("/undo");
    expect(said((await t.lead.press(buttonStartingWith(again, "undo:c:"), again))[0])).toContain("Удалено из базы");
    // The next /undo offers the lead's add before it.
    expect(said((await t.lead.send("/undo"))[0])).toContain("добавление компании «АО Василёк» (сегмент «Опт»), 02.11.2026 10:00");
  });
});

describe("corrections by the lead and the founder", () => {
  it("the lead corrects the amount of the founder's expense from /expenses; the founder is told; the plan is as if it was entered right", async () => {
    const wrong = await team();
    const right = await team();
    for (const t of [wrong, right]) await t.founder.send("/budget 2026-11 marketing 100000");
    await wrong.founder.send("/expense 50000 marketing");
    await right.founder.send("/expense 5000 marketing");
    wrong.h.clock.advanceHours(2);
    const [list] = await wrong.lead.send("/expenses");
    expect(said(list)).toContain("1. расход 50 000 ₽ (маркетинг), 02.11.2026");
    const [menu] = await wrong.lead.press(buttonStartingWith(list, "cor:x:"), list);
    expect(buttonData(menu)).toEqual(expect.arrayContaining([expect.stringMatching(/^cor:x:\d+:void$/), expect.stringMatching(/^cor:x:\d+:amount$/)]));
    const [ask] = await wrong.lead.press(buttonData(menu).find((d) => d.endsWith(":amount"))!, menu);
    expect(said(ask)).toContain("Новая сумма");
    // A wrong answer writes nothing and says why.
    const [bad] = await wrong.lead.send("пятьсот");
    expect(said(bad)).toContain("Не понял сумму «пятьсот»");
    expect(count(wrong.h, "SELECT COUNT(*) FROM corrections")).toBe(0);
    await wrong.lead.press(buttonData(menu).find((d) => d.endsWith(":amount"))!, menu);
    const before = wrong.founder.messages().length;
    const [done] = await wrong.lead.send("5000");
    expect(said(done)).toBe("Исправлено. Было: расход 50 000 ₽ (маркетинг), 02.11.2026. Стало: расход 5 000 ₽ (маркетинг), 02.11.2026. Цифры пересчитаны.");
    expect(wrong.founder.messages().slice(before).map(said)).toContainEqual(expect.stringContaining("Анна Смирнова (@anna_lead) исправил(а) вашу запись"));

    sameTime(wrong, right, "2026-11-03T12:00:00Z");
    const corrected = await figures(wrong, "/plan");
    expect(corrected).toEqual(await figures(right, "/plan"));
    expect(corrected.plan).toMatchObject({ budget: 100000, expenses: 5000 });
    // The export counts the corrected expense once and lists the correction.
    const [exported] = await wrong.founder.send("/export");
    const file = exported!.files.find((f) => f.field === "document")!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const values = (sheet: string, row: number) => (workbook.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    // The one expense, then the totals row, which sums the corrected amount only.
    expect(workbook.getWorksheet("Расходы")!.actualRowCount).toBe(3);
    expect(values("Расходы", 2)[2]).toBe(5000);
    expect(values("Расходы", 3)).toEqual([undefined, "Итого", { formula: "SUM(C2:C2)", result: 5000 }]);
    expect(workbook.getWorksheet("Исправления")!.actualRowCount).toBe(2);
    expect(values("Исправления", 2)).toEqual([
      expect.any(Date), "Анна Смирнова (@anna_lead)", "исправлена", "расход: маркетинг", undefined, expect.any(Date), 50000, undefined, expect.any(Date), 5000, "Olga (@olga_founder)",
    ]);
  }, TWO_BOTS_MS);

  it("the founder voids a refusal from the company card; /burn and the JSON are as if it was never logged", async () => {
    const wrong = await team();
    const right = await team();
    for (const t of [wrong, right]) {
      await t.ivan.send("/touch АО Василёк");
      await t.ivan.send("/refusal ООО Ромашка; цена");
    }
    // The refusal logged on the wrong company.
    await wrong.ivan.send("/refusal ООО Гранит; цена");
    // Three days later both refusals burned; the founder finds the wrong one and voids it.
    sameTime(wrong, right, "2026-11-06T09:00:00Z");
    const [card] = await wrong.founder.send("/lead ООО Гранит");
    expect(said(card)).toContain("отказ (цена)");
    const [menu] = await wrong.founder.press(buttonStartingWith(card, "cor:e:"), card);
    expect(said(menu)).toContain("отказ «ООО Гранит» (цена)");
    const ivanBefore = wrong.ivan.messages().length;
    const [done] = await wrong.founder.press(buttonData(menu).find((d) => d.endsWith(":void"))!, menu);
    expect(said(done)).toContain("Удалено: отказ «ООО Гранит» (цена)");
    expect(wrong.ivan.messages().slice(ivanBefore).map(said)).toContainEqual(expect.stringContaining("Olga (@olga_founder) удалил(а) вашу запись: отказ «ООО Гранит» (цена)"));

    sameTime(wrong, right, "2026-11-06T12:00:00Z");
    const corrected = await figures(wrong, "/burn");
    expect(corrected).toEqual(await figures(right, "/burn"));
    expect(corrected.burn).toMatchObject({ refused: 1, burned: 1 });
    // Гранит is not cooling any more: its cooling came from the voided refusal only.
    expect(wrong.h.db.prepare("SELECT status, first_contact_at FROM companies WHERE name = 'ООО Гранит'").get()).toEqual({ status: "active", first_contact_at: null });
  }, TWO_BOTS_MS);

  it("the lead corrects a deal's amount and company from the company card; a day before the company was in the base is refused; the plan is as if it was entered right", async () => {
    const wrong = await team();
    const right = await team();
    await wrong.ivan.send("/deal ООО Ромашка; 90000");
    await right.ivan.send("/deal ООО Гранит; 9000");
    wrong.h.clock.advanceMinutes(30);
    const edit = async (company: string, field: "amount" | "company" | "day", value: string) => {
      const [card] = await wrong.lead.send(`/lead ${company}`);
      const [menu] = await wrong.lead.press(buttonStartingWith(card, "cor:e:"), card);
      await wrong.lead.press(buttonData(menu).find((d) => d.endsWith(`:${field}`))!, menu);
      return said((await wrong.lead.send(value))[0]);
    };
    expect(await edit("ООО Ромашка", "amount", "9000")).toBe(
      "Исправлено. Было: сделка «ООО Ромашка» — 90 000 ₽, 02.11.2026 11:00. Стало: сделка «ООО Ромашка» — 9 000 ₽, 02.11.2026 11:00. Цифры пересчитаны.",
    );
    // The companies entered the base on the 2nd: a deal cannot move to the 1st. Nothing is written.
    const corrections = count(wrong.h, "SELECT COUNT(*) FROM corrections");
    expect(await edit("ООО Ромашка", "day", "01")).toBe("«ООО Ромашка» появилась в базе 02.11.2026: запись не может быть раньше этого дня. Ничего не изменено.");
    expect(count(wrong.h, "SELECT COUNT(*) FROM corrections")).toBe(corrections);
    expect(await edit("ООО Ромашка", "company", "ООО Гранит")).toContain("Стало: сделка «ООО Гранит» — 9 000 ₽, 02.11.2026 11:00.");
    // The card of the company the deal left keeps it, marked.
    const [left] = await wrong.founder.send("/lead ООО Ромашка");
    expect(said(left)).toContain("❌ сделка (отменено)");

    sameTime(wrong, right, "2026-11-03T12:00:00Z");
    const corrected = await figures(wrong, "/plan");
    expect(corrected).toEqual(await figures(right, "/plan"));
    expect(corrected.plan).toMatchObject({ revenue: 9000, wonClients: 1 });
  }, TWO_BOTS_MS);

  it("a manager may not correct records; a manager's /deals is refused", async () => {
    const t = await team();
    await t.ivan.send("/deal ООО Ромашка; 90000");
    expect(said((await t.ivan.send("/deals"))[0])).toBe("Эта команда недоступна для вашей роли.");
    const [list] = await t.lead.send("/deals");
    const data = buttonStartingWith(list, "cor:e:");
    const denied = await t.ivan.press(`${data}:void`);
    expect(denied.answer).toBe("Эта команда недоступна для вашей роли.");
    expect(count(t.h, "SELECT COUNT(*) FROM corrections")).toBe(0);
  });
});

describe("checks before saving", () => {
  it("a deal far above the plan's average check is saved only after the sender confirms it", async () => {
    const t = await team();
    const [held] = await t.ivan.send("/deal ООО Гранит; 15000000");
    expect(said(held)).toBe(
      "Сделка «ООО Гранит» на 15 000 000 ₽ — больше, чем 5 × средний чек плана (100 000 ₽). Нет ли лишних нулей?\nПока ничего не записано: подтвердите кнопкой, если всё верно.",
    );
    expect(count(t.h, "SELECT COUNT(*) FROM deals")).toBe(0);
    expect(count(t.h, "SELECT COUNT(*) FROM company_events")).toBe(0);
    // Someone else cannot confirm it.
    await t.lead.press(buttonStartingWith(held, "gok:"), held);
    expect(count(t.h, "SELECT COUNT(*) FROM deals")).toBe(0);
    const [saved] = await t.ivan.press(buttonStartingWith(held, "gok:"), held);
    expect(said(saved)).toContain("Сделка записана: «ООО Гранит» — 15 000 000 ₽.");
    expect(count(t.h, "SELECT COUNT(*) FROM deals")).toBe(1);
    // The button works once.
    await t.ivan.press(buttonStartingWith(held, "gok:"), held);
    expect(count(t.h, "SELECT COUNT(*) FROM deals")).toBe(1);
  });

  it("the same deal sent twice within 10 minutes is saved once unless confirmed; after 10 minutes it is a new deal", async () => {
    const t = await team();
    await t.ivan.send("/deal ООО Ромашка; 90000");
    t.h.clock.advanceMinutes(4);
    const [held] = await t.ivan.send("/deal ООО Ромашка; 90000");
    expect(said(held)).toContain("Такую же сделку («ООО Ромашка», 90 000 ₽) вы уже записали за последние 10 минут.");
    expect(count(t.h, "SELECT COUNT(*) FROM deals")).toBe(1);
    const [dropped] = await t.ivan.press(buttonStartingWith(held, "gno:"), held);
    expect(said(dropped)).toBe("Хорошо, не записано.");
    expect(count(t.h, "SELECT COUNT(*) FROM deals")).toBe(1);
    // Another amount is another deal; the same one confirmed is saved.
    const [again] = await t.ivan.send("/deal ООО Ромашка; 90000");
    await t.ivan.press(buttonStartingWith(again, "gok:"), again);
    expect(count(t.h, "SELECT COUNT(*) FROM deals")).toBe(2);
    t.h.clock.advanceMinutes(11);
    expect(said((await t.ivan.send("/deal ООО Ромашка; 90000"))[0])).toContain("Сделка записана");
    expect(count(t.h, "SELECT COUNT(*) FROM deals")).toBe(3);
  });

  it("an expense above its whole budget line waits for the confirmation", async () => {
    const t = await team();
    await t.founder.send("/budget 2026-11 marketing 10000");
    const [held] = await t.lead.send("/expense 150000 marketing");
    expect(said(held)).toContain("Расход 150 000 ₽ больше всей статьи бюджета «маркетинг» на месяц (10 000 ₽).");
    expect(count(t.h, "SELECT COUNT(*) FROM expenses")).toBe(0);
    const [saved] = await t.lead.press(buttonStartingWith(held, "gok:"), held);
    expect(said(saved)).toContain("Расход записан: 150 000 ₽");
    expect(count(t.h, "SELECT COUNT(*) FROM expenses")).toBe(1);
  });
});
