/**
 * How the page writes numbers, by hand rather than with Intl: the browser's and Node's ICU differ in spaces
 * and signs, and the browser tests format the report's figures with these same functions to compare cells.
 */
import type { Locale } from "./contract.js";

const NBSP = "\u00a0";
const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  ru: { group: NBSP, decimal: "," },
  en: { group: ",", decimal: "." },
};

function grouped(digits: string, locale: Locale): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[locale].group);
}

/** A number with at most `fractionDigits` decimals (trailing zeros dropped), digits grouped. */
export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const kept = fraction.replace(/0+$/, "");
  const sign = value < 0 && Number(fixed) !== 0 ? "−" : "";
  return sign + grouped(whole, locale) + (kept ? SEPARATORS[locale].decimal + kept : "");
}

/** Roubles as the bot writes them: from 1 000 ₽ in whole roubles (half away from zero), below with kopecks. */
export function formatMoney(roubles: number, locale: Locale): string {
  const whole = Math.abs(roubles) >= 1000;
  const shown = whole ? Math.sign(roubles) * Math.round(Math.abs(roubles)) : roubles;
  const fixed = formatNumber(shown, locale, whole ? 0 : 2);
  const withKopecks = !whole && fixed.includes(SEPARATORS[locale].decimal) && fixed.split(SEPARATORS[locale].decimal)[1]!.length === 1 ? `${fixed}0` : fixed;
  return `${withKopecks}${NBSP}₽`;
}

/** A fraction as a percentage with one decimal at most: 0.4251 → "42,5 %" / "42.5%". */
export function formatPercent(fraction: number, locale: Locale): string {
  const number = formatNumber(fraction * 100, locale, 1);
  return locale === "ru" ? `${number}${NBSP}%` : `${number}%`;
}

/** 'YYYY-MM-DD' → '05.11.2026'. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}.${month}.${year}`;
}

/** 'YYYY-MM-DD' → '05.11', for the chart's axis. */
export function formatShortDay(day: string): string {
  return formatDay(day).slice(0, 5);
}

const MONTHS: Record<Locale, readonly string[]> = {
  ru: ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** 'YYYY-MM' → 'ноябрь 2026' / 'November 2026'. */
export function formatMonth(period: string, locale: Locale): string {
  const [year, month] = period.split("-");
  return `${MONTHS[locale][Number(month) - 1] ?? month} ${year}`;
}

/** The month before or after 'YYYY-MM'. */
export function shiftMonth(period: string, by: number): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
