/** /close: a company is gone for good (ЛПР умер, бизнес закрылся, or a reason the founder allowed). */
import { allowedCloseReasons, parseCloseReason } from "../../domain/company-state.js";
import { bumpPeriodDay } from "../../db/burn-counters.js";
import { insertCompanyEvent } from "../../db/company-events.js";
import type { Company } from "../../db/companies.js";
import type { Db } from "../../db/open.js";
import type { BaseContext } from "./context.js";
import { periodOfDay } from "./context.js";
import { changeCompany } from "./state-change.js";
import type { CompanyWriteInput, NotFound, WriteHooks } from "./write.js";
import { loadCompany, runWrite } from "./write.js";

export type CloseInput = CompanyWriteInput & { reason: string };

export type CloseResult =
  | { ok: true; eventId: number; reason: string }
  | NotFound
  | { ok: false; reason: "reason-not-allowed"; allowed: string[] }
  | { ok: false; reason: "closed" };

/** Counts the close of `company` at the context's moment. */
export function applyClose(ctx: BaseContext, company: Company): void {
  changeCompany(ctx, company, ctx.today, { status: "closed", coolingUntilDay: null, coolingUntilAt: null });
  bumpPeriodDay(ctx.db, ctx.teamId, periodOfDay(ctx.today), "closed", ctx.today, 1);
}

/** Closes a company for good with an allowed reason; closing ends cooling or lost. Nothing else may close. */
export function closeCompany(db: Db, input: CloseInput, hooks?: WriteHooks<CloseResult>): CloseResult {
  return runWrite(
    db,
    input.teamId,
    input.now,
    (ctx): CloseResult => {
      const company = loadCompany(ctx, input.companyId);
      if (!company) return { ok: false, reason: "not-found" };
      const reason = parseCloseReason(input.reason, ctx.settings.closeReasons);
      if (reason === null) return { ok: false, reason: "reason-not-allowed", allowed: allowedCloseReasons(ctx.settings.closeReasons) };
      if (company.status === "closed") return { ok: false, reason: "closed" };
      const eventId = insertCompanyEvent(db, {
        teamId: ctx.teamId,
        companyId: company.id,
        segmentId: company.segmentId,
        kind: "close",
        at: ctx.now,
        localDay: ctx.today,
        memberId: input.memberId ?? null,
        reason,
      });
      applyClose(ctx, company);
      return { ok: true, eventId, reason };
    },
    hooks,
    input.settings,
  );
}
