import { describe, expect, it } from "vitest";
import { coreKey, nameKey, nameSimilarity, rankSuggestions, tidyCompanyQuotes } from "../../src/domain/company-name.js";

describe("company name keys", () => {
  it("nameKey ignores case, ё/е, quotes of every kind and spacing", () => {
    expect(nameKey('ООО  «Ёлка»')).toBe("ооо елка");
    expect(nameKey("ооо “елка”")).toBe("ооо елка");
    expect(nameKey(" 'Ёлка' ")).toBe("елка");
    expect(nameKey("Ёлка-Палка\u00a0Плюс")).toBe("елка-палка плюс");
  });

  it("coreKey also drops one legal form at either end and decorative punctuation", () => {
    expect(coreKey('ООО "Ромашка"')).toBe("ромашка");
    expect(coreKey("Ромашка, ООО")).toBe("ромашка");
    expect(coreKey("Общество с ограниченной ответственностью «Ромашка»")).toBe("ромашка");
    expect(coreKey("ИП Иванов И.И.")).toBe("иванов и и");
    expect(coreKey("Ипподром")).toBe("ипподром");
    expect(coreKey("ООО")).toBe("ооо");
    expect(coreKey("Acme LLC")).toBe("acme");
  });
});

describe("suggestions", () => {
  it("scores the same core 1, typos and prefixes high, unrelated names low", () => {
    expect(nameSimilarity("ромашка", 'ООО "Ромашка"')).toBe(1);
    expect(nameSimilarity("Ромашко", "Ромашка")).toBeGreaterThan(0.6);
    expect(nameSimilarity("Ромаш", "Ромашка Плюс")).toBeGreaterThanOrEqual(0.85);
    expect(nameSimilarity("Ромашка", "Тюльпан")).toBeLessThan(0.3);
  });

  it("ranks best first, ties by name, at most the limit, dropping the unlike", () => {
    const names = ["Лютик", "Ромашка", "Ромашка Плюс", "Ромашкин", "Тюльпан", "Ромашка Юг", "Ромашка Север", "Ромашка Восток"];
    const ranked = rankSuggestions("Ромашка", names.map((name, item) => ({ item, name })));
    expect(ranked).toHaveLength(5);
    expect(ranked[0]).toEqual({ item: 1, name: "Ромашка", score: 1 });
    expect(ranked.map((r) => r.name)).not.toContain("Тюльпан");
    expect(rankSuggestions("Zeta", names.map((name, item) => ({ item, name })))).toEqual([]);
  });
});

describe("tidyCompanyQuotes", () => {
  it("puts every quoted part in „…“ so the name reads right inside the chat's «…»", () => {
    expect(tidyCompanyQuotes('ООО "Гранит"')).toBe("ООО „Гранит“");
    expect(tidyCompanyQuotes("ООО «Гранит»")).toBe("ООО „Гранит“");
    expect(tidyCompanyQuotes("АО “Вектор” и „Ко“")).toBe("АО „Вектор“ и „Ко“");
    expect(tidyCompanyQuotes('"Гранит"')).toBe("Гранит");
    expect(tidyCompanyQuotes('ООО "Гранит')).toBe('ООО "Гранит');
    expect(tidyCompanyQuotes("ООО Ромашка")).toBe("ООО Ромашка");
    expect(nameKey(tidyCompanyQuotes('ООО "Гранит"'))).toBe(nameKey('ООО "Гранит"'));
  });
});
