/** The export workbook: sheets, headers, row counts, formats and figures, opened back with exceljs. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXPORT_SHEETS } from "../../src/reports/export-xlsx.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { getTeam } from "../../src/db/teams.js";
import type { Db } from "../../src/db/open.js";
import { planReport } from "../../src/cli/report-plan.js";
import { burnReport } from "../../src/cli/report.js";
import { createPlanDb, EXPORT_NOW, msk, NOVEMBER_COUNTS, seedExportMonth, TEAM_ID } from "./export-fixtures.js";
import { buildExport } from "../../src/services/plan/export.js";
import { REFUSAL_REASONS } from "../../src/domain/company-state.js";
import { addCompany, recordRefusal } from "../../src/services/leads/index.js";

const translator = createTranslator();

async function exportOf(db: Db, locale: "ru" | "en", period?: string, now = EXPORT_NOW) {
  const result = await buildExport(db, getTeam(db, TEAM_ID)!, { period, now, t: translator.forLocale(locale), locale });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(result.bytes as unknown as ArrayBuffer);
  return { result, workbook };
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}; sheets: ${workbook.worksheets.map((s) => s.name).join(", ")}`);
  return found;
}

/** Row `n` (1-based) as plain values, first column first. */
function row(ws: ExcelJS.Worksheet, n: number): unknown[] {
  return (ws.getRow(n).values as unknown[]).slice(1);
}

/** Rows of the table under the header, which the autofilter spans (a totals row follows the money tables). */
const dataRows = (ws: ExcelJS.Worksheet): number => Number(/\d+$/.exec(String(ws.autoFilter))![0]) - 1;

/** The value of a figure on the figures sheet, by its label: the number, else the text. */
function figure(ws: ExcelJS.Worksheet, label: string): unknown {
  for (let n = 2; n <= ws.rowCount; n++) if (ws.getCell(n, 2).value === label) return ws.getCell(n, 3).value ?? ws.getCell(n, 4).value;
  throw new Error(`no figure ${label}`);
}

const IVAN = "Иван Петров (@ivan)";
const RU_SHEETS = ["Итоги месяца", "Менеджеры", "Сегменты", "Бюджет", "Задачи", "Сверки", "Отказы", "Сделки", "Расходы", "Исправления"];

describe("export workbook", () => {
  it("has the month's sheets in Russian with headers and one row per seeded record", async () => {
    const db = createPlanDb();
    const seed = seedExportMonth(db);
    const { result, workbook } = await exportOf(db, "ru", "2026-11");

    expect(result).toMatchObject({ period: "2026-11", asOf: "2026-11-30", fileName: "sales-2026-11.xlsx", rows: NOVEMBER_COUNTS });
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(RU_SHEETS);
    expect(EXPORT_SHEETS).toHaveLength(RU_SHEETS.length);

    const headers: Record<string, string[]> = {
      Задачи: ["№", "Менеджер", "Задача", "Состояние", "Срок", "Просрочена", "Зависла", "Поставил(а)", "Создана", "Состояние изменено", "Комментарий к возврату"],
      Сверки: ["Дата", "Менеджер", "Статус", "Запрос отправлен", "Ответ получен", "Звонки", "Встречи", "КП", "Ответы по задачам", "Заметка"],
      Отказы: ["Когда", "Компания", "Сегмент", "Менеджер", "Причина", "Потерян навсегда", "Комментарий", "Отработка", "Отработать до конца дня", "Итог зафиксирован"],
      Сделки: ["Дата", "Компания", "Сегмент", "Менеджер", "Сумма"],
      Расходы: ["Дата", "Статья", "Сумма", "Заметка", "Кто внёс"],
      "Итоги месяца": ["Раздел", "Показатель", "Значение", "Значение текстом"],
      Менеджеры: ["Менеджер", "Доля плана", "План, клиентов", "План, выручка", "Новых клиентов", "Выручка", "Сверок было", "Сверок сдано", "Сверки сданы, доля"],
      Сегменты: ["Сегмент", "Компаний", "Свежие", "Остывают", "Потеряны", "Закрыты", "Клиенты", "Выжжено, доля", "На паузе", "Новых контактов в неделю", "Недель до исчерпания"],
      Бюджет: ["Статья", "Бюджет", "Расходы"],
      Исправления: ["Когда", "Кто исправил", "Исправление", "Запись", "Компания", "Дата", "Сумма", "Новая компания", "Новая дата", "Новая сумма", "Автор записи"],
    };
    for (const [name, expected] of Object.entries(headers)) expect(row(sheet(workbook, name), 1), name).toEqual(expected);

    const counts = { Задачи: 2, Сверки: 4, Отказы: 3, Сделки: 3, Расходы: 2, Менеджеры: 2, Сегменты: 2, Бюджет: 2 };
    for (const [name, n] of Object.entries(counts)) expect(dataRows(sheet(workbook, name)), name).toBe(n);

    // Every table: frozen header, an autofilter over the table, widths set.
    for (const ws of workbook.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width, `${ws.name} col ${c}`).toBeGreaterThanOrEqual(10);
    }
    expect(sheet(workbook, "Сделки").autoFilter).toBe("A1:E4");

    // Tasks: the one still new is overdue and stalled (ivan's check-ups passed it by); the accepted one; state
    // words and people by name and @username (a name that only repeats the username is left out).
    const tasks = sheet(workbook, "Задачи");
    expect(row(tasks, 2).slice(0, 8)).toEqual([seed.overdueTaskId, IVAN, "Позвонить в Альфу", "новая", new Date("2026-11-06T00:00:00Z"), "да", "да", "@anna"]);
    expect(row(tasks, 3).slice(5, 7)).toEqual(["нет", "нет"]);
    expect(row(tasks, 3).slice(0, 4)).toEqual([seed.acceptedTaskId, "@olga", "КП для Беты", "принята"]);
    // Times are the team's wall clock: created 28.10 09:30 Moscow.
    expect(tasks.getCell("I2").value).toEqual(new Date("2026-10-28T09:30:00Z"));
    expect(tasks.getCell("I2").numFmt).toBe("dd.mm.yyyy hh:mm");
    expect(tasks.getCell("E2").numFmt).toBe("dd.mm.yyyy");

    const checkups = sheet(workbook, "Сверки");
    expect(row(checkups, 2)).toEqual([new Date("2026-11-02T00:00:00Z"), IVAN, "сдана", new Date("2026-11-02T10:00:00Z"), new Date("2026-11-02T11:15:00Z"), 12, 3, 1, undefined, "Альфа подписала"]);
    expect(checkups.getCell("C4").value).toBe("пропущена");
    expect(checkups.getCell("I5").value).toBe(`#${seed.overdueTaskId}: не начата`);

    const refusals = sheet(workbook, "Отказы");
    expect(row(refusals, 2).slice(0, 8)).toEqual([new Date("2026-11-09T12:00:00Z"), "Омега", "Металл", IVAN, "цена", "нет", "Дорого, вернуться весной", "не отработан — выжжен"]);
    // Refused on Monday 9 November: to be worked out by the end of Wednesday 11, the 2nd working day after.
    expect(refusals.getCell("I2").value).toEqual(new Date("2026-11-11T00:00:00Z"));
    expect(refusals.getCell("I2").numFmt).toBe("dd.mm.yyyy");
    expect(row(refusals, 3).slice(1, 8)).toEqual(["Сигма", "Металл", "@olga", "нет потребности", "да", undefined, "потеряна навсегда"]);
    expect(row(refusals, 4).slice(1, 8)).toEqual(["Тау", "Металл", IVAN, "не время", "нет", undefined, "отработан"]);

    const deals = sheet(workbook, "Сделки");
    expect(row(deals, 2)).toEqual([new Date("2026-11-02T00:00:00Z"), "Альфа", "Retail", IVAN, 120_000]);
    expect(row(deals, 4)).toEqual([new Date("2026-11-16T00:00:00Z"), "Гамма", "Retail", IVAN, 200_000.5]);
    expect(deals.getCell("E2").numFmt).toBe('#,##0.00 "₽"');

    const expenses = sheet(workbook, "Расходы");
    expect(row(expenses, 2)).toEqual([new Date("2026-11-05T00:00:00Z"), "маркетинг", 50_000, undefined, "@anna"]);
    expect(row(expenses, 3)).toEqual([new Date("2026-11-16T00:00:00Z"), "инструменты", 10_000, "CRM", "@boss"]);
  });

  it("the figures are those of the plan and burn reports, not computed again", async () => {
    const db = createPlanDb();
    seedExportMonth(db);
    const { workbook } = await exportOf(db, "ru", "2026-11");
    const plan = planReport(db, TEAM_ID, { period: "2026-11", now: EXPORT_NOW });
    const burn = burnReport(db, TEAM_ID, { json: true, period: "2026-11", now: EXPORT_NOW }) as ReturnType<typeof planReport> & Record<string, number>;
    const figures = sheet(workbook, "Итоги месяца");

    expect(figure(figures, "Месяц")).toBe("ноябрь 2026");
    expect(figure(figures, "Цифры на дату")).toBe("30.11.2026");
    expect(figure(figures, "Выручка")).toBe(plan.revenue);
    expect(plan.revenue).toBe(400_000.5);
    expect(figure(figures, "Новых клиентов")).toBe(plan.wonClients);
    expect(figure(figures, "План: выручка")).toBe(plan.planRevenue);
    expect(figure(figures, "Рабочих дней в месяце")).toBe(plan.workingDaysTotal);
    expect(figure(figures, "Доля прошедших рабочих дней")).toBe(plan.pace);
    expect(figure(figures, "Прогноз выручки")).toBe(plan.forecastRevenue);
    expect(figure(figures, "Бюджет")).toBe(plan.budget);
    expect(figure(figures, "Расходы")).toBe(plan.expenses);
    expect(figure(figures, "Стоимость клиента")).toBe(plan.costPerClient);
    for (const [label, key] of [
      ["Контактов", "contacted"],
      ["Отказов", "refused"],
      ["Отработано в срок", "handled"],
      ["Выжжено", "burned"],
      ["Потеряно навсегда", "lost"],
      ["Доля отказов", "refusalRate"],
      ["Доля выжженных", "burnRate"],
    ] as const) {
      expect(figure(figures, label), label).toBe(burn[key]);
    }
    expect([burn.contacted, burn.refused, burn.handled, burn.burned, burn.lost]).toEqual([6, 3, 1, 2, 1]);
    // Rates are percents, money is roubles with the currency format; a figure without a value reads "—".
    const rateRow = figures.getColumn(2).values.indexOf("Доля выжженных");
    expect(figures.getCell(rateRow, 3).numFmt).toBe("0.0%");
    const moneyRow = figures.getColumn(2).values.indexOf("Выручка");
    expect(figures.getCell(moneyRow, 3).numFmt).toBe('#,##0.00 "₽"');

    const managers = sheet(workbook, "Менеджеры");
    expect(row(managers, 2).slice(0, 6)).toEqual([IVAN, 0.5, 5, 500_000, 2, 320_000.5]);
    expect(row(managers, 2).slice(6, 8)).toEqual([3, 2]);
    expect(managers.getCell("I2").value).toBeCloseTo(plan.managers[0]!.checkinRate!, 4);
    const segments = sheet(workbook, "Сегменты");
    expect(segments.getColumn(1).values.slice(2).sort()).toEqual(["Retail", "Металл"]);
    expect(row(sheet(workbook, "Бюджет"), 2)).toEqual(["маркетинг", 100_000, 50_000]);
  });

  it("money tables end with a totals row of SUM formulas, and the summary sheet holds one type per column", async () => {
    const db = createPlanDb();
    seedExportMonth(db);
    const { workbook } = await exportOf(db, "ru", "2026-11");
    const deals = sheet(workbook, "Сделки");
    expect(deals.getCell("D5").value).toBe("Итого");
    expect(deals.getCell("E5").value).toEqual({ formula: "SUM(E2:E4)", result: 120_000 + 80_000 + 200_000.5 });
    expect(deals.getCell("E5").numFmt).toBe('#,##0.00 "₽"');
    expect(deals.getRow(5).font?.bold).toBe(true);
    const expenses = sheet(workbook, "Расходы");
    expect([expenses.getCell("B4").value, expenses.getCell("C4").value]).toEqual(["Итого", { formula: "SUM(C2:C3)", result: 60_000 }]);
    const budget = sheet(workbook, "Бюджет");
    const budgetSum = (budget.getCell("B2").value as number) + (budget.getCell("B3").value as number);
    expect(row(budget, 4)).toEqual(["Итого", { formula: "SUM(B2:B3)", result: budgetSum }, { formula: "SUM(C2:C3)", result: 60_000 }]);
    const managers = sheet(workbook, "Менеджеры");
    expect(managers.getCell("A4").value).toBe("Итого");
    expect(managers.getCell("F4").value).toMatchObject({ formula: "SUM(F2:F3)" });
    // The checkin rate is a share, not summed.
    expect(managers.getCell("I4").value).toBeNull();

    const figures = sheet(workbook, "Итоги месяца");
    const types = (column: number): Set<string> => {
      const seen = new Set<string>();
      for (let n = 2; n <= figures.rowCount; n++) {
        const value = figures.getCell(n, column).value;
        if (value !== null && value !== undefined) seen.add(typeof value);
      }
      return seen;
    };
    expect([types(1), types(2), types(3), types(4)]).toEqual([new Set(["string"]), new Set(["string"]), new Set(["number"]), new Set(["string"])]);
  });

  it("speaks English for an English reader, and a month without data still has every sheet with its header", async () => {
    const db = createPlanDb();
    seedExportMonth(db);
    const { workbook } = await exportOf(db, "en", "2026-11");
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Month figures", "Managers", "Segments", "Budget", "Tasks", "Check-ups", "Refusals", "Deals", "Expenses", "Corrections"]);
    expect(row(sheet(workbook, "Deals"), 1)).toEqual(["Date", "Company", "Segment", "Manager", "Amount"]);
    expect(sheet(workbook, "Deals").getCell("A2").numFmt).toBe("yyyy-mm-dd");
    expect(sheet(workbook, "Refusals").getCell("H2").value).toBe("not worked out — burned");
    expect(figure(sheet(workbook, "Month figures"), "Month")).toBe("November 2026");

    const empty = await exportOf(db, "ru", "2026-09");
    expect(empty.result.rows).toEqual({ tasks: 0, checkups: 0, refusals: 0, deals: 0, expenses: 0, corrections: 0 });
    for (const name of ["Задачи", "Сверки", "Отказы", "Сделки", "Расходы", "Бюджет", "Исправления"]) {
      const ws = sheet(empty.workbook, name);
      expect(dataRows(ws), name).toBe(0);
      expect(row(ws, 1).length, name).toBeGreaterThan(2);
    }
    expect(figure(sheet(empty.workbook, "Итоги месяца"), "План: выручка")).toBe("—");
  });

  it("defaults to the current month as of today in the team time zone; a task still open carries over", async () => {
    const db = createPlanDb();
    seedExportMonth(db);
    // 30 November 22:30 UTC is already 1 December in Moscow.
    const { result } = await exportOf(db, "ru", undefined, Date.parse("2026-11-30T22:30:00Z"));
    expect(result).toMatchObject({ period: "2026-12", asOf: "2026-12-01", rows: { deals: 1, tasks: 2 } });
    expect(msk("2026-12-01", "01:30")).toBe(Date.parse("2026-11-30T22:30:00Z"));
  });
});

describe("refusal reasons in the XLSX", () => {
  it("are the same words the chat uses, for every reason and both languages", async () => {
    const db = createPlanDb();
    seedExportMonth(db);
    for (const [index, reason] of REFUSAL_REASONS.entries()) {
      const added = addCompany(db, { teamId: TEAM_ID, name: `Причина ${index}`, segmentName: "Металл", now: msk("2026-10-01", "09:00") });
      if (!added.ok) throw new Error("company not added");
      expect(recordRefusal(db, { teamId: TEAM_ID, companyId: added.company.id, memberId: null, reason, lostForGood: false, now: msk("2026-11-20", "12:00") }).ok).toBe(true);
    }
    for (const locale of ["ru", "en"] as const) {
      const t = translator.forLocale(locale);
      const { workbook } = await exportOf(db, locale, "2026-11");
      const refusals = workbook.worksheets.find((ws) => ws.name === t("export-sheet-refusals"))!;
      const shown = new Map<string, unknown>();
      refusals.eachRow((r, n) => {
        if (n > 1) shown.set(String(r.getCell(2).value), r.getCell(5).value);
      });
      for (const [index, reason] of REFUSAL_REASONS.entries()) expect(shown.get(`Причина ${index}`), `${locale} ${reason}`).toBe(t(`base-reason-${reason}`));
    }
  });
});
