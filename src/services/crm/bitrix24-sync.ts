/**
 * One Bitrix24 sync: stage and industry names, then companies, then deals changed since the cursor. Each
 * record is written through the same use case a typed command calls, with the CRM's ids saved in the same
 * transaction; the cursor moves only after a page is stored, so a failure mid-way re-reads, never skips.
 */
import { crmAmountKopecks, dealChange, NO_SEGMENT, reasonFromCrmWords } from "../../domain/crm-mapping.js";
import type { CrmDealState, StageSemantic } from "../../domain/crm-mapping.js";
import { crmCompanyId, crmDeal, linkCrmCompany, readCrmSync, saveCrmDeal, writeCrmSync } from "../../db/crm.js";
import type { CrmDealLink, CrmSyncState } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import { amendRecord } from "../corrections/correct.js";
import { addCompany } from "../leads/add.js";
import { recordDeal } from "../leads/deal.js";
import { recordHandled } from "../leads/handled.js";
import { recordRefusal } from "../leads/refusal.js";
import { recordTouch } from "../leads/touch.js";
import type { Bitrix24Client, Bitrix24Row } from "./bitrix24.js";

export const COMPANY_FIELDS = ["ID", "TITLE", "INDUSTRY", "ASSIGNED_BY_ID", "DATE_MODIFY"];
export const DEAL_FIELDS = [
  "ID",
  "TITLE",
  "COMPANY_ID",
  "CATEGORY_ID",
  "STAGE_ID",
  "STAGE_SEMANTIC_ID",
  "CLOSED",
  "OPPORTUNITY",
  "CURRENCY_ID",
  "CLOSEDATE",
  "DATE_CREATE",
  "DATE_MODIFY",
  "ASSIGNED_BY_ID",
];

export type SyncDeps = { db: Db; teamId: number; client: Bitrix24Client; now: () => number };

export type SyncOutcome = { ok: true; rowsRead: number; recordsWritten: number } | { ok: false; error: string };

type Names = { industries: Map<string, string>; stages: Map<string, string> };

/** Runs one sync; records its outcome (rows read, records written, the error) for /crm. */
export async function syncBitrix24(deps: SyncDeps): Promise<SyncOutcome> {
  const { db, teamId } = deps;
  const state = readCrmSync(db, teamId, "bitrix24");
  const counts = { rowsRead: 0, recordsWritten: 0 };
  try {
    const names = await readNames(deps.client);
    await readCompanies(deps, state, names, counts);
    await readDeals(deps, state, names, counts);
    writeCrmSync(db, teamId, "bitrix24", { ...state, lastRunAt: deps.now(), lastOkAt: deps.now(), rowsRead: counts.rowsRead, recordsWritten: counts.recordsWritten, lastError: null });
    return { ok: true, ...counts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Keep what the pages already stored (the cursors in `state` moved with them) and count the failure.
    writeCrmSync(db, teamId, "bitrix24", { ...state, lastRunAt: deps.now(), rowsRead: counts.rowsRead, recordsWritten: counts.recordsWritten, errors: state.errors + 1, lastError: message });
    return { ok: false, error: message };
  }
}

async function readNames(client: Bitrix24Client): Promise<Names> {
  const names: Names = { industries: new Map(), stages: new Map() };
  await client.list("crm.status.list", { order: { SORT: "ASC" } }, (rows) => {
    for (const row of rows) {
      const entity = String(row.ENTITY_ID ?? "");
      const id = String(row.STATUS_ID ?? "");
      const name = String(row.NAME ?? "");
      if (entity === "INDUSTRY") names.industries.set(id, name);
      // The main funnel's stages are DEAL_STAGE, another funnel's DEAL_STAGE_<id>; their STATUS_IDs do not clash.
      else if (entity === "DEAL_STAGE" || entity.startsWith("DEAL_STAGE_")) names.stages.set(id, name);
    }
  });
  return names;
}

function modifiedFilter(cursor: number | null): Record<string, string> {
  // ">=" rather than ">": rows changed in the cursor's own second are read again, and a re-read changes nothing.
  return cursor === null ? {} : { ">=DATE_MODIFY": new Date(cursor).toISOString() };
}

function timeOf(value: unknown): number | null {
  const at = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? null : at;
}

async function readCompanies(deps: SyncDeps, state: CrmSyncState, names: Names, counts: { rowsRead: number; recordsWritten: number }) {
  const { db, teamId } = deps;
  const params = { order: { DATE_MODIFY: "ASC", ID: "ASC" }, filter: modifiedFilter(state.companiesCursor), select: COMPANY_FIELDS };
  await deps.client.list("crm.company.list", params, (rows) => {
    for (const row of rows) {
      counts.rowsRead++;
      const crmId = String(row.ID ?? "");
      if (crmId === "" || crmCompanyId(db, teamId, "bitrix24", crmId) !== undefined) continue;
      const segmentName = names.industries.get(String(row.INDUSTRY ?? "")) ?? NO_SEGMENT;
      const added = addCompany(db, { teamId, name: String(row.TITLE ?? ""), segmentName, now: deps.now() }, {
        inTransaction: (result, tx) => {
          if (result.ok) linkCrmCompany(tx, teamId, "bitrix24", crmId, result.company.id);
        },
      });
      if (added.ok) counts.recordsWritten++;
      // A company already typed in the bot under the same name is the same company.
      else if (added.reason === "exists") linkCrmCompany(db, teamId, "bitrix24", crmId, added.company.id);
    }
    state.companiesCursor = maxTime(rows, state.companiesCursor);
    writeCrmSync(db, teamId, "bitrix24", state);
  });
}

function maxTime(rows: Bitrix24Row[], cursor: number | null): number | null {
  return rows.reduce<number | null>((max, row) => {
    const at = timeOf(row.DATE_MODIFY);
    return at !== null && (max === null || at > max) ? at : max;
  }, cursor);
}

function semanticOf(value: unknown): StageSemantic {
  return value === "S" || value === "F" ? value : "P";
}

async function readDeals(deps: SyncDeps, state: CrmSyncState, names: Names, counts: { rowsRead: number; recordsWritten: number }) {
  const params = { order: { DATE_MODIFY: "ASC", ID: "ASC" }, filter: modifiedFilter(state.dealsCursor), select: DEAL_FIELDS };
  await deps.client.list("crm.deal.list", params, (rows) => {
    for (const row of rows) {
      counts.rowsRead++;
      if (applyDeal(deps, row, names)) counts.recordsWritten++;
    }
    state.dealsCursor = maxTime(rows, state.dealsCursor);
    writeCrmSync(deps.db, deps.teamId, "bitrix24", state);
  });
}

/** Writes what the deal's change means; true when a record was written. */
function applyDeal(deps: SyncDeps, row: Bitrix24Row, names: Names): boolean {
  const { db, teamId } = deps;
  const crmId = String(row.ID ?? "");
  const companyId = crmCompanyId(db, teamId, "bitrix24", String(row.COMPANY_ID ?? ""));
  // A deal without a company of the base (a contact's deal) counts for nobody.
  if (crmId === "" || companyId === undefined) return false;
  const before = crmDeal(db, teamId, "bitrix24", crmId);
  const stageId = String(row.STAGE_ID ?? "");
  const after: CrmDealState = { semantic: semanticOf(row.STAGE_SEMANTIC_ID), stageId, amountKopecks: crmAmountKopecks(row.OPPORTUNITY) };
  const link: CrmDealLink = {
    companyId,
    semantic: after.semantic,
    stageId,
    amountKopecks: before?.amountKopecks ?? null,
    dealEventId: before?.dealEventId ?? null,
    modifiedAt: timeOf(row.DATE_MODIFY) ?? deps.now(),
  };
  const save = (next: CrmDealLink) => ({ inTransaction: (_: unknown, tx: Db) => saveCrmDeal(tx, teamId, "bitrix24", crmId, next) });
  const input = { teamId, companyId, memberId: null, now: deps.now() };
  const change = dealChange(before, after);
  switch (change.kind) {
    case "none":
      saveCrmDeal(db, teamId, "bitrix24", crmId, link);
      return false;
    case "touch":
      return recordTouch(db, input, save(link)).ok;
    case "refusal": {
      const { reason, comment } = reasonFromCrmWords(names.stages.get(stageId) ?? stageId);
      return recordRefusal(db, { ...input, reason, lostForGood: false, comment }, save(link)).ok;
    }
    case "reopened": {
      const handled = recordHandled(db, input, save(link));
      // Past its window the refusal has burned: the reopened deal is a new contact.
      return handled.ok || recordTouch(db, input, save(link)).ok;
    }
    case "won": {
      if (after.amountKopecks === null) return recordTouch(db, input, save(link)).ok;
      let eventId: number | null = null;
      const won = recordDeal(db, { ...input, amountKopecks: after.amountKopecks }, {
        inTransaction: (result, tx) => {
          if (result.ok) eventId = result.eventId;
          saveCrmDeal(tx, teamId, "bitrix24", crmId, { ...link, amountKopecks: after.amountKopecks, dealEventId: eventId });
        },
      });
      return won.ok;
    }
    case "amount": {
      if (before?.dealEventId == null) return false;
      const amended = amendRecord(
        db,
        { teamId, record: "event", recordId: before.dealEventId, memberId: null, now: deps.now(), via: "edit" },
        { amountKopecks: change.amountKopecks },
        {
          inTransaction: (result, tx) => {
            const dealEventId = result.ok && result.after ? result.after.id : before.dealEventId;
            saveCrmDeal(tx, teamId, "bitrix24", crmId, { ...link, amountKopecks: change.amountKopecks, dealEventId });
          },
        },
      );
      return amended.ok;
    }
  }
}
