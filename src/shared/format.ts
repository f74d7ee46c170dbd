/**
 * How numbers, money, days and people are written in every message, report and CLI: one formatter
 * of each kind, so the chat, the alerts and the exports never disagree on a figure's look.
 */
import type { Locale, Translate } from "./i18n.js";

/** Rounds half away from zero to `decimals` places (JSON figures, chat decimals). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * A fraction as a percent: 0.4600005 → '46%'; with `decimals` 2, 0.125 → '12.5%'. A rate that could
 * not be computed (null: nothing to rate) is a dash.
 */
export function formatPercent(fraction: number | null, decimals = 0): string {
  if (fraction === null) return "—";
  return `${Math.round(fraction * 10 ** (2 + decimals)) / 10 ** decimals}%`;
}

/** A plain decimal with at most `digits` decimals in the locale's style: 2.5 → '2,5' (ru). */
export function formatDecimal(value: number, locale: Locale, digits = 1): string {
  const text = String(roundTo(value, digits));
  return locale === "ru" ? text.replace(".", ",") : text;
}

/**
 * A planned number of clients for chat. Clients are whole: a share that is not a whole number (10 clients × 25% =
 * 2.5) reads as the two whole counts around it, "2–3"; a whole one reads as itself. (Float noise such as
 * 3.0000000000000004 counts as whole.)
 */
export function formatClientRange(value: number): string {
  const low = Math.floor(value + 1e-9);
  const high = Math.ceil(value - 1e-9);
  return low >= high ? String(low) : `${low}–${high}`;
}

/** A forecast number of clients for chat: rounded to a whole number, half up (2.5 → 3). */
export function formatClientForecast(value: number): string {
  return String(Math.round(value));
}

/** 'YYYY-MM-DD' → 'DD.MM.YYYY'. */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** 'YYYY-MM-DD' → 'dd.mm' for the short lines of tasks; the year is added when it is not `currentYear`. */
export function formatShortDay(day: string, currentYear?: string): string {
  const short = `${day.slice(8, 10)}.${day.slice(5, 7)}`;
  return currentYear !== undefined && day.slice(0, 4) !== currentYear ? `${short}.${day.slice(0, 4)}` : short;
}

/** 'YYYY-MM' → 'ноябрь 2026' / 'November 2026'. */
export function formatMonth(t: Translate, period: string): string {
  return t("plan-month", { month: t(`plan-month-${Number(period.slice(5, 7))}`), year: period.slice(0, 4) });
}

/** Every kind of line break people can type: CR LF, LF, CR, and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * A one-line field someone typed (a task, a company, a name, a note), as the bot echoes it: line breaks become
 * spaces, so the text cannot start a line of its own that passes for one of the bot's.
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAK, " ");
}

/**
 * Multi-line text someone typed (a question, an answer, a comment), as the bot echoes it: every line after the
 * first starts with "│ ", so a line of it is always seen as quoted, never as one of the bot's own.
 */
export function quoted(text: string): string {
  return text.replace(LINE_BREAK, "\n│ ");
}

/** The fields of a team member that name them; structural so shared/ needs no database row type. */
export interface NamedPerson {
  username: string | null;
  firstName: string;
  /** empty when Telegram has none; optional for rows read before members kept it */
  lastName?: string;
  userId: number;
}

/**
 * How a member is named in chat: «Иван Петров (@ivan)» — the name people know and the handle to write to.
 * Without a username the name alone; without a name, or with one that only repeats the username, the
 * @username alone; with neither the Telegram id.
 */
export function memberName(member: NamedPerson): string {
  const name = oneLine(`${member.firstName} ${member.lastName ?? ""}`).replace(/\s+/g, " ").trim();
  const handle = member.username ? `@${member.username}` : "";
  if (name && handle && name.toLowerCase() !== member.username!.toLowerCase()) return `${name} (${handle})`;
  if (handle) return handle;
  return name || String(member.userId);
}

/** The name a member goes by in reports: @username without the @, else the first name. */
export function reportName(member: Pick<NamedPerson, "username" | "firstName">): string {
  return member.username ?? member.firstName;
}

/**
 * How a member is named in a spreadsheet others read: the name and the @username, "Иван Петров (@ivan_m)";
 * a name that only repeats the username is left out.
 */
export function spreadsheetName(member: Pick<NamedPerson, "username" | "firstName"> & { lastName?: string }): string {
  const name = [member.firstName, member.lastName ?? ""].map((part) => part.trim()).filter((part) => part !== "").join(" ");
  if (!member.username) return name;
  if (name === "" || name.toLowerCase() === member.username.toLowerCase()) return `@${member.username}`;
  return `${name} (@${member.username})`;
}

const SYMBOLS: Record<string, string> = { RUB: "₽", USD: "$", EUR: "€", KZT: "₸", BYN: "Br", UAH: "₴" };
const NBSP = "\u00a0";
/** Kopecks from which chat amounts drop their fraction: 1 000 roubles. */
const WHOLE_UNITS_FROM = 100_000;

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Formats kopecks for a chat message. Fractions are shown only below 1 000 (in roubles or the currency unit) and
 * only when there are kopecks: from 1 000 up the amount is rounded to whole units (half away from zero), since
 * kopecks on a figure that size are noise that slows reading.
 * - ru: "150 000 ₽", "999,50 ₽" — digit groups and the symbol are joined by no-break spaces (U+00A0) so
 *   Telegram never wraps inside an amount; the currency is its symbol when known (₽ $ € ₸ Br ₴), else its code.
 * - en: "RUB 150,000", "RUB 999.50" — ISO code first, comma groups, point decimals.
 * Negative amounts get a leading "-" (e.g. a budget left below zero). Non-integer input is rounded to kopecks.
 * Built by hand rather than with Intl.NumberFormat so the text does not change between ICU versions.
 */
export function formatMoney(kopecks: number, locale: Locale, currency = "RUB"): string {
  const exact = Math.round(Math.abs(kopecks));
  const abs = exact >= WHOLE_UNITS_FROM ? Math.round(exact / 100) * 100 : exact;
  const sign = kopecks < 0 && abs > 0 ? "-" : "";
  const whole = String(Math.floor(abs / 100));
  const cents = abs % 100;
  const code = currency.toUpperCase();
  if (locale === "ru") {
    const number = groupThousands(whole, NBSP) + (cents ? `,${String(cents).padStart(2, "0")}` : "");
    return `${sign}${number}${NBSP}${SYMBOLS[code] ?? code}`;
  }
  const number = groupThousands(whole, ",") + (cents ? `.${String(cents).padStart(2, "0")}` : "");
  return `${sign}${code}${NBSP}${number}`;
}
