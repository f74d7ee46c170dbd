/**
 * Voiding and amending a record. Nothing is erased: the correction is written, the record is marked voided by
 * it, and an amendment writes a new record in its place (same author, the changed amount, company or day). An
 * event of the lead base changes what came after it, so its counters are rebuilt in the same transaction.
 */
import { localDate, localTime, zonedInstant } from "../../domain/calendar.js";
import { movedWindowEnd } from "../../domain/company-state.js";
import { MAX_AMOUNT_KOPECKS } from "../../domain/money.js";
import { companyCreatedAt, getCompany } from "../../db/companies.js";
import { getCompanyEvent, insertCompanyEvent, insertDeal } from "../../db/company-events.js";
import type { CompanyEventRecord } from "../../db/company-events.js";
import { correctionOf, dealAmountOf, insertCorrection } from "../../db/corrections.js";
import type { CorrectedRecord, CorrectionVia } from "../../db/corrections.js";
import { getExpense, insertExpense } from "../../db/expenses.js";
import type { Db } from "../../db/open.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { baseContext } from "../leads/context.js";
import type { BaseContext } from "../leads/context.js";
import { finalizeInTransaction } from "../leads/finalize.js";
import { rebuildLeadBase } from "../leads/rebuild.js";
import type { CorrectableRecord } from "./records.js";
import { recordSummary } from "./records.js";

/** Event kinds a person enters and may take back or correct. */
export const CORRECTABLE_KINDS: ReadonlySet<string> = new Set(["touch", "refusal", "handled", "deal", "close"]);

export type CorrectionInput = {
  teamId: number;
  record: CorrectedRecord;
  recordId: number;
  /** who corrects; null for scripts */
  memberId: number | null;
  now: number;
  via: CorrectionVia;
};

/** What to change; what is left out stays. */
export type Amendment = { amountKopecks?: number; companyId?: number; day?: string };

export type CorrectionResult =
  | {
      ok: true;
      correctionId: number;
      /** the record as it was */
      before: CorrectableRecord;
      /** the record written in its place, for an amendment */
      after: CorrectableRecord | null;
    }
  | { ok: false; reason: "not-found" | "already-voided" | "not-correctable" }
  | { ok: false; reason: "invalid-amount" | "no-amount" | "invalid-company" | "not-a-company-record" | "unchanged" }
  | { ok: false; reason: "day-outside-month" | "day-in-future"; month: string }
  /** the company entered the base on `day`, after the day asked for */
  | { ok: false; reason: "day-before-company"; company: string; day: string };

/** Optional extras run inside the correction's transaction, after it, with its result (a notice to the author). */
export type CorrectionHooks = { inTransaction?: (result: CorrectionResult, db: Db) => void };

/** Voids a record: it stays visible, counts nowhere. */
export function voidRecord(db: Db, input: CorrectionInput, hooks?: CorrectionHooks): CorrectionResult {
  return correct(db, input, null, hooks);
}

/** Replaces a record with one that has the given amount, company or day (within the record's month, not after today). */
export function amendRecord(db: Db, input: CorrectionInput, change: Amendment, hooks?: CorrectionHooks): CorrectionResult {
  return correct(db, input, change, hooks);
}

function correct(db: Db, input: CorrectionInput, change: Amendment | null, hooks?: CorrectionHooks): CorrectionResult {
  return inImmediateTransaction(db, () => {
    const ctx = baseContext(db, input.teamId, input.now);
    finalizeInTransaction(ctx);
    const result = input.record === "expense" ? correctExpense(ctx, input, change) : correctEvent(ctx, input, change);
    hooks?.inTransaction?.(result, db);
    return result;
  });
}

/** The moment on `day` at the same local time as `at` (a record moved to another day keeps its hour). */
function movedMoment(at: number, day: string, timezone: string): number {
  return zonedInstant(day, localTime(at, timezone), timezone).getTime();
}

function checkDay(ctx: BaseContext, originalDay: string, day: string | undefined): CorrectionResult | null {
  if (day === undefined || day === originalDay) return null;
  const month = originalDay.slice(0, 7);
  if (day.slice(0, 7) !== month) return { ok: false, reason: "day-outside-month", month };
  if (day > ctx.today) return { ok: false, reason: "day-in-future", month };
  return null;
}

function checkAmount(amount: number | undefined): CorrectionResult | null {
  if (amount === undefined) return null;
  return Number.isSafeInteger(amount) && amount > 0 && amount <= MAX_AMOUNT_KOPECKS ? null : { ok: false, reason: "invalid-amount" };
}

function correctEvent(ctx: BaseContext, input: CorrectionInput, change: Amendment | null): CorrectionResult {
  const { db, teamId } = ctx;
  const event = getCompanyEvent(db, teamId, input.recordId);
  if (!event) return { ok: false, reason: "not-found" };
  if (!CORRECTABLE_KINDS.has(event.kind)) return { ok: false, reason: "not-correctable" };
  if (event.voidedBy !== null || correctionOf(db, teamId, "event", event.id)) return { ok: false, reason: "already-voided" };
  const before = recordSummary(db, teamId, "event", event.id)!;
  let replacementId: number | null = null;
  if (change) {
    const invalid = checkAmount(change.amountKopecks) ?? checkDay(ctx, event.localDay, change.day);
    if (invalid) return invalid;
    if (change.amountKopecks !== undefined && event.kind !== "deal") return { ok: false, reason: "no-amount" };
    const company = getCompany(db, teamId, change.companyId ?? event.companyId);
    if (!company) return { ok: false, reason: "invalid-company" };
    const amount = event.kind === "deal" ? (change.amountKopecks ?? dealAmountOf(db, event.id) ?? 0) : null;
    const day = change.day ?? event.localDay;
    // Nothing happens to a company before it is in the base.
    const createdAt = companyCreatedAt(db, company.id) ?? 0;
    if (createdAt > movedMoment(event.at, day, ctx.settings.timezone)) {
      if (company.id !== event.companyId) return { ok: false, reason: "invalid-company" };
      return { ok: false, reason: "day-before-company", company: company.name, day: localDate(createdAt, ctx.settings.timezone) };
    }
    if (company.id === event.companyId && day === event.localDay && (amount === null || amount === before.amountKopecks)) {
      return { ok: false, reason: "unchanged" };
    }
    replacementId = copyEvent(ctx, event, company.id, company.segmentId, day, amount);
  }
  const correctionId = insertCorrection(db, { ...correctionRow(ctx, input), replacementId });
  rebuildLeadBase(ctx);
  const after = replacementId === null ? null : recordSummary(db, teamId, "event", replacementId)!;
  return { ok: true, correctionId, before, after };
}

/** Writes a copy of `event` on another company or day (a deal with its amount); returns the new event's id. */
function copyEvent(ctx: BaseContext, event: CompanyEventRecord, companyId: number, segmentId: number, day: string, amount: number | null): number {
  const at = day === event.localDay ? event.at : movedMoment(event.at, day, ctx.settings.timezone);
  const id = insertCompanyEvent(ctx.db, {
    teamId: ctx.teamId,
    companyId,
    segmentId,
    kind: event.kind,
    at,
    localDay: localDate(at, ctx.settings.timezone),
    memberId: event.memberId,
    reason: event.reason,
    lostForGood: event.lostForGood,
    comment: event.comment,
    // The window keeps its working days from the new day; the rebuild settles the refusal again.
    windowEndAt: event.windowEndAt === null ? null : movedWindowEnd(event.at, event.windowEndAt, at, ctx.settings),
  });
  if (amount !== null) {
    insertDeal(ctx.db, { teamId: ctx.teamId, companyId, memberId: event.memberId, amountKopecks: amount, at, localDay: localDate(at, ctx.settings.timezone), eventId: id });
  }
  return id;
}

function correctExpense(ctx: BaseContext, input: CorrectionInput, change: Amendment | null): CorrectionResult {
  const { db, teamId } = ctx;
  const expense = getExpense(db, teamId, input.recordId);
  if (!expense) return { ok: false, reason: "not-found" };
  if (expense.voided) return { ok: false, reason: "already-voided" };
  const before = recordSummary(db, teamId, "expense", expense.id)!;
  let replacementId: number | null = null;
  if (change) {
    if (change.companyId !== undefined) return { ok: false, reason: "not-a-company-record" };
    const invalid = checkAmount(change.amountKopecks) ?? checkDay(ctx, expense.localDay, change.day);
    if (invalid) return invalid;
    const amount = change.amountKopecks ?? expense.amountKopecks;
    const day = change.day ?? expense.localDay;
    if (amount === expense.amountKopecks && day === expense.localDay) return { ok: false, reason: "unchanged" };
    const at = day === expense.localDay ? expense.at : movedMoment(expense.at, day, ctx.settings.timezone);
    replacementId = insertExpense(db, { ...expense, amountKopecks: amount, at, localDay: localDate(at, ctx.settings.timezone) }).id;
  }
  const correctionId = insertCorrection(db, { ...correctionRow(ctx, input), replacementId });
  const after = replacementId === null ? null : recordSummary(db, teamId, "expense", replacementId)!;
  return { ok: true, correctionId, before, after };
}

function correctionRow(ctx: BaseContext, input: CorrectionInput) {
  return { teamId: ctx.teamId, record: input.record, recordId: input.recordId, memberId: input.memberId, at: ctx.now, localDay: ctx.today, via: input.via };
}
