/** /api/month: the plan report, the month day by day, costs against the budget, and the open alerts. */
import { kopecksToRoubles } from "../domain/money.js";
import { monthDays } from "../domain/dashboard.js";
import { categoryName } from "../reports/plan-report.js";
import { loadPlanReport } from "../services/plan/report.js";
import { openConditionLines } from "../services/team/alert-controls.js";
import type { ApiRequest } from "./api-types.js";
import { reportWindowOf } from "./report-window.js";

export function monthScreen({ deps, team, t, now, today, query }: ApiRequest): object {
  const window = reportWindowOf(query, today);
  const { figures, json } = loadPlanReport(deps.db, team.id, { ...window, now });
  return {
    plan: json,
    days: monthDays(figures.chart),
    costs: figures.categories.map((c) => ({
      category: c.category,
      label: categoryName(t, c.category),
      // A category with costs but no budget line has no budget, not a budget of 0.
      budget: c.budgetKopecks > 0 ? kopecksToRoubles(c.budgetKopecks) : null,
      spent: kopecksToRoubles(c.expensesKopecks),
    })),
    alerts: openConditionLines(deps.db, team)(t).map((line) => ({ kind: line.kind, since: line.since, text: t(`weekly-kind-${line.kind}`, { subject: line.subject }) })),
  };
}
