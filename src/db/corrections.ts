import type { Db } from "./open.js";
import { prepared } from "./statements.js";

/** What a correction can void: an event of the lead base (with its deal, if any) or an expense. */
export type CorrectedRecord = "event" | "expense";
export type CorrectionVia = "undo" | "edit";

/** A correction (see 0008_corrections.sql). */
export interface Correction {
  id: number;
  teamId: number;
  record: CorrectedRecord;
  recordId: number;
  replacementId: number | null;
  memberId: number | null;
  at: number;
  localDay: string;
  via: CorrectionVia;
}

interface CorrectionRow {
  id: number;
  team_id: number;
  record: CorrectedRecord;
  record_id: number;
  replacement_id: number | null;
  member_id: number | null;
  at: number;
  local_day: string;
  via: CorrectionVia;
}

function toCorrection(row: CorrectionRow): Correction {
  return {
    id: row.id,
    teamId: row.team_id,
    record: row.record,
    recordId: row.record_id,
    replacementId: row.replacement_id,
    memberId: row.member_id,
    at: row.at,
    localDay: row.local_day,
    via: row.via,
  };
}

/** Writes a correction and marks the record (and an event's deal) voided by it; returns the correction's id. */
export function insertCorrection(db: Db, input: Omit<Correction, "id">): number {
  const id = Number(
    prepared(
      db,
      `INSERT INTO corrections (team_id, record, record_id, replacement_id, member_id, at, local_day, via)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.teamId, input.record, input.recordId, input.replacementId, input.memberId, input.at, input.localDay, input.via)
      .lastInsertRowid,
  );
  if (input.record === "expense") {
    prepared(db, "UPDATE expenses SET voided_by = ? WHERE id = ? AND team_id = ?").run(id, input.recordId, input.teamId);
  } else {
    prepared(db, "UPDATE company_events SET voided_by = ? WHERE id = ? AND team_id = ?").run(id, input.recordId, input.teamId);
    prepared(db, "UPDATE deals SET voided_by = ? WHERE event_id = ? AND team_id = ?").run(id, input.recordId, input.teamId);
  }
  return id;
}

/** The correction that voided a record, if any. */
export function correctionOf(db: Db, teamId: number, record: CorrectedRecord, recordId: number): Correction | undefined {
  const row = prepared(db, "SELECT * FROM corrections WHERE team_id = ? AND record = ? AND record_id = ?").get(teamId, record, recordId) as
    | CorrectionRow
    | undefined;
  return row && toCorrection(row);
}

/** The correction that wrote a record in place of another, if any. */
export function correctionReplacedBy(db: Db, teamId: number, record: CorrectedRecord, replacementId: number): Correction | undefined {
  const row = prepared(db, "SELECT * FROM corrections WHERE team_id = ? AND record = ? AND replacement_id = ?").get(teamId, record, replacementId) as
    | CorrectionRow
    | undefined;
  return row && toCorrection(row);
}

/** Corrections made on local days within [from, to], oldest first. */
export function listCorrections(db: Db, teamId: number, from: string, to: string): Correction[] {
  return (
    prepared(db, "SELECT * FROM corrections WHERE team_id = ? AND local_day BETWEEN ? AND ? ORDER BY at, id").all(teamId, from, to) as CorrectionRow[]
  ).map(toCorrection);
}

/** A record someone may take back with /undo. */
export type UndoableRecord = { record: CorrectedRecord; id: number; at: number };

/**
 * The member's latest record made at or after `since` that nothing voided yet: a touch, refusal, handled, deal
 * or close of the lead base, or an expense. The latest by time; an event wins a tie (it is written last).
 */
export function latestOwnRecord(db: Db, teamId: number, memberId: number, since: number): UndoableRecord | undefined {
  const event = prepared(
    db,
    `SELECT id, at FROM company_events WHERE team_id = ? AND member_id = ? AND at >= ? AND voided_by IS NULL
       AND kind IN ('touch', 'refusal', 'handled', 'deal', 'close') ORDER BY at DESC, id DESC LIMIT 1`,
  ).get(teamId, memberId, since) as { id: number; at: number } | undefined;
  const expense = prepared(
    db,
    "SELECT id, at FROM expenses WHERE team_id = ? AND member_id = ? AND at >= ? AND voided_by IS NULL ORDER BY at DESC, id DESC LIMIT 1",
  ).get(teamId, memberId, since) as { id: number; at: number } | undefined;
  if (expense && (!event || expense.at > event.at)) return { record: "expense", ...expense };
  return event && { record: "event", ...event };
}

/** A deal as the /deals list shows it. */
export interface DealListing {
  eventId: number;
  companyId: number;
  companyName: string;
  memberId: number | null;
  amountKopecks: number;
  at: number;
  localDay: string;
}

/** The deals nothing voided whose local day is within [from, to], oldest first. */
export function listDealsBetween(db: Db, teamId: number, from: string, to: string): DealListing[] {
  return prepared(
    db,
    `SELECT d.event_id AS eventId, d.company_id AS companyId, c.name AS companyName, d.member_id AS memberId,
            d.amount_kopecks AS amountKopecks, d.at, d.local_day AS localDay
       FROM deals d JOIN companies c ON c.id = d.company_id
      WHERE d.team_id = ? AND d.local_day BETWEEN ? AND ? AND d.voided_by IS NULL ORDER BY d.local_day, d.at, d.id`,
  ).all(teamId, from, to) as DealListing[];
}

/** The amount of a deal event, if it has one. */
export function dealAmountOf(db: Db, eventId: number): number | undefined {
  return prepared(db, "SELECT amount_kopecks FROM deals WHERE event_id = ? ORDER BY id DESC LIMIT 1").pluck().get(eventId) as number | undefined;
}

/** The amounts of the deals nothing voided whose local day is within [from, to]. */
export function dealAmountsBetween(db: Db, teamId: number, from: string, to: string): number[] {
  return prepared(db, "SELECT amount_kopecks FROM deals WHERE team_id = ? AND local_day BETWEEN ? AND ? AND voided_by IS NULL")
    .pluck()
    .all(teamId, from, to) as number[];
}

/** Whether the member logged a deal of this amount with the company at or after `since` (nothing voided it). */
export function hasRecentDeal(db: Db, teamId: number, memberId: number, companyId: number, amountKopecks: number, since: number): boolean {
  return (
    prepared(
      db,
      `SELECT EXISTS (SELECT 1 FROM deals WHERE team_id = ? AND member_id = ? AND company_id = ? AND amount_kopecks = ? AND at >= ?
         AND voided_by IS NULL)`,
    )
      .pluck()
      .get(teamId, memberId, companyId, amountKopecks, since) === 1
  );
}

/** Whether the member logged an expense of this amount and category at or after `since` (nothing voided it). */
export function hasRecentExpense(db: Db, teamId: number, memberId: number, category: string, amountKopecks: number, since: number): boolean {
  return (
    prepared(
      db,
      `SELECT EXISTS (SELECT 1 FROM expenses WHERE team_id = ? AND member_id = ? AND category = ? AND amount_kopecks = ? AND at >= ?
         AND voided_by IS NULL)`,
    )
      .pluck()
      .get(teamId, memberId, category, amountKopecks, since) === 1
  );
}
