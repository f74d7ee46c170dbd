/**
 * Writing what a CRM sync read, whichever CRM it came from: each record through the same use case a typed
 * command calls, with the CRM's ids saved in the same transaction, so a re-read changes nothing. Records are
 * dated on the CRM's own dates; one dated before something that already happened to its company is replayed in
 * order by the same rebuild a correction uses (`rebuildPastRecords`).
 */
import { coreKey, nameKey, tidyCompanyQuotes } from "../../domain/company-name.js";
import { crmRecordMoment, dealChange } from "../../domain/crm-mapping.js";
import type { CrmDealMoments, CrmDealState, DealChange, StageSemantic } from "../../domain/crm-mapping.js";
import { meaningOfCrmWords } from "../../domain/crm-reasons.js";
import type { CrmReasonWords } from "../../domain/crm-reasons.js";
import { companyCreatedAt, findCompanyByInn, fillCompanyInn, getCompany, renameCompany } from "../../db/companies.js";
import { crmCompanyId, crmCompanyLink, crmDeal, crmUserMember, latestCompanyMoment, linkCrmCompany, saveCrmDeal } from "../../db/crm.js";
import type { CrmDealLink, CrmKind } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import { getOrCreateSegment } from "../../db/segments.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { amendRecord, voidRecord } from "../corrections/correct.js";
import { addCompany } from "../leads/add.js";
import { closeCompany } from "../leads/close.js";
import { baseContext } from "../leads/context.js";
import { recordDeal } from "../leads/deal.js";
import { recordHandled } from "../leads/handled.js";
import { moveCompany } from "../leads/import.js";
import { rebuildLeadBase } from "../leads/rebuild.js";
import { recordRefusal } from "../leads/refusal.js";
import { recordTouch } from "../leads/touch.js";
import { runWrite } from "../leads/write.js";

export type ApplyDeps = {
  db: Db;
  teamId: number;
  crm: CrmKind;
  now: () => number;
  /** The team's word map for failure stages and loss reasons. */
  reasons: CrmReasonWords;
  /** Set when a record was dated before something already recorded for its company: the sync ends with a rebuild. */
  pastRecords?: { written: boolean };
};

/** A CRM company as the sync needs it. */
export type CrmCompanyRow = { crmId: string; name: string; segmentName: string; inn: string | null; createdAt: number | null };

/** A CRM deal as the sync needs it; `failureName` is the failure stage's or loss reason's name. */
export type CrmDealRow = {
  crmId: string;
  companyCrmId: string | null;
  semantic: StageSemantic;
  stageId: string;
  amountKopecks: number | null;
  failureName: string;
  modifiedAt: number;
  /** The CRM user responsible for the deal; its records count for the member linked to that user. */
  responsibleId: string | null;
  moments: CrmDealMoments;
};

/**
 * Adds a company not seen before, or links the one already in the base with its INN or, failing that, its name;
 * true when added. A linked company the CRM renamed or moved to another segment is renamed or moved.
 */
export function applyCrmCompany(deps: ApplyDeps, row: CrmCompanyRow): boolean {
  const { db, teamId, crm } = deps;
  if (row.crmId === "") return false;
  const seen = { name: row.name, segment: row.segmentName };
  const link = crmCompanyLink(db, teamId, crm, row.crmId);
  if (link) {
    const followedName = followCompany(deps, link.companyId, link, row);
    linkCrmCompany(db, teamId, crm, row.crmId, link.companyId, { ...seen, name: followedName });
    return false;
  }
  const byInn = row.inn === null ? undefined : findCompanyByInn(db, teamId, row.inn);
  if (byInn) {
    linkCrmCompany(db, teamId, crm, row.crmId, byInn.id, seen);
    return false;
  }
  // A company new to the base enters it when the CRM created it (never later than now).
  const now = Math.min(row.createdAt ?? deps.now(), deps.now());
  const added = addCompany(db, { teamId, name: row.name, segmentName: row.segmentName, inn: row.inn, now }, {
    inTransaction: (result, tx) => {
      if (result.ok) linkCrmCompany(tx, teamId, crm, row.crmId, result.company.id, seen);
    },
  });
  // A company already typed in the bot under the same name is the same company.
  if (!added.ok && added.reason === "exists") {
    linkCrmCompany(db, teamId, crm, row.crmId, added.company.id, seen);
    if (row.inn !== null) fillCompanyInn(db, teamId, added.company.id, row.inn);
  }
  return added.ok;
}

/**
 * Follows a rename or a move the CRM made since it last gave the company (not a difference the bot had before).
 * Returns the CRM name to remember: a rename onto another company's name is refused and not remembered, so the
 * company's next change in the CRM tries it again.
 */
function followCompany(deps: ApplyDeps, companyId: number, last: { crmName: string | null; crmSegment: string | null }, row: CrmCompanyRow): string {
  const { db, teamId } = deps;
  const now = deps.now();
  let followedName = row.name;
  if (last.crmName !== null && last.crmName !== row.name) {
    const name = tidyCompanyQuotes(row.name.replace(/\s+/g, " ").trim());
    const renamed = name !== "" && renameCompany(db, teamId, companyId, { name, nameKey: nameKey(name), coreKey: coreKey(name) }, now);
    if (!renamed) followedName = last.crmName;
  }
  if (last.crmSegment !== null && last.crmSegment !== row.segmentName) {
    runWrite(db, teamId, now, (ctx) => {
      const company = getCompany(db, teamId, companyId);
      const { segment } = getOrCreateSegment(db, { teamId, name: row.segmentName, nameKey: nameKey(row.segmentName), now, day: ctx.today });
      if (company && company.segmentId !== segment.id) moveCompany(ctx, companyId, segment.id);
    });
  }
  return followedName;
}

/** Replays the lead base in time order after records were dated before what already happened to their companies. */
export function rebuildPastRecords(deps: ApplyDeps): void {
  if (!deps.pastRecords?.written) return;
  inImmediateTransaction(deps.db, () => rebuildLeadBase(baseContext(deps.db, deps.teamId, deps.now())));
  deps.pastRecords.written = false;
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
  const change = dealChange(before, after);
  if (change.kind === "none") {
    saveCrmDeal(db, teamId, crm, row.crmId, link);
    return false;
  }
  return dealWriter(deps, row, companyId, before === undefined, link)(change);
}

function dealWriter(deps: ApplyDeps, row: CrmDealRow, companyId: number, isNew: boolean, link: CrmDealLink) {
  const { db, teamId, crm } = deps;
  const memberId = row.responsibleId === null ? null : crmUserMember(db, teamId, crm, row.responsibleId);
  const momentOf = (kind: DealChange["kind"]): number => {
    const at = crmRecordMoment(kind, isNew, row.moments, deps.now(), companyCreatedAt(db, companyId) ?? 0);
    if (deps.pastRecords && at < latestCompanyMoment(db, companyId)) deps.pastRecords.written = true;
    return at;
  };
  const save = (next: CrmDealLink) => ({ inTransaction: (_: unknown, tx: Db) => saveCrmDeal(tx, teamId, crm, row.crmId, next) });
  const input = (kind: DealChange["kind"]) => ({ teamId, companyId, memberId, now: momentOf(kind) });
  const recordWon = (amountKopecks: number): boolean =>
    recordDeal(db, { ...input("won"), amountKopecks }, {
      inTransaction: (result, tx) => {
        saveCrmDeal(tx, teamId, crm, row.crmId, { ...link, amountKopecks, dealEventId: result.ok ? result.eventId : null });
      },
    }).ok;
  const touch = (kind: DealChange["kind"]) => recordTouch(db, input(kind), save(link)).ok;
  const failed = (kind: DealChange["kind"]): boolean => {
    const meaning = meaningOfCrmWords(row.failureName, deps.reasons);
    if (meaning.kind === "closed") return closeCompany(db, { ...input(kind), reason: meaning.closeReason }, save(link)).ok;
    return recordRefusal(db, { ...input(kind), reason: meaning.reason, lostForGood: false, comment: meaning.comment }, save(link)).ok;
  };
  return (change: Exclude<DealChange, { kind: "none" }>): boolean => {
    switch (change.kind) {
      case "touch":
        return touch("touch");
      case "refusal":
        return failed("refusal");
      case "reopened": {
        const handled = recordHandled(db, input("reopened"), save(link));
        // Past its window the refusal has burned: the reopened deal is a new contact.
        return handled.ok || touch("reopened");
      }
      case "won":
        return row.amountKopecks === null ? touch("won") : recordWon(row.amountKopecks);
      case "unwon": {
        // Taken back as a correction would take it back: it counts nowhere, and the new stage counts as what it is.
        if (link.dealEventId !== null) {
          // The link forgets the deal in the same transaction, so a failure before the next write voids nothing twice.
          voidRecord(db, { teamId, record: "event", recordId: link.dealEventId, memberId: null, now: deps.now(), via: "edit" }, save({ ...link, dealEventId: null, amountKopecks: null }));
        }
        link.dealEventId = null;
        link.amountKopecks = null;
        return change.then === "refusal" ? failed("refusal") : touch("touch");
      }
      case "amount": {
        const dealEventId = link.dealEventId;
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
  };
}
