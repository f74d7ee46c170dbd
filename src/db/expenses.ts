import type { Db } from "./open.js";
import { prepared } from "./statements.js";

/** A logged cost. */
export interface Expense {
  id: number;
  teamId: number;
  memberId: number | null;
  amountKopecks: number;
  category: string;
  note: string | null;
  at: number;
  /** Team-local day 'YYYY-MM-DD'; the expense counts in this day's period. */
  localDay: string;
}

interface ExpenseRow {
  id: number;
  team_id: number;
  member_id: number | null;
  amount_kopecks: number;
  category: string;
  note: string | null;
  at: number;
  local_day: string;
}

function toExpense(row: ExpenseRow): Expense {
  return {
    id: row.id,
    teamId: row.team_id,
    memberId: row.member_id,
    amountKopecks: row.amount_kopecks,
    category: row.category,
    note: row.note,
    at: row.at,
    localDay: row.local_day,
  };
}

/** Logs a cost; returns it with its id. */
export function insertExpense(db: Db, input: Omit<Expense, "id">): Expense {
  const row = prepared(db,
      `INSERT INTO expenses (team_id, member_id, amount_kopecks, category, note, at, local_day)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    )
    .get(input.teamId, input.memberId, input.amountKopecks, input.category, input.note, input.at, input.localDay) as ExpenseRow;
  return toExpense(row);
}

/** Expenses nothing voided whose local day is within [from, to], oldest first. */
export function listExpenses(db: Db, teamId: number, from: string, to: string): Expense[] {
  const rows = prepared(db, "SELECT * FROM expenses WHERE team_id = ? AND local_day BETWEEN ? AND ? AND voided_by IS NULL ORDER BY local_day, id")
    .all(teamId, from, to) as ExpenseRow[];
  return rows.map(toExpense);
}

/** The sum of one category's expenses on one local day. */
export interface ExpenseDayTotal {
  localDay: string;
  category: string;
  amountKopecks: number;
}

/**
 * Expenses within [from, to] summed per local day and category, in the order of each group's first
 * expense (so categories first appear in the same order as in listExpenses). The plan only adds
 * expenses up; summing in SQL keeps /expense and /plan from reading every row of the month into objects.
 */
export function listExpenseDayTotals(db: Db, teamId: number, from: string, to: string): ExpenseDayTotal[] {
  return prepared(
    db,
    `SELECT local_day AS localDay, category, SUM(amount_kopecks) AS amountKopecks FROM expenses
     WHERE team_id = ? AND local_day BETWEEN ? AND ? AND voided_by IS NULL GROUP BY local_day, category ORDER BY local_day, MIN(id)`,
  ).all(teamId, from, to) as ExpenseDayTotal[];
}

/** The team's expense `id`, voided or not. */
export function getExpense(db: Db, teamId: number, id: number): (Expense & { voided: boolean }) | undefined {
  const row = prepared(db, "SELECT * FROM expenses WHERE team_id = ? AND id = ?").get(teamId, id) as (ExpenseRow & { voided_by: number | null }) | undefined;
  return row && { ...toExpense(row), voided: row.voided_by !== null };
}
