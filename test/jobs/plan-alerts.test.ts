import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/shared/i18n.js";
import { createLogger } from "../../src/shared/logger.js";
import type { Db } from "../../src/db/open.js";
import { setMemberLocale } from "../../src/db/members.js";
import { setHolidays, updateTeamSetting } from "../../src/db/teams.js";
import { setPlan } from "../../src/db/plans.js";
import { addCompany } from "../../src/services/leads/add.js";
import { recordRefusal } from "../../src/services/leads/refusal.js";
import { recordDeal } from "../../src/services/leads/deal.js";
import { checkPlanAlerts, isSweetLie } from "../../src/services/plan/plan-alerts.js";
import { queueMonthlySummary } from "../../src/jobs/monthly-summary.js";
import type { JobDeps } from "../../src/jobs/job.js";
import { addMember, createPlanDb, deal, expense, msk, RUB, seedNovember, TEAM_ID } from "../reports/plan-fixtures.js";
import { planAlertsJob } from "../../src/jobs/plan-alerts.js";

const translator = createTranslator();
const logger = createLogger("silent");
const noBurn = () => null;

interface Queued {
  chatId: number;
  kind: string;
  key: string;
  text: string;
}

function outbox(db: Db): Queued[] {
  const rows = db.prepare("SELECT chat_id, kind, idempotency_key, payload FROM outbox ORDER BY id").all() as {
    chat_id: number;
    kind: string;
    idempotency_key: string;
    payload: string;
  }[];
  return rows.map((row) => ({ chatId: row.chat_id, kind: row.kind, key: row.idempotency_key, text: (JSON.parse(row.payload) as { text: string }).text }));
}

const deps = (db: Db): JobDeps => ({ db, teamId: TEAM_ID, translator, logger });

describe("checkPlanAlerts", () => {
  it("plan behind: said once when it starts, not again while it lasts, and once when it is over", () => {
    const { db, founder } = seedNovember();
    // Friday 13th: 9 of 20 days (45%), forecast 577 778,89 ₽ = 58% of 1 000 000 ₽. Budget: 360 000 > 750 000 × 0.45 × 1.1? no.
    const now = msk("2026-11-13", "15:00");
    expect(checkPlanAlerts(db, TEAM_ID, now, { burnRate: noBurn })).toEqual(["plan-behind"]);
    expect(checkPlanAlerts(db, TEAM_ID, now + 60_000, { burnRate: noBurn })).toEqual([]);
    const queued = outbox(db);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ chatId: founder.userId, kind: "alert-plan-behind", key: `alert:plan-behind:2026-11:${now}:start:${founder.userId}` });
    expect(queued[0]!.text).toContain("Отставание от плана за ноябрь 2026");
    expect(queued[0]!.text).toContain("58% плана");
    // After the cut-off and on the weekend nothing is checked; the next working morning it still holds: no repeat.
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-13", "23:59"), { burnRate: noBurn })).toEqual([]);
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-14", "12:00"), { burnRate: noBurn })).toEqual([]);
    // Monday 16th the forecast is back at 92%: above the line but within 5 points of it, so still open.
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-16", "15:00"), { burnRate: noBurn })).toEqual([]);
    // Wednesday 18th a big deal lifts it clearly past the line: the end, once.
    deal(db, founder, "Омега", 300_000 * RUB, "2026-11-18");
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-18", "15:00"), { burnRate: noBurn })).toEqual(["plan-behind"]);
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-18", "16:00"), { burnRate: noBurn })).toEqual([]);
    const [, over] = outbox(db);
    expect(outbox(db)).toHaveLength(2);
    expect(over).toMatchObject({ kind: "alert-plan-behind-over", key: `alert:plan-behind:2026-11:${now}:over:${founder.userId}` });
    expect(over!.text).toBe("✅ Отставание от плана за ноябрь 2026 позади: прогноз снова не ниже 90% плана.");
  });

  it("plan behind does not fire before pace reaches 25% or when the forecast is at 90%", () => {
    const { db } = seedNovember();
    // Friday 6th: 4 of 20 days = 20%, forecast 1 000 000 ₽ (meets plan anyway).
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-06", "15:00"), { burnRate: noBurn })).not.toContain("plan-behind");
    // Monday 16th: forecast 920 001 ₽ = 92% → not behind.
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-16", "15:00"), { burnRate: noBurn })).toEqual([]);
  });

  it("budget overrun: expenses > budget × pace × 1.1, said once while it lasts", () => {
    const db = createPlanDb();
    setHolidays(db, TEAM_ID, ["2026-11-04"]);
    const founder = addMember(db, "founder", "boss");
    db.prepare("INSERT INTO budget_lines (team_id, period, category, amount_kopecks, updated_at) VALUES (1, '2026-11', 'marketing', ?, 0)").run(
      200_000 * RUB,
    );
    // Monday 16th, pace 0.5: limit 200 000 × 0.5 × 1.1 = 110 000 ₽.
    expense(db, founder, "marketing", 110_000 * RUB, "2026-11-10");
    const now = msk("2026-11-16", "12:00");
    expect(checkPlanAlerts(db, TEAM_ID, now, { burnRate: noBurn })).toEqual([]);
    expense(db, founder, "marketing", 1, "2026-11-16");
    expect(checkPlanAlerts(db, TEAM_ID, now, { burnRate: noBurn })).toEqual(["budget-overrun"]);
    expect(checkPlanAlerts(db, TEAM_ID, now + 1000, { burnRate: noBurn })).toEqual([]);
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-17", "12:00"), { burnRate: noBurn })).toEqual([]);
    const [alert] = outbox(db);
    expect(outbox(db)).toHaveLength(1);
    expect(alert).toMatchObject({ kind: "alert-budget-overrun", key: `alert:budget-overrun:2026-11:${now}:start:${founder.userId}` });
    expect(alert!.text).toContain("Перерасход бюджета за ноябрь 2026");
    expect(alert!.text).toContain("Потрачено 110\u00a0000\u00a0₽ при бюджете 200\u00a0000\u00a0₽");
    expect(alert!.text).toContain("допустимо до 110\u00a0000\u00a0₽");
  });

  it("sweet lie: forecast ≥ plan while burn ≥ threshold, only then", () => {
    expect(isSweetLie(true, 0.3, 0.3)).toBe(true);
    expect(isSweetLie(true, 0.2999, 0.3)).toBe(false);
    expect(isSweetLie(false, 0.9, 0.3)).toBe(false);
    expect(isSweetLie(true, null, 0.3)).toBe(false);

    const { db } = seedNovember();
    db.prepare("DELETE FROM budget_lines").run(); // salaries paid on the 1st would also be an overrun here
    // Tuesday 3rd: 2 days elapsed, forecast 1 200 000 ₽ ≥ plan.
    const now = msk("2026-11-03", "12:00");
    expect(checkPlanAlerts(db, TEAM_ID, now, { burnRate: () => 0.29 })).toEqual([]);
    expect(checkPlanAlerts(db, TEAM_ID, now, { burnRate: () => 0.3 })).toEqual(["sweet-lie"]);
    expect(checkPlanAlerts(db, TEAM_ID, now, { burnRate: () => 0.5 })).toEqual([]);
    const [alert] = outbox(db);
    expect(alert!.kind).toBe("alert-sweet-lie");
    expect(alert!.text).toContain("«Сладкая ложь» за ноябрь 2026");
    expect(alert!.text).toContain("30% контактов сгорели (порог 30%)");
  });

  it("sweet lie from the real burn counters: a deal meets the plan, a lost-for-good refusal burns half the contacts", () => {
    const db = createPlanDb();
    const founder = addMember(db, "founder", "boss");
    const ivan = addMember(db, "manager", "ivan");
    setPlan(db, { teamId: TEAM_ID, period: "2026-11", clients: 2, avgCheckKopecks: 100_000 * RUB, setBy: founder.id }, msk("2026-11-01"));
    for (const name of ["Омега", "Сигма", "Тау", "Каппа"]) addCompany(db, { teamId: TEAM_ID, name, segmentName: "Retail", now: msk("2026-10-01") });
    deal(db, ivan, "Альфа", 200_000 * RUB, "2026-11-02");
    const omega = db.prepare("SELECT id FROM companies WHERE name = 'Омега'").pluck().get() as number;
    const refusal = recordRefusal(db, { teamId: TEAM_ID, companyId: omega, memberId: ivan.id, reason: "price", lostForGood: true, now: msk("2026-11-02", "15:00") });
    expect(refusal.ok).toBe(true);
    // Two contacts are too few to judge the burn by default; the team can lower the minimum.
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-02", "16:00"))).toEqual([]);
    updateTeamSetting(db, TEAM_ID, "minContacted", 2);
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-02", "16:00"))).toEqual(["sweet-lie"]);
    expect(outbox(db)[0]!.text).toContain("50% контактов сгорели");
  });

  it("runs inside the deal's own transaction (how the /deal path calls it)", () => {
    const db = createPlanDb();
    const founder = addMember(db, "founder", "boss");
    const ivan = addMember(db, "manager", "ivan");
    setPlan(db, { teamId: TEAM_ID, period: "2026-11", clients: 10, avgCheckKopecks: 100_000 * RUB, setBy: founder.id }, msk("2026-11-01"));
    const added = addCompany(db, { teamId: TEAM_ID, name: "Альфа", segmentName: "Retail", now: msk("2026-10-01") });
    if (!added.ok) throw new Error("company not added");
    // Monday 9th: 5 of 20 days, a 1 000 ₽ deal → forecast 4 000 ₽, far behind.
    const now = msk("2026-11-09", "12:00");
    let queued: string[] = [];
    const result = recordDeal(
      db,
      { teamId: TEAM_ID, companyId: added.company.id, memberId: ivan.id, amountKopecks: 1_000 * RUB, now },
      { inTransaction: (deal, tx) => void (queued = deal.ok ? checkPlanAlerts(tx, TEAM_ID, now, { translator }) : []) },
    );
    expect(result.ok).toBe(true);
    expect(queued).toEqual(["plan-behind"]);
    expect(outbox(db).map((q) => q.kind)).toEqual(["alert-plan-behind"]);
  });

  it("goes to the alert chat when one is set, in the founder's language in private", () => {
    const { db, founder } = seedNovember();
    setMemberLocale(db, founder.id, "en");
    checkPlanAlerts(db, TEAM_ID, msk("2026-11-13", "15:00"), { burnRate: noBurn });
    expect(outbox(db)[0]!.text).toContain("Behind plan for November 2026");
    const second = seedNovember();
    updateTeamSetting(second.db, TEAM_ID, "alertChatId", -100_777);
    checkPlanAlerts(second.db, TEAM_ID, msk("2026-11-13", "16:00"), { burnRate: noBurn });
    const group = outbox(second.db)[0]!;
    expect(group.chatId).toBe(-100_777);
    expect(group.text).toContain("Отставание от плана"); // a group reads the team language
  });

  it("without a plan or budget nothing fires", () => {
    const db = createPlanDb();
    const founder = addMember(db, "founder", "boss");
    expense(db, founder, "tools", 5_000 * RUB, "2026-11-10");
    expect(checkPlanAlerts(db, TEAM_ID, msk("2026-11-20"), { burnRate: () => 1 })).toEqual([]);
    expect(outbox(db)).toEqual([]);
  });
});

describe("planAlertsJob", () => {
  it("checks once a working day, at or after the check-up time", async () => {
    const { db } = seedNovember();
    // Thursday 12th: 8 of 20 days, forecast 650 001,25 ₽ = 65% of plan; 350 000 ₽ spent > 750 000 × 0.4 × 1.1.
    await planAlertsJob.run(deps(db), msk("2026-11-12", "09:59"));
    expect(outbox(db)).toHaveLength(0);
    await planAlertsJob.run(deps(db), msk("2026-11-12", "10:00"));
    expect(outbox(db).map((q) => q.kind)).toEqual(["alert-plan-behind", "alert-budget-overrun"]);
    // Later the same day the job does not look again (a deal or expense would).
    db.prepare("DELETE FROM outbox").run();
    await planAlertsJob.run(deps(db), msk("2026-11-12", "17:00"));
    expect(outbox(db)).toHaveLength(0);
    // The next working day the plan is still behind (said already: nothing new); the budget is back within
    // its limit (360 000 ≤ 750 000 × 0.45 × 1.1), which closes without a word.
    await planAlertsJob.run(deps(db), msk("2026-11-13", "10:05"));
    expect(outbox(db)).toHaveLength(0);
    expect(db.prepare("SELECT kind FROM alert_conditions ORDER BY kind").pluck().all()).toEqual(["plan-behind"]);
    // Saturday and Sunday: no daily check.
    db.prepare("DELETE FROM outbox").run();
    await planAlertsJob.run(deps(db), msk("2026-11-14", "10:05"));
    await planAlertsJob.run(deps(db), msk("2026-11-15", "10:05"));
    expect(outbox(db)).toHaveLength(0);
  });
});

describe("monthly summary", () => {
  it("on the first working day of the month, after the check-up time, once", () => {
    const { db, founder } = seedNovember();
    // 1 December 2026 is a Tuesday.
    expect(queueMonthlySummary(deps(db), msk("2026-12-01", "09:30"), noBurn)).toBeNull();
    expect(queueMonthlySummary(deps(db), msk("2026-12-01", "10:00"), () => 0.125)).toBe("2026-11");
    expect(queueMonthlySummary(deps(db), msk("2026-12-01", "10:01"), noBurn)).toBeNull();
    expect(queueMonthlySummary(deps(db), msk("2026-12-02", "10:00"), noBurn)).toBeNull();
    const [summary] = outbox(db);
    expect(summary).toMatchObject({ chatId: founder.userId, kind: "monthly-summary", key: `summary:monthly:2026-11:${founder.userId}` });
    expect(summary!.text).toContain("Итоги за ноябрь 2026");
    expect(summary!.text).toContain("(58%), клиентов 5 из 10");
    expect(summary!.text).toContain("Выжигание базы: 13% (порог 30%)");
  });

  it("skips weekends and holidays to the first working day; a late start still sends it", () => {
    const { db } = seedNovember();
    setHolidays(db, TEAM_ID, ["2026-11-04", "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"]);
    // November: Sunday 1st is not a working day; Monday 2nd is — October is summarized.
    expect(queueMonthlySummary(deps(db), msk("2026-11-01", "12:00"), noBurn)).toBeNull();
    expect(queueMonthlySummary(deps(db), msk("2026-11-02", "11:00"), noBurn)).toBe("2026-10");
    // January 2027: the first working day is Monday 11th.
    expect(queueMonthlySummary(deps(db), msk("2027-01-05", "12:00"), noBurn)).toBeNull();
    // The bot was down on the 11th: the summary goes out on the 12th.
    expect(queueMonthlySummary(deps(db), msk("2027-01-12", "08:00"), noBurn)).toBe("2026-12");
    expect(outbox(db).map((q) => q.key.split(":")[2])).toEqual(["2026-10", "2026-12"]);
  });

  it("an empty month sends nothing", () => {
    const db = createPlanDb();
    addMember(db, "founder", "boss");
    expect(queueMonthlySummary(deps(db), msk("2026-12-01", "12:00"), noBurn)).toBeNull();
    expect(outbox(db)).toEqual([]);
  });
});
