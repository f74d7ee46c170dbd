import type { PeriodKind, SegmentKind } from "../domain/burn.js";
import type { TeamCalendar } from "../domain/calendar.js";
import type { Db } from "./open.js";
import type { TeamRow } from "./teams.js";
import { prepared } from "./statements.js";

/** Team settings the lead base and the burn report depend on: the calendar counts the handling days. */
export interface BurnSettings extends TeamCalendar {
  handlingDays: number;
  cooldownDays: number;
  burnThreshold: number;
  pauseThreshold: number;
  closeReasons: string[];
}

/** A company's row of one period's sets (see burn_period_companies in 0003_base.sql). */
export interface PeriodCompany {
  contactedDay: string | null;
  refusedDay: string | null;
  burnedDay: string | null;
  lostDay: string | null;
  openRefusals: number;
}

interface PeriodCompanyRow {
  contacted_day: string | null;
  refused_day: string | null;
  burned_day: string | null;
  lost_day: string | null;
  open_refusals: number;
}

/** The module's SQL texts; each runs through the connection's statement cache (prepared). */
const SQL = {
  settings: `SELECT timezone, working_days, holidays, country, extra_workdays, handling_days, cooldown_days, burn_threshold,
              pause_threshold, close_reasons FROM teams WHERE id = ?`,
  segmentDay: "INSERT INTO segment_days (team_id, kind, day, segment_id, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
  segmentMonth: "INSERT INTO segment_months (team_id, kind, period, segment_id, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
  segmentTotal: "INSERT INTO segment_totals (team_id, segment_id, kind, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
  segmentWeek: "INSERT INTO segment_weeks (team_id, week, segment_id, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
  periodDay: "INSERT INTO burn_period_days (team_id, period, kind, day, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
  getPeriodCompany: "SELECT contacted_day, refused_day, burned_day, lost_day, open_refusals FROM burn_period_companies WHERE team_id = ? AND period = ? AND company_id = ?",
  putPeriodCompany: `INSERT INTO burn_period_companies (team_id, period, company_id, contacted_day, refused_day, burned_day, lost_day, open_refusals)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET contacted_day = excluded.contacted_day, refused_day = excluded.refused_day,
       burned_day = excluded.burned_day, lost_day = excluded.lost_day, open_refusals = excluded.open_refusals`,
  segmentTotalsOf: "SELECT kind, n FROM segment_totals WHERE team_id = ? AND segment_id = ?",
  totals: "SELECT segment_id, kind, n FROM segment_totals WHERE team_id = ?",
  baseSize: "SELECT COALESCE(SUM(n), 0) AS n FROM segment_totals WHERE team_id = ? AND kind = 'size'",
  monthsAfter: "SELECT segment_id, kind, period, n FROM segment_months WHERE team_id = ? AND kind = ? AND period > ?",
  daysBetween: "SELECT segment_id, kind, day, n FROM segment_days WHERE team_id = ? AND kind = ? AND day > ? AND day <= ?",
  weeks: "SELECT segment_id, week, n FROM segment_weeks WHERE team_id = ? AND week >= ? AND week <= ?",
  periodDays: "SELECT kind, day, n FROM burn_period_days WHERE team_id = ? AND period = ?",
  // burned × 1.0 / size is the same IEEE division as share() in src/domain/burn.ts.
  alertSums: `SELECT COALESCE(SUM(CASE WHEN kind = 'contacted' THEN n END), 0) AS contacted,
            COALESCE(SUM(CASE WHEN kind = 'burned' THEN n END), 0) AS burned,
            (SELECT COALESCE(MAX(CASE WHEN size > 0 THEN burned * 1.0 / size ELSE 0 END), 0) FROM (
               SELECT SUM(CASE WHEN kind IN ('cooling', 'lost') THEN n ELSE 0 END) AS burned,
                      SUM(CASE WHEN kind = 'size' THEN n ELSE 0 END) AS size
                 FROM segment_totals WHERE team_id = ? GROUP BY segment_id)) AS maxSegmentShare
       FROM burn_period_days WHERE team_id = ? AND period = ? AND day <= ?`,
} as const;

/** The team's lead-base settings; throws when the team does not exist. */
export function readBurnSettings(db: Db, teamId: number): BurnSettings {
  const row = prepared(db, SQL.settings).get(teamId) as
    | Pick<TeamRow, "timezone" | "working_days" | "holidays" | "country" | "extra_workdays" | "handling_days" | "cooldown_days" | "burn_threshold" | "pause_threshold" | "close_reasons">
    | undefined;
  if (!row) throw new Error(`team ${teamId} does not exist`);
  let closeReasons: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.close_reasons);
    if (Array.isArray(parsed)) closeReasons = parsed.filter((r): r is string => typeof r === "string");
  } catch {
    // A hand-edited, broken setting must not stop the base from working; only the built-in reasons apply.
  }
  return {
    timezone: row.timezone,
    workingDays: row.working_days.split(",").filter(Boolean).map(Number),
    holidays: JSON.parse(row.holidays) as string[],
    country: row.country,
    extraWorkdays: JSON.parse(row.extra_workdays) as string[],
    handlingDays: row.handling_days,
    cooldownDays: row.cooldown_days,
    burnThreshold: row.burn_threshold,
    pauseThreshold: row.pause_threshold,
    closeReasons,
  };
}

/** Adds `delta` to a segment's state counter on `day` (its day, month and total rows). */
export function bumpSegment(db: Db, teamId: number, segmentId: number, kind: SegmentKind, day: string, delta: number): void {
  if (delta === 0) return;
  prepared(db, SQL.segmentDay).run(teamId, kind, day, segmentId, delta);
  prepared(db, SQL.segmentMonth).run(teamId, kind, day.slice(0, 7), segmentId, delta);
  prepared(db, SQL.segmentTotal).run(teamId, segmentId, kind, delta);
}

/** Counts a first contact in the segment's week (`week` = its Monday). */
export function bumpFirstContactWeek(db: Db, teamId: number, segmentId: number, week: string, delta: number): void {
  prepared(db, SQL.segmentWeek).run(teamId, week, segmentId, delta);
}

export function bumpPeriodDay(db: Db, teamId: number, period: string, kind: PeriodKind, day: string, delta: number): void {
  if (delta === 0) return;
  prepared(db, SQL.periodDay).run(teamId, period, kind, day, delta);
}

export function getPeriodCompany(db: Db, teamId: number, period: string, companyId: number): PeriodCompany {
  const row = prepared(db, SQL.getPeriodCompany).get(teamId, period, companyId) as PeriodCompanyRow | undefined;
  return {
    contactedDay: row?.contacted_day ?? null,
    refusedDay: row?.refused_day ?? null,
    burnedDay: row?.burned_day ?? null,
    lostDay: row?.lost_day ?? null,
    openRefusals: row?.open_refusals ?? 0,
  };
}

export function putPeriodCompany(db: Db, teamId: number, period: string, companyId: number, row: PeriodCompany): void {
  prepared(db, SQL.putPeriodCompany).run(
    teamId,
    period,
    companyId,
    row.contactedDay,
    row.refusedDay,
    row.burnedDay,
    row.lostDay,
    row.openRefusals,
  );
}

/** A segment's counters now (all buckets). */
export function segmentTotalsOf(db: Db, teamId: number, segmentId: number): Partial<Record<SegmentKind, number>> {
  const totals: Partial<Record<SegmentKind, number>> = {};
  for (const row of prepared(db, SQL.segmentTotalsOf).all(teamId, segmentId) as { kind: SegmentKind; n: number }[]) totals[row.kind] = row.n;
  return totals;
}

/** Number of companies in the team's base now. */
export function baseSize(db: Db, teamId: number): number {
  return (prepared(db, SQL.baseSize).get(teamId) as { n: number }).n;
}

/** Every segment's counters now. */
export function readSegmentTotals(db: Db, teamId: number): { segmentId: number; kind: SegmentKind; n: number }[] {
  return (prepared(db, SQL.totals).all(teamId) as { segment_id: number; kind: SegmentKind; n: number }[]).map((row) => ({
    segmentId: row.segment_id,
    kind: row.kind,
    n: row.n,
  }));
}

/** Month buckets of the given kinds for months after `period`. */
export function readSegmentMonthsAfter(
  db: Db,
  teamId: number,
  kinds: readonly SegmentKind[],
  period: string,
): { segmentId: number; kind: SegmentKind; period: string; n: number }[] {
  return kinds.flatMap((kind) =>
    (prepared(db, SQL.monthsAfter).all(teamId, kind, period) as { segment_id: number; kind: SegmentKind; period: string; n: number }[]).map((row) => ({
      segmentId: row.segment_id,
      kind: row.kind,
      period: row.period,
      n: row.n,
    })),
  );
}

/** Day buckets of the given kinds on days after `after` up to `through`. */
export function readSegmentDays(
  db: Db,
  teamId: number,
  kinds: readonly SegmentKind[],
  after: string,
  through: string,
): { segmentId: number; kind: SegmentKind; day: string; n: number }[] {
  return kinds.flatMap((kind) =>
    (prepared(db, SQL.daysBetween).all(teamId, kind, after, through) as { segment_id: number; kind: SegmentKind; day: string; n: number }[]).map((row) => ({
      segmentId: row.segment_id,
      kind: row.kind,
      day: row.day,
      n: row.n,
    })),
  );
}

/** First-contact week buckets with Mondays from `fromWeek` to `toWeek`. */
export function readFirstContactWeeks(db: Db, teamId: number, fromWeek: string, toWeek: string): { segmentId: number; week: string; n: number }[] {
  return (prepared(db, SQL.weeks).all(teamId, fromWeek, toWeek) as { segment_id: number; week: string; n: number }[]).map((row) => ({
    segmentId: row.segment_id,
    week: row.week,
    n: row.n,
  }));
}

/** All day buckets of one period. */
export function readPeriodDays(db: Db, teamId: number, period: string): { kind: PeriodKind; day: string; n: number }[] {
  return prepared(db, SQL.periodDays).all(teamId, period) as { kind: PeriodKind; day: string; n: number }[];
}

/**
 * What the burn alerts decide on, in one read: the period's contacted and burned companies up to and including
 * `day` (the report's figures as of that day), and the largest burned share (cooling + lost) / size of any segment now.
 */
export function burnAlertSums(db: Db, teamId: number, period: string, day: string): { contacted: number; burned: number; maxSegmentShare: number } {
  return prepared(db, SQL.alertSums).get(teamId, teamId, period, day) as { contacted: number; burned: number; maxSegmentShare: number };
}
