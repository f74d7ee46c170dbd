/**
 * The dashboard's own figures, each built from figures computed elsewhere in domain/ (plan, burn, tasks):
 * the month as a daily series, the burn rate by week, a manager's row, and the founder's what-if.
 */
import { kopecksToRoubles } from "./money.js";
import type { PlanChartPoint } from "./plan.js";
import type { WeeklyBurnPoint } from "./burn.js";

/** One working day of the month, cumulative revenue in roubles. */
export type MonthDay = { date: string; plan: number | null; fact: number | null; forecast: number | null };

const roublesOrNull = (kopecks: number | null): number | null => (kopecks === null ? null : kopecksToRoubles(kopecks));

/**
 * The plan chart's points in roubles: the even plan line (null without a plan), the fact up to as-of, and the
 * linear forecast from the last elapsed working day to the month's end, where it reaches forecastRevenue.
 */
export function monthDays(chart: readonly PlanChartPoint[]): MonthDay[] {
  return chart.map((point) => ({
    date: point.date,
    plan: roublesOrNull(point.planKopecks),
    fact: roublesOrNull(point.factKopecks),
    forecast: roublesOrNull(point.forecastKopecks),
  }));
}

export type BurnWeek = { from: string; to: string; burnRate: number | null };

/** The period's burn rate at the end of each week up to as-of; null for a week by which nobody was contacted. */
export function burnWeeks(weekly: readonly WeeklyBurnPoint[]): BurnWeek[] {
  return weekly.map((week) => ({ from: week.weekStart, to: week.weekEnd, burnRate: week.contacted > 0 ? week.burnRate : null }));
}

/** How many of a manager's listed tasks are overdue and how many stalled (a task may be both). */
export function countTaskFlags(flags: Iterable<{ overdue: boolean; stalled: boolean }>): { overdueTasks: number; stalledTasks: number } {
  let overdueTasks = 0;
  let stalledTasks = 0;
  for (const flag of flags) {
    if (flag.overdue) overdueTasks++;
    if (flag.stalled) stalledTasks++;
  }
  return { overdueTasks, stalledTasks };
}

/** A task as the dashboard lists it: done, or open and possibly overdue or stalled (overdue shown first). */
export type DashboardTaskState = "open" | "overdue" | "stalled" | "done";

/** The one word the dashboard shows for a task: done; else overdue, stalled or open, in that order. */
export function dashboardTaskState(open: boolean, flags: { overdue: boolean; stalled: boolean } | undefined): DashboardTaskState {
  if (!open) return "done";
  if (flags?.overdue) return "overdue";
  if (flags?.stalled) return "stalled";
  return "open";
}

export type WhatIfSegment = {
  name: string;
  /** companies never contacted */
  fresh: number;
  /** companies first contacted this month */
  newContacts: number;
};

export type WhatIfInput = {
  averageCheckKopecks: number;
  /** touches that become a client, a fraction in (0, 1] */
  conversion: number;
  /** null without a plan: nothing left to earn */
  planRevenueKopecks: number | null;
  revenueKopecks: number;
  remainingWorkingDays: number;
  /** the team's working days in a week, for turning daily touches into weeks of base */
  workingDaysPerWeek: number;
  segments: readonly WhatIfSegment[];
};

export type WhatIfFigures = {
  remainingRevenueKopecks: number;
  remainingWorkingDays: number;
  clientsNeeded: number;
  clientsPerDay: number;
  touchesPerDay: number;
  segments: { name: string; fresh: number; weeksOfFreshBase: number | null }[];
};

/**
 * What the rest of the month needs at a given average check and conversion:
 * - clientsNeeded = ⌈(planRevenue − revenue) / averageCheck⌉, never negative (0 without a plan);
 * - clientsPerDay = clientsNeeded / remaining working days (all of them at once when no working day is left);
 * - touchesPerDay = clientsPerDay / conversion;
 * - the touches are spread over the segments in proportion to their new contacts this month (their fresh size
 *   when nobody was contacted yet), each touch taking one fresh company; a segment's weeksOfFreshBase is its
 *   fresh companies / (its touches per day × working days per week), null when it gets no touches.
 * Throws RangeError on an average check that is not positive or a conversion outside (0, 1].
 */
export function computeWhatIf(input: WhatIfInput): WhatIfFigures {
  if (!(input.averageCheckKopecks > 0)) throw new RangeError(`average check must be positive, got ${input.averageCheckKopecks}`);
  if (!(input.conversion > 0 && input.conversion <= 1)) throw new RangeError(`conversion must be in (0, 1], got ${input.conversion}`);
  const remaining = input.planRevenueKopecks === null ? 0 : Math.max(0, input.planRevenueKopecks - input.revenueKopecks);
  const clientsNeeded = Math.ceil(remaining / input.averageCheckKopecks);
  const clientsPerDay = input.remainingWorkingDays > 0 ? clientsNeeded / input.remainingWorkingDays : clientsNeeded;
  const touchesPerDay = clientsPerDay / input.conversion;
  const contacted = input.segments.reduce((sum, s) => sum + s.newContacts, 0);
  const weight = (s: WhatIfSegment): number => (contacted > 0 ? s.newContacts : s.fresh);
  const total = input.segments.reduce((sum, s) => sum + weight(s), 0);
  return {
    remainingRevenueKopecks: remaining,
    remainingWorkingDays: input.remainingWorkingDays,
    clientsNeeded,
    clientsPerDay,
    touchesPerDay,
    segments: input.segments.map((s) => {
      const touches = total > 0 ? (touchesPerDay * weight(s)) / total : 0;
      return { name: s.name, fresh: s.fresh, weeksOfFreshBase: touches > 0 ? s.fresh / (touches * input.workingDaysPerWeek) : null };
    }),
  };
}

/** The month's actual average check (revenue per won client) and conversion (won clients per touch); null when unknown. */
export function actualWhatIfDefaults(revenueKopecks: number, wonClients: number, touches: number): { averageCheckKopecks: number | null; conversion: number | null } {
  return {
    averageCheckKopecks: wonClients > 0 ? Math.round(revenueKopecks / wonClients) : null,
    conversion: touches > 0 && wonClients > 0 ? Math.min(1, wonClients / touches) : null,
  };
}
