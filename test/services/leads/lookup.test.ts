/** Finding the company a user typed, and the closest names when there is no match. */
import { describe, expect, it } from "vitest";
import { addCompany, companyCard, findCompany, importBase, recordRefusal, recordTouch } from "../../../src/services/leads/index.js";
import { at, createBaseDb, TEAM } from "./helpers.js";

function lookupBase() {
  const db = createBaseDb();
  const names = ['ООО "Ромашка"', "Ромашка Плюс", "Ёлка-Палка", "ИП Иванов", "ООО Иванов", "Лютик", "Василёк и Ко", "Одуванчик"];
  importBase(db, TEAM, ["company;segment;inn", ...names.map((n, i) => `"${n.replace(/"/g, '""')}";Опт;${i === 5 ? "7701234567" : ""}`)].join("\n"), at("2026-03-01"));
  return db;
}

const found = (db: ReturnType<typeof createBaseDb>, typed: string) => {
  const result = findCompany(db, TEAM, typed);
  return result.kind === "found" ? [result.company.name, result.matchedBy] : result;
};

describe("findCompany", () => {
  // The stored name has its quotes tidied to „…“ on import; matching ignores quotes of any kind.
  it("matches regardless of case, ё/е, quotes and spacing", () => {
    const db = lookupBase();
    expect(found(db, "ооо ромашка")).toEqual(["ООО „Ромашка“", "name"]);
    expect(found(db, "ООО «Ромашка»")).toEqual(["ООО „Ромашка“", "name"]);
    expect(found(db, "  елка-палка ")).toEqual(["Ёлка-Палка", "name"]);
    expect(found(db, "ВАСИЛЕК  И  КО")).toEqual(["Василёк и Ко", "name"]);
  });

  it("matches without the legal form when only one company has that name, and by INN", () => {
    const db = lookupBase();
    expect(found(db, "Ромашка")).toEqual(["ООО „Ромашка“", "core"]);
    expect(found(db, "Лютик ООО")).toEqual(["Лютик", "core"]);
    expect(found(db, "7701234567")).toEqual(["Лютик", "inn"]);
  });

  it("an ambiguous or unknown name gets the closest names, best first, at most 5", () => {
    const db = lookupBase();
    const ivanov = findCompany(db, TEAM, "Иванов");
    expect(ivanov.kind).toBe("not-found");
    if (ivanov.kind === "not-found") expect(ivanov.suggestions.map((s) => s.name).slice(0, 2).sort()).toEqual(["ИП Иванов", "ООО Иванов"]);
    const typo = findCompany(db, TEAM, "Ромашко");
    expect(typo.kind === "not-found" && typo.suggestions.map((s) => s.name).slice(0, 2)).toEqual(["ООО „Ромашка“", "Ромашка Плюс"]);
    const prefix = findCompany(db, TEAM, "одуван");
    expect(prefix.kind === "not-found" && prefix.suggestions[0]!.name).toBe("Одуванчик");
    const nothing = findCompany(db, TEAM, "Zeta Systems");
    expect(nothing).toEqual({ kind: "not-found", suggestions: [] });
    const many = findCompany(db, TEAM, "а");
    expect(many.kind === "not-found" && many.suggestions.length).toBeLessThanOrEqual(5);
  });

  it("refuses empty and over-long names", () => {
    const db = lookupBase();
    expect(findCompany(db, TEAM, "   ")).toEqual({ kind: "invalid", reason: "empty" });
    expect(findCompany(db, TEAM, "я".repeat(201))).toEqual({ kind: "invalid", reason: "too-long" });
  });

  it("stays an index look-up on a large base, still suggesting by name prefixes", () => {
    const db = createBaseDb();
    const rows = Array.from({ length: 6000 }, (_, i) => `Компания ${i};S${i % 7}`);
    importBase(db, TEAM, ["company;segment", ...rows, "Ромашка Север;S1"].join("\n"), at("2026-03-01"));
    expect(found(db, "компания 5999")).toEqual(["Компания 5999", "name"]);
    const typo = findCompany(db, TEAM, "Ромашка Сувер");
    expect(typo.kind === "not-found" && typo.suggestions[0]!.name).toBe("Ромашка Север");
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM companies WHERE team_id = 1 AND name_key = 'x'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/USING (COVERING )?INDEX/);
  });

  it("adds a company typed in chat without duplicating an existing one", () => {
    const db = lookupBase();
    const added = addCompany(db, { teamId: TEAM, name: "  Новая  Фирма ", segmentName: "Входящие", now: at("2026-03-02") });
    expect(added).toMatchObject({ ok: true, company: { name: "Новая Фирма", status: "active" } });
    expect(addCompany(db, { teamId: TEAM, name: "новая фирма", segmentName: "Входящие", now: at("2026-03-02") })).toMatchObject({
      ok: false,
      reason: "exists",
    });
    expect(addCompany(db, { teamId: TEAM, name: "", segmentName: "Входящие", now: at("2026-03-02") })).toEqual({ ok: false, reason: "invalid-name" });
    expect(found(db, "Новая фирма")).toEqual(["Новая Фирма", "name"]);
  });

  it("the card shows the company, its state and history", () => {
    const db = lookupBase();
    const lookup = findCompany(db, TEAM, "Лютик");
    if (lookup.kind !== "found") throw new Error("not found");
    const id = lookup.company.id;
    recordTouch(db, { teamId: TEAM, companyId: id, now: at("2026-03-02") });
    recordRefusal(db, { teamId: TEAM, companyId: id, now: at("2026-03-03"), reason: "price", lostForGood: false, comment: "дорого" });
    const card = companyCard(db, TEAM, id, at("2026-03-10"))!;
    expect(card.segmentName).toBe("Опт");
    expect(card.state).toMatchObject({ state: "cooling", cooldownUntil: "2026-06-01" });
    expect(card.history.map((e) => [e.kind, e.reason, e.comment])).toEqual([
      ["refusal", "price", "дорого"],
      ["touch", null, null],
    ]);
    expect(companyCard(db, 2, id, at("2026-03-10"))).toBeUndefined();
  });
});
