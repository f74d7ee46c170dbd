/**
 * The burn figures (docs/figures.md) for one period, as of one day — the single source of /burn, the JSON report,
 * the chart and the burn alerts. Pure: it only adds up the counter rows src/services/leads/burn-report.ts reads.
 *
 * Definitions (all counts are distinct companies; "as of D" means at the end of local day D, or now if
 * D is today):
 * - contacted / refused / lost / closed: a touch, refusal or deal / a refusal / a lost-for-good refusal /
 *   a close in the period, on or before D;
 * - burned: refused in the period and not handled within the window, the window closed by D, plus lost
 *   for good in the period;
 * - handled: refused in the period with every refusal of the period handled within its window by D
 *   (a refusal whose window is still open and unhandled is not handled yet);
 * - refusal rate = refused / contacted, burn rate = burned / contacted, both 0 when contacted = 0;
 * - per segment as of D: size, fresh (never contacted, not closed), cooling now, lost, closed, won (has a
 *   deal); burned share = (cooling now + lost) / size; weekly new contacts = first contacts in the last 4
 *   full ISO weeks (Monday–Sunday) ending on or before D, divided by 4; weeks to exhaust = fresh / weekly
 *   new contacts, null when that is 0;
 * - paused: burned share ≥ the pause threshold, unless an /unpause on or before D still holds (it holds
 *   until the first day the share closes below the threshold — see segment_unpauses in 0003_base.sql).
 */
import { addDays, weekday } from "./calendar.js";
import { periodBounds } from "./period.js";

/** Per-period day buckets: +1 when a company enters the set that day; unhandled moves ±1. */
export const PERIOD_KINDS = ["contacted", "refused", "burned", "lost", "closed", "unhandled"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Per-segment state buckets: ±1 when a company enters or leaves the state. */
export const SEGMENT_KINDS = ["size", "fresh", "cooling", "lost", "closed", "won"] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export type BurnInput = {
  /** 'YYYY-MM' */
  period: string;
  /** 'YYYY-MM-DD', not after the team's today */
  asOf: string;
  burnThreshold: number;
  pauseThreshold: number;
  /** Day buckets of the period (days after as-of are ignored). */
  periodDays: readonly { kind: PeriodKind; day: string; n: number }[];
  segments: readonly {
    id: number;
    name: string;
    createdDay: string;
    /** The latest /unpause of the segment on or before as-of, with the day it was spent if it was. */
    unpause: { day: string; spentDay: string | null } | null;
  }[];
  /** Sum of every bucket per segment and kind: the state now. */
  segmentTotals: readonly { segmentId: number; kind: SegmentKind; n: number }[];
  /** Month buckets; those of months after as-of's month are taken off the totals. */
  segmentMonths: readonly { segmentId: number; kind: SegmentKind; period: string; n: number }[];
  /** Day buckets; those after as-of within as-of's month are taken off the totals. */
  segmentDays: readonly { segmentId: number; kind: SegmentKind; day: string; n: number }[];
  /** First contacts per segment and ISO week (its Monday); the 4 full weeks before as-of are used. */
  firstContactWeeks: readonly { segmentId: number; week: string; n: number }[];
};

/** One segment of the JSON report. */
export type SegmentBurnFigures = {
  name: string;
  size: number;
  fresh: number;
  coolingNow: number;
  lost: number;
  closed: number;
  won: number;
  burnedShare: number;
  paused: boolean;
  weeksToExhaust: number | null;
};

/** Exactly the burn keys of the JSON report (docs/figures.md). */
export type BurnFigures = {
  period: { from: string; to: string };
  asOf: string;
  contacted: number;
  refused: number;
  handled: number;
  burned: number;
  lost: number;
  closed: number;
  coolingNow: number;
  refusalRate: number;
  burnRate: number;
  segments: SegmentBurnFigures[];
};

/** The period's burn rate as it stood at the end of each week (for the chart). */
export type WeeklyBurnPoint = {
  /** Monday of the week, or the period's first day */
  weekStart: string;
  /** the day the figures are as of: Sunday, the period's last day or as-of, whichever is first */
  weekEnd: string;
  contacted: number;
  burned: number;
  burnRate: number;
};

export type BurnReport = {
  figures: BurnFigures;
  /** Parallel to figures.segments: what the text and chart need beyond the JSON keys. */
  segmentDetails: { segmentId: number; weeklyNewContacts: number; atPauseThreshold: boolean }[];
  weekly: WeeklyBurnPoint[];
  alerts: {
    /** burn rate ≥ burn threshold (never with nobody contacted) */
    burnHigh: boolean;
    /** segments paused as of the day, worst first */
    pausedSegments: string[];
    /** segments whose burned share reached the pause threshold, paused or manually unpaused */
    segmentsAtPauseThreshold: string[];
  };
};

/** Share a part makes of a whole, 0 when the whole is 0. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** The Sunday that ends the last full ISO week on or before `day`. */
export function lastFullWeekEnd(day: string): string {
  const iso = weekday(day);
  return iso === 7 ? day : addDays(day, -iso);
}

/** Mondays of the 4 full ISO weeks ending on or before `day`, oldest first. */
export function lastFourWeeks(day: string): string[] {
  const sunday = lastFullWeekEnd(day);
  return [-27, -20, -13, -6].map((offset) => addDays(sunday, offset));
}

/**
 * Whether a segment is paused as of `asOf`: its burned share reached the threshold and no unpause holds.
 * An unpause made on or before as-of holds unless the share closed below the threshold on some day from the
 * unpause day to as-of (`spentDay`, found by the finalizer).
 */
export function segmentPaused(
  burnedShare: number,
  pauseThreshold: number,
  unpause: { day: string; spentDay: string | null } | null,
  asOf: string,
): boolean {
  if (burnedShare < pauseThreshold) return false;
  if (unpause === null || unpause.day > asOf) return true;
  return unpause.spentDay !== null && unpause.spentDay <= asOf;
}

/** The period figures, segment figures, weekly series and alert conditions as of `input.asOf`. */
export function computeBurnFigures(input: BurnInput): BurnReport {
  const bounds = periodBounds(input.period);
  const { asOf } = input;
  const asOfMonth = asOf.slice(0, 7);

  const periodAsOf = (kind: PeriodKind, day: string): number => {
    let n = 0;
    for (const row of input.periodDays) if (row.kind === kind && row.day <= day) n += row.n;
    return n;
  };
  const figuresAsOf = (day: string) => {
    const contacted = periodAsOf("contacted", day);
    const refused = periodAsOf("refused", day);
    const burned = periodAsOf("burned", day);
    return {
      contacted,
      refused,
      burned,
      handled: refused - periodAsOf("unhandled", day),
      lost: periodAsOf("lost", day),
      closed: periodAsOf("closed", day),
    };
  };

  // State of each segment as of as-of: the totals (state now) minus everything bucketed after as-of.
  const state = new Map<number, Record<SegmentKind, number>>();
  const stateOf = (segmentId: number): Record<SegmentKind, number> => {
    let s = state.get(segmentId);
    if (!s) state.set(segmentId, (s = { size: 0, fresh: 0, cooling: 0, lost: 0, closed: 0, won: 0 }));
    return s;
  };
  for (const row of input.segmentTotals) stateOf(row.segmentId)[row.kind] += row.n;
  for (const row of input.segmentMonths) if (row.period > asOfMonth) stateOf(row.segmentId)[row.kind] -= row.n;
  for (const row of input.segmentDays) {
    if (row.day > asOf && row.day.slice(0, 7) === asOfMonth) stateOf(row.segmentId)[row.kind] -= row.n;
  }

  const weeks = new Set(lastFourWeeks(asOf));
  const firstContacts = new Map<number, number>();
  for (const row of input.firstContactWeeks) {
    if (weeks.has(row.week)) firstContacts.set(row.segmentId, (firstContacts.get(row.segmentId) ?? 0) + row.n);
  }

  const rows = input.segments
    .filter((segment) => segment.createdDay <= asOf)
    .map((segment) => {
      const s = stateOf(segment.id);
      const burnedShare = share(s.cooling + s.lost, s.size);
      const weeklyNewContacts = (firstContacts.get(segment.id) ?? 0) / 4;
      const figures: SegmentBurnFigures = {
        name: segment.name,
        size: s.size,
        fresh: s.fresh,
        coolingNow: s.cooling,
        lost: s.lost,
        closed: s.closed,
        won: s.won,
        burnedShare,
        paused: segmentPaused(burnedShare, input.pauseThreshold, segment.unpause, asOf),
        weeksToExhaust: weeklyNewContacts > 0 ? s.fresh / weeklyNewContacts : null,
      };
      return {
        figures,
        detail: {
          segmentId: segment.id,
          weeklyNewContacts,
          atPauseThreshold: s.size > 0 && burnedShare >= input.pauseThreshold,
        },
      };
    })
    .sort(
      (a, b) =>
        b.figures.burnedShare - a.figures.burnedShare ||
        (a.figures.weeksToExhaust ?? Infinity) - (b.figures.weeksToExhaust ?? Infinity) ||
        a.figures.name.localeCompare(b.figures.name, "ru"),
    );

  const now = figuresAsOf(asOf);
  const coolingNow = rows.reduce((sum, row) => sum + row.figures.coolingNow, 0);
  const figures: BurnFigures = {
    period: { from: bounds.from, to: bounds.to },
    asOf,
    contacted: now.contacted,
    refused: now.refused,
    handled: now.handled,
    burned: now.burned,
    lost: now.lost,
    closed: now.closed,
    coolingNow,
    refusalRate: share(now.refused, now.contacted),
    burnRate: share(now.burned, now.contacted),
    segments: rows.map((row) => row.figures),
  };

  const weekly: WeeklyBurnPoint[] = [];
  const lastDay = asOf < bounds.to ? asOf : bounds.to;
  for (let start = bounds.from; start <= lastDay; ) {
    const sunday = addDays(start, 7 - weekday(start));
    const end = sunday < lastDay ? sunday : lastDay;
    const point = figuresAsOf(end);
    weekly.push({
      weekStart: start,
      weekEnd: end,
      contacted: point.contacted,
      burned: point.burned,
      burnRate: share(point.burned, point.contacted),
    });
    start = addDays(end, 1);
  }

  return {
    figures,
    segmentDetails: rows.map((row) => row.detail),
    weekly,
    alerts: {
      burnHigh: figures.contacted > 0 && figures.burnRate >= input.burnThreshold,
      pausedSegments: rows.filter((row) => row.figures.paused).map((row) => row.figures.name),
      segmentsAtPauseThreshold: rows.filter((row) => row.detail.atPauseThreshold).map((row) => row.figures.name),
    },
  };
}
