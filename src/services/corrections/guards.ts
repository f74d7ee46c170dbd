/** The checks made before a deal or an expense is saved (src/domain/entry-guards.ts): what, if anything, needs a confirmation. */
import { addDays, localDate } from "../../domain/calendar.js";
import { isOutlierDeal, MEDIAN_DAYS, REPEAT_WINDOW_MS, usualCheck } from "../../domain/entry-guards.js";
import type { UsualCheck } from "../../domain/entry-guards.js";
import { periodOf } from "../../domain/period.js";
import { listBudgetLines } from "../../db/budget.js";
import { dealAmountsBetween, hasRecentDeal, hasRecentExpense } from "../../db/corrections.js";
import type { Db } from "../../db/open.js";
import { getPlan } from "../../db/plans.js";

export type DealWarning = { kind: "outlier"; usual: UsualCheck } | { kind: "repeat" };
export type ExpenseWarning = { kind: "over-budget-line"; lineKopecks: number } | { kind: "repeat" };

type Entry = { teamId: number; memberId: number; amountKopecks: number; now: number; timezone: string };

/** Why a deal should be confirmed before it is saved; empty when it need not be. */
export function dealWarnings(db: Db, entry: Entry & { companyId: number }): DealWarning[] {
  const warnings: DealWarning[] = [];
  const today = localDate(entry.now, entry.timezone);
  const plan = getPlan(db, entry.teamId, periodOf(today));
  const recent = plan ? [] : dealAmountsBetween(db, entry.teamId, addDays(today, -MEDIAN_DAYS), today);
  const usual = usualCheck(plan?.avgCheckKopecks ?? null, recent);
  if (usual && isOutlierDeal(entry.amountKopecks, usual)) warnings.push({ kind: "outlier", usual });
  if (hasRecentDeal(db, entry.teamId, entry.memberId, entry.companyId, entry.amountKopecks, entry.now - REPEAT_WINDOW_MS)) {
    warnings.push({ kind: "repeat" });
  }
  return warnings;
}

/** Why an expense should be confirmed before it is saved; empty when it need not be. */
export function expenseWarnings(db: Db, entry: Entry & { category: string }): ExpenseWarning[] {
  const warnings: ExpenseWarning[] = [];
  const period = periodOf(localDate(entry.now, entry.timezone));
  const line = listBudgetLines(db, entry.teamId, period).find((l) => l.category === entry.category);
  if (line && entry.amountKopecks > line.amountKopecks) warnings.push({ kind: "over-budget-line", lineKopecks: line.amountKopecks });
  if (hasRecentExpense(db, entry.teamId, entry.memberId, entry.category, entry.amountKopecks, entry.now - REPEAT_WINDOW_MS)) {
    warnings.push({ kind: "repeat" });
  }
  return warnings;
}
