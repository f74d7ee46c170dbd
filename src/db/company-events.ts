import type { CompanyEvent as StateEvent } from "../domain/company-state.js";
import type { Db } from "./open.js";
import { prepared } from "./statements.js";

export type CompanyEventKind = "touch" | "refusal" | "handled" | "deal" | "close" | "unfreeze" | "blocked" | "moved";
export type RefusalStatus = "pending" | "handled" | "burned" | "lost";

/** One row of a company's history. */
export interface CompanyEventRecord {
  id: number;
  teamId: number;
  companyId: number;
  segmentId: number;
  kind: CompanyEventKind;
  at: number;
  localDay: string;
  memberId: number | null;
  /** refusal reason, close reason, or why an attempt was blocked */
  reason: string | null;
  /** blocked: the command that was refused */
  attempted: string | null;
  lostForGood: boolean;
  comment: string | null;
  windowEndAt: number | null;
  status: RefusalStatus | null;
  settledAt: number | null;
  fromSegmentId: number | null;
  /** the correction that voided it: it counts nowhere */
  voidedBy: number | null;
}

export type NewCompanyEvent = {
  teamId: number;
  companyId: number;
  segmentId: number;
  kind: CompanyEventKind;
  at: number;
  localDay: string;
  memberId?: number | null;
  reason?: string | null;
  attempted?: string | null;
  lostForGood?: boolean;
  comment?: string | null;
  windowEndAt?: number | null;
  status?: RefusalStatus | null;
  settledAt?: number | null;
  fromSegmentId?: number | null;
};

interface EventRow {
  id: number;
  team_id: number;
  company_id: number;
  segment_id: number;
  kind: CompanyEventKind;
  at: number;
  local_day: string;
  member_id: number | null;
  reason: string | null;
  attempted: string | null;
  lost: number;
  comment: string | null;
  window_end_at: number | null;
  status: RefusalStatus | null;
  settled_at: number | null;
  from_segment_id: number | null;
  voided_by: number | null;
}

function toRecord(row: EventRow): CompanyEventRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    companyId: row.company_id,
    segmentId: row.segment_id,
    kind: row.kind,
    at: row.at,
    localDay: row.local_day,
    memberId: row.member_id,
    reason: row.reason,
    attempted: row.attempted,
    lostForGood: row.lost === 1,
    comment: row.comment,
    windowEndAt: row.window_end_at,
    status: row.status,
    settledAt: row.settled_at,
    fromSegmentId: row.from_segment_id,
    voidedBy: row.voided_by,
  };
}

/** The module's SQL texts; each runs through the connection's statement cache (prepared). */
const SQL = {
  insert: `INSERT INTO company_events (team_id, company_id, segment_id, kind, at, local_day, member_id, reason, attempted,
       lost, comment, window_end_at, status, settled_at, from_segment_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  nextDueRefusal: `SELECT * FROM company_events WHERE team_id = ? AND status = 'pending' AND window_end_at <= ?
      ORDER BY window_end_at, id LIMIT 1`,
  openRefusals: "SELECT * FROM company_events WHERE company_id = ? AND status = 'pending' AND window_end_at > ? ORDER BY at, id",
  settle: "UPDATE company_events SET status = ?, settled_at = ? WHERE id = ?",
  history: "SELECT * FROM company_events WHERE company_id = ? ORDER BY at DESC, id DESC LIMIT ?",
  stateEvents: `SELECT kind, at, lost, window_end_at FROM company_events
      WHERE company_id = ? AND kind IN ('touch', 'refusal', 'handled', 'deal', 'close', 'unfreeze') AND voided_by IS NULL ORDER BY at, id`,
  insertDeal: "INSERT INTO deals (team_id, company_id, member_id, amount_kopecks, at, local_day, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
} as const;

/** Appends an event; returns its id. */
export function insertCompanyEvent(db: Db, event: NewCompanyEvent): number {
  return Number(
    prepared(db, SQL.insert).run(
      event.teamId,
      event.companyId,
      event.segmentId,
      event.kind,
      event.at,
      event.localDay,
      event.memberId ?? null,
      event.reason ?? null,
      event.attempted ?? null,
      event.lostForGood ? 1 : 0,
      event.comment ?? null,
      event.windowEndAt ?? null,
      event.status ?? null,
      event.settledAt ?? null,
      event.fromSegmentId ?? null,
    ).lastInsertRowid,
  );
}

/** The team's pending refusal whose handling window closed first, at or before `now`. */
export function nextDueRefusal(db: Db, teamId: number, now: number): CompanyEventRecord | undefined {
  const row = prepared(db, SQL.nextDueRefusal).get(teamId, now) as EventRow | undefined;
  return row && toRecord(row);
}

/** The company's refusals whose handling window is still open at `now` and unhandled, oldest first. */
export function openRefusals(db: Db, companyId: number, now: number): CompanyEventRecord[] {
  return (prepared(db, SQL.openRefusals).all(companyId, now) as EventRow[]).map(toRecord);
}

export function settleRefusal(db: Db, id: number, status: Exclude<RefusalStatus, "pending">, settledAt: number): void {
  prepared(db, SQL.settle).run(status, settledAt, id);
}

/** Sets the comment of the team's refusal `id` (a comment given after the refusal was recorded); false when no such refusal. */
export function setRefusalComment(db: Db, teamId: number, id: number, comment: string | null): boolean {
  return prepared(db, "UPDATE company_events SET comment = ? WHERE id = ? AND team_id = ? AND kind = 'refusal'").run(comment, id, teamId).changes > 0;
}

/** The company's latest events, newest first. */
export function companyHistory(db: Db, companyId: number, limit: number): CompanyEventRecord[] {
  return (prepared(db, SQL.history).all(companyId, limit) as EventRow[]).map(toRecord);
}

/** The team's event `id`, voided or not. */
export function getCompanyEvent(db: Db, teamId: number, id: number): CompanyEventRecord | undefined {
  const row = prepared(db, "SELECT * FROM company_events WHERE id = ? AND team_id = ?").get(id, teamId) as EventRow | undefined;
  return row && toRecord(row);
}

/** The company's events nothing voided, in the shape src/domain/company-state.ts reads. */
export function companyStateEvents(db: Db, companyId: number): StateEvent[] {
  const rows = prepared(db, SQL.stateEvents).all(companyId) as Pick<EventRow, "kind" | "at" | "lost" | "window_end_at">[];
  return rows.map((row): StateEvent =>
    row.kind === "refusal"
      ? { kind: "refusal", at: row.at, lostForGood: row.lost === 1, windowEndAt: row.window_end_at ?? row.at }
      : { kind: row.kind as Exclude<StateEvent["kind"], "refusal">, at: row.at },
  );
}

/** Records a won deal for the plan; returns its id. */
export function insertDeal(
  db: Db,
  deal: { teamId: number; companyId: number; memberId: number | null; amountKopecks: number; at: number; localDay: string; eventId: number },
): number {
  return Number(
    prepared(db, SQL.insertDeal).run(deal.teamId, deal.companyId, deal.memberId, deal.amountKopecks, deal.at, deal.localDay, deal.eventId)
      .lastInsertRowid,
  );
}

/** A refusal as the export's sheet shows it: the company and segment by name. */
export interface RefusalSheetRow {
  at: number;
  company: string;
  segment: string | null;
  member_id: number | null;
  reason: string | null;
  lost: number;
  comment: string | null;
  status: string | null;
  window_end_at: number | null;
  settled_at: number | null;
}

/** The refusals of the local days [from, to], in the order they were made. */
export function listRefusalSheetRows(db: Db, teamId: number, from: string, to: string): RefusalSheetRow[] {
  return prepared(db,
      `SELECT e.at, c.name AS company, s.name AS segment, e.member_id, e.reason, e.lost, e.comment, e.status, e.window_end_at, e.settled_at
       FROM company_events e JOIN companies c ON c.id = e.company_id LEFT JOIN segments s ON s.id = e.segment_id
       WHERE e.team_id = ? AND e.kind = 'refusal' AND e.local_day BETWEEN ? AND ? AND e.voided_by IS NULL ORDER BY e.at, e.id`,
    )
    .all(teamId, from, to) as RefusalSheetRow[];
}

/** A won deal as the export's sheet shows it. */
export interface DealSheetRow {
  at: number;
  local_day: string;
  company: string;
  segment: string | null;
  member_id: number | null;
  amount_kopecks: number;
}

/** The deals of the local days [from, to]. */
export function listDealSheetRows(db: Db, teamId: number, from: string, to: string): DealSheetRow[] {
  // A deal's segment is the company's segment when it was won (its event), as in the burn counters.
  return prepared(db,
      `SELECT d.at, d.local_day, c.name AS company, s.name AS segment, d.member_id, d.amount_kopecks
       FROM deals d JOIN companies c ON c.id = d.company_id
         LEFT JOIN company_events e ON e.id = d.event_id
         LEFT JOIN segments s ON s.id = COALESCE(e.segment_id, c.segment_id)
       WHERE d.team_id = ? AND d.local_day BETWEEN ? AND ? AND d.voided_by IS NULL ORDER BY d.local_day, d.at, d.id`,
    )
    .all(teamId, from, to) as DealSheetRow[];
}

/**
 * Whether anything may be due for the team at `now`, in one statement over the same indexed conditions as
 * the finalizer's look-ups (a due refusal, a due cooldown end, an open unpause): when it says no, none of them
 * would find a row, so the sweep is skipped without changing what it does.
 */
export function anyFinalizationDue(db: Db, teamId: number, now: number): boolean {
  return (
    prepared(
      db,
      `SELECT EXISTS (SELECT 1 FROM company_events WHERE team_id = ? AND status = 'pending' AND window_end_at <= ?)
           OR EXISTS (SELECT 1 FROM companies WHERE team_id = ? AND status = 'cooling' AND cooling_until_at <= ?)
           OR EXISTS (SELECT 1 FROM segment_unpauses WHERE team_id = ? AND spent_day IS NULL)`,
    )
      .pluck()
      .get(teamId, now, teamId, now, teamId) === 1
  );
}

/** What one member logged in a span of local days: contacts (touches, refusals, deals), refusals, and refusals since burned. */
export type MemberActivity = { memberId: number; touches: number; refusals: number; burned: number };

/** Each member's activity between two local days inclusive; voided records count nowhere. */
export function countMemberActivity(db: Db, teamId: number, fromDay: string, toDay: string): MemberActivity[] {
  return prepared(
    db,
    `SELECT member_id AS memberId,
       SUM(kind IN ('touch', 'refusal', 'deal')) AS touches,
       SUM(kind = 'refusal') AS refusals,
       SUM(kind = 'refusal' AND status = 'burned') AS burned
     FROM company_events
     WHERE team_id = ? AND local_day BETWEEN ? AND ? AND member_id IS NOT NULL AND voided_by IS NULL
     GROUP BY member_id`,
  ).all(teamId, fromDay, toDay) as MemberActivity[];
}
