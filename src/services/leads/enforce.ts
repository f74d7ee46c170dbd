/**
 * Who may not be touched: a cooling company (until its cooldown day), a lost or closed one, and
 * any company of a paused segment. A refused attempt is logged as a 'blocked' event.
 */
import { segmentPaused, share } from "../../domain/burn.js";
import { segmentTotalsOf } from "../../db/burn-counters.js";
import type { Company } from "../../db/companies.js";
import { insertCompanyEvent } from "../../db/company-events.js";
import { latestUnpause } from "../../db/segments.js";
import type { BaseContext } from "./context.js";

export type BlockReason = "cooling" | "lost" | "closed" | "paused";
export type Block = { reason: BlockReason; availableFrom?: string };

/** The segment's burned share now and whether it is paused now. */
export function segmentPauseNow(ctx: BaseContext, segmentId: number): { burnedShare: number; paused: boolean } {
  const totals = segmentTotalsOf(ctx.db, ctx.teamId, segmentId);
  const burnedShare = share((totals.cooling ?? 0) + (totals.lost ?? 0), totals.size ?? 0);
  if (burnedShare < ctx.settings.pauseThreshold) return { burnedShare, paused: false };
  const unpause = latestUnpause(ctx.db, segmentId);
  const paused = segmentPaused(
    burnedShare,
    ctx.settings.pauseThreshold,
    unpause ? { day: unpause.day, spentDay: unpause.spentDay } : null,
    ctx.today,
  );
  return { burnedShare, paused };
}

/** Why the company may not be touched now, or null when it may (call after finalization). */
export function blockFor(ctx: BaseContext, company: Company): Block | null {
  if (company.status === "closed") return { reason: "closed" };
  if (company.status === "lost") return { reason: "lost" };
  if (company.status === "cooling") return { reason: "cooling", availableFrom: company.coolingUntilDay! };
  if (segmentPauseNow(ctx, company.segmentId).paused) return { reason: "paused" };
  return null;
}

/** Logs a refused attempt; returns the event id. */
export function logBlocked(
  ctx: BaseContext,
  company: Company,
  attempted: "touch" | "refusal" | "deal",
  block: Block,
  memberId: number | null,
): number {
  return insertCompanyEvent(ctx.db, {
    teamId: ctx.teamId,
    companyId: company.id,
    segmentId: company.segmentId,
    kind: "blocked",
    at: ctx.now,
    localDay: ctx.today,
    memberId,
    reason: block.reason,
    attempted,
  });
}
