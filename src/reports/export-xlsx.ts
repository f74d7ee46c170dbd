/**
 * The month as an Excel workbook: the month's figures (computed by the services, nothing is recomputed
 * here), each manager's part of the plan, the segments, the budget, and the rows behind them: tasks,
 * check-ups, refusals, deals and expenses.
 *
 * What a row set holds for a period (a calendar month in the team time zone):
 * - tasks: created before the month ended and not accepted or cancelled before it began (the tasks
 *   somebody worked on in the month); their state, overdue and stalled flags are as of now;
 * - check-ups, refusals, deals, expenses: those of the month's local days, as recorded now.
 *
 * Sheets are made for people: localized headers, times shown in the team time zone (Excel has no
 * time zones, so a cell holds the local wall-clock reading), money as numbers in roubles with a
 * currency format, rates as percents, a frozen header row, column widths and an autofilter.
 */
import ExcelJS from "exceljs";
import type { CheckupSheetRow } from "../db/checkups.js";
import type { DealSheetRow, RefusalSheetRow } from "../db/company-events.js";
import type { Expense } from "../db/expenses.js";
import type { Task } from "../db/tasks.js";
import { localDate, localParts } from "../domain/calendar.js";
import { kopecksToRoubles } from "../domain/money.js";
import type { PlanFigures } from "../domain/plan.js";
import type { BurnReport } from "../domain/burn.js";
import type { TaskFlags } from "../domain/tasks.js";
import { formatDay, formatMonth, spreadsheetName, type NamedPerson } from "../shared/format.js";
import type { Locale, Translate } from "../shared/i18n.js";
import { categoryName } from "./plan-report.js";
import { stateLabel } from "./task-state.js";

/** A record as the corrections sheet shows it, before or after a correction. */
export type CorrectedRecordRow = { kind: string; companyName: string | null; category: string | null; amountKopecks: number | null; localDay: string };

/** One correction: who voided or amended which record, and what it became (null: voided). */
export type CorrectionSheetRow = {
  at: number;
  memberId: number | null;
  via: "undo" | "edit";
  authorId: number | null;
  before: CorrectedRecordRow;
  after: CorrectedRecordRow | null;
};

/** Everything the data sheets show. */
export type ExportRows = {
  tasks: Task[];
  checkups: CheckupSheetRow[];
  refusals: RefusalSheetRow[];
  deals: DealSheetRow[];
  expenses: Expense[];
  corrections: CorrectionSheetRow[];
};

// ---------------------------------------------------------------------------------------------------------
// Cells and sheets

type Kind = "text" | "long" | "int" | "money" | "percent" | "decimal" | "date" | "datetime";
type Value = string | number | Date | null;
type Column = { header: string; kind: Kind };

/** How a sheet reads in the founder's language. */
export interface ExportFormat {
  t: Translate;
  locale: Locale;
  timezone: string;
  currency: string;
}

const CURRENCY_SYMBOLS: Record<string, string> = { RUB: "₽", USD: "$", EUR: "€", KZT: "₸", BYN: "Br", UAH: "₴" };

function numberFormats(format: ExportFormat): Record<Kind, string | undefined> {
  const symbol = CURRENCY_SYMBOLS[format.currency.toUpperCase()] ?? format.currency.toUpperCase();
  const day = format.locale === "ru" ? "dd.mm.yyyy" : "yyyy-mm-dd";
  return {
    text: undefined,
    long: undefined,
    int: "0",
    money: `#,##0.00 "${symbol}"`,
    percent: "0.0%",
    decimal: "0.00",
    date: day,
    datetime: `${day} hh:mm`,
  };
}

/** A local day 'YYYY-MM-DD' as an Excel date. */
function dayCell(day: string | null): Date | null {
  return day === null ? null : new Date(`${day}T00:00:00Z`);
}

/** An instant as an Excel date-time showing the team's wall clock. */
function timeCell(instant: number | null, timezone: string): Date | null {
  if (instant === null) return null;
  const p = localParts(instant, timezone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

const roubles = (kopecks: number | null): number | null => (kopecks === null ? null : kopecksToRoubles(kopecks));

/** Rough width of what a cell shows, in characters. */
function shownLength(value: Value, kind: Kind): number {
  if (value === null) return 1;
  if (kind === "date") return 10;
  if (kind === "datetime") return 16;
  if (typeof value === "number") {
    const digits = String(Math.trunc(Math.abs(value))).length;
    if (kind === "money") return digits + Math.floor((digits - 1) / 3) + 5;
    if (kind === "percent") return 7;
    return String(value).length + 1;
  }
  return Math.max(...String(value).split("\n").map((line) => line.length));
}

/** A totals row under a table: `label` in the column left of the first summed one, a SUM under each summed column. */
type Totals = { label: string; sum: number[] };

function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Appends the totals row: formulas an accountant can follow, with their results stored for readers that do not compute. */
function addTotals(sheet: ExcelJS.Worksheet, rows: Value[][], totals: Totals, formats: Record<Kind, string | undefined>, columns: Column[]): void {
  const last = rows.length + 1;
  const row = sheet.getRow(last + 1);
  // getCell counts from 1, so the 0-based index of the first sum names the column left of it.
  row.getCell(Math.min(...totals.sum)).value = totals.label;
  for (const index of totals.sum) {
    const values = rows.map((r) => r[index]).filter((value): value is number => typeof value === "number");
    const letter = columnLetter(index);
    const cell = row.getCell(index + 1);
    cell.value = values.length === 0 ? null : { formula: `SUM(${letter}2:${letter}${last})`, result: values.reduce((sum, value) => sum + value, 0) };
    const numFmt = formats[columns[index]!.kind];
    if (numFmt) cell.numFmt = numFmt;
  }
  row.font = { bold: true };
  row.eachCell((cell) => (cell.border = { top: { style: "thin", color: { argb: "FF8EA9DB" } } }));
}

/**
 * One sheet as a table: a bold, frozen header row with an autofilter over the table, a number format per
 * column and widths that fit the content (long texts wrap at 60 characters); money sheets end with totals.
 */
function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Value[][],
  format: ExportFormat,
  totals?: Totals,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const formats = numberFormats(format);
  sheet.columns = columns.map((column, index) => {
    const longest = Math.max(column.header.length, ...rows.map((row) => shownLength(row[index] ?? null, column.kind)));
    const cap = column.kind === "long" ? 60 : 40;
    // exceljs leaves out a width of exactly 9 (its default), so narrow columns get 10.
    return { header: column.header, width: Math.min(cap, Math.max(10, longest + 2)) };
  });
  for (const row of rows) sheet.addRow(row.map((value) => value ?? null));
  columns.forEach((column, index) => {
    const numFmt = formats[column.kind];
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber === 1) return;
      if (numFmt) cell.numFmt = numFmt;
      cell.alignment = column.kind === "long" ? { vertical: "top", wrapText: true } : { vertical: "top" };
    });
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  if (totals && rows.length > 0) addTotals(sheet, rows, totals, formats, columns);
  return sheet;
}

// ---------------------------------------------------------------------------------------------------------
// The workbook

/** The data of one export: the period, the figures and the rows. */
export type ExportInput = {
  period: string;
  asOf: string;
  now: number;
  plan: PlanFigures;
  burn: BurnReport;
  rows: ExportRows;
  /** Members by id, removed ones included (their rows still need a name). */
  member: (id: number | null) => (Pick<NamedPerson, "username" | "firstName"> & { lastName?: string }) | undefined;
  /** Overdue and stalled as /tasks shows them now. */
  taskFlags: Map<number, TaskFlags>;
};

/** Sheet keys in workbook order; the names are `export-sheet-<key>` in the reader's language. */
export const EXPORT_SHEETS = ["figures", "managers", "segments", "budget", "tasks", "checkups", "refusals", "deals", "expenses", "corrections"] as const;
export type ExportSheet = (typeof EXPORT_SHEETS)[number];

/** Builds the workbook in memory. */
export function buildExportWorkbook(input: ExportInput, format: ExportFormat): ExcelJS.Workbook {
  const { t, timezone } = format;
  const { plan, burn, rows } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sales Control Bot";
  workbook.created = new Date(input.now);
  const sheetName = (key: ExportSheet): string => t(`export-sheet-${key}`).slice(0, 31);
  const name = (id: number | null): string | null => {
    const member = input.member(id);
    return member ? spreadsheetName(member) : null;
  };
  const yesNo = (flag: boolean): string => t(flag ? "export-yes" : "export-no");
  const col = (key: string, kind: Kind): Column => ({ header: t(`export-col-${key}`), kind });

  // Figures: one row per figure, each value with its own number format.
  const figureRows: { section: string; label: string; value: Value; kind: Kind }[] = [];
  const figure = (section: string, key: string, value: Value, kind: Kind): void => {
    figureRows.push({ section: t(`export-section-${section}`), label: t(`export-fig-${key}`), value, kind });
  };
  // One type per column: numbers in "value", the period's words and dates as text in "value-text".
  const generated = localParts(input.now, timezone);
  const clock = `${String(generated.hour).padStart(2, "0")}:${String(generated.minute).padStart(2, "0")}`;
  const shownDay = (day: string): string => (format.locale === "ru" ? formatDay(day) : day);
  figure("period", "period", formatMonth(t, input.period), "text");
  figure("period", "as-of", shownDay(input.asOf), "text");
  figure("period", "generated", `${shownDay(localDate(input.now, timezone))} ${clock}`, "text");
  figure("period", "timezone", timezone, "text");
  figure("plan", "plan-clients", plan.planClients, "int");
  figure("plan", "avg-check", roubles(plan.avgCheckKopecks), "money");
  figure("plan", "plan-revenue", roubles(plan.planRevenueKopecks), "money");
  figure("plan", "won-clients", plan.wonClients, "int");
  figure("plan", "revenue", roubles(plan.revenueKopecks), "money");
  figure("plan", "plan-completion", plan.planCompletion, "percent");
  figure("plan", "working-days-total", plan.workingDaysTotal, "int");
  figure("plan", "working-days-elapsed", plan.workingDaysElapsed, "int");
  figure("plan", "pace", plan.pace, "percent");
  figure("plan", "forecast-revenue", roubles(plan.forecastRevenueKopecks), "money");
  figure("plan", "forecast-clients", plan.forecastClients, "decimal");
  figure("plan", "forecast-completion", plan.forecastCompletion, "percent");
  figure("plan", "required-daily", roubles(plan.requiredDailyRevenueKopecks), "money");
  figure("budget", "budget", roubles(plan.budgetKopecks), "money");
  figure("budget", "expenses", roubles(plan.expensesKopecks), "money");
  figure("budget", "cost-per-client", roubles(plan.costPerClientKopecks), "money");
  figure("budget", "revenue-per-rouble", plan.revenuePerRoubleSpent, "decimal");
  const b = burn.figures;
  figure("burn", "contacted", b.contacted, "int");
  figure("burn", "refused", b.refused, "int");
  figure("burn", "handled", b.handled, "int");
  figure("burn", "burned", b.burned, "int");
  figure("burn", "lost", b.lost, "int");
  figure("burn", "closed", b.closed, "int");
  figure("burn", "cooling", b.coolingNow, "int");
  figure("burn", "refusal-rate", b.refusalRate, "percent");
  figure("burn", "burn-rate", b.burnRate, "percent");
  const figuresSheet = addTable(
    workbook,
    sheetName("figures"),
    [col("section", "text"), col("figure", "text"), col("value", "decimal"), col("value-text", "text")],
    figureRows.map((row) =>
      row.kind === "text" ? [row.section, row.label, null, row.value] : [row.section, row.label, row.value, row.value === null ? t("export-none") : null],
    ),
    format,
  );
  const formats = numberFormats(format);
  figureRows.forEach((row, index) => {
    const cell = figuresSheet.getCell(index + 2, 3);
    if (row.value !== null && row.kind !== "text") cell.numFmt = formats[row.kind]!;
    cell.alignment = { horizontal: "right" };
  });
  figuresSheet.getColumn(3).width = 20;

  addTable(
    workbook,
    sheetName("managers"),
    [
      col("manager", "text"),
      col("plan-share", "percent"),
      col("plan-clients", "decimal"),
      col("plan-revenue", "money"),
      col("won-clients", "int"),
      col("revenue", "money"),
      col("checkups-due", "int"),
      col("checkups-answered", "int"),
      col("checkin-rate", "percent"),
    ],
    plan.managers.map((m) => [
      m.managerId === 0 ? t("export-none") : (name(m.managerId) ?? m.username),
      m.planShare,
      m.planClients,
      roubles(m.planRevenueKopecks),
      m.wonClients,
      roubles(m.revenueKopecks),
      m.checkupsDue,
      m.checkupsAnswered,
      m.checkinRate,
    ]),
    format,
    { label: t("export-total"), sum: [1, 2, 3, 4, 5, 6, 7] },
  );

  addTable(
    workbook,
    sheetName("segments"),
    [
      col("segment", "text"),
      col("size", "int"),
      col("fresh", "int"),
      col("cooling", "int"),
      col("lost", "int"),
      col("closed", "int"),
      col("won", "int"),
      col("burned-share", "percent"),
      col("paused", "text"),
      col("weekly-new", "decimal"),
      col("weeks-to-exhaust", "decimal"),
    ],
    b.segments.map((s, index) => [
      s.name,
      s.size,
      s.fresh,
      s.coolingNow,
      s.lost,
      s.closed,
      s.won,
      s.burnedShare,
      yesNo(s.paused),
      burn.segmentDetails[index]?.weeklyNewContacts ?? null,
      s.weeksToExhaust,
    ]),
    format,
  );

  addTable(
    workbook,
    sheetName("budget"),
    [col("category", "text"), col("budget", "money"), col("expenses", "money")],
    plan.categories.map((c) => [categoryName(t, c.category), roubles(c.budgetKopecks), roubles(c.expensesKopecks)]),
    format,
    { label: t("export-total"), sum: [1, 2] },
  );

  addTable(
    workbook,
    sheetName("tasks"),
    [
      col("task-id", "int"),
      col("manager", "text"),
      col("task", "long"),
      col("state", "text"),
      col("due", "date"),
      col("overdue", "text"),
      col("stalled", "text"),
      col("author", "text"),
      col("created", "datetime"),
      col("changed", "datetime"),
      col("return-comment", "long"),
    ],
    rows.tasks.map((task) => {
      const flags = input.taskFlags.get(task.id);
      return [
        task.id,
        name(task.assigneeId),
        task.text,
        stateLabel(t, task.state),
        dayCell(task.dueDate),
        yesNo(flags?.overdue ?? false),
        yesNo(flags?.stalled ?? false),
        name(task.authorId),
        timeCell(task.createdAt, timezone),
        timeCell(task.stateChangedAt, timezone),
        task.returnComment,
      ];
    }),
    format,
  );

  addTable(
    workbook,
    sheetName("checkups"),
    [
      col("date", "date"),
      col("manager", "text"),
      col("status", "text"),
      col("prompted", "datetime"),
      col("answered-at", "datetime"),
      col("calls", "int"),
      col("meetings", "int"),
      col("proposals", "int"),
      col("answers", "long"),
      col("note", "long"),
    ],
    rows.checkups.map((c) => [
      dayCell(c.local_date),
      name(c.member_id),
      t(`export-checkup-${c.status}`),
      timeCell(c.prompted_at, timezone),
      timeCell(c.answered_at, timezone),
      c.calls,
      c.meetings,
      c.proposals,
      c.answers.length === 0
        ? null
        : c.answers.map((a) => t("export-answer-item", { id: String(a.taskId), answer: t(`export-answer-${a.answer.replace("_", "-")}`) })).join("\n"),
      c.note,
    ]),
    format,
  );

  addTable(
    workbook,
    sheetName("refusals"),
    [
      col("when", "datetime"),
      col("company", "text"),
      col("segment", "text"),
      col("manager", "text"),
      col("reason", "text"),
      col("lost-for-good", "text"),
      col("comment", "long"),
      col("handling", "text"),
      col("window-end", "date"),
      col("settled", "datetime"),
    ],
    rows.refusals.map((r) => [
      timeCell(r.at, timezone),
      r.company,
      r.segment,
      name(r.member_id),
      // The same words as the chat's buttons and cards, so a reason reads the same everywhere.
      r.reason === null ? null : t(`base-reason-${r.reason}`),
      yesNo(r.lost === 1),
      r.comment,
      r.status === null ? null : t(`base-refusal-status-${r.status}`),
      // The window ends at the midnight after its last working day: that day is what the manager works to.
      r.lost === 1 || r.window_end_at === null ? null : dayCell(localDate(r.window_end_at - 1, timezone)),
      timeCell(r.settled_at, timezone),
    ]),
    format,
  );

  addTable(
    workbook,
    sheetName("deals"),
    [col("date", "date"), col("company", "text"), col("segment", "text"), col("manager", "text"), col("amount", "money")],
    rows.deals.map((d) => [dayCell(d.local_day), d.company, d.segment, name(d.member_id), roubles(d.amount_kopecks)]),
    format,
    { label: t("export-total"), sum: [4] },
  );

  addTable(
    workbook,
    sheetName("expenses"),
    [col("date", "date"), col("category", "text"), col("amount", "money"), col("note", "long"), col("logged-by", "text")],
    rows.expenses.map((e) => [dayCell(e.localDay), categoryName(t, e.category), roubles(e.amountKopecks), e.note, name(e.memberId)]),
    format,
    { label: t("export-total"), sum: [2] },
  );

  // Voided records are left out of the sheets above and the figures; here is what was corrected and how.
  const what = (r: CorrectedRecordRow): string => (r.kind === "expense" ? `${t("export-corr-kind-expense")}: ${categoryName(t, r.category ?? "")}` : t(`export-corr-kind-${r.kind}`));
  addTable(
    workbook,
    sheetName("corrections"),
    [
      col("when", "datetime"),
      col("corrected-by", "text"),
      col("correction", "text"),
      col("record", "text"),
      col("company", "text"),
      col("date", "date"),
      col("amount", "money"),
      col("new-company", "text"),
      col("new-date", "date"),
      col("new-amount", "money"),
      col("record-author", "text"),
    ],
    rows.corrections.map((c) => [
      timeCell(c.at, timezone),
      name(c.memberId),
      t(c.after === null ? `export-corr-${c.via}` : "export-corr-amended"),
      what(c.before),
      c.before.companyName,
      dayCell(c.before.localDay),
      c.before.amountKopecks === null ? null : roubles(c.before.amountKopecks),
      c.after?.companyName ?? null,
      dayCell(c.after?.localDay ?? null),
      c.after?.amountKopecks == null ? null : roubles(c.after.amountKopecks),
      name(c.authorId),
    ]),
    format,
  );
  return workbook;
}
