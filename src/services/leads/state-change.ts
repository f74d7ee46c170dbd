/**
 * The two primitives every write path uses to keep counters and state in step: a change of a company's
 * state columns bumps its segment's state buckets by the difference, and a change of a company's row in a
 * period's sets bumps the period's day buckets by the difference. Nothing else writes the counters.
 */
import type { SegmentKind } from "../../domain/burn.js";
import { SEGMENT_KINDS } from "../../domain/burn.js";
import { bumpFirstContactWeek, bumpPeriodDay, bumpSegment, getPeriodCompany, putPeriodCompany } from "../../db/burn-counters.js";
import type { PeriodCompany } from "../../db/burn-counters.js";
import { updateCompanyState } from "../../db/companies.js";
import type { Company, CompanyStateFields } from "../../db/companies.js";
import type { BaseContext } from "./context.js";
import { weekOfDay } from "./context.js";

/** Which segment states a company counts in (1) or not (0). */
export function segmentFlags(company: CompanyStateFields): Record<SegmentKind, number> {
  return {
    size: 1,
    fresh: company.firstContactAt === null && company.status !== "closed" ? 1 : 0,
    cooling: company.status === "cooling" ? 1 : 0,
    lost: company.status === "lost" ? 1 : 0,
    closed: company.status === "closed" ? 1 : 0,
    won: company.wonAt !== null ? 1 : 0,
  };
}

/**
 * Applies `next` to the company's state columns and moves its segment counters on `day`
 * (a move between segments leaves the old one and joins the new one). A first contact is also counted in
 * its segment's week. Returns the updated company.
 */
export function changeCompany(ctx: BaseContext, company: Company, day: string, next: Partial<CompanyStateFields>): Company {
  const after: Company = { ...company, ...next };
  const before = segmentFlags(company);
  const now = segmentFlags(after);
  for (const kind of SEGMENT_KINDS) {
    if (company.segmentId === after.segmentId) {
      bumpSegment(ctx.db, ctx.teamId, after.segmentId, kind, day, now[kind] - before[kind]);
    } else {
      bumpSegment(ctx.db, ctx.teamId, company.segmentId, kind, day, -before[kind]);
      bumpSegment(ctx.db, ctx.teamId, after.segmentId, kind, day, now[kind]);
    }
  }
  if (company.firstContactAt === null && after.firstContactAt !== null) {
    bumpFirstContactWeek(ctx.db, ctx.teamId, after.segmentId, weekOfDay(day), 1);
  }
  updateCompanyState(ctx.db, company.id, after, ctx.now);
  return after;
}

const SET_COLUMNS = [
  ["contactedDay", "contacted"],
  ["refusedDay", "refused"],
  ["burnedDay", "burned"],
  ["lostDay", "lost"],
] as const;

const unhandled = (row: PeriodCompany): boolean => row.openRefusals > 0 || row.burnedDay !== null;

/**
 * Changes a company's row in a period's sets: each set it newly enters counts +1 on the day written into
 * it; entering or leaving "has an unhandled refusal of the period" counts ±1 on `day`.
 */
export function changePeriod(
  ctx: BaseContext,
  period: string,
  companyId: number,
  day: string,
  mutate: (row: PeriodCompany) => void,
): void {
  const before = getPeriodCompany(ctx.db, ctx.teamId, period, companyId);
  const after = { ...before };
  mutate(after);
  for (const [column, kind] of SET_COLUMNS) {
    const entered = after[column];
    if (before[column] === null && entered !== null) bumpPeriodDay(ctx.db, ctx.teamId, period, kind, entered, 1);
  }
  const was = unhandled(before);
  const is = unhandled(after);
  if (was !== is) bumpPeriodDay(ctx.db, ctx.teamId, period, "unhandled", day, is ? 1 : -1);
  putPeriodCompany(ctx.db, ctx.teamId, period, companyId, after);
}
