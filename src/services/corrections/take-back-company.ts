/**
 * /undo of /add: a company its author added by hand leaves the base while nothing has happened to it yet. The
 * row stays, marked removed; the lead base's counters are rebuilt without it in the same transaction.
 */
import { companyHasRecords, getAddedCompany, markCompanyRemoved } from "../../db/companies.js";
import type { Db } from "../../db/open.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { baseContext } from "../leads/context.js";
import { finalizeInTransaction } from "../leads/finalize.js";
import { rebuildLeadBase } from "../leads/rebuild.js";
import { mayUndo, recordSummary } from "./records.js";
import type { CorrectableRecord } from "./records.js";

export type TakeBackCompanyInput = { teamId: number; companyId: number; memberId: number; now: number };

export type TakeBackCompanyResult =
  | { ok: true; before: CorrectableRecord }
  | { ok: false; reason: "stale" }
  /** something happened to it since (a record not voided, or an import matched it): those come first */
  | { ok: false; reason: "has-records"; before: CorrectableRecord };

/** Takes back the member's own /add of the last 24 hours. */
export function takeBackCompany(db: Db, input: TakeBackCompanyInput): TakeBackCompanyResult {
  return inImmediateTransaction(db, () => {
    const before = recordSummary(db, input.teamId, "company", input.companyId);
    if (!before || !mayUndo(before, input.memberId, input.now)) return { ok: false, reason: "stale" };
    const company = getAddedCompany(db, input.teamId, input.companyId)!;
    if (company.inn !== null || companyHasRecords(db, company.id)) return { ok: false, reason: "has-records", before };
    const ctx = baseContext(db, input.teamId, input.now);
    finalizeInTransaction(ctx);
    markCompanyRemoved(db, input.teamId, company.id, input.memberId, ctx.now, ctx.today);
    rebuildLeadBase(ctx);
    return { ok: true, before };
  });
}
