import { I18n } from "@grammyjs/i18n";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALES_DIR = join(PACKAGE_ROOT, "src", "locales");

export type TranslationVars = Record<string, string | number>;
export type Translate = (key: string, vars?: TranslationVars) => string;

export interface Translator {
  t(locale: Locale, key: string, vars?: TranslationVars): string;
  forLocale(locale: Locale): Translate;
}

/** The part of a Fluent bundle the fast path uses. */
interface MessageBundle {
  getMessage(id: string): { value: unknown } | undefined;
  formatPattern(pattern: unknown, args?: TranslationVars): string;
}

/**
 * The bundles @grammyjs/i18n would search for `locale`, in its order (the locale's, then the default).
 * The plugin negotiates them again on every call, which cost more than formatting the message; they
 * never change once the files are loaded. Undefined when the plugin no longer has the method.
 */
function bundlesOf(i18n: I18n, locale: Locale): MessageBundle[] | undefined {
  const fluent = i18n.fluent as unknown as { matchBundles?: (locales: string[]) => Set<MessageBundle> };
  return typeof fluent.matchBundles === "function" ? [...fluent.matchBundles.call(i18n.fluent, [locale])] : undefined;
}

/** Loads every `locales/<lang>/*.ftl`; Russian is the fallback for a missing key. */
export function createTranslator(directory = LOCALES_DIR): Translator {
  const i18n = new I18n({ defaultLocale: "ru", directory, fluentBundleOptions: { useIsolating: false } });
  const cache = new Map<Locale, Translate>();
  const forLocale = (locale: Locale): Translate => {
    let translate = cache.get(locale);
    if (!translate) {
      const bundles = bundlesOf(i18n, locale);
      // A message without variables always formats to the same text (labels, buttons, refusals).
      const constant = new Map<string, string>();
      const format = (key: string, vars?: TranslationVars): string => {
        // Plain message ids are formatted from the bundles directly; attributes and missing keys take
        // the plugin's own path (its warnings and its `{key}` placeholder).
        if (bundles && !key.includes(".")) {
          for (const bundle of bundles) {
            const message = bundle.getMessage(key);
            if (message?.value) return bundle.formatPattern(message.value, vars);
          }
        }
        return i18n.t(locale, key, vars);
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
