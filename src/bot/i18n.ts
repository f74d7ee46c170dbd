import { I18n } from "@grammyjs/i18n";
import { fileURLToPath } from "node:url";

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALES_DIR = fileURLToPath(new URL("../locales", import.meta.url));

export type TranslationVars = Record<string, string | number>;
export type Translate = (key: string, vars?: TranslationVars) => string;

export interface Translator {
  t(locale: Locale, key: string, vars?: TranslationVars): string;
  forLocale(locale: Locale): Translate;
}

/** Loads every `locales/<lang>/*.ftl`; Russian is the fallback for a missing key. */
export function createTranslator(directory = LOCALES_DIR): Translator {
  const i18n = new I18n({ defaultLocale: "ru", directory, fluentBundleOptions: { useIsolating: false } });
  const cache = new Map<Locale, Translate>();
  const translator: Translator = {
    t: (locale, key, vars) => i18n.t(locale, key, vars),
    forLocale(locale) {
      let translate = cache.get(locale);
      if (!translate) {
        translate = (key, vars) => i18n.t(locale, key, vars);
        cache.set(locale, translate);
      }
      return translate;
    },
  };
  return translator;
}

/** Telegram's language_code → a supported locale, else the team default. */
export function pickLocale(stored: string | null | undefined, languageCode: string | undefined, fallback: Locale): Locale {
  if (stored === "ru" || stored === "en") return stored;
  const code = languageCode?.slice(0, 2).toLowerCase();
  if (code === "ru" || code === "en") return code;
  return fallback;
}
