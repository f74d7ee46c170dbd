/**
 * One Bitrix24 sync: stage and industry names, the users, then companies (with their INNs from the requisites),
 * then deals changed since the cursor (written by ./apply.ts). The cursor moves only after a page is stored, so a
 * failure mid-way re-reads, never skips.
 */
import { crmAmountKopecks, NO_SEGMENT } from "../../domain/crm-mapping.js";
import type { StageSemantic } from "../../domain/crm-mapping.js";
import { crmReasonWords } from "../../domain/crm-reasons.js";
import { noteCrmUserId, readCrmSync, writeCrmSync } from "../../db/crm.js";
import type { CrmSyncState } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import { getTeam } from "../../db/teams.js";
import { applyCrmCompany, applyCrmDeal, rebuildPastRecords } from "./apply.js";
import type { ApplyDeps } from "./apply.js";
import type { Bitrix24Client, Bitrix24Row } from "./bitrix24.js";
import { nextTurn, ROWS_PER_TURN } from "./turns.js";
import { CrmError } from "./http.js";
import { noteCrmUsers } from "./users.js";

export const COMPANY_FIELDS = ["ID", "TITLE", "INDUSTRY", "ASSIGNED_BY_ID", "DATE_CREATE", "DATE_MODIFY"];
/** The owner type of a company in crm.requisite.list's ENTITY_TYPE_ID (crm.enum.ownertype). */
const COMPANY_OWNER_TYPE = 4;
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

export type SyncDeps = { db: Db; teamId: number; client: Bitrix24Client; now: () => number; signal?: AbortSignal };

export type SyncOutcome = { ok: true; rowsRead: number; recordsWritten: number } | { ok: false; error: string; stopped?: true };

type Names = { industries: Map<string, string>; stages: Map<string, string> };

/** Runs one sync; records its outcome (rows read, records written, the error) for /crm. */
export async function syncBitrix24(deps: SyncDeps): Promise<SyncOutcome> {
  const { db, teamId } = deps;
  const state = readCrmSync(db, teamId, "bitrix24");
  const counts = { rowsRead: 0, recordsWritten: 0 };
  const apply: ApplyDeps = { db, teamId, crm: "bitrix24", now: deps.now, reasons: crmReasonWords(getTeam(db, teamId)?.crmReasons ?? {}), pastRecords: { written: false } };
  try {
    const names = await readNames(deps.client);
    await readUsers(deps);
    await readCompanies(deps, apply, state, names, counts);
    await readDeals(deps, apply, state, names, counts);
    writeCrmSync(db, teamId, "bitrix24", { ...state, lastRunAt: deps.now(), lastOkAt: deps.now(), rowsRead: counts.rowsRead, recordsWritten: counts.recordsWritten, lastError: null });
    return { ok: true, ...counts };
  } catch (error) {
    // The bot is stopping: the stored pages and their cursors stay, nothing failed, the next start goes on from there.
    if (deps.signal?.aborted) return { ok: false, error: "stopped", stopped: true };
    const message = error instanceof Error ? error.message : String(error);
    // Keep what the pages already stored (the cursors in `state` moved with them) and count the failure.
    writeCrmSync(db, teamId, "bitrix24", { ...state, lastRunAt: deps.now(), rowsRead: counts.rowsRead, recordsWritten: counts.recordsWritten, errors: state.errors + 1, lastError: message });
    return { ok: false, error: message };
  } finally {
    // Once per sync, failed or not: what the stored pages dated in the past is put in its place.
    rebuildPastRecords(apply);
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

/** user.get pages through `start` like the lists; a webhook without the user scope only loses the matching by name. */
async function readUsers(deps: SyncDeps): Promise<void> {
  const users: { id: string; name: string }[] = [];
  try {
    await deps.client.list("user.get", { sort: "ID", order: "ASC" }, (rows) => {
      for (const row of rows) users.push({ id: String(row.ID ?? ""), name: `${String(row.NAME ?? "")} ${String(row.LAST_NAME ?? "")}`.trim() });
    });
  } catch (error) {
    if (!(error instanceof CrmError && (error.status === 401 || error.status === 403) && /insufficient_scope|ACCESS_DENIED/i.test(error.message))) throw error;
  }
  noteCrmUsers(deps.db, deps.teamId, "bitrix24", users);
}

/** The INN of each company of a page, from its requisites (a company may have none, or several: the first with one). */
async function readInns(client: Bitrix24Client, companyIds: string[]): Promise<Map<string, string>> {
  const inns = new Map<string, string>();
  if (companyIds.length === 0) return inns;
  const params = { order: { ID: "ASC" }, filter: { ENTITY_TYPE_ID: COMPANY_OWNER_TYPE, "@ENTITY_ID": companyIds }, select: ["ENTITY_ID", "RQ_INN"] };
  await client.list("crm.requisite.list", params, (rows) => {
    for (const row of rows) {
      const inn = String(row.RQ_INN ?? "").trim();
      const id = String(row.ENTITY_ID ?? "");
      if (/^\d{10}(\d{2})?$/.test(inn) && !inns.has(id)) inns.set(id, inn);
    }
  });
  return inns;
}

function modifiedFilter(cursor: number | null): Record<string, string> {
  // ">=" rather than ">": rows changed in the cursor's own second are read again, and a re-read changes nothing.
  return cursor === null ? {} : { ">=DATE_MODIFY": new Date(cursor).toISOString() };
}

function timeOf(value: unknown): number | null {
  const at = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? null : at;
}

async function readCompanies(deps: SyncDeps, apply: ApplyDeps, state: CrmSyncState, names: Names, counts: { rowsRead: number; recordsWritten: number }) {
  const { db, teamId } = deps;
  const params = { order: { DATE_MODIFY: "ASC", ID: "ASC" }, filter: modifiedFilter(state.companiesCursor), select: COMPANY_FIELDS };
  await deps.client.list("crm.company.list", params, async (rows) => {
    const inns = await readInns(deps.client, rows.map((row) => String(row.ID ?? "")).filter((id) => id !== ""));
    for (const [index, row] of rows.entries()) {
      if (index > 0 && index % ROWS_PER_TURN === 0) await nextTurn(deps.signal);
      counts.rowsRead++;
      const crmId = String(row.ID ?? "");
      const segmentName = names.industries.get(String(row.INDUSTRY ?? "")) ?? NO_SEGMENT;
      const company = { crmId, name: String(row.TITLE ?? ""), segmentName, inn: inns.get(crmId) ?? null, createdAt: timeOf(row.DATE_CREATE) };
      if (applyCrmCompany(apply, company)) counts.recordsWritten++;
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

async function readDeals(deps: SyncDeps, apply: ApplyDeps, state: CrmSyncState, names: Names, counts: { rowsRead: number; recordsWritten: number }) {
  const params = { order: { DATE_MODIFY: "ASC", ID: "ASC" }, filter: modifiedFilter(state.dealsCursor), select: DEAL_FIELDS };
  await deps.client.list("crm.deal.list", params, async (rows) => {
    for (const [index, row] of rows.entries()) {
      if (index > 0 && index % ROWS_PER_TURN === 0) await nextTurn(deps.signal);
      counts.rowsRead++;
      const stageId = String(row.STAGE_ID ?? "");
      const responsibleId = row.ASSIGNED_BY_ID ? String(row.ASSIGNED_BY_ID) : null;
      if (responsibleId !== null) noteCrmUserId(deps.db, deps.teamId, "bitrix24", responsibleId);
      const written = applyCrmDeal(apply, {
        crmId: String(row.ID ?? ""),
        companyCrmId: row.COMPANY_ID ? String(row.COMPANY_ID) : null,
        semantic: semanticOf(row.STAGE_SEMANTIC_ID),
        stageId,
        amountKopecks: crmAmountKopecks(row.OPPORTUNITY),
        failureName: names.stages.get(stageId) ?? stageId,
        modifiedAt: timeOf(row.DATE_MODIFY) ?? deps.now(),
        responsibleId,
        moments: { createdAt: timeOf(row.DATE_CREATE), modifiedAt: timeOf(row.DATE_MODIFY), closedAt: timeOf(row.CLOSEDATE) },
      });
      if (written) counts.recordsWritten++;
    }
    state.dealsCursor = maxTime(rows, state.dealsCursor);
    writeCrmSync(deps.db, deps.teamId, "bitrix24", state);
  });
}
