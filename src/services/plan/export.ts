/**
 * The month as an Excel workbook, for /export and `npm run export`: the same figures /plan and /burn
 * read (nothing is recomputed) and the rows behind them.
 *
 * What a row set holds for a period (a calendar month in the team time zone):
 * - tasks: created before the month ended and not accepted or cancelled before it began (the tasks
 *   somebody worked on in the month); their state, overdue and stalled flags are as of now;
 * - check-ups, refusals, deals, expenses: those of the month's local days, as recorded now.
 */
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";
import { getMember, type Member } from "../../db/members.js";
import { listCheckupSheetRows } from "../../db/checkups.js";
import { listDealSheetRows, listRefusalSheetRows } from "../../db/company-events.js";
import { listExpenses } from "../../db/expenses.js";
import { listTasksLiveBetween } from "../../db/tasks.js";
import { addDays, localDate, zonedInstant } from "../../domain/calendar.js";
import { periodBounds, periodOf } from "../../domain/period.js";
import { buildExportWorkbook, type CorrectionSheetRow, type ExportRows } from "../../reports/export-xlsx.js";
import { listCorrections } from "../../db/corrections.js";
import { listRemovedCompanies } from "../../db/companies.js";
import { recordSummary } from "../corrections/records.js";
import type { Locale, Translate } from "../../shared/i18n.js";
import { loadBurnReport, resolveAsOf } from "../leads/burn-report.js";
import { taskFlags } from "../tasks/checkup-report.js";
import { loadPlanFigures } from "./figures.js";

/** Reads the period's rows (see the file comment for which rows belong to a period). */
export function readExportRows(db: Db, team: Team, period: string): ExportRows {
  const { from, to } = periodBounds(period);
  const startAt = zonedInstant(from, "00:00", team.timezone).getTime();
  const endAt = zonedInstant(addDays(to, 1), "00:00", team.timezone).getTime();
  return {
    tasks: listTasksLiveBetween(db, team.id, startAt, endAt),
    checkups: listCheckupSheetRows(db, team.id, from, to),
    refusals: listRefusalSheetRows(db, team.id, from, to),
    deals: listDealSheetRows(db, team.id, from, to),
    expenses: listExpenses(db, team.id, from, to),
    corrections: correctionSheetRows(db, team.id, from, to),
  };
}

/** The corrections made in the month, each with its record before and after, and the companies taken back (/undo of /add). */
function correctionSheetRows(db: Db, teamId: number, from: string, to: string): CorrectionSheetRow[] {
  const corrections = listCorrections(db, teamId, from, to).flatMap((correction): CorrectionSheetRow[] => {
    const before = recordSummary(db, teamId, correction.record, correction.recordId);
    if (!before) return [];
    const after = correction.replacementId === null ? null : (recordSummary(db, teamId, correction.record, correction.replacementId) ?? null);
    return [{ at: correction.at, memberId: correction.memberId, via: correction.via, authorId: before.memberId, before, after }];
  });
  const removed = listRemovedCompanies(db, teamId, from, to).map(
    (company): CorrectionSheetRow => ({
      at: company.removedAt,
      memberId: company.removedBy,
      via: "undo",
      authorId: company.addedBy,
      before: { kind: "add", companyName: company.name, category: null, amountKopecks: null, localDay: company.addedDay },
      after: null,
    }),
  );
  return [...corrections, ...removed].sort((a, b) => a.at - b.at);
}

export type ExportRequest = {
  /** 'YYYY-MM'; default: the current month in the team time zone */
  period?: string;
  now: number;
  t: Translate;
  locale: Locale;
};

export type ExportResult = {
  period: string;
  asOf: string;
  /** `sales-<period>.xlsx` */
  fileName: string;
  bytes: Buffer;
  /** Data rows per sheet (header rows not counted). */
  rows: Record<"tasks" | "checkups" | "refusals" | "deals" | "expenses" | "corrections", number>;
};

/**
 * The workbook of a period as of a day (default as for /plan and the reports: today for the current or a
 * future month, the last day for a past one). Figures are finalized and read exactly as /burn and /plan read them.
 */
export async function buildExport(db: Db, team: Team, request: ExportRequest): Promise<ExportResult> {
  const today = localDate(request.now, team.timezone);
  const period = request.period ?? periodOf(today);
  const asOf = resolveAsOf(period, today);
  // The burn report settles refusals whose window is over first, so the refusal rows read after it agree.
  const burn = loadBurnReport(db, team.id, { period, asOf, now: request.now });
  const plan = loadPlanFigures(db, team, period, asOf);
  const rows = readExportRows(db, team, period);
  const members = new Map<number, Member | undefined>();
  const member = (id: number | null): Member | undefined => {
    if (id === null) return undefined;
    if (!members.has(id)) members.set(id, getMember(db, id));
    return members.get(id);
  };
  const workbook = buildExportWorkbook(
    { period, asOf, now: request.now, plan, burn, rows, member, taskFlags: taskFlags(db, team, rows.tasks, request.now) },
    { t: request.t, locale: request.locale, timezone: team.timezone, currency: team.currency },
  );
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    period,
    asOf,
    fileName: `sales-${period}.xlsx`,
    bytes,
    rows: {
      tasks: rows.tasks.length,
      checkups: rows.checkups.length,
      refusals: rows.refusals.length,
      deals: rows.deals.length,
      expenses: rows.expenses.length,
      corrections: rows.corrections.length,
    },
  };
}
