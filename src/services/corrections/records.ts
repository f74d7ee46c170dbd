/** The records people correct, described the same way for /undo, the lists, the card and the notices. */
import { getCompany } from "../../db/companies.js";
import { getCompanyEvent } from "../../db/company-events.js";
import { dealAmountOf, latestOwnRecord } from "../../db/corrections.js";
import type { CorrectedRecord } from "../../db/corrections.js";
import { getExpense } from "../../db/expenses.js";
import type { Db } from "../../db/open.js";

/** One record as a person recognises it. */
export interface CorrectableRecord {
  record: CorrectedRecord;
  id: number;
  /** the event kind (touch, refusal, handled, deal, close) or "expense" */
  kind: string;
  companyId: number | null;
  companyName: string | null;
  /** a deal's or an expense's amount */
  amountKopecks: number | null;
  /** an expense's category */
  category: string | null;
  /** a refusal's or a close's reason */
  reason: string | null;
  at: number;
  localDay: string;
  /** who made it */
  memberId: number | null;
  voided: boolean;
}

/** The team's record, voided or not; undefined when there is none. */
export function recordSummary(db: Db, teamId: number, record: CorrectedRecord, id: number): CorrectableRecord | undefined {
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

/** The member's own latest record of the last 24 hours that nothing voided yet, for /undo. */
export function undoableRecord(db: Db, teamId: number, memberId: number, now: number): CorrectableRecord | undefined {
  const latest = latestOwnRecord(db, teamId, memberId, now - UNDO_WINDOW_MS);
  return latest && recordSummary(db, teamId, latest.record, latest.id);
}

/** Whether `/undo` may still take this record back for the member at `now`. */
export function mayUndo(record: CorrectableRecord, memberId: number, now: number): boolean {
  return !record.voided && record.memberId === memberId && record.at >= now - UNDO_WINDOW_MS;
}
