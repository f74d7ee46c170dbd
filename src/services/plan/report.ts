/** The plan JSON report (docs/figures.md): what `npm run report -- plan --json` prints and the Mini App shows. */
import { localDate } from "../../domain/calendar.js";
import { periodOf } from "../../domain/period.js";
import { getTeam } from "../../db/teams.js";
import type { Db } from "../../db/open.js";
import type { PlanFigures } from "../../domain/plan.js";
import { planReportJson, type PlanReportJson } from "../../reports/plan-report.js";
import { resolveAsOf } from "../leads/burn-report.js";
import { loadPlanFigures } from "./figures.js";

export type PlanReportOptions = { period?: string; asOf?: string; now: number };

/**
 * The plan JSON of a period (default: the as-of day's month, else the current month in the team time zone) as of a day (default: today
 * for the current or a future month, the last day for a past one; never after today — the same rule as burn).
 */
export function planReport(db: Db, teamId: number, options: PlanReportOptions): PlanReportJson {
  return loadPlanReport(db, teamId, options).json;
}

/** The plan figures behind the JSON report too, for callers that show more of them (the Mini App's month). */
export function loadPlanReport(db: Db, teamId: number, options: PlanReportOptions): { figures: PlanFigures; json: PlanReportJson } {
  const team = getTeam(db, teamId);
  if (!team) throw new Error(`team ${teamId} does not exist`);
  const today = localDate(options.now, team.timezone);
  const period = options.period ?? periodOf(options.asOf ?? today);
  const asOf = resolveAsOf(period, today, options.asOf);
  const figures = loadPlanFigures(db, team, period, asOf);
  return { figures, json: planReportJson(figures) };
}
