/**
 * Finding the company a user typed: exact (case, ё/е, quotes and spacing ignored), by INN, or without the
 * legal form ("Ромашка" finds "ООО «Ромашка»" when only one company has that core). Otherwise the closest
 * names, for buttons. All look-ups are index seeks; suggestions rank a bounded set of candidates.
 */
import { coreKey, MAX_COMPANY_NAME, nameKey, rankSuggestions } from "../../domain/company-name.js";
import {
  companyNamesWithPrefix,
  findCompaniesByCoreKey,
  findCompanyByInn,
  findCompanyByNameKey,
  someCompanyNames,
} from "../../db/companies.js";
import type { Company, CompanyName } from "../../db/companies.js";
import { baseSize } from "../../db/burn-counters.js";
import type { Db } from "../../db/open.js";

export type CompanySuggestion = { id: number; name: string; score: number };

export type CompanyLookup =
  | { kind: "found"; company: Company; matchedBy: "name" | "inn" | "core" }
  | { kind: "not-found"; suggestions: CompanySuggestion[] }
  | { kind: "invalid"; reason: "empty" | "too-long" };

/** Bases up to this size are ranked in full; larger ones by index-range candidates. */
const FULL_SCAN_LIMIT = 5_000;
const RANGE_LIMIT = 300;

/** The company `typed` names, or up to `limit` closest names when there is no single match. */
export function findCompany(db: Db, teamId: number, typed: string, limit = 5): CompanyLookup {
  const text = typed.replace(/\s+/g, " ").trim();
  if (text === "") return { kind: "invalid", reason: "empty" };
  if (text.length > MAX_COMPANY_NAME) return { kind: "invalid", reason: "too-long" };
  const exact = findExactCompany(db, teamId, text);
  if (exact) return { kind: "found", ...exact };
  return { kind: "not-found", suggestions: suggestCompanies(db, teamId, text, limit) };
}

/** The company a name means without guessing: by name key, INN, or the only company with that core. */
export function findExactCompany(db: Db, teamId: number, text: string): { company: Company; matchedBy: "name" | "inn" | "core" } | null {
  const byName = findCompanyByNameKey(db, teamId, nameKey(text));
  if (byName) return { company: byName, matchedBy: "name" };
  if (/^\d{10}(?:\d{2})?$/.test(text)) {
    const byInn = findCompanyByInn(db, teamId, text);
    if (byInn) return { company: byInn, matchedBy: "inn" };
  }
  const sameCore = findCompaniesByCoreKey(db, teamId, coreKey(text), 2);
  return sameCore.length === 1 ? { company: sameCore[0]!, matchedBy: "core" } : null;
}

/** Up to `limit` company names most like `typed`, best first. */
export function suggestCompanies(db: Db, teamId: number, typed: string, limit = 5): CompanySuggestion[] {
  const candidates = new Map<number, CompanyName>();
  if (baseSize(db, teamId) <= FULL_SCAN_LIMIT) {
    for (const row of someCompanyNames(db, teamId, FULL_SCAN_LIMIT)) candidates.set(row.id, row);
  } else {
    // Large base: names sharing the start of the typed core, and names starting with any typed word.
    const core = coreKey(typed);
    const prefixes = new Set<string>([core.slice(0, 2)]);
    for (const word of core.split(" ")) if (word.length >= 3) prefixes.add(word.slice(0, 3));
    for (const prefix of prefixes) {
      if (prefix === "") continue;
      for (const row of companyNamesWithPrefix(db, teamId, prefix, RANGE_LIMIT)) candidates.set(row.id, row);
    }
  }
  return rankSuggestions(
    typed,
    [...candidates.values()].map((row) => ({ item: row.id, name: row.name, coreKey: row.coreKey })),
    limit,
  ).map((suggestion) => ({ id: suggestion.item, name: suggestion.name, score: suggestion.score }));
}
