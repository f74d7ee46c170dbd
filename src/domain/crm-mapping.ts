/**
 * How a CRM's deals become the lead base's records: pure rules, no HTTP and no SQL. The sync reads a deal's
 * current stage, compares it with what the last sync saw, and writes what changed (docs/crm.md).
 */
import { foldedText } from "./crm-reasons.js";

/** The CRM's stage group: P in progress, S won, F failed (Bitrix24's STAGE_SEMANTIC_ID). */
export type StageSemantic = "P" | "S" | "F";

/** A segment for a company whose CRM names none. */
export const NO_SEGMENT = "Без сегмента";

/** A deal as the sync saw it. */
export type CrmDealState = { semantic: StageSemantic; stageId: string; amountKopecks: number | null };

/** What one change of a deal means for the lead base. */
export type DealChange =
  | { kind: "none" }
  | { kind: "touch" }
  | { kind: "refusal" }
  | { kind: "reopened" }
  | { kind: "won" }
  | { kind: "amount"; amountKopecks: number }
  /** a won deal moved back to an open or failed stage: the deal is taken back, then `then` is recorded */
  | { kind: "unwon"; then: "touch" | "refusal" };

/**
 * The record a deal's move from `before` (undefined: first seen) to `after` makes. A deal created or moved
 * between open stages is a touch; reaching a failure stage is a refusal; a failed deal back in an open stage is
 * reopened (handled, when its refusal is still in the window); a won deal is a deal; a won deal whose amount
 * changed is an amended amount; a won deal moved back to an open or failed stage is taken back, and the new stage
 * then means a touch or a refusal.
 */
export function dealChange(before: CrmDealState | undefined, after: CrmDealState): DealChange {
  if (before === undefined) {
    if (after.semantic === "S") return { kind: "won" };
    return { kind: after.semantic === "F" ? "refusal" : "touch" };
  }
  if (before.semantic === "S") {
    if (after.semantic === "S" && after.amountKopecks !== null && after.amountKopecks !== before.amountKopecks) {
      return { kind: "amount", amountKopecks: after.amountKopecks };
    }
    if (after.semantic !== "S") return { kind: "unwon", then: after.semantic === "F" ? "refusal" : "touch" };
    return { kind: "none" };
  }
  if (after.semantic === "S") return { kind: "won" };
  if (after.semantic === "F") return before.semantic === "F" ? { kind: "none" } : { kind: "refusal" };
  if (before.semantic === "F") return { kind: "reopened" };
  return before.stageId === after.stageId ? { kind: "none" } : { kind: "touch" };
}

/**
 * An amount as the CRM writes it ("15000.00", 15000, "15000.5") in kopecks; null when it is not a positive
 * amount. Parsed digit by digit so a sum never passes through a float.
 */
export function crmAmountKopecks(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const m = /^(\d{1,13})(?:\.(\d{1,2})\d*)?$/.exec(text);
  if (!m) return null;
  const kopecks = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return kopecks > 0 ? kopecks : null;
}

/** The CRM's own moments of a deal, epoch ms; null when the CRM gave none. */
export type CrmDealMoments = { createdAt: number | null; modifiedAt: number | null; closedAt: number | null };

/**
 * When a deal's change happened by the CRM's own dates: a won deal on its close date, a new deal on its creation,
 * anything else (a move, a refusal, a reopening) when it was last modified. Never later than `now`, the sync's
 * moment, and never before `notBefore` (the company's entry into the base: nothing happens to it before).
 */
export function crmRecordMoment(change: DealChange["kind"], isNew: boolean, moments: CrmDealMoments, now: number, notBefore: number): number {
  const own = change === "won" ? (moments.closedAt ?? moments.modifiedAt) : isNew ? (moments.createdAt ?? moments.modifiedAt) : moments.modifiedAt;
  return Math.max(notBefore, Math.min(own ?? now, now));
}

/** A person's name compared loosely: case, ё/е and spacing do not matter. */
export function personKey(name: string): string {
  return foldedText(name);
}

/**
 * The member a CRM user is, by name: the one member whose first and last name equal the CRM user's full name;
 * null when none or more than one do (a guess would credit the wrong person).
 */
export function memberByCrmName(crmName: string, members: readonly { id: number; firstName: string; lastName: string }[]): number | null {
  const key = personKey(crmName);
  if (key === "") return null;
  const matches = members.filter((m) => personKey(`${m.firstName} ${m.lastName}`) === key);
  return matches.length === 1 ? matches[0]!.id : null;
}
