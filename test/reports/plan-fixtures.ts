/**
 * November 2026 in Moscow for the plan tests: the 1st is a Sunday, 4 November is a holiday, so the month has
 * 20 working days (2 3 5 6 | 9–13 | 16–20 | 23–27 | 30). Deals go through the lead base's real write path.
 */
import { zonedInstant } from "../../src/domain/calendar.js";
import type { Db } from "../../src/db/open.js";
import { openMigratedDatabase } from "../helpers/database.js";
import { ensureTeam, getTeam, setHolidays, type Team } from "../../src/db/teams.js";
import { upsertMember, type Member, type Role } from "../../src/db/members.js";
import { addCompany } from "../../src/services/leads/add.js";
import { recordDeal } from "../../src/services/leads/deal.js";
import { setPlan, setPlanShare } from "../../src/db/plans.js";
import { setBudgetLine } from "../../src/db/budget.js";
import { insertExpense } from "../../src/db/expenses.js";

export const TEAM_ID = 1;
export const RUB = 100;

/** Epoch ms of a Moscow wall time. */
export function msk(day: string, time = "12:00"): number {
  return zonedInstant(day, time, "Europe/Moscow").getTime();
}

export function createPlanDb(path = ":memory:"): Db {
  const db = openMigratedDatabase(path);
  ensureTeam(db, TEAM_ID, { timezone: "Europe/Moscow", locale: "ru" }, msk("2026-10-01"));
  return db;
}

export function team(db: Db): Team {
  return getTeam(db, TEAM_ID)!;
}

let nextUser = 500_000;

/** A member named by the username alone, unless a first and last name are given. */
export function addMember(db: Db, role: Role, username: string, name?: { firstName: string; lastName: string }): Member {
  const names = name ?? { firstName: username, lastName: "" };
  return upsertMember(db, { teamId: TEAM_ID, userId: nextUser++, username, ...names, role, chatId: null }, msk("2026-10-01"));
}

/** Adds (or finds) a company and records a won deal at noon of `day`. */
export function deal(db: Db, member: Member | null, company: string, amountKopecks: number, day: string): void {
  const added = addCompany(db, { teamId: TEAM_ID, name: company, segmentName: "Retail", now: msk("2026-10-01", "09:00") });
  const companyId = added.ok ? added.company.id : "company" in added ? added.company.id : -1;
  const result = recordDeal(db, { teamId: TEAM_ID, companyId, memberId: member?.id ?? null, amountKopecks, now: msk(day) });
  if (!result.ok) throw new Error(`deal not recorded: ${JSON.stringify(result)}`);
}

export function expense(db: Db, member: Member, category: string, amountKopecks: number, day: string): void {
  insertExpense(db, { teamId: TEAM_ID, memberId: member.id, amountKopecks, category, note: null, at: msk(day), localDay: day });
}

/** A check-up row of a day with its final (or open) status. */
export function checkup(db: Db, member: Member, day: string, status: "answered" | "missed" | "pending"): void {
  db.prepare(
    `INSERT INTO checkups (team_id, member_id, local_date, source, status, prompted_at, deadline_at)
     VALUES (?, ?, ?, 'schedule', ?, ?, ?)`,
  ).run(TEAM_ID, member.id, day, status, msk(day, "10:00"), msk(day, "18:00"));
}

export interface November {
  db: Db;
  founder: Member;
  lead: Member;
  ivan: Member;
  olga: Member;
  petr: Member;
}

/**
 * The month every plan test reads:
 * - plan 10 clients × 100 000 ₽ = 1 000 000 ₽; petr carries 50%, ivan and olga split the rest equally;
 * - deals: ivan 31.10 50 000 (October), ivan 02.11 120 000 (Alfa), olga Sat 07.11 80 000 (Beta),
 *   ivan 10.11 60 000,50 (Alfa again), petr 16.11 200 000 (Gamma), olga 20.11 90 000 (Delta),
 *   anna (the lead) 25.11 30 000 (Epsilon), ivan 01.12 70 000 (December);
 * - budget 750 000 ₽: salaries 600 000, marketing 100 000, tools 20 000, other 30 000;
 * - expenses: 30.10 marketing 999 (October), 01.11 salaries 300 000, 05.11 marketing 50 000, Sat 14.11 tools
 *   10 000, 21.11 marketing 40 000, 28.11 other 5 000;
 * - check-ups: ivan 02 ✓, 03 ✗, 05 ✓, 13 ✓, 16 ✓; olga 02 ✓, 03 ✓, 16 still open; petr none.
 */
export function seedNovember(db: Db = createPlanDb()): November {
  setHolidays(db, TEAM_ID, ["2026-11-04"]);
  const founder = addMember(db, "founder", "boss");
  const lead = addMember(db, "lead", "anna");
  const ivan = addMember(db, "manager", "ivan");
  const olga = addMember(db, "manager", "olga");
  const petr = addMember(db, "manager", "petr");

  setPlan(db, { teamId: TEAM_ID, period: "2026-11", clients: 10, avgCheckKopecks: 100_000 * RUB, setBy: founder.id }, msk("2026-10-30"));
  setPlanShare(db, { teamId: TEAM_ID, period: "2026-11", memberId: petr.id, shareBp: 5000, setBy: founder.id }, msk("2026-10-30"));
  for (const [category, roubles] of [["salaries", 600_000], ["marketing", 100_000], ["tools", 20_000], ["other", 30_000]] as const) {
    setBudgetLine(db, { teamId: TEAM_ID, period: "2026-11", category, amountKopecks: roubles * RUB, setBy: founder.id }, msk("2026-10-30"));
  }

  deal(db, ivan, "Ромашка", 50_000 * RUB, "2026-10-31");
  deal(db, ivan, "Альфа", 120_000 * RUB, "2026-11-02");
  deal(db, olga, "Бета", 80_000 * RUB, "2026-11-07");
  deal(db, ivan, "Альфа", 60_000 * RUB + 50, "2026-11-10");
  deal(db, petr, "Гамма", 200_000 * RUB, "2026-11-16");
  deal(db, olga, "Дельта", 90_000 * RUB, "2026-11-20");
  deal(db, lead, "Эпсилон", 30_000 * RUB, "2026-11-25");
  deal(db, ivan, "Зета", 70_000 * RUB, "2026-12-01");

  expense(db, founder, "marketing", 999 * RUB, "2026-10-30");
  expense(db, founder, "salaries", 300_000 * RUB, "2026-11-01");
  expense(db, lead, "marketing", 50_000 * RUB, "2026-11-05");
  expense(db, founder, "tools", 10_000 * RUB, "2026-11-14");
  expense(db, lead, "marketing", 40_000 * RUB, "2026-11-21");
  expense(db, founder, "other", 5_000 * RUB, "2026-11-28");

  for (const [day, status] of [["2026-11-02", "answered"], ["2026-11-03", "missed"], ["2026-11-05", "answered"], ["2026-11-13", "answered"], ["2026-11-16", "answered"]] as const) {
    checkup(db, ivan, day, status);
  }
  checkup(db, olga, "2026-11-02", "answered");
  checkup(db, olga, "2026-11-03", "answered");
  checkup(db, olga, "2026-11-16", "pending");
  return { db, founder, lead, ivan, olga, petr };
}
