import { describe, expect, it } from "vitest";
import { budgetLimitKopecks, computeBudgetFigures, type BudgetInput } from "../../src/domain/plan.js";

const RUB = 100;
const input = (salariesUpFront: boolean): BudgetInput => ({
  period: "2026-11",
  calendar: { timezone: "Europe/Moscow", workingDays: [1, 2, 3, 4, 5], holidays: ["2026-11-04"] },
  expenses: [
    { localDate: "2026-11-02", category: "salaries", amountKopecks: 600_000 * RUB },
    { localDate: "2026-11-05", category: "marketing", amountKopecks: 20_000 * RUB },
  ],
  budget: [
    { category: "salaries", amountKopecks: 600_000 * RUB, paidUpFront: salariesUpFront },
    { category: "marketing", amountKopecks: 100_000 * RUB },
  ],
});

describe("budget lines paid up front", () => {
  it("salaries paid on the 1st make an overrun only when their line is not marked paid up front", () => {
    // Thursday 5th: 3 of 20 working days. All lines: 620 000 ₽ spent against 700 000 × 0.15 × 1.1 = 115 500 ₽.
    expect(computeBudgetFigures(input(false), "2026-11-05").alerts.budgetOverrun).toBe(true);
    const marked = computeBudgetFigures(input(true), "2026-11-05");
    // Marketing alone: 20 000 ₽ against 100 000 × 0.15 × 1.1 = 16 500 ₽ — still an overrun, of the paced lines.
    expect(marked.paced).toEqual({ budgetKopecks: 100_000 * RUB, expensesKopecks: 20_000 * RUB, upFront: ["salaries"] });
    expect(budgetLimitKopecks(marked)).toBe(16_500 * RUB);
    expect(marked.alerts.budgetOverrun).toBe(true);
    // The totals still show every line.
    expect(marked).toMatchObject({ budgetKopecks: 700_000 * RUB, expensesKopecks: 620_000 * RUB });
    // Monday 9th: 5 of 20 days, limit 27 500 ₽: no overrun with salaries left out.
    expect(computeBudgetFigures(input(true), "2026-11-09").alerts.budgetOverrun).toBe(false);
    expect(computeBudgetFigures(input(false), "2026-11-09").alerts.budgetOverrun).toBe(true);
  });

  it("with every line paid up front there is nothing to pace and no overrun", () => {
    const all = input(true);
    all.budget = [{ category: "salaries", amountKopecks: 600_000 * RUB, paidUpFront: true }];
    expect(computeBudgetFigures(all, "2026-11-02").alerts.budgetOverrun).toBe(false);
  });
});
