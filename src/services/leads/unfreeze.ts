/** /unfreeze (founder or lead — the bot checks the role): a cooling or lost company is available now. */
import { insertCompanyEvent } from "../../db/company-events.js";
import type { Db } from "../../db/open.js";
import { changeCompany } from "./state-change.js";
import type { CompanyWriteInput, NotFound, WriteHooks } from "./write.js";
import { loadCompany, runWrite } from "./write.js";

export type UnfreezeResult =
  | { ok: true; eventId: number; was: "cooling" | "lost" }
  | NotFound
  | { ok: false; reason: "not-frozen" | "closed" };

/**
 * Ends a company's cooling now, or takes back a lost-for-good mark (a mistake, or the company came back).
 * Period figures keep what happened (it was burned/lost in its period); the state counts change today.
 */
export function unfreezeCompany(db: Db, input: CompanyWriteInput, hooks?: WriteHooks<UnfreezeResult>): UnfreezeResult {
  return runWrite(
    db,
    input.teamId,
    input.now,
    (ctx): UnfreezeResult => {
      const company = loadCompany(ctx, input.companyId);
      if (!company) return { ok: false, reason: "not-found" };
      if (company.status === "closed") return { ok: false, reason: "closed" };
      if (company.status !== "cooling" && company.status !== "lost") return { ok: false, reason: "not-frozen" };
      const eventId = insertCompanyEvent(db, {
        teamId: ctx.teamId,
        companyId: company.id,
        segmentId: company.segmentId,
        kind: "unfreeze",
        at: ctx.now,
        localDay: ctx.today,
        memberId: input.memberId ?? null,
      });
      changeCompany(ctx, company, ctx.today, { status: "active", coolingUntilDay: null, coolingUntilAt: null });
      return { ok: true, eventId, was: company.status };
    },
    hooks,
    input.settings,
  );
}
