import { FluentBundle, FluentResource } from "@fluent/bundle";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./package-root.js";

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALES_DIR = join(PACKAGE_ROOT, "src", "shared", "locales");

export type TranslationVars = Record<string, string | number>;
export type Translate = (key: string, vars?: TranslationVars) => string;

export interface Translator {
  t(locale: Locale, key: string, vars?: TranslationVars): string;
  forLocale(locale: Locale): Translate;
}

/**
 * One Fluent bundle per locale from every `<directory>/<locale>/*.ftl`. Fluent directly rather than
 * @grammyjs/i18n: the bot formats its own texts (ctx.t is ours), and that plugin brought a Deno shim into
 * memory (8 MB loaded alone, about 2 MB less for the running bot; the bot must fit in 100 MB, docs/performance.md).
 */
function loadBundles(directory: string): Map<Locale, FluentBundle> {
  const bundles = new Map<Locale, FluentBundle>();
  for (const locale of LOCALES) {
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const dir = join(directory, locale);
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".ftl")).sort()) {
      const errors = bundle.addResource(new FluentResource(readFileSync(join(dir, file), "utf8")));
      if (errors.length > 0) throw new Error(`${locale}/${file}: ${errors.map((error) => error.message).join("; ")}`);
    }
    bundles.set(locale, bundle);
  }
  return bundles;
}

/**
 * Loads every `locales/<lang>/*.ftl`; Russian is the fallback for a key missing in English, and a key missing
 * everywhere shows as `{key}` (a test keeps both locales complete). `key.attribute` reads a message attribute.
 */
export function createTranslator(directory = LOCALES_DIR): Translator {
  const bundles = loadBundles(directory);
  const cache = new Map<Locale, Translate>();
  const forLocale = (locale: Locale): Translate => {
    let translate = cache.get(locale);
    if (!translate) {
      const search = locale === "ru" ? [bundles.get("ru")!] : [bundles.get(locale)!, bundles.get("ru")!];
      // A message without variables always formats to the same text (labels, buttons, refusals).
      const constant = new Map<string, string>();
      const format = (key: string, vars?: TranslationVars): string => {
        const [id, attribute] = key.split(".", 2) as [string, string | undefined];
        for (const bundle of search) {
          const message = bundle.getMessage(id);
          const pattern = attribute === undefined ? message?.value : message?.attributes[attribute];
          if (pattern) return bundle.formatPattern(pattern, vars);
        }
        return `{${key}}`;
      };
      translate = (key, vars) => {
        if (vars !== undefined) return format(key, vars);
        let text = constant.get(key);
        if (text === undefined) constant.set(key, (text = format(key)));
        return text;
      };
      cache.set(locale, translate);
    }
    return translate;
  };
  return { t: (locale, key, vars) => forLocale(locale)(key, vars), forLocale };
}

/** Telegram's language_code → a supported locale, else the team default. */
export function pickLocale(stored: string | null | undefined, languageCode: string | undefined, fallback: Locale): Locale {
  if (stored === "ru" || stored === "en") return stored;
  const code = languageCode?.slice(0, 2).toLowerCase();
  if (code === "ru" || code === "en") return code;
  return fallback;
}
