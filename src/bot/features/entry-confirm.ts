/**
 * A deal or an expense that looks like a slip (src/services/corrections/guards.ts) is kept, unsaved, until its
 * sender presses [Yes, save it]; one per person — a newer one replaces it, and without the press nothing is written.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { DealWarning, ExpenseWarning } from "../../services/corrections/index.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { createKvStore } from "../../db/kv.js";
import { dropHeldButton, saveHeldButton } from "./correction-buttons.js";
import type { Db } from "../../db/open.js";
import { OUTLIER_FACTOR } from "../../domain/entry-guards.js";
import { formatMoney } from "../../shared/format.js";
import { categoryName } from "../../reports/plan-report.js";
import type { Locale, Translate } from "../../shared/i18n.js";

/** What waits for the confirmation. */
export type HeldEntry =
  | { kind: "deal"; companyId: number; amountKopecks: number }
  | { kind: "expense"; amountKopecks: number; category: string; note: string | null };
export type PendingEntry = HeldEntry & { nonce: string };

/** How long a confirmation button stays good. */
export const CONFIRM_MS = 60 * 60_000;

export const pendingKey = (teamId: number, memberId: number) => `entry-confirm:${teamId}:${memberId}`;

type Stored = PendingEntry & { at: number };

/** Keeps the entry and returns the buttons that save or drop it. */
export function holdEntry(db: Db, teamId: number, memberId: number, entry: HeldEntry, now: number, t: Translate): InlineKeyboardMarkup {
  const nonce = now.toString(36);
  createKvStore(db).write(pendingKey(teamId, memberId), { ...entry, nonce, at: now } as Stored, now);
  return keyboard([[button(t("guard-confirm"), saveHeldButton.pack({ nonce })), button(t("guard-cancel"), dropHeldButton.pack({ nonce }))]]);
}

/** Takes the entry behind a button (it is gone afterwards); undefined when the button is stale. */
export function takeEntry(db: Db, teamId: number, memberId: number, nonce: string, now: number): PendingEntry | undefined {
  const store = createKvStore(db);
  const stored = store.read<Stored>(pendingKey(teamId, memberId));
  if (!stored || stored.nonce !== nonce) return undefined;
  store.delete(pendingKey(teamId, memberId));
  return now - stored.at <= CONFIRM_MS ? stored : undefined;
}

type Format = { t: Translate; locale: Locale; currency: string };

/** Why the deal waits, one line per reason, then "nothing saved yet". */
export function dealWarningText(warnings: DealWarning[], deal: { company: string; amountKopecks: number }, format: Format): string {
  const money = (kopecks: number) => formatMoney(kopecks, format.locale, format.currency);
  const lines = warnings.map((warning) =>
    warning.kind === "outlier"
      ? format.t("guard-deal-outlier", {
          company: deal.company,
          amount: money(deal.amountKopecks),
          factor: OUTLIER_FACTOR,
          basis: format.t(`guard-basis-${warning.usual.basis}`),
          usual: money(warning.usual.kopecks),
        })
      : format.t("guard-deal-repeat", { company: deal.company, amount: money(deal.amountKopecks) }),
  );
  return [...lines, format.t("guard-not-saved")].join("\n");
}

/** Why the expense waits, one line per reason, then "nothing saved yet". */
export function expenseWarningText(warnings: ExpenseWarning[], expense: { category: string; amountKopecks: number }, format: Format): string {
  const money = (kopecks: number) => formatMoney(kopecks, format.locale, format.currency);
  const category = categoryName(format.t, expense.category);
  const lines = warnings.map((warning) =>
    warning.kind === "over-budget-line"
      ? format.t("guard-expense-over-line", { amount: money(expense.amountKopecks), category, line: money(warning.lineKopecks) })
      : format.t("guard-expense-repeat", { amount: money(expense.amountKopecks), category }),
  );
  return [...lines, format.t("guard-not-saved")].join("\n");
}
