/**
 * One amoCRM sync: pipelines (status names), then companies, then leads changed since the cursor, with their
 * loss reasons and companies embedded. Status 142 is won and 143 lost in every pipeline.
 */
import { crmAmountKopecks, NO_SEGMENT } from "../../domain/crm-mapping.js";
import type { StageSemantic } from "../../domain/crm-mapping.js";
import { readCrmSync, writeCrmSync } from "../../db/crm.js";
import type { CrmSyncState } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import type { AmoCrmClient, AmoRow } from "./amocrm.js";
import { applyCrmCompany, applyCrmDeal } from "./apply.js";
import type { SyncOutcome } from "./bitrix24-sync.js";

/** The company field that names the segment. */
export const SEGMENT_FIELD = "Сегмент";
const WON = 142;
const LOST = 143;

export type AmoSyncDeps = { db: Db; teamId: number; client: AmoCrmClient; now: () => number };

type Counts = { rowsRead: number; recordsWritten: number };

/** Runs one sync; records its outcome for /crm. */
export async function syncAmoCrm(deps: AmoSyncDeps): Promise<SyncOutcome> {
  const { db, teamId } = deps;
  const state = readCrmSync(db, teamId, "amocrm");
  const counts: Counts = { rowsRead: 0, recordsWritten: 0 };
  try {
    const statuses = await readStatuses(deps.client);
    await readCompanies(deps, state, counts);
    await readLeads(deps, state, statuses, counts);
    writeCrmSync(db, teamId, "amocrm", { ...state, lastRunAt: deps.now(), lastOkAt: deps.now(), ...counts, lastError: null });
    return { ok: true, ...counts };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeCrmSync(db, teamId, "amocrm", { ...state, lastRunAt: deps.now(), ...counts, errors: state.errors + 1, lastError: message });
    return { ok: false, error: message };
  }
}

async function readStatuses(client: AmoCrmClient): Promise<Map<number, string>> {
  const body = (await client.get("/api/v4/leads/pipelines")) as { _embedded?: { pipelines?: AmoRow[] } } | null;
  const names = new Map<number, string>();
  for (const pipeline of body?._embedded?.pipelines ?? []) {
    const statuses = (pipeline._embedded as { statuses?: AmoRow[] } | undefined)?.statuses ?? [];
    for (const status of statuses) names.set(Number(status.id), String(status.name ?? ""));
  }
  return names;
}

/** `filter[updated_at][from]` is inclusive and in seconds: the cursor's own second is read again, harmlessly. */
function changedSince(cursor: number | null): Record<string, string> {
  const query: Record<string, string> = { "order[updated_at]": "asc" };
  if (cursor !== null) query["filter[updated_at][from]"] = String(Math.floor(cursor / 1000));
  return query;
}

function maxUpdated(rows: AmoRow[], cursor: number | null): number | null {
  return rows.reduce<number | null>((max, row) => {
    const at = Number(row.updated_at) * 1000;
    return Number.isFinite(at) && (max === null || at > max) ? at : max;
  }, cursor);
}

function segmentOf(row: AmoRow): string {
  const fields = Array.isArray(row.custom_fields_values) ? (row.custom_fields_values as AmoRow[]) : [];
  const field = fields.find((f) => f.field_name === SEGMENT_FIELD);
  const value = Array.isArray(field?.values) ? (field.values as AmoRow[])[0]?.value : undefined;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : NO_SEGMENT;
}

async function readCompanies(deps: AmoSyncDeps, state: CrmSyncState, counts: Counts) {
  const apply = { db: deps.db, teamId: deps.teamId, crm: "amocrm" as const, now: deps.now };
  await deps.client.list("/api/v4/companies", "companies", changedSince(state.companiesCursor), (rows) => {
    for (const row of rows) {
      counts.rowsRead++;
      if (applyCrmCompany(apply, { crmId: String(row.id ?? ""), name: String(row.name ?? ""), segmentName: segmentOf(row) })) counts.recordsWritten++;
    }
    state.companiesCursor = maxUpdated(rows, state.companiesCursor);
    writeCrmSync(deps.db, deps.teamId, "amocrm", state);
  });
}

function semanticOf(statusId: number): StageSemantic {
  return statusId === WON ? "S" : statusId === LOST ? "F" : "P";
}

async function readLeads(deps: AmoSyncDeps, state: CrmSyncState, statuses: Map<number, string>, counts: Counts) {
  const apply = { db: deps.db, teamId: deps.teamId, crm: "amocrm" as const, now: deps.now };
  const query = { with: "loss_reason,companies", ...changedSince(state.dealsCursor) };
  await deps.client.list("/api/v4/leads", "leads", query, (rows) => {
    for (const row of rows) {
      counts.rowsRead++;
      const statusId = Number(row.status_id);
      const embedded = (row._embedded ?? {}) as { loss_reason?: AmoRow[]; companies?: AmoRow[] };
      const company = embedded.companies?.[0];
      const lossReason = embedded.loss_reason?.[0]?.name;
      const written = applyCrmDeal(apply, {
        crmId: String(row.id ?? ""),
        companyCrmId: company ? String(company.id) : null,
        semantic: semanticOf(statusId),
        // Status ids are unique across pipelines; the pipeline is kept for a reader of the table.
        stageId: `${String(row.pipeline_id ?? "")}:${statusId}`,
        amountKopecks: crmAmountKopecks(row.price),
        failureName: typeof lossReason === "string" ? lossReason : (statuses.get(statusId) ?? ""),
        modifiedAt: Number(row.updated_at) * 1000,
      });
      if (written) counts.recordsWritten++;
    }
    state.dealsCursor = maxUpdated(rows, state.dealsCursor);
    writeCrmSync(deps.db, deps.teamId, "amocrm", state);
  });
}
