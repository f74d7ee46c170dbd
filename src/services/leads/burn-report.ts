/**
 * The burn report from the counters: finalize what is due, read a few hundred small rows, and let
 * computeBurnFigures (src/domain/burn.ts) add them up. Its cost does not depend on the size of the base.
 */
import { localDate } from "../../domain/calendar.js";
import { computeBurnFigures, lastFourWeeks, SEGMENT_KINDS } from "../../domain/burn.js";
import type { BurnFigures, BurnInput, BurnReport } from "../../domain/burn.js";
import { periodBounds } from "../../domain/period.js";
import {
  readBurnSettings,
  readFirstContactWeeks,
  readPeriodDays,
  readSegmentDays,
  readSegmentMonthsAfter,
  readSegmentTotals,
} from "../../db/burn-counters.js";
import type { Db } from "../../db/open.js";
import { latestUnpausesAsOf, listSegments } from "../../db/segments.js";
import { listCoolingCompanies } from "../../db/companies.js";
import { baseContext } from "./context.js";
import { finalizeInTransaction } from "./finalize.js";
import { burnReportJson } from "../../reports/burn-report.js";

/**
 * The as-of day of a report: the one asked for, else today for the current or a future period and the
 * last day for a past one; never after today (nothing after now is known yet).
 */
export function resolveAsOf(period: string, today: string, requested?: string): string {
  const { to } = periodBounds(period);
  const asOf = requested ?? (to < today ? to : today);
  return asOf > today ? today : asOf;
}

export type BurnReportRequest = {
  /** 'YYYY-MM'; default: the current month in the team time zone */
  period?: string;
  /** 'YYYY-MM-DD'; default: see resolveAsOf */
  asOf?: string;
  now: number;
};

/** Reads the counters (after finalizing what is due) into computeBurnFigures' input. */
export function readBurnInput(db: Db, teamId: number, request: BurnReportRequest): BurnInput {
  const ctx = baseContext(db, teamId, request.now);
  finalizeInTransaction(ctx);
  const period = request.period ?? ctx.today.slice(0, 7);
  const asOf = resolveAsOf(period, ctx.today, request.asOf);
  const asOfMonth = asOf.slice(0, 7);
  const weeks = lastFourWeeks(asOf);
  const unpauses = new Map(latestUnpausesAsOf(db, teamId, asOf).map((u) => [u.segmentId, u]));
  return {
    period,
    asOf,
    burnThreshold: ctx.settings.burnThreshold,
    pauseThreshold: ctx.settings.pauseThreshold,
    periodDays: readPeriodDays(db, teamId, period),
    segments: listSegments(db, teamId).map((segment) => {
      const unpause = unpauses.get(segment.id);
      return {
        id: segment.id,
        name: segment.name,
        createdDay: segment.createdDay,
        unpause: unpause ? { day: unpause.day, spentDay: unpause.spentDay } : null,
      };
    }),
    segmentTotals: readSegmentTotals(db, teamId),
    segmentMonths: asOfMonth < ctx.today.slice(0, 7) ? readSegmentMonthsAfter(db, teamId, SEGMENT_KINDS, asOfMonth) : [],
    segmentDays: asOf < ctx.today ? readSegmentDays(db, teamId, SEGMENT_KINDS, asOf, endOfMonth(asOf)) : [],
    firstContactWeeks: readFirstContactWeeks(db, teamId, weeks[0]!, weeks[3]!),
  };
}

function endOfMonth(day: string): string {
  return periodBounds(day.slice(0, 7)).to;
}

/** The burn report of a period as of a day, for /burn, the JSON report, the chart and the alerts. */
export function loadBurnReport(db: Db, teamId: number, request: BurnReportRequest): BurnReport {
  return computeBurnFigures(db.transaction(() => readBurnInput(db, teamId, request)).immediate());
}

/** Today in the team's time zone (for callers choosing a default period). */
export function teamToday(db: Db, teamId: number, now: number): string {
  return localDate(now, readBurnSettings(db, teamId).timezone);
}

/** The object `npm run report -- burn --json` prints, for the CLI and the Mini App alike. */
export function loadBurnReportJson(db: Db, teamId: number, request: BurnReportRequest): BurnFigures {
  const { period, asOf, now } = request;
  return burnReportJson(loadBurnReport(db, teamId, { now, ...(period ? { period } : {}), ...(asOf ? { asOf } : {}) }).figures);
}

/** A segment's cooling companies and the day each opens again, after settling what is due (a refusal left to burn cools). */
export function loadCoolingCompanies(db: Db, teamId: number, segmentId: number, now: number): { name: string; opensOn: string }[] {
  return db
    .transaction(() => {
      finalizeInTransaction(baseContext(db, teamId, now));
      return listCoolingCompanies(db, teamId, segmentId);
    })
    .immediate();
}
