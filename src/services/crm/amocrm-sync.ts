/**
 * One amoCRM sync: pipelines (status names), the users, then companies, then leads changed since the cursor, with
 * their loss reasons and companies embedded. Status 142 is won and 143 lost in every pipeline.
 */
import { crmAmountKopecks, NO_SEGMENT } from "../../domain/crm-mapping.js";
import type { StageSemantic } from "../../domain/crm-mapping.js";
import { crmReasonWords } from "../../domain/crm-reasons.js";
import { noteCrmUserId, readCrmSync, writeCrmSync } from "../../db/crm.js";
import type { CrmSyncState } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import { getTeam } from "../../db/teams.js";
import type { AmoCrmClient, AmoRow } from "./amocrm.js";
import { applyCrmCompany, applyCrmDeal, rebuildPastRecords } from "./apply.js";
import type { ApplyDeps } from "./apply.js";
import type { SyncOutcome } from "./bitrix24-sync.js";
import { CrmError } from "./http.js";
import { noteCrmUsers } from "./users.js";

/** The company field that carries the INN. */
export const INN_FIELD = "ИНН";
const WON = 142;
const LOST = 143;

export type AmoSyncDeps = { db: Db; teamId: number; client: AmoCrmClient; now: () => number; signal?: AbortSignal };

type Counts = { rowsRead: number; recordsWritten: number };

/** Runs one sync; records its outcome for /crm. */
export async function syncAmoCrm(deps: AmoSyncDeps): Promise<SyncOutcome> {
  const { db, teamId } = deps;
  const state = readCrmSync(db, teamId, "amocrm");
  const counts: Counts = { rowsRead: 0, recordsWritten: 0 };
  const team = getTeam(db, teamId);
  const apply: ApplyDeps = { db, teamId, crm: "amocrm", now: deps.now, reasons: crmReasonWords(team?.crmReasons ?? {}), pastRecords: { written: false } };
  try {
    const statuses = await readStatuses(deps.client);
    await readUsers(deps);
    await readCompanies(deps, apply, team?.crmSegmentField ?? "Сегмент", state, counts);
    await readLeads(deps, apply, state, statuses, counts);
    writeCrmSync(db, teamId, "amocrm", { ...state, lastRunAt: deps.now(), lastOkAt: deps.now(), ...counts, lastError: null });
    return { ok: true, ...counts };
  } catch (error) {
    // The bot is stopping: the stored pages and their cursors stay, nothing failed, the next start goes on from there.
    if (deps.signal?.aborted) return { ok: false, error: "stopped", stopped: true };
    const message = error instanceof Error ? error.message : String(error);
    writeCrmSync(db, teamId, "amocrm", { ...state, lastRunAt: deps.now(), ...counts, errors: state.errors + 1, lastError: message });
    return { ok: false, error: message };
  } finally {
    // Once per sync, failed or not: what the stored pages dated in the past is put in its place.
    rebuildPastRecords(apply);
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

/** GET /api/v4/users needs an administrator's token; with another only the matching by name is lost (403). */
async function readUsers(deps: AmoSyncDeps): Promise<void> {
  const users: { id: string; name: string }[] = [];
  try {
    await deps.client.list("/api/v4/users", "users", {}, (rows) => {
      for (const row of rows) users.push({ id: String(row.id ?? ""), name: String(row.name ?? "").trim() });
    });
  } catch (error) {
    if (!(error instanceof CrmError && error.status === 403)) throw error;
  }
  noteCrmUsers(deps.db, deps.teamId, "amocrm", users);
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

/** The first value of the company's custom field named `name`, trimmed; null when it has none. */
function fieldValue(row: AmoRow, name: string): string | null {
  const fields = Array.isArray(row.custom_fields_values) ? (row.custom_fields_values as AmoRow[]) : [];
  const field = fields.find((f) => f.field_name === name);
  const value = Array.isArray(field?.values) ? (field.values as AmoRow[])[0]?.value : undefined;
  const text = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
  return text === "" ? null : text;
}

function secondsAt(value: unknown): number | null {
  const seconds = Number(value);
  return value !== null && value !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

async function readCompanies(deps: AmoSyncDeps, apply: ApplyDeps, segmentField: string, state: CrmSyncState, counts: Counts) {
  await deps.client.list("/api/v4/companies", "companies", changedSince(state.companiesCursor), (rows) => {
    for (const row of rows) {
      counts.rowsRead++;
      const inn = fieldValue(row, INN_FIELD);
      const company = {
        crmId: String(row.id ?? ""),
        name: String(row.name ?? ""),
        segmentName: fieldValue(row, segmentField) ?? NO_SEGMENT,
        inn: inn !== null && /^\d{10}(\d{2})?$/.test(inn) ? inn : null,
        createdAt: secondsAt(row.created_at),
      };
      if (applyCrmCompany(apply, company)) counts.recordsWritten++;
    }
    state.companiesCursor = maxUpdated(rows, state.companiesCursor);
    writeCrmSync(deps.db, deps.teamId, "amocrm", state);
  });
}

function semanticOf(statusId: number): StageSemantic {
  return statusId === WON ? "S" : statusId === LOST ? "F" : "P";
}

async function readLeads(deps: AmoSyncDeps, apply: ApplyDeps, state: CrmSyncState, statuses: Map<number, string>, counts: Counts) {
  const query = { with: "loss_reason,companies", ...changedSince(state.dealsCursor) };
  await deps.client.list("/api/v4/leads", "leads", query, (rows) => {
    for (const row of rows) {
      counts.rowsRead++;
      const statusId = Number(row.status_id);
      const embedded = (row._embedded ?? {}) as { loss_reason?: AmoRow[]; companies?: AmoRow[] };
      const company = embedded.companies?.[0];
      const lossReason = embedded.loss_reason?.[0]?.name;
      const responsibleId = row.responsible_user_id ? String(row.responsible_user_id) : null;
      if (responsibleId !== null) noteCrmUserId(deps.db, deps.teamId, "amocrm", responsibleId);
      const written = applyCrmDeal(apply, {
        crmId: String(row.id ?? ""),
        companyCrmId: company ? String(company.id) : null,
        semantic: semanticOf(statusId),
        // Status ids are unique across pipelines; the pipeline is kept for a reader of the table.
        stageId: `${String(row.pipeline_id ?? "")}:${statusId}`,
        amountKopecks: crmAmountKopecks(row.price),
        failureName: typeof lossReason === "string" ? lossReason : (statuses.get(statusId) ?? ""),
        modifiedAt: Number(row.updated_at) * 1000,
        responsibleId,
        moments: { createdAt: secondsAt(row.created_at), modifiedAt: secondsAt(row.updated_at), closedAt: secondsAt(row.closed_at) },
      });
      if (written) counts.recordsWritten++;
    }
    state.dealsCursor = maxUpdated(rows, state.dealsCursor);
    writeCrmSync(deps.db, deps.teamId, "amocrm", state);
  });
}
