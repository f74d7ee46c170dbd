import { describe, expect, it } from "vitest";
import { STRINGS, translator } from "../../webapp/src/strings.js";

describe("the Mini App's words", () => {
  it("has the same keys in Russian and English, none empty, with the same placeholders", () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.ru).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of Object.entries(STRINGS.ru)) {
      const english = STRINGS.en[key as keyof typeof STRINGS.en];
      expect(text.trim(), `ru ${key}`).not.toBe("");
      expect(english.trim(), `en ${key}`).not.toBe("");
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it("fills placeholders and leaves an unknown one visible", () => {
    expect(translator("en")("pace-days", { elapsed: 3, total: 20 })).toBe("3 of 20");
    expect(translator("ru")("pace-days", { elapsed: 3 })).toBe("3 из {total}");
  });
});
