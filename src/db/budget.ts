import type { Db } from "./open.js";
import { prepared } from "./statements.js";

/** A budget line: what the founder plans to spend on one category in one period, in kopecks. */
export interface BudgetLine {
  period: string;
  category: string;
  amountKopecks: number;
  /** Paid at once (salaries on the 1st): the budget overrun leaves it out. */
  paidUpFront: boolean;
}

/** Sets (or replaces, with its up-front mark) the budget line of a category; returns the amount it had before, if any. */
export function setBudgetLine(
  db: Db,
  input: { teamId: number; period: string; category: string; amountKopecks: number; setBy: number | null; paidUpFront?: boolean },
  now: number,
): number | null {
  const previous = prepared(db, "SELECT amount_kopecks FROM budget_lines WHERE team_id = ? AND period = ? AND category = ?")
    .pluck()
    .get(input.teamId, input.period, input.category) as number | undefined;
  prepared(db,
    `INSERT INTO budget_lines (team_id, period, category, amount_kopecks, set_by, updated_at, paid_up_front) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (team_id, period, category) DO UPDATE SET amount_kopecks = excluded.amount_kopecks,
       set_by = excluded.set_by, updated_at = excluded.updated_at, paid_up_front = excluded.paid_up_front`,
  ).run(input.teamId, input.period, input.category, input.amountKopecks, input.setBy, now, input.paidUpFront ? 1 : 0);
  return previous ?? null;
}

/** Removes a budget line; returns whether there was one. */
export function deleteBudgetLine(db: Db, teamId: number, period: string, category: string): boolean {
  return prepared(db, "DELETE FROM budget_lines WHERE team_id = ? AND period = ? AND category = ?").run(teamId, period, category).changes > 0;
}

/** The budget lines of a period, in category order of insertion. */
export function listBudgetLines(db: Db, teamId: number, period: string): BudgetLine[] {
  const rows = prepared(db, "SELECT period, category, amount_kopecks, paid_up_front FROM budget_lines WHERE team_id = ? AND period = ? ORDER BY rowid")
    .all(teamId, period) as { period: string; category: string; amount_kopecks: number; paid_up_front: number }[];
  return rows.map((row) => ({ period: row.period, category: row.category, amountKopecks: row.amount_kopecks, paidUpFront: row.paid_up_front === 1 }));
}
