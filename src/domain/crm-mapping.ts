/**
 * How a CRM's deals become the lead base's records: pure rules, no HTTP and no SQL. The sync reads a deal's
 * current stage, compares it with what the last sync saw, and writes what changed (docs/crm.md).
 */
import type { RefusalReason } from "./company-state.js";

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
  | { kind: "amount"; amountKopecks: number };

/**
 * The record a deal's move from `before` (undefined: first seen) to `after` makes. A deal created or moved
 * between open stages is a touch; reaching a failure stage is a refusal; a failed deal back in an open stage is
 * reopened (handled, when its refusal is still in the window); a won deal is a deal; a won deal whose amount
 * changed is an amended amount. A deal leaving a won stage is not taken back (see docs/crm.md).
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
    return { kind: "none" };
  }
  if (after.semantic === "S") return { kind: "won" };
  if (after.semantic === "F") return before.semantic === "F" ? { kind: "none" } : { kind: "refusal" };
  if (before.semantic === "F") return { kind: "reopened" };
  return before.stageId === after.stageId ? { kind: "none" } : { kind: "touch" };
}

// Word stems in a failure stage's or loss reason's name, Russian and English, lower case with ё → е.
const REASON_STEMS: [string, RefusalReason][] = [
  ["цен", "price"],
  ["дорог", "price"],
  ["бюджет", "price"],
  ["price", "price"],
  ["expensive", "price"],
  ["конкурент", "competitor"],
  ["competitor", "competitor"],
  ["потребност", "need"],
  ["не нуж", "need"],
  ["не интерес", "need"],
  ["need", "need"],
  ["не время", "timing"],
  ["не сейчас", "timing"],
  ["позже", "timing"],
  ["срок", "timing"],
  ["timing", "timing"],
  ["later", "timing"],
  ["не отвеч", "noanswer"],
  ["недозвон", "noanswer"],
  ["нет ответа", "noanswer"],
  ["no answer", "noanswer"],
];

/**
 * The bot's refusal reason for a CRM's failure stage or loss reason, found by the words in its name
 * ("Дорого" → price, "Ушли к конкуренту" → competitor). Unknown words are "other"; the caller keeps the CRM's
 * words as the refusal's comment.
 */
export function reasonFromCrmWords(name: string): { reason: RefusalReason; comment: string | null } {
  const words = name.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
  const match = REASON_STEMS.find(([stem]) => words.includes(stem));
  return match ? { reason: match[1], comment: null } : { reason: "other", comment: name.trim() === "" ? null : name.trim() };
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
