import type { Db } from "./open.js";
import { prepared } from "./statements.js";
import type { Team } from "./teams.js";
import { listMembers } from "./members.js";
import { listBudgetLines } from "./budget.js";
import { listExpenseDayTotals } from "./expenses.js";
import { periodBounds } from "../domain/period.js";
import type { BudgetInput, PlanDeal, PlanInput, PlanManager } from "../domain/plan.js";
import { teamCalendar } from "../domain/settings.js";
import { memberName, reportName } from "../shared/format.js";

/** The founder's plan of a period: X new clients with an average check of Y kopecks. */
export interface Plan {
  period: string;
  clients: number;
  avgCheckKopecks: number;
  setBy: number | null;
  updatedAt: number;
}

/** A manager's explicit share of a period's plan, in basis points (2500 = 25%). */
export interface PlanShare {
  memberId: number;
  shareBp: number;
}

export function getPlan(db: Db, teamId: number, period: string): Plan | undefined {
  const row = prepared(db, "SELECT * FROM plans WHERE team_id = ? AND period = ?").get(teamId, period) as
    | { period: string; clients: number; avg_check_kopecks: number; set_by: number | null; updated_at: number }
    | undefined;
  return row && { period: row.period, clients: row.clients, avgCheckKopecks: row.avg_check_kopecks, setBy: row.set_by, updatedAt: row.updated_at };
}

/** Sets (or replaces) the plan of a period; returns the plan it replaced, if any. */
export function setPlan(
  db: Db,
  input: { teamId: number; period: string; clients: number; avgCheckKopecks: number; setBy: number | null },
  now: number,
): Plan | undefined {
  const previous = getPlan(db, input.teamId, input.period);
  prepared(db,
    `INSERT INTO plans (team_id, period, clients, avg_check_kopecks, set_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (team_id, period) DO UPDATE SET clients = excluded.clients, avg_check_kopecks = excluded.avg_check_kopecks,
       set_by = excluded.set_by, updated_at = excluded.updated_at`,
  ).run(input.teamId, input.period, input.clients, input.avgCheckKopecks, input.setBy, now);
  return previous;
}

export function listPlanShares(db: Db, teamId: number, period: string): PlanShare[] {
  const rows = prepared(db, "SELECT member_id, share_bp FROM plan_shares WHERE team_id = ? AND period = ? ORDER BY member_id")
    .all(teamId, period) as { member_id: number; share_bp: number }[];
  return rows.map((row) => ({ memberId: row.member_id, shareBp: row.share_bp }));
}

/** Sets a manager's explicit share of a period's plan. */
export function setPlanShare(
  db: Db,
  input: { teamId: number; period: string; memberId: number; shareBp: number; setBy: number | null },
  now: number,
): void {
  prepared(db,
    `INSERT INTO plan_shares (team_id, period, member_id, share_bp, set_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (team_id, period, member_id) DO UPDATE SET share_bp = excluded.share_bp, set_by = excluded.set_by,
       updated_at = excluded.updated_at`,
  ).run(input.teamId, input.period, input.memberId, input.shareBp, input.setBy, now);
}

/** Drops a manager's explicit share: they go back to the equal split of what is left. */
export function clearPlanShare(db: Db, teamId: number, period: string, memberId: number): boolean {
  return prepared(db, "DELETE FROM plan_shares WHERE team_id = ? AND period = ? AND member_id = ?").run(teamId, period, memberId).changes > 0;
}

/** Won deals (table `deals`, written by /deal) nothing voided whose local day is within [from, to]. */
export function listPlanDeals(db: Db, teamId: number, from: string, to: string): PlanDeal[] {
  const rows = prepared(db,
      `SELECT d.member_id, d.company_id, d.amount_kopecks, d.local_day, m.username, m.first_name, m.last_name, m.user_id
       FROM deals d LEFT JOIN members m ON m.id = d.member_id
       WHERE d.team_id = ? AND d.local_day BETWEEN ? AND ? AND d.voided_by IS NULL ORDER BY d.local_day, d.id`,
    )
    .all(teamId, from, to) as {
    member_id: number | null;
    company_id: number;
    amount_kopecks: number;
    local_day: string;
    username: string | null;
    first_name: string | null;
    last_name: string | null;
    user_id: number | null;
  }[];
  return rows.map((row) => ({
    // A deal nobody is recorded for (e.g. imported) still counts for the team; it shows as "—" per manager.
    managerId: row.member_id ?? 0,
    username: row.member_id === null ? "—" : (row.username ?? row.first_name ?? String(row.member_id)),
    ...(row.member_id === null || row.user_id === null
      ? {}
      : { name: memberName({ username: row.username, firstName: row.first_name ?? "", lastName: row.last_name ?? "", userId: row.user_id }) }),
    localDate: row.local_day,
    amountKopecks: row.amount_kopecks,
    companyId: row.company_id,
  }));
}

/** Check-ups over (answered or missed) and answered, per member id. */
export type CheckupCounts = Map<number, { due: number; answered: number }>;

/**
 * Check-ups each member had to answer in local days [from, to] (table `checkups`, 0002) and how many they
 * answered. Only check-ups that are over count — answered or missed — the same base as the lead's discipline
 * figures; one still open today is not yet due, and days away never had a check-up.
 */
export function listCheckupCounts(db: Db, teamId: number, from: string, to: string): CheckupCounts {
  const rows = prepared(db,
      `SELECT member_id, COUNT(*) AS due, SUM(status = 'answered') AS answered
       FROM checkups WHERE team_id = ? AND local_date BETWEEN ? AND ? AND status IN ('answered', 'missed')
       GROUP BY member_id`,
    )
    .all(teamId, from, to) as { member_id: number; due: number; answered: number }[];
  return new Map(rows.map((row) => [row.member_id, { due: row.due, answered: row.answered }]));
}

/**
 * Everything computePlanFigures needs for `period`, read from the database: the plan, deals and expenses of
 * the period (the domain drops those after as-of), budget lines, and the active managers with their shares
 * and check-ups up to `asOf`.
 */
export function loadPlanInput(db: Db, team: Team, period: string, asOf: string): PlanInput {
  const { from, to } = periodBounds(period);
  const budget = loadBudgetInput(db, team, period);
  const plan = getPlan(db, team.id, period);
  const shares = new Map(listPlanShares(db, team.id, period).map((share) => [share.memberId, share.shareBp]));
  const checkupTo = asOf < to ? asOf : to;
  const checkups = listCheckupCounts(db, team.id, from, checkupTo);
  const managers: PlanManager[] = listMembers(db, team.id, "manager").map((member) => {
    const shareBp = shares.get(member.id);
    const counts = checkups.get(member.id);
    return {
      id: member.id,
      username: reportName(member),
      name: memberName(member),
      ...(shareBp === undefined ? {} : { planShare: shareBp / 10_000 }),
      checkupsDue: counts?.due ?? 0,
      checkupsAnswered: counts?.answered ?? 0,
    };
  });
  return {
    ...budget,
    plan: plan ? { clients: plan.clients, avgCheckKopecks: plan.avgCheckKopecks } : null,
    deals: listPlanDeals(db, team.id, from, to),
    managers,
  };
}

/** What computeBudgetFigures needs for `period`: the team calendar, the period's expenses and budget lines. */
export function loadBudgetInput(db: Db, team: Team, period: string): BudgetInput {
  const { from, to } = periodBounds(period);
  return {
    period,
    calendar: teamCalendar(team),
    expenses: listExpenseDayTotals(db, team.id, from, to).map((e) => ({ localDate: e.localDay, category: e.category, amountKopecks: e.amountKopecks })),
    budget: listBudgetLines(db, team.id, period).map((line) => ({ category: line.category, amountKopecks: line.amountKopecks, paidUpFront: line.paidUpFront })),
  };
}
