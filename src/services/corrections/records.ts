/** The records people correct, described the same way for /undo, the lists, the card and the notices. */
import { getAddedCompany, getCompany, latestAddedCompany } from "../../db/companies.js";
import { getCompanyEvent } from "../../db/company-events.js";
import { dealAmountOf, latestOwnRecord } from "../../db/corrections.js";
import type { CorrectedRecord } from "../../db/corrections.js";
import { getExpense } from "../../db/expenses.js";
import type { Db } from "../../db/open.js";

/** What /undo can take back: a correctable record, or a company added by hand (/add). */
export type UndoTarget = CorrectedRecord | "company";

/** One record as a person recognises it. */
export interface CorrectableRecord {
  record: UndoTarget;
  id: number;
  /** the event kind (touch, refusal, handled, deal, close), "expense", or "add" (a company added by hand) */
  kind: string;
  companyId: number | null;
  companyName: string | null;
  /** a deal's or an expense's amount */
  amountKopecks: number | null;
  /** an expense's category */
  category: string | null;
  /** the segment a company was added to */
  segmentName?: string;
  /** a refusal's or a close's reason */
  reason: string | null;
  at: number;
  localDay: string;
  /** who made it */
  memberId: number | null;
  voided: boolean;
}

/** The team's record, voided or not; undefined when there is none. */
export function recordSummary(db: Db, teamId: number, record: UndoTarget, id: number): CorrectableRecord | undefined {
  if (record === "company") {
    const company = getAddedCompany(db, teamId, id);
    if (!company) return undefined;
    return {
      record,
      id,
      kind: "add",
      companyId: company.id,
      companyName: company.name,
      amountKopecks: null,
      category: null,
      segmentName: company.segmentName,
      reason: null,
      at: company.at,
      localDay: company.localDay,
      memberId: company.addedBy,
      voided: company.removed,
    };
  }
  if (record === "expense") {
    const expense = getExpense(db, teamId, id);
    if (!expense) return undefined;
    return {
      record,
      id,
      kind: "expense",
      companyId: null,
      companyName: null,
      amountKopecks: expense.amountKopecks,
      category: expense.category,
      reason: null,
      at: expense.at,
      localDay: expense.localDay,
      memberId: expense.memberId,
      voided: expense.voided,
    };
  }
  const event = getCompanyEvent(db, teamId, id);
  if (!event) return undefined;
  return {
    record,
    id,
    kind: event.kind,
    companyId: event.companyId,
    companyName: getCompany(db, teamId, event.companyId)?.name ?? null,
    amountKopecks: event.kind === "deal" ? (dealAmountOf(db, event.id) ?? null) : null,
    category: null,
    reason: event.reason,
    at: event.at,
    localDay: event.localDay,
    memberId: event.memberId,
    voided: event.voidedBy !== null,
  };
}

/** How far back /undo reaches. */
export const UNDO_WINDOW_MS = 24 * 3_600_000;

/** The member's own latest record of the last 24 hours that nothing voided yet, for /undo (a company added by hand included). */
export function undoableRecord(db: Db, teamId: number, memberId: number, now: number): CorrectableRecord | undefined {
  const since = now - UNDO_WINDOW_MS;
  const latest = latestOwnRecord(db, teamId, memberId, since);
  const added = latestAddedCompany(db, teamId, memberId, since);
  // A company exists before anything is recorded on it, so a record at the same moment is the later one.
  if (added && (!latest || added.at > latest.at)) return recordSummary(db, teamId, "company", added.id);
  return latest && recordSummary(db, teamId, latest.record, latest.id);
}

/** Whether `/undo` may still take this record back for the member at `now`. */
export function mayUndo(record: CorrectableRecord, memberId: number, now: number): boolean {
  return !record.voided && record.memberId === memberId && record.at >= now - UNDO_WINDOW_MS;
}
