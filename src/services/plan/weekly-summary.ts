/**
 * What the founder's weekly summary says, read at one moment: the month's plan figures and burn report as of
 * today and the conditions still open, each named the way the founder knows it (a segment by its name).
 */
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";
import { localDate } from "../../domain/calendar.js";
import type { BurnReport } from "../../domain/burn.js";
import type { PlanFigures } from "../../domain/plan.js";
import { periodOf } from "../../domain/period.js";
import type { OpenConditionLine, WeeklySummaryInput } from "../../reports/weekly-summary.js";
import type { Translate } from "../../shared/i18n.js";
import { loadBurnReport } from "../leads/burn-report.js";
import { loadPlanFigures } from "./figures.js";
import { kindStates, openConditionLines } from "../team/alert-controls.js";

export interface WeeklySummaryFigures {
  plan: PlanFigures;
  burn: BurnReport;
  /** The open conditions, named in a recipient's language. */
  open: (t: Translate) => OpenConditionLine[];
}

export function loadWeeklySummary(db: Db, team: Team, now: number): WeeklySummaryFigures {
  const today = localDate(now, team.timezone);
  const plan = loadPlanFigures(db, team, periodOf(today), today);
  const burn = loadBurnReport(db, team.id, { now });
  // A kind the founder turned off or muted is not brought up again in the summary either.
  const silent = new Set(kindStates(db, team.id, now).filter((state) => !state.on || state.mutedUntil !== null).map((state) => state.kind));
  const open = openConditionLines(db, team);
  return { plan, burn, open: (t) => open(t).filter((line) => !silent.has(line.kind)) };
}

/** The summary's text input for one recipient. */
export function weeklySummaryInput(figures: WeeklySummaryFigures, team: Team, t: Translate): WeeklySummaryInput {
  return { plan: figures.plan, burn: figures.burn.figures, burnThreshold: team.burnThreshold, open: figures.open(t) };
}
