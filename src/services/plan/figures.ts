/** The plan and budget figures of a month, read from the database and computed once in domain/plan. */
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";
import { loadBudgetInput, loadPlanInput } from "../../db/plans.js";
import { computeBudgetFigures, computePlanFigures, type BudgetFigures, type PlanFigures } from "../../domain/plan.js";

/** Reads the period's data and computes every plan figure as of the local day `asOf`. */
export function loadPlanFigures(db: Db, team: Team, period: string, asOf: string): PlanFigures {
  return computePlanFigures(loadPlanInput(db, team, period, asOf), asOf);
}

/** Reads the period's budget lines and expenses and computes the budget figures as of the local day `asOf`. */
export function loadBudgetFigures(db: Db, team: Team, period: string, asOf: string): BudgetFigures {
  return computeBudgetFigures(loadBudgetInput(db, team, period), asOf);
}
