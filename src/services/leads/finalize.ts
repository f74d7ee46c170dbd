/**
 * Finalization: what happens by itself as time passes, applied lazily and in time order at the start of
 * every write and before every report (one cheap indexed look-up each when nothing is due):
 * - a refusal whose handling window closed unhandled burns (counted in its period on the window-close day)
 *   and starts or extends the company's cooling;
 * - a cooldown that reached its day ends (counted on that day);
 * - an unpause is checked against the finished days since it was made and marked spent on the first day
 *   the segment's burned share closed below the pause threshold.
 * Because nothing is ever counted after today, the state "now" is exactly the counters' totals.
 */
import { addDays, localDate, zonedInstant } from "../../domain/calendar.js";
import { cooldownUntil } from "../../domain/company-state.js";
import { share } from "../../domain/burn.js";
import type { SegmentKind } from "../../domain/burn.js";
import { readSegmentDays, segmentTotalsOf } from "../../db/burn-counters.js";
import { getCompany, nextCoolingEnd } from "../../db/companies.js";
import type { Company } from "../../db/companies.js";
import { nextDueRefusal, settleRefusal, anyFinalizationDue } from "../../db/company-events.js";
import type { CompanyEventRecord } from "../../db/company-events.js";
import type { Db } from "../../db/open.js";

import { openUnpauses, recordUnpauseCheck } from "../../db/segments.js";
import type { SegmentUnpause } from "../../db/segments.js";
import type { BaseContext } from "./context.js";
import { baseContext, periodOfDay } from "./context.js";
import { changeCompany, changePeriod } from "./state-change.js";

export type FinalizeResult = { burned: number; cooledDown: number; unpausesSpent: number };

/** Applies everything due at or before `now` for the team, in its own transaction. */
export function finalizeDue(db: Db, teamId: number, now: number): FinalizeResult {
  return db.transaction(() => finalizeInTransaction(baseContext(db, teamId, now))).immediate();
}

/** The same inside a write path's transaction. */
export function finalizeInTransaction(ctx: BaseContext): FinalizeResult {
  const result: FinalizeResult = { burned: 0, cooledDown: 0, unpausesSpent: 0 };
  if (!anyFinalizationDue(ctx.db, ctx.teamId, ctx.now)) return result;
  for (;;) {
    const refusal = nextDueRefusal(ctx.db, ctx.teamId, ctx.now);
    const cooling = nextCoolingEnd(ctx.db, ctx.teamId, ctx.now);
    // A cooldown ending at the same moment a window closes ends first (the burn then starts a new one).
    if (cooling && (!refusal || cooling.coolingUntilAt! <= refusal.windowEndAt!)) {
      endCooling(ctx, cooling);
      result.cooledDown++;
    } else if (refusal) {
      burnRefusal(ctx, refusal);
      result.burned++;
    } else {
      break;
    }
  }
  const yesterday = addDays(ctx.today, -1);
  for (const unpause of openUnpauses(ctx.db, ctx.teamId)) {
    if (checkUnpause(ctx, unpause, yesterday)) result.unpausesSpent++;
  }
  return result;
}

function endCooling(ctx: BaseContext, company: Company): void {
  changeCompany(ctx, company, company.coolingUntilDay!, { status: "active", coolingUntilDay: null, coolingUntilAt: null });
}

function burnRefusal(ctx: BaseContext, refusal: CompanyEventRecord): void {
  const windowEnd = refusal.windowEndAt!;
  const day = localDate(windowEnd, ctx.settings.timezone);
  settleRefusal(ctx.db, refusal.id, "burned", windowEnd);
  changePeriod(ctx, periodOfDay(refusal.localDay), refusal.companyId, day, (row) => {
    row.openRefusals--;
    row.burnedDay ??= day;
  });
  const company = getCompany(ctx.db, ctx.teamId, refusal.companyId)!;
  const until = cooldownUntil(refusal.at, ctx.settings);
  const untilAt = zonedInstant(until, "00:00", ctx.settings.timezone).getTime();
  if (company.status === "active" && untilAt > windowEnd) {
    changeCompany(ctx, company, day, { status: "cooling", coolingUntilDay: until, coolingUntilAt: untilAt });
  } else if (company.status === "cooling" && untilAt > company.coolingUntilAt!) {
    changeCompany(ctx, company, day, { coolingUntilDay: until, coolingUntilAt: untilAt });
  }
}

const SHARE_KINDS: readonly SegmentKind[] = ["size", "cooling", "lost"];

/** Checks the finished days since the unpause (or since the last check); true when it became spent. */
function checkUnpause(ctx: BaseContext, unpause: SegmentUnpause, yesterday: string): boolean {
  const first = unpause.checkedThrough === null ? unpause.day : addDays(unpause.checkedThrough, 1);
  if (first > yesterday) return false;
  const totals = segmentTotalsOf(ctx.db, ctx.teamId, unpause.segmentId);
  const rows = readSegmentDays(ctx.db, ctx.teamId, SHARE_KINDS, addDays(first, -1), ctx.today).filter(
    (row) => row.segmentId === unpause.segmentId,
  );
  // Walk the days backwards from today, taking each day's buckets off the totals.
  const value = { size: totals.size ?? 0, cooling: totals.cooling ?? 0, lost: totals.lost ?? 0 };
  const byDay = new Map<string, typeof value>();
  for (const row of rows) {
    const entry = byDay.get(row.day) ?? { size: 0, cooling: 0, lost: 0 };
    entry[row.kind as keyof typeof value] += row.n;
    byDay.set(row.day, entry);
  }
  const closing = new Map<string, number>();
  for (let day = ctx.today; day >= first; day = addDays(day, -1)) {
    if (day <= yesterday) closing.set(day, share(value.cooling + value.lost, value.size));
    const bucket = byDay.get(day);
    if (bucket) {
      value.size -= bucket.size;
      value.cooling -= bucket.cooling;
      value.lost -= bucket.lost;
    }
  }
  for (let day = first; day <= yesterday; day = addDays(day, 1)) {
    if (closing.get(day)! < ctx.settings.pauseThreshold) {
      recordUnpauseCheck(ctx.db, unpause.id, addDays(day, -1) < first ? unpause.checkedThrough : addDays(day, -1), day);
      return true;
    }
  }
  recordUnpauseCheck(ctx.db, unpause.id, yesterday, null);
  return false;
}
