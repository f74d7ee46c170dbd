/** /refusal: a company said no, with a reason, maybe for good. */
import { cooldownUntil, handlingWindowEnd } from "../../domain/company-state.js";
import type { RefusalReason } from "../../domain/company-state.js";
import { REFUSAL_REASONS } from "../../domain/company-state.js";
import { insertCompanyEvent } from "../../db/company-events.js";
import type { Company } from "../../db/companies.js";
import type { Db } from "../../db/open.js";
import type { BaseContext } from "./context.js";
import { periodOfDay } from "./context.js";
import { blockFor, logBlocked } from "./enforce.js";
import { changeCompany, changePeriod } from "./state-change.js";
import type { Blocked, CompanyWriteInput, NotFound, WriteHooks } from "./write.js";
import { countContact, loadCompany, runWrite } from "./write.js";

/** Longest free comment, like every other free text. */
export const MAX_COMMENT = 1000;

export type RefusalInput = CompanyWriteInput & {
  reason: RefusalReason;
  lostForGood: boolean;
  comment?: string | null;
};

export type RefusalResult =
  | {
      ok: true;
      eventId: number;
      /** lost for good: burned at once, never cools back */
      lostForGood: boolean;
      /** not lost: handle it before this moment or the company burns */
      windowEndAt: number | null;
      /** not lost: the day it would be available again if it burns */
      cooldownUntil: string | null;
    }
  | Blocked
  | NotFound
  | { ok: false; reason: "invalid-reason" | "comment-too-long" }
  /** The company already bought: a refusal would count a client as lost. Nothing is written. */
  | { ok: false; reason: "client"; wonAt: number };

/** Counts a refusal of `company` at the context's moment (its event is written by the caller). */
export function applyRefusal(ctx: BaseContext, company: Company, lost: boolean): void {
  const fields = countContact(ctx, company);
  changePeriod(ctx, periodOfDay(ctx.today), company.id, ctx.today, (row) => {
    row.refusedDay ??= ctx.today;
    if (lost) {
      row.burnedDay ??= ctx.today;
      row.lostDay ??= ctx.today;
    } else {
      row.openRefusals++;
    }
  });
  const next = lost ? { ...fields, status: "lost" as const, coolingUntilDay: null, coolingUntilAt: null } : fields;
  if (Object.keys(next).length > 0) changeCompany(ctx, company, ctx.today, next);
}

/**
 * Logs a refusal. A normal one opens the handling window; one lost for good burns the company at once
 * (counted burned and lost in this period). Refused like a touch on cooling, lost, closed or paused, and on a
 * company that is already a client.
 */
export function recordRefusal(db: Db, input: RefusalInput, hooks?: WriteHooks<RefusalResult>): RefusalResult {
  if (!(REFUSAL_REASONS as readonly string[]).includes(input.reason)) return { ok: false, reason: "invalid-reason" };
  if (input.comment && input.comment.length > MAX_COMMENT) return { ok: false, reason: "comment-too-long" };
  return runWrite(
    db,
    input.teamId,
    input.now,
    (ctx): RefusalResult => {
      const company = loadCompany(ctx, input.companyId);
      if (!company) return { ok: false, reason: "not-found" };
      const memberId = input.memberId ?? null;
      const block = blockFor(ctx, company);
      if (block) {
        const attemptId = logBlocked(ctx, company, "refusal", block, memberId);
        return { ok: false, ...block, attemptId, companyId: company.id, companyName: company.name, segmentId: company.segmentId };
      }
      if (company.wonAt !== null) return { ok: false, reason: "client", wonAt: company.wonAt };
      const lost = input.lostForGood;
      const windowEndAt = lost ? ctx.now : handlingWindowEnd(ctx.now, ctx.settings);
      const eventId = insertCompanyEvent(db, {
        teamId: ctx.teamId,
        companyId: company.id,
        segmentId: company.segmentId,
        kind: "refusal",
        at: ctx.now,
        localDay: ctx.today,
        memberId,
        reason: input.reason,
        lostForGood: lost,
        comment: input.comment ?? null,
        windowEndAt,
        status: lost ? "lost" : "pending",
        settledAt: lost ? ctx.now : null,
      });
      applyRefusal(ctx, company, lost);
      return {
        ok: true,
        eventId,
        lostForGood: lost,
        windowEndAt: lost ? null : windowEndAt,
        cooldownUntil: lost ? null : cooldownUntil(ctx.now, ctx.settings),
      };
    },
    hooks,
    input.settings,
  );
}
