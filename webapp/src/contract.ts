/** The JSON the server answers under /api (docs/mini-app.md); the page only reads it. */

export type Role = "founder" | "lead" | "manager";
export type Locale = "ru" | "en";

export type Me = { memberId: number; name: string; role: Role; locale: Locale; period: string; asOf: string };

export type PlanReport = {
  period: string;
  asOf: string;
  planClients: number | null;
  planRevenue: number | null;
  wonClients: number;
  revenue: number;
  workingDaysTotal: number;
  workingDaysElapsed: number;
  pace: number;
  forecastRevenue: number;
  forecastClients: number;
  requiredDailyRevenue: number | null;
  budget: number;
  expenses: number;
  costPerClient: number | null;
  managers: { username: string; wonClients: number; revenue: number; checkinRate: number | null }[];
};

export type MonthDay = { date: string; plan: number | null; fact: number | null; forecast: number | null };
export type CostLine = { category: string; label: string; budget: number | null; spent: number };
export type OpenAlert = { kind: string; since: string; text: string };
export type Month = { plan: PlanReport; days: MonthDay[]; costs: CostLine[]; alerts: OpenAlert[] };

export type SegmentBurn = {
  name: string;
  size: number;
  fresh: number;
  coolingNow: number;
  lost: number;
  closed: number;
  won: number;
  burnedShare: number;
  paused: boolean;
  weeksToExhaust: number | null;
};

export type BurnReport = {
  period: { from: string; to: string };
  asOf: string;
  contacted: number;
  refused: number;
  handled: number;
  burned: number;
  lost: number;
  closed: number;
  coolingNow: number;
  refusalRate: number;
  burnRate: number;
  segments: SegmentBurn[];
};

export type Base = { burn: BurnReport; threshold: number; weeks: { from: string; to: string; burnRate: number | null }[] };
export type Cooling = { segment: string; companies: { name: string; opensOn: string }[] };

export type ManagerRow = {
  memberId: number;
  name: string;
  username: string | null;
  planShare: number | null;
  revenue: number;
  wonClients: number;
  touches: number;
  refusals: number;
  burned: number;
  checkinRate: number | null;
  overdueTasks: number;
  stalledTasks: number;
};
export type Team = { managers: ManagerRow[] };

export type TaskState = "open" | "overdue" | "stalled" | "done";
export type Tasks = { memberId: number; tasks: { id: number; title: string; due: string | null; state: TaskState }[] };

export type WhatIf = {
  averageCheck: number;
  conversion: number;
  defaults: { averageCheck: number | null; conversion: number | null };
  remainingRevenue: number;
  remainingWorkingDays: number;
  clientsNeeded: number;
  clientsPerDay: number;
  touchesPerDay: number;
  segments: { name: string; fresh: number; weeksOfFreshBase: number | null }[];
};
