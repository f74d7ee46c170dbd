/** Every way a write is refused, what it says, and that the attempt is logged. */
import { describe, expect, it } from "vitest";
import {
  closeCompany,
  recordDeal,
  recordHandled,
  recordRefusal,
  recordTouch,
  unfreezeCompany,
  unpauseSegment,
  importBase,
} from "../../../src/services/leads/index.js";
import { enqueue } from "../../../src/db/outbox.js";
import { at, companyId, createBaseDb, segmentId, TEAM } from "./helpers.js";
import type { TeamOptions } from "./helpers.js";

function base(options: TeamOptions = {}) {
  const db = createBaseDb(options);
  const csv = ["company;segment", ...Array.from({ length: 10 }, (_, i) => `Фирма ${i};Опт`), "Одиночка;Соло"].join("\n");
  importBase(db, TEAM, csv, at("2026-03-01"));
  const input = (name: string, day: string, time = "12:00") => ({ teamId: TEAM, companyId: companyId(db, name), memberId: null, now: at(day, time) });
  const blocked = () => db.prepare("SELECT reason, attempted FROM company_events WHERE kind = 'blocked' ORDER BY id").all();
  return { db, input, blocked };
}

describe("refused writes", () => {
  it("a cooling company: touch, refusal and deal are refused with the day it opens, and logged", () => {
    const { db, input, blocked } = base();
    recordRefusal(db, { ...input("Фирма 0", "2026-03-02"), reason: "price", lostForGood: false });
    // Inside the window (to the end of Wednesday, the 2nd working day after Monday) it may still be worked.
    expect(recordTouch(db, input("Фирма 0", "2026-03-03")).ok).toBe(true);
    expect(recordTouch(db, input("Фирма 0", "2026-03-04", "23:59")).ok).toBe(true);
    const expected = { ok: false, reason: "cooling", availableFrom: "2026-05-31", companyName: "Фирма 0" };
    expect(recordTouch(db, input("Фирма 0", "2026-03-05", "00:00"))).toMatchObject(expected);
    expect(recordRefusal(db, { ...input("Фирма 0", "2026-03-06"), reason: "need", lostForGood: false })).toMatchObject(expected);
    expect(recordDeal(db, { ...input("Фирма 0", "2026-05-30", "23:59"), amountKopecks: 100 })).toMatchObject(expected);
    expect(blocked()).toEqual([
      { reason: "cooling", attempted: "touch" },
      { reason: "cooling", attempted: "refusal" },
      { reason: "cooling", attempted: "deal" },
    ]);
    // Available again from its day on.
    expect(recordTouch(db, input("Фирма 0", "2026-05-31", "00:00")).ok).toBe(true);
    expect(db.prepare("SELECT COUNT(*) AS n FROM deals").get()).toEqual({ n: 0 });
  });

  it("a lost company is refused without a date, and never cools back by itself", () => {
    const { db, input } = base();
    expect(recordRefusal(db, { ...input("Фирма 1", "2026-03-02"), reason: "competitor", lostForGood: true })).toMatchObject({
      ok: true,
      lostForGood: true,
      windowEndAt: null,
    });
    const refused = recordTouch(db, input("Фирма 1", "2027-03-02"));
    expect(refused).toMatchObject({ ok: false, reason: "lost" });
    expect(refused).not.toHaveProperty("availableFrom");
    expect(recordHandled(db, input("Фирма 1", "2026-03-02", "13:00"))).toEqual({ ok: false, reason: "nothing-to-handle" });
  });

  it("a closed company is refused, cannot be closed twice or unfrozen", () => {
    const { db, input } = base();
    expect(closeCompany(db, { ...input("Фирма 2", "2026-03-02"), reason: "dm_died" })).toMatchObject({ ok: true, reason: "dm_died" });
    expect(recordTouch(db, input("Фирма 2", "2026-03-03"))).toMatchObject({ ok: false, reason: "closed" });
    expect(recordDeal(db, { ...input("Фирма 2", "2026-03-03"), amountKopecks: 100 })).toMatchObject({ ok: false, reason: "closed" });
    expect(closeCompany(db, { ...input("Фирма 2", "2026-03-03"), reason: "business_closed" })).toEqual({ ok: false, reason: "closed" });
    expect(unfreezeCompany(db, input("Фирма 2", "2026-03-03"))).toEqual({ ok: false, reason: "closed" });
  });

  it("close accepts only dm_died, business_closed (also in Russian) and the team's own reasons", () => {
    const { db, input } = base({ closeReasons: ["merged"] });
    const allowed = ["dm_died", "business_closed", "merged"];
    expect(closeCompany(db, { ...input("Фирма 3", "2026-03-02"), reason: "не интересно" })).toEqual({ ok: false, reason: "reason-not-allowed", allowed });
    expect(closeCompany(db, { ...input("Фирма 3", "2026-03-02"), reason: "no budget" })).toEqual({ ok: false, reason: "reason-not-allowed", allowed });
    expect(db.prepare("SELECT COUNT(*) AS n FROM company_events WHERE kind = 'close'").get()).toEqual({ n: 0 });
    expect(closeCompany(db, { ...input("Фирма 3", "2026-03-02"), reason: "ЛПР умер" })).toMatchObject({ ok: true, reason: "dm_died" });
    expect(closeCompany(db, { ...input("Фирма 4", "2026-03-02"), reason: "Merged" })).toMatchObject({ ok: true, reason: "merged" });
    expect(closeCompany(db, { ...input("Фирма 5", "2026-03-02"), reason: "бизнес закрылся" })).toMatchObject({ ok: true, reason: "business_closed" });
  });

  it("a paused segment refuses touches until /unpause; the unpause is spent once the share falls", () => {
    const { db, input, blocked } = base();
    // 3 of 10 burned → 30 % → paused.
    for (const name of ["Фирма 0", "Фирма 1", "Фирма 2"]) {
      recordRefusal(db, { ...input(name, "2026-03-02"), reason: "price", lostForGood: true });
    }
    expect(recordTouch(db, input("Фирма 5", "2026-03-03"))).toMatchObject({ ok: false, reason: "paused" });
    expect(recordRefusal(db, { ...input("Фирма 5", "2026-03-03"), reason: "price", lostForGood: false })).toMatchObject({ ok: false, reason: "paused" });
    expect(blocked()).toEqual([
      { reason: "paused", attempted: "touch" },
      { reason: "paused", attempted: "refusal" },
    ]);
    // Another segment is not affected.
    expect(recordTouch(db, input("Одиночка", "2026-03-03")).ok).toBe(true);
    const opt = segmentId(db, "Опт");
    expect(unpauseSegment(db, { teamId: TEAM, segmentId: segmentId(db, "Соло"), now: at("2026-03-03") })).toEqual({
      ok: false,
      reason: "not-paused",
      burnedShare: 0,
    });
    expect(unpauseSegment(db, { teamId: TEAM, segmentId: opt, now: at("2026-03-03", "13:00") })).toMatchObject({ ok: true, burnedShare: 0.3 });
    expect(unpauseSegment(db, { teamId: TEAM, segmentId: opt, now: at("2026-03-03", "13:01") })).toMatchObject({ ok: false, reason: "not-paused" });
    expect(recordTouch(db, input("Фирма 5", "2026-03-03", "14:00")).ok).toBe(true);
    // Still unpaused while the share stays up, even after more burns.
    recordRefusal(db, { ...input("Фирма 6", "2026-03-04"), reason: "price", lostForGood: true });
    expect(recordTouch(db, input("Фирма 7", "2026-03-05")).ok).toBe(true);
    // The share falls (two unfrozen: 2/10) and rises again (two more lost: 4/10) → paused again.
    unfreezeCompany(db, input("Фирма 0", "2026-03-06"));
    unfreezeCompany(db, input("Фирма 1", "2026-03-06"));
    expect(recordTouch(db, input("Фирма 7", "2026-03-07")).ok).toBe(true);
    recordRefusal(db, { ...input("Фирма 8", "2026-03-08"), reason: "price", lostForGood: true });
    recordRefusal(db, { ...input("Фирма 9", "2026-03-08"), reason: "price", lostForGood: true });
    expect(recordTouch(db, input("Фирма 7", "2026-03-09"))).toMatchObject({ ok: false, reason: "paused" });
  });

  it("unfreeze ends cooling now, or takes back a lost mark; anything else is not frozen", () => {
    const { db, input } = base();
    recordRefusal(db, { ...input("Фирма 0", "2026-03-02"), reason: "price", lostForGood: false });
    expect(unfreezeCompany(db, input("Фирма 0", "2026-03-03"))).toEqual({ ok: false, reason: "not-frozen" });
    expect(unfreezeCompany(db, input("Фирма 0", "2026-03-05"))).toMatchObject({ ok: true, was: "cooling" });
    expect(recordTouch(db, input("Фирма 0", "2026-03-05", "12:01")).ok).toBe(true);
    recordRefusal(db, { ...input("Фирма 1", "2026-03-05"), reason: "price", lostForGood: true });
    expect(unfreezeCompany(db, input("Фирма 1", "2026-03-06"))).toMatchObject({ ok: true, was: "lost" });
    expect(recordTouch(db, input("Фирма 1", "2026-03-06", "12:01")).ok).toBe(true);
  });

  it("handled: only inside the window; a deal inside the window handles the refusal too", () => {
    const { db, input } = base();
    recordRefusal(db, { ...input("Фирма 0", "2026-03-02", "10:00"), reason: "price", lostForGood: false });
    recordRefusal(db, { ...input("Фирма 0", "2026-03-03", "10:00"), reason: "timing", lostForGood: false });
    expect(recordHandled(db, input("Фирма 0", "2026-03-04", "23:59"))).toMatchObject({ ok: true, handledRefusals: 2 });
    expect(recordHandled(db, input("Фирма 0", "2026-03-05", "00:00"))).toEqual({ ok: false, reason: "nothing-to-handle" });
    recordRefusal(db, { ...input("Фирма 1", "2026-03-02", "10:00"), reason: "price", lostForGood: false });
    expect(recordHandled(db, input("Фирма 1", "2026-03-05", "00:00"))).toEqual({ ok: false, reason: "nothing-to-handle" });
    recordRefusal(db, { ...input("Фирма 2", "2026-03-02", "10:00"), reason: "price", lostForGood: false });
    expect(recordDeal(db, { ...input("Фирма 2", "2026-03-03"), amountKopecks: 5_000_00 })).toMatchObject({ ok: true, handledRefusals: 1, firstWin: true });
    expect(recordTouch(db, input("Фирма 2", "2026-03-10")).ok).toBe(true);
    expect(recordHandled(db, input("Фирма 3", "2026-03-04"))).toEqual({ ok: false, reason: "nothing-to-handle" });
  });

  it("bad input writes nothing: unknown or foreign company, bad amount, bad reason, long comment", () => {
    const { db, input } = base();
    const other = db.prepare("INSERT INTO teams (id, created_at) VALUES (2, 0)").run();
    expect(other.changes).toBe(1);
    const foreign = { ...input("Фирма 0", "2026-03-02"), teamId: 2 };
    expect(recordTouch(db, foreign)).toEqual({ ok: false, reason: "not-found" });
    expect(recordTouch(db, { ...input("Фирма 0", "2026-03-02"), companyId: 9999 })).toEqual({ ok: false, reason: "not-found" });
    for (const amountKopecks of [0, -5, 1.5, 100_000_000_000_001, Number.NaN]) {
      expect(recordDeal(db, { ...input("Фирма 0", "2026-03-02"), amountKopecks })).toEqual({ ok: false, reason: "invalid-amount" });
    }
    expect(recordRefusal(db, { ...input("Фирма 0", "2026-03-02"), reason: "bored" as "price", lostForGood: false })).toEqual({
      ok: false,
      reason: "invalid-reason",
    });
    expect(recordRefusal(db, { ...input("Фирма 0", "2026-03-02"), reason: "price", lostForGood: false, comment: "x".repeat(1001) })).toEqual({
      ok: false,
      reason: "comment-too-long",
    });
    expect(db.prepare("SELECT COUNT(*) AS n FROM company_events").get()).toEqual({ n: 0 });
  });

  it("the caller's in-transaction hook (an outbox message to the lead) commits or rolls back with the write", () => {
    const { db, input } = base();
    recordRefusal(db, { ...input("Фирма 0", "2026-03-02"), reason: "price", lostForGood: true });
    const result = recordTouch(db, input("Фирма 0", "2026-03-03"), {
      inTransaction: (r, tx) => {
        if (!r.ok && r.reason !== "not-found") {
          enqueue(tx, { teamId: TEAM, chatId: 42, kind: "blocked-touch", key: `blocked:${r.attemptId}`, message: { method: "sendMessage", text: r.companyName } }, at("2026-03-03"));
        }
      },
    });
    expect(result).toMatchObject({ ok: false, reason: "lost" });
    expect(db.prepare("SELECT kind, chat_id FROM outbox").all()).toEqual([{ kind: "blocked-touch", chat_id: 42 }]);
    expect(() =>
      recordTouch(db, input("Фирма 1", "2026-03-03"), {
        inTransaction: () => {
          throw new Error("outbox down");
        },
      }),
    ).toThrow("outbox down");
    expect(db.prepare("SELECT COUNT(*) AS n FROM company_events WHERE company_id = ?").get(companyId(db, "Фирма 1"))).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM burn_period_companies WHERE company_id = ?").get(companyId(db, "Фирма 1"))).toEqual({ n: 0 });
  });
});
