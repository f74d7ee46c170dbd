/** Amendments of a deal's amount and day, and what a correction refuses (nothing is written then). */
import { describe, expect, it } from "vitest";
import { amendRecord, undoableRecord, voidRecord } from "../../../src/services/corrections/index.js";
import { importBase, recordDeal } from "../../../src/services/leads/index.js";
import { insertExpense } from "../../../src/db/expenses.js";
import { at, companyId, createBaseDb, TEAM } from "../leads/helpers.js";

function setUp() {
  const db = createBaseDb();
  importBase(db, TEAM, "company;segment\nГранит;Опт\nРомашка;Опт", at("2026-11-01", "09:00"));
  const deal = recordDeal(db, { teamId: TEAM, companyId: companyId(db, "Гранит"), now: at("2026-11-10", "13:00"), amountKopecks: 15_000_000 });
  if (!deal.ok) throw new Error("deal not recorded");
  return { db, eventId: deal.eventId };
}

const input = (recordId: number, now = at("2026-11-20")) => ({ teamId: TEAM, record: "event" as const, recordId, memberId: null, now, via: "edit" as const });
const liveDeals = (db: ReturnType<typeof createBaseDb>) =>
  db.prepare("SELECT company_id, amount_kopecks, local_day FROM deals WHERE voided_by IS NULL").all() as { company_id: number; amount_kopecks: number; local_day: string }[];

describe("amending a deal", () => {
  it("writes a new deal with the changed amount, company and day at the same hour; the old one stays, voided", () => {
    const { db, eventId } = setUp();
    const result = amendRecord(db, input(eventId), { amountKopecks: 150_000, companyId: companyId(db, "Ромашка"), day: "2026-11-12" });
    expect(result).toMatchObject({ ok: true, before: { companyName: "Гранит", amountKopecks: 15_000_000 }, after: { companyName: "Ромашка", amountKopecks: 150_000, localDay: "2026-11-12" } });
    expect(liveDeals(db)).toEqual([{ company_id: companyId(db, "Ромашка"), amount_kopecks: 150_000, local_day: "2026-11-12" }]);
    expect(db.prepare("SELECT COUNT(*) FROM deals").pluck().get()).toBe(2);
    // The first company was never contacted after all; the second became a client.
    expect(db.prepare("SELECT name, won_at IS NOT NULL AS won FROM companies ORDER BY name").all()).toEqual([
      { name: "Гранит", won: 0 },
      { name: "Ромашка", won: 1 },
    ]);
  });

  it("refuses a day outside the record's month or after today, an amount of zero, an unchanged value, and a second correction of the same record", () => {
    const { db, eventId } = setUp();
    expect(amendRecord(db, input(eventId), { day: "2026-12-01" })).toEqual({ ok: false, reason: "day-outside-month", month: "2026-11" });
    expect(amendRecord(db, input(eventId), { day: "2026-11-25" })).toEqual({ ok: false, reason: "day-in-future", month: "2026-11" });
    expect(amendRecord(db, input(eventId), { amountKopecks: 0 })).toEqual({ ok: false, reason: "invalid-amount" });
    expect(amendRecord(db, input(eventId), { amountKopecks: 15_000_000 })).toEqual({ ok: false, reason: "unchanged" });
    expect(db.prepare("SELECT COUNT(*) FROM corrections").pluck().get()).toBe(0);
    expect(voidRecord(db, input(eventId)).ok).toBe(true);
    expect(voidRecord(db, input(eventId))).toEqual({ ok: false, reason: "already-voided" });
    expect(liveDeals(db)).toEqual([]);
  });
});

describe("the record /undo offers", () => {
  it("is the member's latest record of the last 24 hours nothing voided yet", () => {
    const db = createBaseDb();
    db.prepare("INSERT INTO members (id, team_id, user_id, first_name, role, joined_at) VALUES (5, ?, 555, 'Ivan', 'manager', 0)").run(TEAM);
    const expense = insertExpense(db, { teamId: TEAM, memberId: 5, amountKopecks: 100, category: "marketing", note: null, at: at("2026-11-10"), localDay: "2026-11-10" });
    expect(undoableRecord(db, TEAM, 5, at("2026-11-10", "18:00"))).toMatchObject({ record: "expense", id: expense.id });
    expect(undoableRecord(db, TEAM, 5, at("2026-11-11", "12:01"))).toBeUndefined();
    expect(undoableRecord(db, TEAM, 6, at("2026-11-10", "18:00"))).toBeUndefined();
  });
});
