/**
 * Argument grammar of /setplan, /budget, /expense and /share. Pure: the current period comes in, nothing is
 * read or written. Each parser returns the values to store or the reason the reply should give.
 */
import { MAX_AMOUNT_KOPECKS, parseAmount } from "../../domain/money.js";
import { nextPeriod, parsePeriod, previousPeriod } from "../../domain/period.js";
import { parseExpenseCategory, type ExpenseCategory } from "../../domain/expense-categories.js";
import { parsePercentBp } from "../../domain/settings.js";

/** Plans and budgets may be set from a year back to two years ahead; anything else is almost surely a typo. */
export const PERIODS_BACK = 12;
export const PERIODS_AHEAD = 24;
export const MAX_PLAN_CLIENTS = 1_000_000;
export const MAX_NOTE_CHARS = 1000;

export type ArgError =
  | { ok: false; error: "usage" }
  | { ok: false; error: "period"; text: string }
  | { ok: false; error: "period-range"; text: string }
  | { ok: false; error: "clients"; text: string }
  | { ok: false; error: "amount"; text: string }
  | { ok: false; error: "plan-too-large" }
  | { ok: false; error: "category"; text: string }
  | { ok: false; error: "note-too-long" }
  | { ok: false; error: "share"; text: string }
  | { ok: false; error: "username"; text: string };

const usage = (): ArgError => ({ ok: false, error: "usage" });

/** Periods `current − back … current + ahead`, both inclusive. */
export function periodInRange(period: string, current: string, back = PERIODS_BACK, ahead = PERIODS_AHEAD): boolean {
  let low = current;
  for (let i = 0; i < back; i++) low = previousPeriod(low);
  let high = current;
  for (let i = 0; i < ahead; i++) high = nextPeriod(high);
  return period >= low && period <= high;
}

/** A token that is meant as a period: 2026-11, 2026-1, 11.2026, 11/2026. */
const PERIOD_LIKE = /^(\d{4})-(\d{1,2})$|^(\d{1,2})[./](\d{4})$/;

/** Parses a period token in any accepted spelling to 'YYYY-MM', or null. */
export function parsePeriodToken(token: string): string | null {
  const m = PERIOD_LIKE.exec(token.trim());
  if (!m) return null;
  const year = m[1] ?? m[4]!;
  const month = (m[2] ?? m[3]!).padStart(2, "0");
  return parsePeriod(`${year}-${month}`);
}

function checkPeriod(token: string, current: string, range: boolean): { ok: true; period: string } | ArgError {
  const period = parsePeriodToken(token);
  if (period === null) return { ok: false, error: "period", text: token };
  if (range && !periodInRange(period, current)) return { ok: false, error: "period-range", text: period };
  return { ok: true, period };
}

function tokens(args: string): string[] {
  return args.replace(/;/g, " ").trim().split(/\s+/).filter(Boolean);
}

export type SetPlanArgs = { ok: true; period: string; clients: number; avgCheckKopecks: number };

/**
 * `/setplan <YYYY-MM> <clients> <avg_check>`; the period may be left out for the current month
 * (`/setplan 10 150000`). The average check may be grouped with spaces (`150 000`).
 */
export function parseSetPlanArgs(args: string, currentPeriod: string): SetPlanArgs | ArgError {
  const parts = tokens(args);
  if (parts.length < 2) return usage();
  let period = currentPeriod;
  let rest = parts;
  if (PERIOD_LIKE.test(parts[0]!) || !/^\d+$/.test(parts[0]!)) {
    const checked = checkPeriod(parts[0]!, currentPeriod, true);
    if (!checked.ok) return checked;
    period = checked.period;
    rest = parts.slice(1);
  }
  if (rest.length < 2) return usage();
  const clientsText = rest[0]!;
  const clients = /^\d{1,7}$/.test(clientsText) ? Number(clientsText) : Number.NaN;
  if (!(clients >= 1 && clients <= MAX_PLAN_CLIENTS)) return { ok: false, error: "clients", text: clientsText };
  const amountText = rest.slice(1).join(" ");
  const avgCheckKopecks = parseAmount(amountText);
  if (avgCheckKopecks === null) return { ok: false, error: "amount", text: amountText };
  if (clients * avgCheckKopecks > MAX_AMOUNT_KOPECKS) return { ok: false, error: "plan-too-large" };
  return { ok: true, period, clients, avgCheckKopecks };
}

export type BudgetArgs =
  | { ok: true; kind: "show"; period: string }
  | { ok: true; kind: "set"; period: string; category: ExpenseCategory; amountKopecks: number; paidUpFront: boolean }
  | { ok: true; kind: "delete"; period: string; category: ExpenseCategory };

const DELETE_WORDS = ["delete", "remove", "удалить", "убрать"];

/**
 * `/budget [YYYY-MM]` shows the budget; `/budget [YYYY-MM] <category> <amount>` sets a line;
 * `/budget [YYYY-MM] <category> delete` removes one. The period defaults to the current month. A trailing
 * `upfront` (`заранее`) marks the line paid up front, which the budget overrun leaves out.
 */
const UP_FRONT_WORDS = ["upfront", "up-front", "заранее", "предоплата"];

export function parseBudgetArgs(args: string, currentPeriod: string): BudgetArgs | ArgError {
  const parts = tokens(args);
  let period = currentPeriod;
  let rest = parts;
  if (parts.length > 0 && (PERIOD_LIKE.test(parts[0]!) || /^\d/.test(parts[0]!))) {
    // Shown periods may be older than the range (reading history is fine); set periods may not.
    const checked = checkPeriod(parts[0]!, currentPeriod, parts.length > 1);
    if (!checked.ok) return checked;
    period = checked.period;
    rest = parts.slice(1);
  }
  if (rest.length === 0) return { ok: true, kind: "show", period };
  const category = parseExpenseCategory(rest[0]!);
  if (category === null) return { ok: false, error: "category", text: rest[0]! };
  if (rest.length < 2) return usage();
  const paidUpFront = rest.length > 2 && UP_FRONT_WORDS.includes(rest[rest.length - 1]!.toLowerCase());
  const amountText = rest.slice(1, paidUpFront ? -1 : undefined).join(" ");
  if (rest.length === 2 && DELETE_WORDS.includes(amountText.toLowerCase())) return { ok: true, kind: "delete", period, category };
  const amountKopecks = parseAmount(amountText);
  if (amountKopecks === null) return { ok: false, error: "amount", text: amountText };
  return { ok: true, kind: "set", period, category, amountKopecks, paidUpFront };
}

export type ExpenseArgs = { ok: true; amountKopecks: number; category: ExpenseCategory; note: string | null };

/**
 * `/expense <amount> <category> [note]` — the amount may be grouped with spaces or carry a currency mark
 * (`15 000 ₽ marketing leaflets`); `;` may separate the parts (`/expense 15000; marketing; leaflets`).
 */
export function parseExpenseArgs(args: string): ExpenseArgs | ArgError {
  const text = args.trim();
  if (text === "") return usage();
  let amountText: string;
  let categoryText: string;
  let note: string;
  if (text.includes(";")) {
    const [a = "", c = "", ...n] = text.split(";");
    amountText = a.trim();
    categoryText = c.trim();
    note = n.join(";").trim();
  } else {
    const parts = text.split(/\s+/);
    // The category is the first word after the amount that names one; the amount may span several words.
    const index = parts.findIndex((part, i) => i > 0 && parseExpenseCategory(part) !== null && parseAmount(parts.slice(0, i).join(" ")) !== null);
    if (index === -1) {
      const first = parts[0]!;
      if (parseAmount(first) === null) return { ok: false, error: "amount", text: first };
      return parts.length < 2 ? usage() : { ok: false, error: "category", text: parts[1]! };
    }
    amountText = parts.slice(0, index).join(" ");
    categoryText = parts[index]!;
    note = text.split(/\s+/).slice(index + 1).join(" ");
  }
  const amountKopecks = parseAmount(amountText);
  if (amountKopecks === null) return amountText === "" ? usage() : { ok: false, error: "amount", text: amountText };
  if (categoryText === "") return usage();
  const category = parseExpenseCategory(categoryText);
  if (category === null) return { ok: false, error: "category", text: categoryText };
  if ([...note].length > MAX_NOTE_CHARS) return { ok: false, error: "note-too-long" };
  return { ok: true, amountKopecks, category, note: note === "" ? null : note };
}

export type ShareArgs =
  | { ok: true; kind: "show"; period: string }
  | { ok: true; kind: "set"; period: string; username: string; shareBp: number }
  | { ok: true; kind: "clear"; period: string; username: string };

const AUTO_WORDS = ["auto", "equal", "авто", "поровну"];

/**
 * `/share [YYYY-MM]` shows the split; `/share [YYYY-MM] @user <percent>` sets a manager's part (`40%`, `40`,
 * `12.5%`); `/share [YYYY-MM] @user auto` returns them to the equal split of what explicit shares leave.
 */
export function parseShareArgs(args: string, currentPeriod: string): ShareArgs | ArgError {
  const parts = tokens(args);
  let period = currentPeriod;
  let rest = parts;
  if (parts.length > 0 && !parts[0]!.startsWith("@") && (PERIOD_LIKE.test(parts[0]!) || /^\d/.test(parts[0]!))) {
    const checked = checkPeriod(parts[0]!, currentPeriod, parts.length > 1);
    if (!checked.ok) return checked;
    period = checked.period;
    rest = parts.slice(1);
  }
  if (rest.length === 0) return { ok: true, kind: "show", period };
  if (rest.length !== 2) return usage();
  const username = rest[0]!;
  if (!/^@?[A-Za-z0-9_]{4,32}$/.test(username)) return { ok: false, error: "username", text: username };
  const name = username.replace(/^@/, "");
  const value = rest[1]!;
  if (AUTO_WORDS.includes(value.toLowerCase())) return { ok: true, kind: "clear", period, username: name };
  const shareBp = parsePercentBp(value);
  if (shareBp === null) return { ok: false, error: "share", text: value };
  return { ok: true, kind: "set", period, username: name, shareBp };
}
