/**
 * Argument grammar of the lead-base commands. Pure: nothing is read or written.
 *
 * A company name may contain spaces, so whatever follows it is separated by `;`
 * (`/deal ООО Ромашка; 150000`, `/refusal Ромашка; цена; lost; ушли к конкуренту`), and a trailing amount or
 * known key is accepted without it (`/deal ООО Ромашка 150 000`, `/refusal Ромашка нет ответа`). Without `;`
 * a line can often be read more than one way ("Фирма 1 150 000" is "Фирма 1" for 150 000 or "Фирма" for
 * 1 150 000), so a parser returns every reading, preferred first; the handler takes the first whose company
 * exists and falls back to the first for suggestions.
 */
import { MAX_COMPANY_NAME } from "../../domain/company-name.js";
import { textLength } from "../../domain/tasks.js";
import { oneLine } from "../../shared/format.js";
import { parseAmount } from "../../domain/money.js";
import { parseCloseReason, parseRefusalReason, type RefusalReason } from "../../domain/company-state.js";

/** Longest free comment. */
export const MAX_COMMENT_CHARS = 1000;

export type BaseArgError =
  | { ok: false; error: "usage" }
  | { ok: false; error: "company-too-long" }
  | { ok: false; error: "amount"; text: string }
  | { ok: false; error: "reason"; text: string }
  | { ok: false; error: "comment-too-long" };

/** One way to read the arguments: the company as typed and what goes with it. */
export type Reading<T> = { company: string; extra: T };

export type Parsed<T> = { ok: true; readings: Reading<T>[] } | BaseArgError;

export type RefusalExtra =
  /** no reason given: ask with buttons */
  | { reason: null }
  | { reason: RefusalReason; lostForGood: boolean; comment: string | null };

export type DealExtra = { amountKopecks: number };
/** `reason` as typed (checked against the team's list when closing), or null: ask with buttons. */
export type CloseExtra = { reason: string | null };
export type TouchExtra = { comment: string | null };

const usage = (): BaseArgError => ({ ok: false, error: "usage" });

/** Words that mark a refusal as lost for good. */
const LOST_WORDS = new Set(["lost", "for good", "forever", "навсегда", "насовсем", "потерян", "потеряна", "потеряно", "потерянный", "потеряли"]);

/** Lower case, ё → е, inner spaces collapsed: how keys and words are compared. */
function norm(text: string): string {
  return text.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
}

/** Whether the text marks a refusal lost for good. */
export function isLostWord(text: string): boolean {
  return LOST_WORDS.has(norm(text));
}

/** A company name as typed: spaces collapsed; too long is an error. */
function companyOf(text: string): string | BaseArgError {
  const name = oneLine(text).replace(/\s+/g, " ").trim();
  if (name === "") return usage();
  if (textLength(name) > MAX_COMPANY_NAME) return { ok: false, error: "company-too-long" };
  return name;
}

/** The arguments split at `;`, or null when there is none. */
function semicolonParts(args: string): string[] | null {
  return args.includes(";") ? args.split(";").map((part) => part.trim()) : null;
}

/** Readings `head + tail` of the words, tail 1..maxTail words long (shortest tail first). */
function tailSplits(text: string, maxTail: number): { head: string; tail: string }[] {
  const words = text.split(/\s+/).filter(Boolean);
  const splits: { head: string; tail: string }[] = [];
  for (let n = 1; n <= maxTail && n < words.length; n++) {
    splits.push({ head: words.slice(0, words.length - n).join(" "), tail: words.slice(words.length - n).join(" ") });
  }
  return splits;
}

/** `/touch <company>[; <comment>]`, `/handled`, `/lead`, `/unfreeze`: the company, maybe a comment. */
export function parseCompanyOnly(args: string): Parsed<TouchExtra> {
  const parts = semicolonParts(args);
  const comment = parts ? parts.slice(1).join("; ").trim() : "";
  if (textLength(comment) > MAX_COMMENT_CHARS) return { ok: false, error: "comment-too-long" };
  const company = companyOf(parts ? parts[0]! : args);
  if (typeof company !== "string") return company;
  return { ok: true, readings: [{ company, extra: { comment: comment === "" ? null : comment } }] };
}

// Something at the end that is meant as a number but is not a valid amount ("-5", "1e5", "0").
const NUMBERISH_END = /\s([-+]?[\d.,]+(?:e[-+]?\d+)?)\s*(?:₽|руб\.?|р\.?|rub)?$/iu;

/**
 * `/deal <company>; <amount>` or `/deal <company> <amount>`. Readings: the longest trailing amount first
 * ("Ромашка 150 000" → 150 000), then shorter ones ("Фирма 1 150 000" → "Фирма 1", 150 000).
 */
export function parseDealArgs(args: string): Parsed<DealExtra> {
  const text = args.trim();
  if (text === "") return usage();
  const parts = semicolonParts(text);
  if (parts) {
    if (parts.length !== 2 || parts[1] === "") return usage();
    const company = companyOf(parts[0]!);
    if (typeof company !== "string") return company;
    const amountKopecks = parseAmount(parts[1]!);
    if (amountKopecks === null) return { ok: false, error: "amount", text: parts[1]! };
    return { ok: true, readings: [{ company, extra: { amountKopecks } }] };
  }
  // A company name and an amount never need more; longer input is refused before any splitting work.
  if (text.length > 2 * MAX_COMPANY_NAME + 40) return { ok: false, error: "company-too-long" };
  const readings: Reading<DealExtra>[] = [];
  let tooLong: BaseArgError | null = null;
  const words = text.split(/\s+/);
  // Try each start of a trailing amount, from the longest suffix to the shortest.
  for (let start = 1; start < words.length; start++) {
    const amountKopecks = parseAmount(words.slice(start).join(" "));
    if (amountKopecks === null) continue;
    const company = companyOf(words.slice(0, start).join(" "));
    if (typeof company !== "string") {
      tooLong ??= company;
      continue;
    }
    readings.push({ company, extra: { amountKopecks } });
  }
  if (readings.length > 0) return { ok: true, readings };
  if (tooLong) return tooLong;
  const numberish = NUMBERISH_END.exec(text);
  if (numberish && text.length > numberish[0].length) return { ok: false, error: "amount", text: numberish[1]! };
  const whole = companyOf(text);
  if (typeof whole !== "string" && whole.error === "company-too-long") return whole;
  return usage();
}

/**
 * `/refusal <company>` (asked with buttons), `/refusal <company>; <reason>[; lost][; <comment>]`, or
 * `/refusal <company> <reason> [lost]` with a known reason key or word at the end.
 */
export function parseRefusalArgs(args: string): Parsed<RefusalExtra> {
  const text = args.trim();
  if (text === "") return usage();
  const parts = semicolonParts(text);
  if (parts) {
    const company = companyOf(parts[0]!);
    if (typeof company !== "string") return company;
    const rest = parts.slice(1);
    if (rest.every((part) => part === "")) return { ok: true, readings: [{ company, extra: { reason: null } }] };
    const reason = parseRefusalReason(rest[0]!);
    if (reason === null) return { ok: false, error: "reason", text: rest[0]! };
    let lostForGood = false;
    let from = 1;
    if (rest[1] !== undefined && isLostWord(rest[1])) {
      lostForGood = true;
      from = 2;
    }
    const comment = rest.slice(from).join("; ").trim();
    if (textLength(comment) > MAX_COMMENT_CHARS) return { ok: false, error: "comment-too-long" };
    return { ok: true, readings: [{ company, extra: { reason, lostForGood, comment: comment === "" ? null : comment } }] };
  }
  const readings: Reading<RefusalExtra>[] = [];
  // "<company> <reason> [lost]": the lost mark is one or two words at the very end.
  const ends: { body: string; lost: boolean }[] = [{ body: text, lost: false }];
  for (const { head, tail } of tailSplits(text, 2)) if (isLostWord(tail)) ends.unshift({ body: head, lost: true });
  for (const { body, lost } of ends) {
    for (const { head, tail } of tailSplits(body, 3)) {
      const reason = parseRefusalReason(tail);
      if (reason === null) continue;
      const company = companyOf(head);
      if (typeof company === "string") readings.push({ company, extra: { reason, lostForGood: lost, comment: null } });
    }
  }
  const whole = companyOf(text);
  if (typeof whole === "string") readings.push({ company: whole, extra: { reason: null } });
  else if (readings.length === 0) return whole;
  return { ok: true, readings };
}

/**
 * `/close <company>; <reason>` or `/close <company> <reason>` with an allowed reason at the end; `/close
 * <company>` alone asks for the reason with buttons. A `;` reason is kept as typed: closing checks it and
 * refuses with the allowed list.
 */
export function parseCloseArgs(args: string, teamReasons: readonly string[]): Parsed<CloseExtra> {
  const text = args.trim();
  if (text === "") return usage();
  const parts = semicolonParts(text);
  if (parts) {
    const company = companyOf(parts[0]!);
    if (typeof company !== "string") return company;
    const reason = parts.slice(1).join(";").trim();
    if (textLength(reason) > MAX_COMMENT_CHARS) return { ok: false, error: "comment-too-long" };
    return { ok: true, readings: [{ company, extra: { reason: reason === "" ? null : reason } }] };
  }
  const readings: Reading<CloseExtra>[] = [];
  for (const { head, tail } of tailSplits(text, 4)) {
    if (parseCloseReason(tail, teamReasons) === null) continue;
    const company = companyOf(head);
    if (typeof company === "string") readings.push({ company, extra: { reason: tail } });
  }
  const whole = companyOf(text);
  if (typeof whole === "string") readings.push({ company: whole, extra: { reason: null } });
  else if (readings.length === 0) return whole;
  return { ok: true, readings };
}

/** `/unpause <segment>`: the segment's name as typed, or null when none was given (pick from a list). */
export function parseSegmentArg(args: string): { ok: true; segment: string | null } | BaseArgError {
  const text = args.replace(/\s+/g, " ").trim();
  if (text === "") return { ok: true, segment: null };
  if (textLength(text) > MAX_COMPANY_NAME) return { ok: false, error: "company-too-long" };
  return { ok: true, segment: text };
}

/** `/add <company>[; <segment>]`: the new company and the segment to put it in (null: the team's default one). */
export function parseAddArgs(args: string): { ok: true; company: string; segment: string | null } | BaseArgError {
  const [head = "", ...rest] = args.split(";");
  const company = companyOf(head);
  if (typeof company !== "string") return company;
  const segment = rest.join(";").replace(/\s+/g, " ").trim();
  if (textLength(segment) > MAX_COMPANY_NAME) return { ok: false, error: "company-too-long" };
  return { ok: true, company, segment: segment === "" ? null : segment };
}

/** Parses a refusal reason typed in a dialogue (a key or a Russian/English word). */
export { parseRefusalReason };
/** Whether a typed answer means yes / no, in either language; null when neither. */
export function parseYesNo(text: string): boolean | null {
  const word = norm(text);
  if (["да", "yes", "y", "lost", "потерян", "потеряна", "навсегда", "+"].includes(word)) return true;
  if (["нет", "no", "n", "не", "-"].includes(word)) return false;
  return null;
}
