/**
 * Writing what a CRM sync read, whichever CRM it came from: each record through the same use case a typed
 * command calls, with the CRM's ids saved in the same transaction, so a re-read changes nothing.
 */
import { dealChange, reasonFromCrmWords } from "../../domain/crm-mapping.js";
import type { CrmDealState, StageSemantic } from "../../domain/crm-mapping.js";
import { crmCompanyId, crmDeal, linkCrmCompany, saveCrmDeal } from "../../db/crm.js";
import type { CrmDealLink, CrmKind } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import { amendRecord } from "../corrections/correct.js";
import { addCompany } from "../leads/add.js";
import { recordDeal } from "../leads/deal.js";
import { recordHandled } from "../leads/handled.js";
import { recordRefusal } from "../leads/refusal.js";
import { recordTouch } from "../leads/touch.js";

export type ApplyDeps = { db: Db; teamId: number; crm: CrmKind; now: () => number };

/** A CRM company as the sync needs it. */
export type CrmCompanyRow = { crmId: string; name: string; segmentName: string };

/** A CRM deal as the sync needs it; `failureName` is the failure stage's or loss reason's name. */
export type CrmDealRow = {
  crmId: string;
  companyCrmId: string | null;
  semantic: StageSemantic;
  stageId: string;
  amountKopecks: number | null;
  failureName: string;
  modifiedAt: number;
};

/** Adds a company not seen before (or links the one of the same name already in the base); true when added. */
export function applyCrmCompany(deps: ApplyDeps, row: CrmCompanyRow): boolean {
  const { db, teamId, crm } = deps;
  if (row.crmId === "" || crmCompanyId(db, teamId, crm, row.crmId) !== undefined) return false;
  const added = addCompany(db, { teamId, name: row.name, segmentName: row.segmentName, now: deps.now() }, {
    inTransaction: (result, tx) => {
      if (result.ok) linkCrmCompany(tx, teamId, crm, row.crmId, result.company.id);
    },
  });
  // A company already typed in the bot under the same name is the same company.
  if (!added.ok && added.reason === "exists") linkCrmCompany(db, teamId, crm, row.crmId, added.company.id);
  return added.ok;
}

/** Writes what the deal's change means; true when a record was written. */
export function applyCrmDeal(deps: ApplyDeps, row: CrmDealRow): boolean {
  const { db, teamId, crm } = deps;
  const companyId = row.companyCrmId === null ? undefined : crmCompanyId(db, teamId, crm, row.companyCrmId);
  // A deal without a company of the base (a contact's deal) counts for nobody.
  if (row.crmId === "" || companyId === undefined) return false;
  const before = crmDeal(db, teamId, crm, row.crmId);
  const after: CrmDealState = { semantic: row.semantic, stageId: row.stageId, amountKopecks: row.amountKopecks };
  const link: CrmDealLink = {
    companyId,
    semantic: after.semantic,
    stageId: row.stageId,
    amountKopecks: before?.amountKopecks ?? null,
    dealEventId: before?.dealEventId ?? null,
    modifiedAt: row.modifiedAt,
  };
  const save = (next: CrmDealLink) => ({ inTransaction: (_: unknown, tx: Db) => saveCrmDeal(tx, teamId, crm, row.crmId, next) });
  const input = { teamId, companyId, memberId: null, now: deps.now() };
  const recordWon = (amountKopecks: number): boolean =>
    recordDeal(db, { ...input, amountKopecks }, {
      inTransaction: (result, tx) => {
        saveCrmDeal(tx, teamId, crm, row.crmId, { ...link, amountKopecks, dealEventId: result.ok ? result.eventId : null });
      },
    }).ok;
  const change = dealChange(before, after);
  switch (change.kind) {
    case "none":
      saveCrmDeal(db, teamId, crm, row.crmId, link);
      return false;
    case "touch":
      return recordTouch(db, input, save(link)).ok;
    case "refusal": {
      const { reason, comment } = reasonFromCrmWords(row.failureName);
      return recordRefusal(db, { ...input, reason, lostForGood: false, comment }, save(link)).ok;
    }
    case "reopened": {
      const handled = recordHandled(db, input, save(link));
      // Past its window the refusal has burned: the reopened deal is a new contact.
      return handled.ok || recordTouch(db, input, save(link)).ok;
    }
    case "won":
      return after.amountKopecks === null ? recordTouch(db, input, save(link)).ok : recordWon(after.amountKopecks);
    case "amount": {
      const dealEventId = before?.dealEventId ?? null;
      // A deal won without an amount was a touch; its amount filled in later makes it the deal.
      if (dealEventId === null) return recordWon(change.amountKopecks);
      return amendRecord(
        db,
        { teamId, record: "event", recordId: dealEventId, memberId: null, now: deps.now(), via: "edit" },
        { amountKopecks: change.amountKopecks },
        {
          inTransaction: (result, tx) => {
            const next = result.ok && result.after ? result.after.id : dealEventId;
            saveCrmDeal(tx, teamId, crm, row.crmId, { ...link, amountKopecks: change.amountKopecks, dealEventId: next });
          },
        },
      ).ok;
    }
  }
}
