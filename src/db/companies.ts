import type { Db } from "./open.js";
import { prepared } from "./statements.js";

export type CompanyStatus = "active" | "cooling" | "lost" | "closed";

/** A company of the lead base with its materialized state (kept by src/services/leads/). */
export interface Company {
  id: number;
  teamId: number;
  segmentId: number;
  name: string;
  inn: string | null;
  ownerUsername: string | null;
  ownerMemberId: number | null;
  phone: string | null;
  email: string | null;
  createdDay: string;
  status: CompanyStatus;
  /** while cooling: the first local day it may be touched again */
  coolingUntilDay: string | null;
  /** while cooling: local midnight starting coolingUntilDay */
  coolingUntilAt: number | null;
  firstContactAt: number | null;
  wonAt: number | null;
}

/** The state columns a write path changes together with the counters. */
export type CompanyStateFields = Pick<
  Company,
  "segmentId" | "status" | "coolingUntilDay" | "coolingUntilAt" | "firstContactAt" | "wonAt"
>;

interface CompanyRow {
  id: number;
  team_id: number;
  segment_id: number;
  name: string;
  inn: string | null;
  owner_username: string | null;
  owner_member_id: number | null;
  phone: string | null;
  email: string | null;
  created_day: string;
  status: CompanyStatus;
  cooling_until_day: string | null;
  cooling_until_at: number | null;
  first_contact_at: number | null;
  won_at: number | null;
}

const COLUMNS =
  "id, team_id, segment_id, name, inn, owner_username, owner_member_id, phone, email, created_day, status, cooling_until_day, cooling_until_at, first_contact_at, won_at";

function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    teamId: row.team_id,
    segmentId: row.segment_id,
    name: row.name,
    inn: row.inn,
    ownerUsername: row.owner_username,
    ownerMemberId: row.owner_member_id,
    phone: row.phone,
    email: row.email,
    createdDay: row.created_day,
    status: row.status,
    coolingUntilDay: row.cooling_until_day,
    coolingUntilAt: row.cooling_until_at,
    firstContactAt: row.first_contact_at,
    wonAt: row.won_at,
  };
}

/** A company's name with its core key (for ranking suggestions). */
export type CompanyName = { id: number; name: string; coreKey: string };

/** A row of an import, already validated and normalized. */
export interface CompanyImportRow {
  segmentId: number;
  name: string;
  nameKey: string;
  coreKey: string;
  inn: string | null;
  ownerUsername: string | null;
  ownerMemberId: number | null;
  phone: string | null;
  email: string | null;
}

/** The module's SQL texts; each runs through the connection's statement cache (prepared). */
const SQL = {
  byId: `SELECT ${COLUMNS} FROM companies WHERE team_id = ? AND id = ? AND removed_at IS NULL`,
  byNameKey: `SELECT ${COLUMNS} FROM companies WHERE team_id = ? AND name_key = ?`,
  byInn: `SELECT ${COLUMNS} FROM companies WHERE team_id = ? AND inn = ?`,
  byCoreKey: `SELECT ${COLUMNS} FROM companies WHERE team_id = ? AND core_key = ? ORDER BY id LIMIT ?`,
  namesFrom: `SELECT id, name, core_key AS coreKey FROM companies WHERE team_id = ? AND core_key >= ? AND core_key < ? AND removed_at IS NULL
      ORDER BY core_key LIMIT ?`,
  namesAll: "SELECT id, name, core_key AS coreKey FROM companies WHERE team_id = ? AND removed_at IS NULL LIMIT ?",
  updateState: `UPDATE companies SET segment_id = ?, status = ?, cooling_until_day = ?, cooling_until_at = ?,
       first_contact_at = ?, won_at = ?, updated_at = ? WHERE id = ?`,
  nextCoolingEnd: `SELECT ${COLUMNS} FROM companies WHERE team_id = ? AND status = 'cooling' AND cooling_until_at <= ?
      ORDER BY cooling_until_at, id LIMIT 1`,
  nextId: "SELECT COALESCE(MAX(id), 0) + 1 FROM companies",
  idByNameKey: "SELECT id FROM companies WHERE team_id = ? AND name_key = ?",
  idByInn: "SELECT id FROM companies WHERE team_id = ? AND inn = ?",
  insertNew: `INSERT INTO companies (team_id, segment_id, name, name_key, core_key, inn, owner_username, owner_member_id,
       phone, email, created_at, created_day, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  // The existing company a re-imported row means: by INN when one has it, else by name. A name match
  // whose INN differs is a different legal entity and is left alone (no row returned).
  updateExisting: `UPDATE companies SET name = @name, name_key = @nameKey, core_key = @coreKey, inn = COALESCE(@inn, inn),
       owner_username = CASE WHEN @ownerMemberId IS NULL THEN owner_username ELSE @ownerUsername END,
       owner_member_id = COALESCE(@ownerMemberId, owner_member_id),
       phone = COALESCE(@phone, phone), email = COALESCE(@email, email), updated_at = @now
     WHERE id = (SELECT id FROM companies WHERE team_id = @teamId AND inn = @inn
                 UNION ALL SELECT id FROM companies WHERE team_id = @teamId AND name_key = @nameKey LIMIT 1)
       AND (inn IS NULL OR @inn IS NULL OR inn = @inn)
     RETURNING id, segment_id`,
} as const;

/** The team's company with this id (ids of other teams are not found). */
export function getCompany(db: Db, teamId: number, id: number): Company | undefined {
  const row = prepared(db, SQL.byId).get(teamId, id) as CompanyRow | undefined;
  return row && toCompany(row);
}

export function findCompanyByNameKey(db: Db, teamId: number, nameKey: string): Company | undefined {
  const row = prepared(db, SQL.byNameKey).get(teamId, nameKey) as CompanyRow | undefined;
  return row && toCompany(row);
}

export function findCompanyByInn(db: Db, teamId: number, inn: string): Company | undefined {
  const row = prepared(db, SQL.byInn).get(teamId, inn) as CompanyRow | undefined;
  return row && toCompany(row);
}

export function findCompaniesByCoreKey(db: Db, teamId: number, coreKey: string, limit: number): Company[] {
  return (prepared(db, SQL.byCoreKey).all(teamId, coreKey, limit) as CompanyRow[]).map(toCompany);
}

/** Names whose core key starts with `prefix` (an index range scan), at most `limit`. */
export function companyNamesWithPrefix(db: Db, teamId: number, prefix: string, limit: number): CompanyName[] {
  return prepared(db, SQL.namesFrom).all(teamId, prefix, `${prefix}\uffff`, limit) as CompanyName[];
}

/** Up to `limit` names of the team, in no particular order (for small bases). */
export function someCompanyNames(db: Db, teamId: number, limit: number): CompanyName[] {
  return prepared(db, SQL.namesAll).all(teamId, limit) as CompanyName[];
}

/** Writes the state columns of a company (the counters are the caller's job, in the same transaction). */
export function updateCompanyState(db: Db, id: number, fields: CompanyStateFields, now: number): void {
  prepared(db, SQL.updateState).run(
    fields.segmentId,
    fields.status,
    fields.coolingUntilDay,
    fields.coolingUntilAt,
    fields.firstContactAt,
    fields.wonAt,
    now,
    id,
  );
}

/** The team's cooling company whose cooldown ended earliest, at or before `now`. */
export function nextCoolingEnd(db: Db, teamId: number, now: number): Company | undefined {
  const row = prepared(db, SQL.nextCoolingEnd).get(teamId, now) as CompanyRow | undefined;
  return row && toCompany(row);
}

/**
 * Prepared writers for an import (one statement per row, no SELECT): `insert` returns the new id or null
 * when the name or INN already exists; `update` then updates that company and returns its id and current
 * segment, or null when the name belongs to a company with another INN. A rename onto another company's
 * name throws SQLITE_CONSTRAINT_UNIQUE.
 */
export function companyImportWriter(db: Db, teamId: number, now: number, day: string) {
  return {
    /** The id the next inserted company takes (rowids are the largest plus one). */
    nextId: (): number => prepared(db, SQL.nextId).pluck().get() as number,
    idByNameKey: (nameKey: string): number | undefined => prepared(db, SQL.idByNameKey).pluck().get(teamId, nameKey) as number | undefined,
    idByInn: (inn: string): number | undefined => prepared(db, SQL.idByInn).pluck().get(teamId, inn) as number | undefined,
    insert(row: CompanyImportRow): number | null {
      const result = prepared(db, SQL.insertNew).run(
        teamId,
        row.segmentId,
        row.name,
        row.nameKey,
        row.coreKey,
        row.inn,
        row.ownerUsername,
        row.ownerMemberId,
        row.phone,
        row.email,
        now,
        day,
        now,
      );
      return result.changes === 1 ? Number(result.lastInsertRowid) : null;
    },
    update(row: CompanyImportRow): { id: number; segmentId: number } | null {
      const hit = prepared(db, SQL.updateExisting).get({
        teamId,
        inn: row.inn,
        name: row.name,
        nameKey: row.nameKey,
        coreKey: row.coreKey,
        ownerUsername: row.ownerUsername,
        ownerMemberId: row.ownerMemberId,
        phone: row.phone,
        email: row.email,
        now,
      }) as { id: number; segment_id: number } | undefined;
      return hit ? { id: hit.id, segmentId: hit.segment_id } : null;
    },
  };
}

/** The local days the segment's cooling companies become available again, earliest first. */
export function coolingEndDays(db: Db, teamId: number, segmentId: number): string[] {
  return prepared(db, "SELECT cooling_until_day AS day FROM companies WHERE team_id = ? AND segment_id = ? AND status = 'cooling' ORDER BY cooling_until_day")
    .pluck()
    .all(teamId, segmentId) as string[];
}

/** When the company entered the base (epoch ms). */
export function companyCreatedAt(db: Db, id: number): number | undefined {
  return prepared(db, "SELECT created_at FROM companies WHERE id = ?").pluck().get(id) as number | undefined;
}

/** A company someone added by hand (/add), as /undo names it. */
export interface AddedCompany {
  id: number;
  name: string;
  segmentName: string;
  addedBy: number;
  at: number;
  localDay: string;
  inn: string | null;
  removed: boolean;
}

/** Records who added the company by hand, so they may take it back. */
export function setCompanyAddedBy(db: Db, companyId: number, memberId: number): void {
  prepared(db, "UPDATE companies SET added_by = ? WHERE id = ?").run(memberId, companyId);
}

/** The team's company added by hand with this id, removed or not. */
export function getAddedCompany(db: Db, teamId: number, id: number): AddedCompany | undefined {
  const row = prepared(
    db,
    `SELECT c.id, c.name, s.name AS segmentName, c.added_by AS addedBy, c.created_at AS at, c.created_day AS localDay, c.inn,
            c.removed_at IS NOT NULL AS removed
       FROM companies c JOIN segments s ON s.id = c.segment_id WHERE c.team_id = ? AND c.id = ? AND c.added_by IS NOT NULL`,
  ).get(teamId, id) as (Omit<AddedCompany, "removed"> & { removed: number }) | undefined;
  return row && { ...row, removed: row.removed === 1 };
}

/** The member's latest company added by hand at or after `since` and not taken back. */
export function latestAddedCompany(db: Db, teamId: number, memberId: number, since: number): { id: number; at: number } | undefined {
  return prepared(
    db,
    `SELECT id, created_at AS at FROM companies WHERE team_id = ? AND added_by = ? AND created_at >= ? AND removed_at IS NULL
      ORDER BY created_at DESC, id DESC LIMIT 1`,
  ).get(teamId, memberId, since) as { id: number; at: number } | undefined;
}

/** Whether anything not voided happened to the company (an event of any kind). */
export function companyHasRecords(db: Db, companyId: number): boolean {
  return prepared(db, "SELECT EXISTS (SELECT 1 FROM company_events WHERE company_id = ? AND voided_by IS NULL)").pluck().get(companyId) === 1;
}

/**
 * Takes a company out of the base; the row stays. Its name keys get its id appended, so no lookup finds it and
 * the same name can be added again; the caller rebuilds the counters without it.
 */
export function markCompanyRemoved(db: Db, teamId: number, companyId: number, memberId: number, now: number, day: string): void {
  prepared(
    db,
    `UPDATE companies SET removed_at = ?, removed_day = ?, removed_by = ?, name_key = name_key || ' #' || id, core_key = core_key || ' #' || id,
       updated_at = ? WHERE team_id = ? AND id = ? AND removed_at IS NULL`,
  ).run(now, day, memberId, now, teamId, companyId);
}

/** A company taken back, for the export's corrections sheet. */
export type RemovedCompany = { id: number; name: string; addedBy: number | null; addedDay: string; removedBy: number | null; removedAt: number };

/** Companies taken back on local days within [from, to], oldest first. */
export function listRemovedCompanies(db: Db, teamId: number, from: string, to: string): RemovedCompany[] {
  return prepared(
    db,
    `SELECT id, name, added_by AS addedBy, created_day AS addedDay, removed_by AS removedBy, removed_at AS removedAt FROM companies
      WHERE team_id = ? AND removed_at IS NOT NULL AND removed_day BETWEEN ? AND ? ORDER BY removed_at, id`,
  ).all(teamId, from, to) as RemovedCompany[];
}

/** Renames a company (the keys follow the name); false when another company of the team has that name. */
export function renameCompany(db: Db, teamId: number, id: number, name: { name: string; nameKey: string; coreKey: string }, now: number): boolean {
  const taken = prepared(db, "SELECT id FROM companies WHERE team_id = ? AND name_key = ? AND id <> ?").pluck().get(teamId, name.nameKey, id);
  if (taken !== undefined) return false;
  prepared(db, "UPDATE companies SET name = ?, name_key = ?, core_key = ?, updated_at = ? WHERE team_id = ? AND id = ?").run(
    name.name,
    name.nameKey,
    name.coreKey,
    now,
    teamId,
    id,
  );
  return true;
}

/** Gives a company without an INN the one the CRM knows, unless another company of the team has it. */
export function fillCompanyInn(db: Db, teamId: number, id: number, inn: string): void {
  prepared(
    db,
    "UPDATE companies SET inn = ? WHERE team_id = ? AND id = ? AND inn IS NULL AND NOT EXISTS (SELECT 1 FROM companies WHERE team_id = ? AND inn = ?)",
  ).run(inn, teamId, id, teamId, inn);
}

/** The segment's cooling companies and the local day each may be touched again, earliest first. */
export function listCoolingCompanies(db: Db, teamId: number, segmentId: number): { name: string; opensOn: string }[] {
  return prepared(
    db,
    "SELECT name, cooling_until_day AS opensOn FROM companies WHERE team_id = ? AND segment_id = ? AND status = 'cooling' ORDER BY cooling_until_day, name",
  ).all(teamId, segmentId) as { name: string; opensOn: string }[];
}

/** Companies first contacted in [fromAt, toAt), by segment. */
export function countFirstContactsBySegment(db: Db, teamId: number, fromAt: number, toAt: number): Map<number, number> {
  const rows = prepared(
    db,
    "SELECT segment_id AS segmentId, COUNT(*) AS n FROM companies WHERE team_id = ? AND first_contact_at >= ? AND first_contact_at < ? GROUP BY segment_id",
  ).all(teamId, fromAt, toAt) as { segmentId: number; n: number }[];
  return new Map(rows.map((row) => [row.segmentId, row.n]));
}
