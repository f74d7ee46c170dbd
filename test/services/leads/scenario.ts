/**
 * A small base and two months of work with answers worked out by hand (Europe/Moscow, Russia's calendar
 * Monday–Friday, window of 2 working days, 90-day cooldown, pause at 30 %). Segments: Ритейл A1–A6,
 * Производство B1–B4, IT C1–C10. A window ends at the midnight after the 2nd working day following the
 * refusal's day; in March 2026 Monday the 9th is a day off (8 March fell on a Sunday).
 *
 * March 2026:
 *   02 (Mon) 10:00 touch A1 · 02 11:00 refusal A2 (never handled → burns 05 00:00, cools until 05-31)
 *   03 10:00 refusal A3, handled 04 09:00 (inside the window)
 *   05 10:00 refusal B1 lost for good · 05 12:00 deal B2 150 000 ₽
 *   10 touch C1, C2 · 11 touch C3 · 12 close C4 (business_closed, never contacted)
 *   16 (Mon) 10:00 refusal C1 (burns 19 00:00, cools until 06-14)
 *   20 (Fri) 10:00 refusal A4: the weekend does not count, the window runs through Tuesday 24; /handled on
 *      25 is too late (burned 25 00:00, cools until 06-18) → Ритейл 2/6 paused
 *   25 touch A2 → refused (cooling until 2026-05-31) · 26 touch A5 → refused (paused)
 *   27 10:00 /unpause Ритейл · 27 11:00 touch A5 (allowed now)
 *   30 (Mon) 23:00 refusal C2 (window ends 04-02 00:00 → burns in April, counted for March; cools until 06-28)
 * April 2026:
 *   10 unfreeze A2 → Ритейл 1/6, the unpause is spent that day
 *   15 refusal A6 lost for good → Ритейл 2/6 again → paused again · 16 touch A5 → refused (paused)
 */
import { expect } from "vitest";
import {
  closeCompany,
  importBase,
  recordDeal,
  recordHandled,
  recordRefusal,
  recordTouch,
  unfreezeCompany,
  unpauseSegment,
} from "../../../src/services/leads/index.js";
import type { Db } from "../../../src/db/open.js";
import { at, companyId, createBaseDb, segmentId, TEAM } from "./helpers.js";

export function buildScenario(path = ":memory:"): Db {
  const db = createBaseDb({}, path);
  const rows = [
    ...["A1", "A2", "A3", "A4", "A5", "A6"].map((n) => `${n};Ритейл`),
    ...["B1", "B2", "B3", "B4"].map((n) => `${n};Производство`),
    ...Array.from({ length: 10 }, (_, i) => `C${i + 1};IT`),
  ];
  expect(importBase(db, TEAM, ["company;segment", ...rows].join("\n"), at("2026-02-20"))).toMatchObject({ ok: true, created: 20 });
  const id = (name: string) => companyId(db, name);
  const base = (name: string, day: string, time: string) => ({ teamId: TEAM, companyId: id(name), memberId: null, now: at(day, time) });

  expect(recordTouch(db, base("A1", "2026-03-02", "10:00")).ok).toBe(true);
  expect(recordRefusal(db, { ...base("A2", "2026-03-02", "11:00"), reason: "price", lostForGood: false }).ok).toBe(true);
  expect(recordRefusal(db, { ...base("A3", "2026-03-03", "10:00"), reason: "need", lostForGood: false }).ok).toBe(true);
  expect(recordHandled(db, base("A3", "2026-03-04", "09:00"))).toMatchObject({ ok: true, handledRefusals: 1 });
  expect(recordRefusal(db, { ...base("B1", "2026-03-05", "10:00"), reason: "competitor", lostForGood: true }).ok).toBe(true);
  expect(recordDeal(db, { ...base("B2", "2026-03-05", "12:00"), amountKopecks: 15_000_000 })).toMatchObject({ ok: true, firstWin: true });
  expect(recordTouch(db, base("C1", "2026-03-10", "10:00")).ok).toBe(true);
  expect(recordTouch(db, base("C2", "2026-03-10", "11:00")).ok).toBe(true);
  expect(recordTouch(db, base("C3", "2026-03-11", "10:00")).ok).toBe(true);
  expect(closeCompany(db, { ...base("C4", "2026-03-12", "10:00"), reason: "business_closed" }).ok).toBe(true);
  expect(recordRefusal(db, { ...base("C1", "2026-03-16", "10:00"), reason: "timing", lostForGood: false }).ok).toBe(true);
  expect(recordRefusal(db, { ...base("A4", "2026-03-20", "10:00"), reason: "competitor", lostForGood: false }).ok).toBe(true);
  expect(recordHandled(db, base("A4", "2026-03-25", "10:00"))).toEqual({ ok: false, reason: "nothing-to-handle" });
  expect(recordTouch(db, base("A2", "2026-03-25", "10:00"))).toMatchObject({ ok: false, reason: "cooling", availableFrom: "2026-05-31" });
  expect(recordTouch(db, base("A5", "2026-03-26", "10:00"))).toMatchObject({ ok: false, reason: "paused" });
  expect(unpauseSegment(db, { teamId: TEAM, segmentId: segmentId(db, "Ритейл"), now: at("2026-03-27", "10:00") }).ok).toBe(true);
  expect(recordTouch(db, base("A5", "2026-03-27", "11:00")).ok).toBe(true);
  expect(recordRefusal(db, { ...base("C2", "2026-03-30", "23:00"), reason: "noanswer", lostForGood: false }).ok).toBe(true);
  expect(unfreezeCompany(db, base("A2", "2026-04-10", "10:00"))).toMatchObject({ ok: true, was: "cooling" });
  expect(recordRefusal(db, { ...base("A6", "2026-04-15", "10:00"), reason: "need", lostForGood: true }).ok).toBe(true);
  expect(recordTouch(db, base("A5", "2026-04-16", "10:00"))).toMatchObject({ ok: false, reason: "paused" });
  return db;
}

type Seg = { name: string; size: number; fresh: number; coolingNow: number; lost: number; closed: number; won: number; burnedShare: number; paused: boolean; weeksToExhaust: number | null };

const seg = (name: string, size: number, f: Partial<Seg>): Seg => ({
  name,
  size,
  fresh: size,
  coolingNow: 0,
  lost: 0,
  closed: 0,
  won: 0,
  burnedShare: 0,
  paused: false,
  weeksToExhaust: null,
  ...f,
});

const march = { from: "2026-03-01", to: "2026-03-31" };
const april = { from: "2026-04-01", to: "2026-04-30" };
const june = { from: "2026-06-01", to: "2026-06-30" };
const zero = { contacted: 0, refused: 0, handled: 0, burned: 0, lost: 0, closed: 0, coolingNow: 0, refusalRate: 0, burnRate: 0 };

/** The exact JSON report expected for [period, as-of], worked out by hand from the story above. */
export const EXPECTED: { period: string; asOf: string; json: object }[] = [
  {
    period: "2026-03",
    asOf: "2026-03-01",
    // Ties are ordered by name in Russian collation (Cyrillic before Latin).
    json: { period: march, asOf: "2026-03-01", ...zero, segments: [seg("Производство", 4, {}), seg("Ритейл", 6, {}), seg("IT", 10, {})] },
  },
  {
    // Before A2's window closes: two refusals pending, nothing handled or burned yet.
    period: "2026-03",
    asOf: "2026-03-03",
    json: {
      period: march,
      asOf: "2026-03-03",
      ...zero,
      contacted: 3,
      refused: 2,
      refusalRate: 2 / 3,
      segments: [seg("Производство", 4, {}), seg("Ритейл", 6, { fresh: 3 }), seg("IT", 10, {})],
    },
  },
  {
    // A3 handled inside its window; A2's window is open to the end of Wednesday 04, its 2nd working day.
    period: "2026-03",
    asOf: "2026-03-04",
    json: {
      period: march,
      asOf: "2026-03-04",
      ...zero,
      contacted: 3,
      refused: 2,
      handled: 1,
      refusalRate: 2 / 3,
      segments: [seg("Производство", 4, {}), seg("Ритейл", 6, { fresh: 3 }), seg("IT", 10, {})],
    },
  },
  {
    period: "2026-03",
    asOf: "2026-03-12",
    json: {
      period: march,
      asOf: "2026-03-12",
      contacted: 8,
      refused: 3,
      handled: 1,
      burned: 2,
      lost: 1,
      closed: 1,
      coolingNow: 1,
      refusalRate: 3 / 8,
      burnRate: 2 / 8,
      segments: [
        // last 4 full weeks end Sunday 03-08: first contacts A1 A2 A3 (Ритейл), B1 B2 (Производство)
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4, weeksToExhaust: 2 / (2 / 4) }),
        seg("Ритейл", 6, { fresh: 3, coolingNow: 1, burnedShare: 1 / 6, weeksToExhaust: 3 / (3 / 4) }),
        seg("IT", 10, { fresh: 6, closed: 1 }),
      ],
    },
  },
  {
    // A4, refused on Friday 20, is still in its window on Tuesday 24: the weekend does not count.
    period: "2026-03",
    asOf: "2026-03-24",
    json: {
      period: march,
      asOf: "2026-03-24",
      contacted: 9,
      refused: 5,
      handled: 1,
      burned: 3,
      lost: 1,
      closed: 1,
      coolingNow: 2,
      refusalRate: 5 / 9,
      burnRate: 3 / 9,
      segments: [
        // weeks Feb 23 – Mar 22: Ритейл A1 A2 A3 A4, Производство B1 B2, IT C1 C2 C3
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4, weeksToExhaust: 2 / (2 / 4) }),
        seg("Ритейл", 6, { fresh: 2, coolingNow: 1, burnedShare: 1 / 6, weeksToExhaust: 2 / 1 }),
        seg("IT", 10, { fresh: 6, coolingNow: 1, closed: 1, burnedShare: 1 / 10, weeksToExhaust: 6 / (3 / 4) }),
      ],
    },
  },
  {
    // A4's window closed at the end of Tuesday: Ритейл has 2 of 6 cooling → paused.
    period: "2026-03",
    asOf: "2026-03-25",
    json: {
      period: march,
      asOf: "2026-03-25",
      contacted: 9,
      refused: 5,
      handled: 1,
      burned: 4,
      lost: 1,
      closed: 1,
      coolingNow: 3,
      refusalRate: 5 / 9,
      burnRate: 4 / 9,
      segments: [
        // weeks Feb 23 – Mar 22: Ритейл A1 A2 A3 A4, Производство B1 B2, IT C1 C2 C3
        seg("Ритейл", 6, { fresh: 2, coolingNow: 2, burnedShare: 2 / 6, paused: true, weeksToExhaust: 2 / 1 }),
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4, weeksToExhaust: 2 / (2 / 4) }),
        seg("IT", 10, { fresh: 6, coolingNow: 1, closed: 1, burnedShare: 1 / 10, weeksToExhaust: 6 / (3 / 4) }),
      ],
    },
  },
  {
    // End of March: unpaused Ритейл stays unpaused (its share never fell); C2's refusal still in its window.
    period: "2026-03",
    asOf: "2026-03-31",
    json: {
      period: march,
      asOf: "2026-03-31",
      contacted: 10,
      refused: 6,
      handled: 1,
      burned: 4,
      lost: 1,
      closed: 1,
      coolingNow: 3,
      refusalRate: 6 / 10,
      burnRate: 4 / 10,
      segments: [
        // weeks Mar 2 – Mar 29: Ритейл A1 A2 A3 A4 A5, Производство B1 B2, IT C1 C2 C3
        seg("Ритейл", 6, { fresh: 1, coolingNow: 2, burnedShare: 2 / 6, weeksToExhaust: 1 / (5 / 4) }),
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4, weeksToExhaust: 2 / (2 / 4) }),
        seg("IT", 10, { fresh: 6, coolingNow: 1, closed: 1, burnedShare: 1 / 10, weeksToExhaust: 6 / (3 / 4) }),
      ],
    },
  },
  {
    // Asked after the period: C2's window closed at the end of April 1 → burned, counted for March.
    period: "2026-03",
    asOf: "2026-04-02",
    json: {
      period: march,
      asOf: "2026-04-02",
      contacted: 10,
      refused: 6,
      handled: 1,
      burned: 5,
      lost: 1,
      closed: 1,
      coolingNow: 4,
      refusalRate: 6 / 10,
      burnRate: 5 / 10,
      segments: [
        // weeks Mar 2 – Mar 29 again (April 2 is a Thursday)
        seg("Ритейл", 6, { fresh: 1, coolingNow: 2, burnedShare: 2 / 6, weeksToExhaust: 1 / (5 / 4) }),
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4, weeksToExhaust: 2 / (2 / 4) }),
        seg("IT", 10, { fresh: 6, coolingNow: 2, closed: 1, burnedShare: 2 / 10, weeksToExhaust: 6 / (3 / 4) }),
      ],
    },
  },
  {
    // A2 unfrozen: Ритейл 1/6, the unpause is spent.
    period: "2026-04",
    asOf: "2026-04-10",
    json: {
      period: april,
      asOf: "2026-04-10",
      ...zero,
      coolingNow: 3,
      segments: [
        // weeks Mar 9 – Apr 5: Ритейл A4 A5, IT C1 C2 C3
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4 }),
        seg("IT", 10, { fresh: 6, coolingNow: 2, closed: 1, burnedShare: 2 / 10, weeksToExhaust: 6 / (3 / 4) }),
        seg("Ритейл", 6, { fresh: 1, coolingNow: 1, burnedShare: 1 / 6, weeksToExhaust: 1 / (2 / 4) }),
      ],
    },
  },
  {
    // A6 lost for good: Ритейл back at 2/6 and paused again (the spent unpause no longer holds).
    period: "2026-04",
    asOf: "2026-04-15",
    json: {
      period: april,
      asOf: "2026-04-15",
      ...zero,
      contacted: 1,
      refused: 1,
      burned: 1,
      lost: 1,
      coolingNow: 3,
      refusalRate: 1,
      burnRate: 1,
      segments: [
        // weeks Mar 16 – Apr 12: Ритейл A4 A5, IT none (C1 C2 C3 were the week of Mar 9)
        seg("Ритейл", 6, { fresh: 0, coolingNow: 1, lost: 1, burnedShare: 2 / 6, paused: true, weeksToExhaust: 0 }),
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4 }),
        seg("IT", 10, { fresh: 6, coolingNow: 2, closed: 1, burnedShare: 2 / 10 }),
      ],
    },
  },
  {
    // Inside the cooldowns: C1 cools until 06-14, A4 until 06-18, C2 until 06-28.
    period: "2026-06",
    asOf: "2026-06-13",
    json: {
      period: june,
      asOf: "2026-06-13",
      ...zero,
      coolingNow: 3,
      segments: [
        seg("Ритейл", 6, { fresh: 0, coolingNow: 1, lost: 1, burnedShare: 2 / 6, paused: true }),
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4 }),
        seg("IT", 10, { fresh: 6, coolingNow: 2, closed: 1, burnedShare: 2 / 10 }),
      ],
    },
  },
  {
    // C1's cooldown is over on its day.
    period: "2026-06",
    asOf: "2026-06-14",
    json: {
      period: june,
      asOf: "2026-06-14",
      ...zero,
      coolingNow: 2,
      segments: [
        seg("Ритейл", 6, { fresh: 0, coolingNow: 1, lost: 1, burnedShare: 2 / 6, paused: true }),
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4 }),
        seg("IT", 10, { fresh: 6, coolingNow: 1, closed: 1, burnedShare: 1 / 10 }),
      ],
    },
  },
  {
    // After every cooldown: only the lost stay burned; Ритейл 1/6 → no longer paused.
    period: "2026-06",
    asOf: "2026-06-30",
    json: {
      period: june,
      asOf: "2026-06-30",
      ...zero,
      segments: [
        seg("Производство", 4, { fresh: 2, lost: 1, won: 1, burnedShare: 1 / 4 }),
        seg("Ритейл", 6, { fresh: 0, lost: 1, burnedShare: 1 / 6 }),
        seg("IT", 10, { fresh: 6, closed: 1 }),
      ],
    },
  },
];
