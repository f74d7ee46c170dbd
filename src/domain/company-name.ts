/**
 * Company names as people type them: "ООО «Ромашка»", "ромашка", "Ромашка ООО", "Ёлка" / "елка".
 * Pure. Two keys are stored with each company: `nameKey` (unique per team: ignores case, ё/е, quotes and
 * spacing) and `coreKey` (nameKey without the legal form), plus a similarity score for suggestions.
 */

/** Longest company name accepted. */
export const MAX_COMPANY_NAME = 200;

// Quotes of every kind people paste from documents (" ' ` « » „ “ ” ‘ ’ ‚ ‹ ›) and spaces of every kind:
// each run of them becomes one space.
const QUOTES_AND_SPACES = /[\s\u00a0\u202f\u2009"'`«»„“”‘’‚‹›]+/g;
const SPACES = /\s+/g;

// Legal forms, written out or abbreviated; matched as whole words at the start or the end of a name.
const LEGAL_FORMS = [
  "общество с ограниченной ответственностью",
  "публичное акционерное общество",
  "закрытое акционерное общество",
  "открытое акционерное общество",
  "непубличное акционерное общество",
  "акционерное общество",
  "индивидуальный предприниматель",
  "автономная некоммерческая организация",
  "некоммерческая организация",
  "государственное унитарное предприятие",
  "муниципальное унитарное предприятие",
  "ооо",
  "оао",
  "зао",
  "пао",
  "нао",
  "ао",
  "ип",
  "ано",
  "нко",
  "гуп",
  "муп",
  "фгуп",
  "тоо",
  "llc",
  "ltd",
  "inc",
  "gmbh",
];
const FORM_PREFIX = new RegExp(`^(?:${LEGAL_FORMS.join("|")})(?:\\s|$)`);
const FORM_SUFFIX = new RegExp(`(?:^|\\s)(?:${LEGAL_FORMS.join("|")})$`);
// Punctuation that only decorates a name ("ООО «Ромашка», г. Москва" keeps its letters and digits).
const DECORATION = /[.,;:!?()[\]{}/\\|]+/g;
const HAS_DECORATION = /[.,;:!?()[\]{}/\\|]/;

const QUOTE_CHAR = /["«»„“”]/;
const QUOTED_PART = /["«„“”]([^"«»„“”]+)["»“”]/g;

/**
 * A company name with its quotes in one style, so it reads right inside the chat's «…»: each quoted part, in
 * straight or typographic quotes, becomes „…“ (the Russian quotes inside quotes) — `ООО "Гранит"` and
 * `ООО «Гранит»` are stored as `ООО „Гранит“` and shown «ООО „Гранит“», never «ООО "Гранит"». A name that is
 * all one quoted part loses its quotes; a lone quote is left as typed. Matching ignores quotes either way.
 */
export function tidyCompanyQuotes(name: string): string {
  if (!QUOTE_CHAR.test(name)) return name;
  const tidy = name.replace(QUOTED_PART, "„$1“");
  const whole = /^„([^„“]+)“$/.exec(tidy);
  return whole ? whole[1]!.trim() : tidy;
}

/**
 * The key a company name is unique and matched by: lower case, ё → е, quotes removed, runs of spaces
 * collapsed, trimmed. "ООО «Ёлка»" and "ооо елка" share a key; "Ёлка" does not (see `coreKey`).
 */
export function nameKey(name: string): string {
  let key = name.toLowerCase();
  if (key.includes("ё")) key = key.replace(/ё/g, "е");
  return key.replace(QUOTES_AND_SPACES, " ").trim();
}

/**
 * `nameKey` without the legal form and decorative punctuation: "ООО «Ромашка»", "Ромашка, ООО" and
 * "ромашка" share the core key "ромашка". Falls back to the name key when nothing else is left ("ООО").
 */
export function coreKey(name: string): string {
  return coreKeyOfNameKey(nameKey(name));
}

/** `coreKey` of a name whose `nameKey` is already known. */
export function coreKeyOfNameKey(key: string): string {
  let core = HAS_DECORATION.test(key) ? key.replace(DECORATION, " ").replace(SPACES, " ").trim() : key;
  // One form at the start and one at the end: "ООО Ромашка", "Ромашка ООО".
  core = core.replace(FORM_PREFIX, "").replace(FORM_SUFFIX, "").trim();
  return core === "" ? key : core;
}

function bigrams(text: string): Map<string, number> {
  const padded = ` ${text} `;
  const grams = new Map<string, number>();
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function dice(a: string, b: string): number {
  if (a === b) return 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [gram, n] of ga) {
    total += n;
    common += Math.min(n, gb.get(gram) ?? 0);
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How alike two company names are, 0..1 (1 = same core key). Compares core keys: the mean of bigram
 * overlap (robust to word order and extra words) and edit distance (robust to typos), with a bonus when
 * one name starts with or contains the other ("ромаш" → "ромашка плюс").
 */
export function nameSimilarity(typed: string, candidate: string): number {
  return coreKeySimilarity(coreKey(typed), coreKey(candidate));
}

/** `nameSimilarity` of two core keys already computed. */
export function coreKeySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const edit = 1 - levenshtein(a, b) / Math.max(a.length, b.length);
  let score = (dice(a, b) + edit) / 2;
  if (a.length >= 3 && b.startsWith(a)) score = Math.max(score, 0.85);
  else if (a.length >= 3 && b.includes(a)) score = Math.max(score, 0.75);
  return Math.min(score, 0.99);
}

/** A name offered instead of an unknown one. */
export type NameSuggestion<T> = { item: T; name: string; score: number };

/**
 * The `limit` candidates most like `typed`, best first (ties by name), leaving out those scoring below
 * `minScore`. Candidates are whatever the caller could fetch cheaply (with their stored core keys, to
 * skip recomputing them); see src/services/leads/lookup.ts.
 */
export function rankSuggestions<T>(
  typed: string,
  candidates: Iterable<{ item: T; name: string; coreKey?: string }>,
  limit = 5,
  minScore = 0.3,
): NameSuggestion<T>[] {
  const typedCore = coreKey(typed);
  const ranked: NameSuggestion<T>[] = [];
  for (const candidate of candidates) {
    const score = coreKeySimilarity(typedCore, candidate.coreKey ?? coreKey(candidate.name));
    if (score >= minScore) ranked.push({ item: candidate.item, name: candidate.name, score });
  }
  ranked.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name, "ru"));
  return ranked.slice(0, limit);
}
