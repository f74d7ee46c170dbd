import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES_DIR, createTranslator } from "../src/shared/i18n.js";

/** message id → the variables it uses, for every file of one locale */
function messages(locale: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const dir = join(LOCALES_DIR, locale);
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".ftl"))) {
    let current: string | undefined;
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      const head = /^([a-z][\w-]*)\s*=/.exec(line);
      if (head) {
        current = head[1]!;
        expect(result.has(current), `${locale}/${file}: duplicate key ${current}`).toBe(false);
        result.set(current, []);
      }
      if (current) for (const match of line.matchAll(/\$([\w-]+)/g)) result.get(current)!.push(match[1]!);
    }
  }
  for (const [key, vars] of result) result.set(key, [...new Set(vars)].sort());
  return result;
}

describe("locales", () => {
  const ru = messages("ru");
  const en = messages("en");

  it("has the same files in both locales", () => {
    expect(readdirSync(join(LOCALES_DIR, "en")).sort()).toEqual(readdirSync(join(LOCALES_DIR, "ru")).sort());
  });

  it("has every key in both languages with the same variables", () => {
    expect([...en.keys()].sort()).toEqual([...ru.keys()].sort());
    for (const [key, vars] of ru) expect(en.get(key), key).toEqual(vars);
  });

  it("renders every message in both languages without Fluent errors", () => {
    const translator = createTranslator();
    for (const [key, vars] of ru) {
      const values = Object.fromEntries(vars.map((name) => [name, "X"]));
      for (const locale of ["ru", "en"] as const) {
        const text = translator.t(locale, key, values);
        expect(text, `${locale}:${key}`).not.toContain("{");
        expect(text.trim().length, `${locale}:${key}`).toBeGreaterThan(0);
      }
    }
  });

  it("falls back to Russian for a key English lacks, reads attributes, marks a key missing everywhere", () => {
    const dir = mkdtempSync(join(tmpdir(), "scb-locales-"));
    const files = {
      ru: ["a.ftl", "greet = Привет, { $name }!\nonly-ru = Только по-русски\n"],
      en: ["a.ftl", "greet = Hello, { $name }!\nbutton = Menu\n    .hint = Opens the menu\n"],
    } as const;
    for (const [locale, [file, text]] of Object.entries(files)) {
      mkdirSync(join(dir, locale));
      writeFileSync(join(dir, locale, file), text);
    }
    const translator = createTranslator(dir);
    const en = translator.forLocale("en");
    expect(en("greet", { name: "Olga" })).toBe("Hello, Olga!");
    expect(translator.t("ru", "greet", { name: "Ольга" })).toBe("Привет, Ольга!");
    expect(en("only-ru")).toBe("Только по-русски");
    expect(en("button.hint")).toBe("Opens the menu");
    expect(en("nowhere")).toBe("{nowhere}");
    expect(translator.t("ru", "button")).toBe("{button}");
  });
});
