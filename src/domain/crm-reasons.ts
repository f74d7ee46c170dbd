/**
 * What a CRM's failure stage or loss reason means, read from the words in its name: one of the bot's refusal
 * reasons, or "closed" (the company is gone: it is closed as by /close). The founder may replace the words of
 * any reason (`/settings crm_reasons`); the built-in words stay for the others.
 */
import { parseRefusalReason } from "./company-state.js";
import type { RefusalReason } from "./company-state.js";

export const CRM_REASON_KEYS = ["price", "need", "timing", "competitor", "noanswer", "closed"] as const;
export type CrmReasonKey = (typeof CRM_REASON_KEYS)[number];
export type CrmReasonWords = Record<CrmReasonKey, readonly string[]>;
/** The founder's replacements; a reason left out keeps its built-in words. */
export type CrmReasonOverrides = Partial<Record<CrmReasonKey, string[]>>;

/** Word stems, lower case with ё → е, Russian and English. "closed" is checked first: «ЛПР умер» is no refusal. */
export const DEFAULT_CRM_REASONS: CrmReasonWords = {
  closed: ["лпр умер", "умер", "бизнес закрыл", "компания закрыт", "ликвидир", "банкрот", "прекратил деятельност", "out of business", "liquidat", "company closed"],
  price: ["цен", "дорог", "бюджет", "price", "expensive"],
  competitor: ["конкурент", "competitor"],
  need: ["потребност", "не нуж", "не интерес", "need"],
  timing: ["не время", "не сейчас", "позже", "срок", "timing", "later"],
  noanswer: ["не отвеч", "недозвон", "нет ответа", "no answer"],
};

/** Most words for one reason, and the longest word. */
export const MAX_CRM_WORDS = 30;
export const MAX_CRM_WORD = 60;

/** The effective word map: the built-in words with the founder's replacements. */
export function crmReasonWords(overrides: CrmReasonOverrides): CrmReasonWords {
  return { ...DEFAULT_CRM_REASONS, ...overrides };
}

/** Lower case, ё as е, single spaces: how CRM words and names are compared. */
export function foldedText(text: string): string {
  return text.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/** What a failure stage's or loss reason's name means. */
export type CrmStageMeaning =
  | { kind: "refusal"; reason: RefusalReason; comment: string | null }
  | { kind: "closed"; closeReason: "dm_died" | "business_closed"; comment: string };

/**
 * The meaning of a CRM's failure stage or loss reason by the words in its name ("Дорого" → price, "ЛПР умер" →
 * closed). A closing name closes with dm_died when it names the decision maker, else business_closed. Unknown
 * words are "other", and the CRM's words are kept as the refusal's comment.
 */
export function meaningOfCrmWords(name: string, words: CrmReasonWords): CrmStageMeaning {
  const text = foldedText(name);
  const has = (key: CrmReasonKey) => words[key].some((word) => word !== "" && text.includes(foldedText(word)));
  if (has("closed")) return { kind: "closed", closeReason: /лпр|умер|died/.test(text) ? "dm_died" : "business_closed", comment: name.trim() };
  const reason = CRM_REASON_KEYS.find((key): key is Exclude<CrmReasonKey, "closed"> => key !== "closed" && has(key));
  if (reason) return { kind: "refusal", reason, comment: null };
  return { kind: "refusal", reason: "other", comment: name.trim() === "" ? null : name.trim() };
}

const CLOSED_WORDS = ["closed", "закрыта", "закрыт", "закрытие", "закрыто"];

/** A reason of the word map from its key or a word for it ("цена", "закрыта"); null for "other" and unknown words. */
export function parseCrmReasonKey(text: string): CrmReasonKey | null {
  const word = foldedText(text);
  if (CLOSED_WORDS.includes(word)) return "closed";
  const reason = parseRefusalReason(word);
  return reason === null || reason === "other" ? null : reason;
}

/** Words separated by commas, each 2..60 characters, at most 30; null when any is not. */
export function parseCrmWords(text: string): string[] | null {
  const words = [...new Set(text.split(/[,;]/).map(foldedText))];
  if (words.length === 0 || words.length > MAX_CRM_WORDS) return null;
  return words.every((word) => word.length >= 2 && word.length <= MAX_CRM_WORD) ? words : null;
}

/** The founder's overrides as stored (JSON), keeping only known reasons with lists of strings. */
export function crmOverridesOf(json: string | null): CrmReasonOverrides {
  if (json === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  const overrides: CrmReasonOverrides = {};
  if (typeof parsed !== "object" || parsed === null) return overrides;
  for (const key of CRM_REASON_KEYS) {
    const words: unknown = (parsed as Record<string, unknown>)[key];
    if (Array.isArray(words)) overrides[key] = words.filter((w): w is string => typeof w === "string");
  }
  return overrides;
}
