/** The CRM's ids of imported companies and deals, and the sync's cursor and state. */
import type { Db } from "./open.js";
import { prepared } from "./statements.js";

export type CrmKind = "bitrix24" | "amocrm";
import type { StageSemantic } from "../domain/crm-mapping.js";
export type { StageSemantic };

export type CrmDealLink = {
  companyId: number;
  semantic: StageSemantic;
  stageId: string;
  amountKopecks: number | null;
  dealEventId: number | null;
  modifiedAt: number;
};

export type CrmSyncState = {
  companiesCursor: number | null;
  dealsCursor: number | null;
  lastRunAt: number | null;
  lastOkAt: number | null;
  rowsRead: number;
  recordsWritten: number;
  errors: number;
  lastError: string | null;
};

export function crmCompanyId(db: Db, teamId: number, crm: CrmKind, crmId: string): number | undefined {
  const row = prepared(db, "SELECT company_id AS companyId FROM crm_companies WHERE team_id = ? AND crm = ? AND crm_id = ?").get(teamId, crm, crmId) as
    | { companyId: number }
    | undefined;
  return row?.companyId;
}

/** A company's link with what the CRM last called it and where it put it. */
export type CrmCompanyLink = { companyId: number; crmName: string | null; crmSegment: string | null };

export function crmCompanyLink(db: Db, teamId: number, crm: CrmKind, crmId: string): CrmCompanyLink | undefined {
  return prepared(
    db,
    "SELECT company_id AS companyId, crm_name AS crmName, crm_segment AS crmSegment FROM crm_companies WHERE team_id = ? AND crm = ? AND crm_id = ?",
  ).get(teamId, crm, crmId) as CrmCompanyLink | undefined;
}

export function linkCrmCompany(db: Db, teamId: number, crm: CrmKind, crmId: string, companyId: number, seen: { name: string; segment: string } | null = null): void {
  prepared(
    db,
    `INSERT INTO crm_companies (team_id, crm, crm_id, company_id, crm_name, crm_segment) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET company_id = excluded.company_id, crm_name = excluded.crm_name, crm_segment = excluded.crm_segment`,
  ).run(teamId, crm, crmId, companyId, seen?.name ?? null, seen?.segment ?? null);
}

/** A CRM user the sync has seen, and the member linked to it (null: none). */
export type CrmUser = { crmUserId: string; name: string; memberId: number | null; linkedBy: "founder" | "name" | null };

/** Records a CRM user's name as the CRM gives it now; a link stays. */
export function seeCrmUser(db: Db, teamId: number, crm: CrmKind, crmUserId: string, name: string): void {
  prepared(db, "INSERT INTO crm_users (team_id, crm, crm_user_id, name) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET name = excluded.name").run(
    teamId,
    crm,
    crmUserId,
    name,
  );
}

/** Notes a user id met on a deal before its name is known; nothing changes for one already seen. */
export function noteCrmUserId(db: Db, teamId: number, crm: CrmKind, crmUserId: string): void {
  prepared(db, "INSERT INTO crm_users (team_id, crm, crm_user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").run(teamId, crm, crmUserId);
}

export function linkCrmUser(db: Db, teamId: number, crm: CrmKind, crmUserId: string, memberId: number, by: "founder" | "name"): void {
  prepared(
    db,
    `INSERT INTO crm_users (team_id, crm, crm_user_id, member_id, linked_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET member_id = excluded.member_id, linked_by = excluded.linked_by`,
  ).run(teamId, crm, crmUserId, memberId, by);
}

export function listCrmUsers(db: Db, teamId: number, crm: CrmKind): CrmUser[] {
  return prepared(
    db,
    `SELECT crm_user_id AS crmUserId, name, member_id AS memberId, linked_by AS linkedBy FROM crm_users
      WHERE team_id = ? AND crm = ? ORDER BY CAST(crm_user_id AS INTEGER), crm_user_id`,
  ).all(teamId, crm) as CrmUser[];
}

/** The active member a CRM user is linked to; null when unlinked or the member was removed. */
export function crmUserMember(db: Db, teamId: number, crm: CrmKind, crmUserId: string): number | null {
  const id = prepared(
    db,
    `SELECT u.member_id FROM crm_users u JOIN members m ON m.id = u.member_id AND m.status = 'active'
      WHERE u.team_id = ? AND u.crm = ? AND u.crm_user_id = ?`,
  ).pluck().get(teamId, crm, crmUserId) as number | undefined;
  return id ?? null;
}

/** The latest moment anything happened to a company (an event, or a refusal settled), epoch ms; 0 for none. */
export function latestCompanyMoment(db: Db, companyId: number): number {
  const at = prepared(db, "SELECT MAX(MAX(at, COALESCE(settled_at, 0))) FROM company_events WHERE company_id = ? AND voided_by IS NULL")
    .pluck()
    .get(companyId) as number | null;
  return at ?? 0;
}

export function crmDeal(db: Db, teamId: number, crm: CrmKind, crmId: string): CrmDealLink | undefined {
  return prepared(
    db,
    `SELECT company_id AS companyId, semantic, stage_id AS stageId, amount_kopecks AS amountKopecks, deal_event_id AS dealEventId,
            modified_at AS modifiedAt
       FROM crm_deals WHERE team_id = ? AND crm = ? AND crm_id = ?`,
  ).get(teamId, crm, crmId) as CrmDealLink | undefined;
}

export function saveCrmDeal(db: Db, teamId: number, crm: CrmKind, crmId: string, link: CrmDealLink): void {
  prepared(
    db,
    `INSERT INTO crm_deals (team_id, crm, crm_id, company_id, semantic, stage_id, amount_kopecks, deal_event_id, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET company_id = excluded.company_id, semantic = excluded.semantic, stage_id = excluded.stage_id,
       amount_kopecks = excluded.amount_kopecks, deal_event_id = excluded.deal_event_id, modified_at = excluded.modified_at`,
  ).run(teamId, crm, crmId, link.companyId, link.semantic, link.stageId, link.amountKopecks, link.dealEventId, link.modifiedAt);
}

const EMPTY_STATE: CrmSyncState = {
  companiesCursor: null,
  dealsCursor: null,
  lastRunAt: null,
  lastOkAt: null,
  rowsRead: 0,
  recordsWritten: 0,
  errors: 0,
  lastError: null,
};

export function readCrmSync(db: Db, teamId: number, crm: CrmKind): CrmSyncState {
  const row = prepared(
    db,
    `SELECT companies_cursor AS companiesCursor, deals_cursor AS dealsCursor, last_run_at AS lastRunAt, last_ok_at AS lastOkAt,
            rows_read AS rowsRead, records_written AS recordsWritten, errors, last_error AS lastError
       FROM crm_sync WHERE team_id = ? AND crm = ?`,
  ).get(teamId, crm) as CrmSyncState | undefined;
  return row ?? { ...EMPTY_STATE };
}

export function writeCrmSync(db: Db, teamId: number, crm: CrmKind, state: CrmSyncState): void {
  prepared(
    db,
    `INSERT INTO crm_sync (team_id, crm, companies_cursor, deals_cursor, last_run_at, last_ok_at, rows_read, records_written, errors, last_error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET companies_cursor = excluded.companies_cursor, deals_cursor = excluded.deals_cursor,
       last_run_at = excluded.last_run_at, last_ok_at = excluded.last_ok_at, rows_read = excluded.rows_read,
       records_written = excluded.records_written, errors = excluded.errors, last_error = excluded.last_error`,
  ).run(
    teamId,
    crm,
    state.companiesCursor,
    state.dealsCursor,
    state.lastRunAt,
    state.lastOkAt,
    state.rowsRead,
    state.recordsWritten,
    state.errors,
    state.lastError,
  );
}
