/** [Add as new]: one company typed in chat, added to a segment (created if new). */
import { coreKey, MAX_COMPANY_NAME, nameKey, tidyCompanyQuotes } from "../../domain/company-name.js";
import { findCompanyByNameKey } from "../../db/companies.js";
import type { Company } from "../../db/companies.js";
import { companyImportWriter, getCompany, setCompanyAddedBy } from "../../db/companies.js";
import type { Db } from "../../db/open.js";
import { getOrCreateSegment } from "../../db/segments.js";
import { bumpSegment } from "../../db/burn-counters.js";
import type { WriteHooks } from "./write.js";
import { runWrite } from "./write.js";

/** `memberId`: who typed it, so they may take it back with /undo; absent for scripts. */
export type AddCompanyInput = { teamId: number; name: string; segmentName: string; now: number; memberId?: number; inn?: string | null };

export type AddCompanyResult =
  | { ok: true; company: Company }
  | { ok: false; reason: "exists"; company: Company }
  | { ok: false; reason: "invalid-name" | "invalid-segment" };

/** Adds a fresh company; an existing one with the same name is returned, not duplicated. */
export function addCompany(db: Db, input: AddCompanyInput, hooks?: WriteHooks<AddCompanyResult>): AddCompanyResult {
  const name = tidyCompanyQuotes(input.name.replace(/\s+/g, " ").trim());
  const segmentName = input.segmentName.replace(/\s+/g, " ").trim();
  if (name === "" || name.length > MAX_COMPANY_NAME) return { ok: false, reason: "invalid-name" };
  if (segmentName === "" || segmentName.length > MAX_COMPANY_NAME) return { ok: false, reason: "invalid-segment" };
  return runWrite(
    db,
    input.teamId,
    input.now,
    (ctx): AddCompanyResult => {
      const key = nameKey(name);
      const existing = findCompanyByNameKey(db, ctx.teamId, key);
      if (existing) return { ok: false, reason: "exists", company: existing };
      const { segment } = getOrCreateSegment(db, { teamId: ctx.teamId, name: segmentName, nameKey: nameKey(segmentName), now: ctx.now, day: ctx.today });
      const id = companyImportWriter(db, ctx.teamId, ctx.now, ctx.today).insert({
        segmentId: segment.id,
        name,
        nameKey: key,
        coreKey: coreKey(name),
        inn: input.inn ?? null,
        ownerUsername: null,
        ownerMemberId: null,
        phone: null,
        email: null,
      });
      if (id === null) return { ok: false, reason: "exists", company: findCompanyByNameKey(db, ctx.teamId, key)! };
      if (input.memberId !== undefined) setCompanyAddedBy(db, id, input.memberId);
      bumpSegment(db, ctx.teamId, segment.id, "size", ctx.today, 1);
      bumpSegment(db, ctx.teamId, segment.id, "fresh", ctx.today, 1);
      return { ok: true, company: getCompany(db, ctx.teamId, id)! };
    },
    hooks,
  );
}
