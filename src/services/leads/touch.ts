/** /touch: a contact attempt with a company. */
import { insertCompanyEvent } from "../../db/company-events.js";
import type { Company } from "../../db/companies.js";
import type { Db } from "../../db/open.js";
import type { BaseContext } from "./context.js";
import { blockFor, logBlocked } from "./enforce.js";
import { changeCompany } from "./state-change.js";
import type { Blocked, CompanyWriteInput, NotFound, WriteHooks } from "./write.js";
import { countContact, loadCompany, runWrite } from "./write.js";

export type TouchInput = CompanyWriteInput & { comment?: string | null };
export type TouchResult = { ok: true; eventId: number; firstContact: boolean } | Blocked | NotFound;

/** Counts a touch of `company` at the context's moment; true when it was the company's first contact. */
export function applyTouch(ctx: BaseContext, company: Company): boolean {
  const fields = countContact(ctx, company);
  if (fields.firstContactAt !== undefined) changeCompany(ctx, company, ctx.today, fields);
  return fields.firstContactAt !== undefined;
}

/** Logs a touch, or refuses it (cooling, lost, closed, paused segment) and logs the attempt. */
export function recordTouch(db: Db, input: TouchInput, hooks?: WriteHooks<TouchResult>): TouchResult {
  return runWrite(
    db,
    input.teamId,
    input.now,
    (ctx): TouchResult => {
      const company = loadCompany(ctx, input.companyId);
      if (!company) return { ok: false, reason: "not-found" };
      const memberId = input.memberId ?? null;
      const block = blockFor(ctx, company);
      if (block) {
        const attemptId = logBlocked(ctx, company, "touch", block, memberId);
        return { ok: false, ...block, attemptId, companyId: company.id, companyName: company.name, segmentId: company.segmentId };
      }
      const eventId = insertCompanyEvent(db, {
        teamId: ctx.teamId,
        companyId: company.id,
        segmentId: company.segmentId,
        kind: "touch",
        at: ctx.now,
        localDay: ctx.today,
        memberId,
        comment: input.comment ?? null,
      });
      return { ok: true, eventId, firstContact: applyTouch(ctx, company) };
    },
    hooks,
    input.settings,
  );
}
