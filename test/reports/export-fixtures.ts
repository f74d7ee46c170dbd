/**
 * A small November 2026 in Moscow for the export tests, written in time order through the real write paths
 * (tasks, the lead base, plan and budget); check-ups are inserted as the check-up job leaves them.
 *
 * In November (the 4th is a holiday): tasks 2 (#2 ivan, still new, due 06.11 → overdue; #3 olga, accepted
 * 12.11), check-ups 4 (ivan 02 ✓, 03 ✗, 05 ✓ with an answer on #2; olga 02 ✓), refusals 3 (Омега price → burned,
 * Сигма need → lost for good, Тау timing → handled), deals 3 (Альфа 120 000, Бета 80 000, Гамма 200 000,50),
 * expenses 2 (marketing 50 000, tools 10 000 "CRM"), budget lines 2, managers 2, segments 2 (Retail 5 companies, Металл 12).
 * Outside it: a task accepted in October, a task created in December, an October refusal, deal and expense,
 * and a December deal.
 */
import type { Db } from "../../src/db/open.js";
import type { Member } from "../../src/db/members.js";
import { setHolidays } from "../../src/db/teams.js";
import { changeTaskState, createTask } from "../../src/db/tasks.js";
import { insertAnswer } from "../../src/db/checkups.js";
import { setPlan } from "../../src/db/plans.js";
import { setBudgetLine } from "../../src/db/budget.js";
import { insertExpense } from "../../src/db/expenses.js";
import { addCompany } from "../../src/services/leads/add.js";
import { recordDeal } from "../../src/services/leads/deal.js";
import { recordRefusal } from "../../src/services/leads/refusal.js";
import { recordHandled } from "../../src/services/leads/handled.js";
import type { RefusalReason } from "../../src/domain/company-state.js";
import { addMember, msk, RUB, TEAM_ID } from "./plan-fixtures.js";

export { createPlanDb, msk, TEAM_ID } from "./plan-fixtures.js";

/** Export moment of the tests: Thursday 3 December 2026, 12:00 in Moscow (November is over). */
export const EXPORT_NOW = msk("2026-12-03", "12:00");

export const NOVEMBER_COUNTS = { tasks: 2, checkups: 4, refusals: 3, deals: 3, expenses: 2, corrections: 0 };

export interface ExportSeed {
  founder: Member;
  lead: Member;
  ivan: Member;
  olga: Member;
  /** ids of the November tasks */
  overdueTaskId: number;
  acceptedTaskId: number;
}

function company(db: Db, name: string, segment: string): number {
  const added = addCompany(db, { teamId: TEAM_ID, name, segmentName: segment, now: msk("2026-10-01", "09:00") });
  if (added.ok) return added.company.id;
  if ("company" in added) return added.company.id;
  throw new Error(`company ${name} not added`);
}

function deal(db: Db, member: Member, companyId: number, kopecks: number, day: string): void {
  const result = recordDeal(db, { teamId: TEAM_ID, companyId, memberId: member.id, amountKopecks: kopecks, now: msk(day, "15:30") });
  if (!result.ok) throw new Error(`deal not recorded: ${JSON.stringify(result)}`);
}

function refusal(db: Db, member: Member, companyId: number, reason: RefusalReason, day: string, lostForGood = false, comment: string | null = null): void {
  const result = recordRefusal(db, { teamId: TEAM_ID, companyId, memberId: member.id, reason, lostForGood, comment, now: msk(day, "12:00") });
  if (!result.ok) throw new Error(`refusal not recorded: ${JSON.stringify(result)}`);
}

function checkup(db: Db, member: Member, day: string, status: "answered" | "missed", numbers?: [number, number, number], note?: string): number {
  const row = db
    .prepare(
      `INSERT INTO checkups (team_id, member_id, local_date, source, status, prompted_at, deadline_at, answered_at, missed_at, calls, meetings, proposals, note, note_given)
       VALUES (?, ?, ?, 'schedule', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      TEAM_ID,
      member.id,
      day,
      status,
      msk(day, "10:00"),
      msk(day, "18:00"),
      status === "answered" ? msk(day, "11:15") : null,
      status === "missed" ? msk(day, "18:00") : null,
      numbers?.[0] ?? null,
      numbers?.[1] ?? null,
      numbers?.[2] ?? null,
      note ?? null,
      note === undefined ? 0 : 1,
    ) as { id: number };
  return row.id;
}

/** Seeds the month described above into a migrated database with team 1. */
export function seedExportMonth(db: Db): ExportSeed {
  setHolidays(db, TEAM_ID, ["2026-11-04"]);
  const founder = addMember(db, "founder", "boss");
  const lead = addMember(db, "lead", "anna");
  const ivan = addMember(db, "manager", "ivan", { firstName: "Иван", lastName: "Петров" });
  const olga = addMember(db, "manager", "olga");
  const [alfa, beta, gamma, romashka, zeta] = ["Альфа", "Бета", "Гамма", "Ромашка", "Зета"].map((name) => company(db, name, "Retail")) as [number, number, number, number, number];
  const [omega, sigma, tau, upsilon] = ["Омега", "Сигма", "Тау", "Ипсилон"].map((name) => company(db, name, "Металл")) as [number, number, number, number];
  // Fresh companies keep the segment's burned share below the pause threshold.
  for (let n = 1; n <= 8; n++) company(db, `Металлург ${n}`, "Металл");

  const old = createTask(db, { teamId: TEAM_ID, assigneeId: ivan.id, authorId: lead.id, text: "Октябрьская задача", dueDate: null }, msk("2026-10-20"));
  changeTaskState(db, old, "new", "done", { actorId: ivan.id }, msk("2026-10-24"));
  changeTaskState(db, old, "done", "accepted", { actorId: lead.id }, msk("2026-10-25"));
  refusal(db, ivan, upsilon, "other", "2026-10-20");
  const overdue = createTask(db, { teamId: TEAM_ID, assigneeId: ivan.id, authorId: lead.id, text: "Позвонить в Альфу", dueDate: "2026-11-06" }, msk("2026-10-28", "09:30"));
  insertExpense(db, { teamId: TEAM_ID, memberId: founder.id, amountKopecks: 999 * RUB, category: "marketing", note: null, at: msk("2026-10-30"), localDay: "2026-10-30" });
  setPlan(db, { teamId: TEAM_ID, period: "2026-11", clients: 10, avgCheckKopecks: 100_000 * RUB, setBy: founder.id }, msk("2026-10-30"));
  setBudgetLine(db, { teamId: TEAM_ID, period: "2026-11", category: "marketing", amountKopecks: 100_000 * RUB, setBy: founder.id }, msk("2026-10-30"));
  setBudgetLine(db, { teamId: TEAM_ID, period: "2026-11", category: "tools", amountKopecks: 20_000 * RUB, setBy: founder.id }, msk("2026-10-30"));
  deal(db, ivan, romashka, 50_000 * RUB, "2026-10-31");

  deal(db, ivan, alfa, 120_000 * RUB, "2026-11-02");
  checkup(db, ivan, "2026-11-02", "answered", [12, 3, 1], "Альфа подписала");
  checkup(db, olga, "2026-11-02", "answered", [8, 1, 0]);
  const accepted = createTask(db, { teamId: TEAM_ID, assigneeId: olga.id, authorId: lead.id, text: "КП для Беты", dueDate: "2026-11-20" }, msk("2026-11-03", "10:00"));
  checkup(db, ivan, "2026-11-03", "missed");
  insertExpense(db, { teamId: TEAM_ID, memberId: lead.id, amountKopecks: 50_000 * RUB, category: "marketing", note: null, at: msk("2026-11-05", "16:00"), localDay: "2026-11-05" });
  const answered = checkup(db, ivan, "2026-11-05", "answered", [10, 2, 2]);
  insertAnswer(db, TEAM_ID, { checkupId: answered, taskId: overdue.id, answer: "not_started", stateBefore: "new", answeredAt: msk("2026-11-05", "11:10") });
  deal(db, olga, beta, 80_000 * RUB, "2026-11-07");
  refusal(db, ivan, omega, "price", "2026-11-09", false, "Дорого, вернуться весной");
  refusal(db, olga, sigma, "need", "2026-11-10", true);
  changeTaskState(db, accepted, "new", "done", { actorId: olga.id }, msk("2026-11-10", "17:00"));
  refusal(db, ivan, tau, "timing", "2026-11-11");
  const handled = recordHandled(db, { teamId: TEAM_ID, companyId: tau, memberId: ivan.id, now: msk("2026-11-12", "10:00") });
  if (!handled.ok) throw new Error("not handled");
  changeTaskState(db, accepted, "done", "accepted", { actorId: lead.id }, msk("2026-11-12", "11:00"));
  deal(db, ivan, gamma, 200_000 * RUB + 50, "2026-11-16");
  insertExpense(db, { teamId: TEAM_ID, memberId: founder.id, amountKopecks: 10_000 * RUB, category: "tools", note: "CRM", at: msk("2026-11-16", "13:00"), localDay: "2026-11-16" });

  deal(db, ivan, zeta, 70_000 * RUB, "2026-12-01");
  createTask(db, { teamId: TEAM_ID, assigneeId: olga.id, authorId: lead.id, text: "Декабрьская задача", dueDate: null }, msk("2026-12-02"));
  return { founder, lead, ivan, olga, overdueTaskId: overdue.id, acceptedTaskId: accepted.id };
}
