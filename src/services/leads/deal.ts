/** /deal: a won deal — the company becomes a client (the plan reads the deals table). */
import { MAX_AMOUNT_KOPECKS } from "../../domain/money.js";
import { insertCompanyEvent, insertDeal } from "../../db/company-events.js";
import type { Company } from "../../db/companies.js";
import type { Db } from "../../db/open.js";
import type { BaseContext } from "./context.js";
import { blockFor, logBlocked } from "./enforce.js";
import { handleOpenRefusals } from "./handled.js";
import { changeCompany } from "./state-change.js";
import type { Blocked, CompanyWriteInput, NotFound, WriteHooks } from "./write.js";
import { countContact, loadCompany, runWrite } from "./write.js";

export type DealInput = CompanyWriteInput & { amountKopecks: number };

export type DealResult =
  | {
      ok: true;
      eventId: number;
      dealId: number;
      /** the company's first deal: it became a client now */
      firstWin: boolean;
      /** open refusals the deal settled as handled */
      handledRefusals: number;
    }
  | Blocked
  | NotFound
  | { ok: false; reason: "invalid-amount" };

/** Counts a won deal of `company` at the context's moment; returns how many open refusals it handled. */
export function applyDeal(ctx: BaseContext, company: Company): number {
  const fields = countContact(ctx, company);
  const handledRefusals = handleOpenRefusals(ctx, company.id);
  const next = company.wonAt === null ? { ...fields, wonAt: ctx.now } : fields;
  if (Object.keys(next).length > 0) changeCompany(ctx, company, ctx.today, next);
  return handledRefusals;
}

/**
 * Logs a won deal (amount in kopecks, > 0 and ≤ 10¹² roubles). A deal inside a refusal's window handles
 * it: a company that just bought is not burned. Refused like a touch on cooling, lost, closed or paused.
 */
export function recordDeal(db: Db, input: DealInput, hooks?: WriteHooks<DealResult>): DealResult {
  if (!Number.isSafeInteger(input.amountKopecks) || input.amountKopecks <= 0 || input.amountKopecks > MAX_AMOUNT_KOPECKS) {
    return { ok: false, reason: "invalid-amount" };
  }
  return runWrite(
    db,
    input.teamId,
    input.now,
    (ctx): DealResult => {
      const company = loadCompany(ctx, input.companyId);
      if (!company) return { ok: false, reason: "not-found" };
      const memberId = input.memberId ?? null;
      const block = blockFor(ctx, company);
      if (block) {
        const attemptId = logBlocked(ctx, company, "deal", block, memberId);
        return { ok: false, ...block, attemptId, companyId: company.id, companyName: company.name, segmentId: company.segmentId };
      }
      const eventId = insertCompanyEvent(db, {
        teamId: ctx.teamId,
        companyId: company.id,
        segmentId: company.segmentId,
        kind: "deal",
        at: ctx.now,
        localDay: ctx.today,
        memberId,
      });
      const dealId = insertDeal(db, {
        teamId: ctx.teamId,
        companyId: company.id,
        memberId,
        amountKopecks: input.amountKopecks,
        at: ctx.now,
        localDay: ctx.today,
        eventId,
      });
      const firstWin = company.wonAt === null;
      const handledRefusals = applyDeal(ctx, company);
      return { ok: true, eventId, dealId, firstWin, handledRefusals };
    },
    hooks,
    input.settings,
  );
}
