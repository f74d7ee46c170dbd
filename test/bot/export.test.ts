/** /export end to end: the real app against the fake Bot API; the uploaded workbook is opened with exceljs. */
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { groupChat } from "../helpers/updates.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";
import { NOVEMBER_COUNTS, seedExportMonth } from "../reports/export-fixtures.js";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function workbookOf(message: SentMessage | undefined): Promise<ExcelJS.Workbook> {
  const file = message?.files.find((f) => f.field === "document");
  if (!file) throw new Error(`no document in ${JSON.stringify(message?.payload)}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Rows of the table under the header, which the autofilter spans (a totals row follows the money tables). */
const dataRows = (workbook: ExcelJS.Workbook, name: string): number => Number(/\d+$/.exec(String(workbook.getWorksheet(name)!.autoFilter))![0]) - 1;

/** Thursday 3 December 2026, 12:00 in Moscow: November is over. */
async function start(): Promise<void> {
  h = await startHarness({ now: "2026-12-03T09:00:00Z" });
  seedExportMonth(h.db);
}

describe("/export", () => {
  it("sends the founder the month as an xlsx document in Russian, with a caption that counts the rows", async () => {
    await start();
    const founder = await h.member("founder", { username: "founder_olga" });
    const replies = await founder.send("/export 2026-11");
    expect(replies).toHaveLength(1);
    const [sent] = replies;
    expect(sent!.method).toBe("sendDocument");
    expect(sent!.files[0]!.filename).toBe("sales-2026-11.xlsx");
    expect(sent!.caption).toBe("Выгрузка за ноябрь 2026 (цифры на 30.11.2026): задач 2, сверок 4, отказов 3, сделок 3, расходов 2.");
    const workbook = await workbookOf(sent);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Итоги месяца", "Менеджеры", "Сегменты", "Бюджет", "Задачи", "Сверки", "Отказы", "Сделки", "Расходы", "Исправления"]);
    expect((workbook.getWorksheet("Сделки")!.getRow(1).values as unknown[]).slice(1)).toEqual(["Дата", "Компания", "Сегмент", "Менеджер", "Сумма"]);
    const counts = { Задачи: NOVEMBER_COUNTS.tasks, Сверки: NOVEMBER_COUNTS.checkups, Отказы: NOVEMBER_COUNTS.refusals, Сделки: NOVEMBER_COUNTS.deals, Расходы: NOVEMBER_COUNTS.expenses };
    for (const [name, n] of Object.entries(counts)) expect(dataRows(workbook, name), name).toBe(n);

    // Without a month: the current one (December: the deal of the 1st, the task of the 2nd and the one still open).
    const [current] = await founder.send("/export");
    expect(current!.files[0]!.filename).toBe("sales-2026-12.xlsx");
    const december = await workbookOf(current);
    expect(dataRows(december, "Сделки")).toBe(1);
    expect(dataRows(december, "Задачи")).toBe(2);
  });

  it("speaks the founder's language", async () => {
    await start();
    const founder = await h.member("founder", { username: "founder_en", language_code: "en" });
    const [sent] = await founder.send("/export 2026-11");
    expect(sent!.caption).toBe("Export for November 2026 (figures as of 30.11.2026): 2 tasks, 4 check-ups, 3 refusals, 3 deals, 2 expenses.");
    const workbook = await workbookOf(sent);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Month figures", "Managers", "Segments", "Budget", "Tasks", "Check-ups", "Refusals", "Deals", "Expenses", "Corrections"]);
    expect((workbook.getWorksheet("Tasks")!.getRow(1).values as unknown[])[3]).toBe("Task");
  });

  it("is the founder's only, in the private chat only; a bad month gets the usage", async () => {
    await start();
    const founder = await h.member("founder", { username: "founder_olga" });
    const lead = await h.member("lead", { username: "lead_anna" });
    const manager = await h.member("manager", { username: "manager_ivan" });
    for (const who of [lead, manager]) {
      const replies = await who.send("/export");
      expect(replies.map((r) => r.text)).toEqual(["Эта команда недоступна для вашей роли."]);
    }
    const group = groupChat();
    const inGroup = await founder.send("/export", { chat: group });
    expect(inGroup.map((r) => r.text)).toEqual(["Эта команда работает только в личном чате с ботом."]);
    for (const bad of ["/export 2026-13", "/export ноябрь", "/export 2026-11 лишнее"]) {
      const replies = await founder.send(bad);
      expect(replies.map((r) => r.text), bad).toEqual([
        "Выгрузка в Excel: /export — за текущий месяц, /export ГГГГ-ММ — за другой (например, /export 2026-10).",
      ]);
    }
    expect(h.fake.callsTo("sendDocument")).toHaveLength(0);
    // It is listed for the founder only.
    const [help] = await founder.send("/help");
    expect(help!.text).toContain("/export — выгрузка в Excel");
    const [leadHelp] = await lead.send("/help");
    expect(leadHelp!.text).not.toContain("/export");
  });
});
