import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  canonicalTimeZone,
  daysBetween,
  isValidDate,
  isValidTimeZone,
  isWorkingDay,
  listWorkingDays,
  localDate,
  localParts,
  localTime,
  nextWorkingDay,
  parseHm,
  weekday,
  workingDaysBetween,
  workingMillisBetween,
  zonedInstant,
} from "../../src/domain/calendar.js";
import type { TeamCalendar } from "../../src/domain/calendar.js";

const HOUR = 3_600_000;
// November 2026: the 1st is a Sunday; 4 November (National Unity Day) is a Russian holiday.
const moscow: TeamCalendar = { timezone: "Europe/Moscow", workingDays: [1, 2, 3, 4, 5], holidays: ["2026-11-04"] };
const utc = (iso: string): number => Date.parse(iso);

describe("local readings", () => {
  it("reads the Moscow date and time of an instant (UTC+3, past midnight locally)", () => {
    const instant = utc("2026-11-01T21:30:00Z");
    expect(localDate(instant, "Europe/Moscow")).toBe("2026-11-02");
    expect(localTime(new Date(instant), "Europe/Moscow")).toBe("00:30");
    expect(localDate(instant, "UTC")).toBe("2026-11-01");
  });

  it("returns all parts, with the ISO weekday", () => {
    expect(localParts(utc("2026-11-06T14:05:09Z"), "Europe/Moscow")).toEqual({
      date: "2026-11-06",
      time: "17:05",
      year: 2026,
      month: 11,
      day: 6,
      hour: 17,
      minute: 5,
      second: 9,
      weekday: 5,
    });
  });

  it("prints midnight as 00:00, not 24:00", () => {
    expect(localTime(utc("2026-11-01T21:00:00Z"), "Europe/Moscow")).toBe("00:00");
  });

  it("throws on an unknown zone and an invalid instant", () => {
    expect(() => localDate(0, "Mars/Olympus")).toThrow(RangeError);
    expect(() => localDate(Number.NaN, "Europe/Moscow")).toThrow(RangeError);
  });
});

describe("zonedInstant", () => {
  it("Moscow is UTC+3 all year: 10:00 is 07:00Z on both sides of the European transitions", () => {
    for (const day of ["2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26"]) {
      expect(zonedInstant(day, "10:00", "Europe/Moscow").toISOString()).toBe(`${day}T07:00:00.000Z`);
    }
  });

  it("Berlin 10:00 is 09:00Z in winter time and 08:00Z in summer time around 2026-03-29", () => {
    expect(zonedInstant("2026-03-28", "10:00", "Europe/Berlin").toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(zonedInstant("2026-03-29", "10:00", "Europe/Berlin").toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(zonedInstant("2026-03-30", "10:00", "Europe/Berlin").toISOString()).toBe("2026-03-30T08:00:00.000Z");
  });

  it("Berlin 10:00 is 08:00Z in summer time and 09:00Z in winter time around 2026-10-25", () => {
    expect(zonedInstant("2026-10-24", "10:00", "Europe/Berlin").toISOString()).toBe("2026-10-24T08:00:00.000Z");
    expect(zonedInstant("2026-10-25", "10:00", "Europe/Berlin").toISOString()).toBe("2026-10-25T09:00:00.000Z");
    expect(zonedInstant("2026-10-26", "10:00", "Europe/Berlin").toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });

  it("a wall time in the spring-forward gap moves forward by the gap (02:30 → 03:30 CEST = 01:30Z)", () => {
    const instant = zonedInstant("2026-03-29", "02:30", "Europe/Berlin");
    expect(instant.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(localTime(instant, "Europe/Berlin")).toBe("03:30");
  });

  it("a wall time in the fall-back overlap takes the earlier occurrence (02:30 CEST = 00:30Z)", () => {
    const instant = zonedInstant("2026-10-25", "02:30", "Europe/Berlin");
    expect(instant.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // The later 02:30 CET is one hour after it and reads the same on the wall.
    expect(localTime(instant.getTime() + HOUR, "Europe/Berlin")).toBe("02:30");
  });

  it("handles the hours right at the transitions", () => {
    expect(zonedInstant("2026-03-29", "01:59", "Europe/Berlin").toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(zonedInstant("2026-03-29", "03:00", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(zonedInstant("2026-10-25", "03:00", "Europe/Berlin").toISOString()).toBe("2026-10-25T02:00:00.000Z");
    expect(zonedInstant("2026-10-25", "00:00", "Europe/Berlin").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("round-trips with localDate/localTime for any day and minute outside a gap", () => {
    const zones = ["Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 30 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (dayOffset, hour, minute, zone) => {
          const day = addDays("2010-01-01", dayOffset);
          const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          const instant = zonedInstant(day, time, zone);
          const back = localParts(instant, zone);
          // Only a spring-forward gap may move the wall time, and then exactly one hour later the same day;
          // these zones only jump between 00:00 and 03:59.
          if (back.date !== day || back.time !== time) {
            expect(["Europe/Berlin", "America/New_York"]).toContain(zone);
            expect(hour).toBeLessThan(4);
            expect(back.date).toBe(day);
            expect([back.hour, back.minute]).toEqual([hour + 1, minute]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("throws on bad input", () => {
    expect(() => zonedInstant("2026-02-30", "10:00", "Europe/Moscow")).toThrow(RangeError);
    expect(() => zonedInstant("2026-02-01", "24:00", "Europe/Moscow")).toThrow(RangeError);
    expect(() => zonedInstant("2026-02-01", "10:00", "Nowhere/City")).toThrow(RangeError);
  });
});

describe("days", () => {
  it("knows ISO weekdays", () => {
    expect(weekday("2026-11-01")).toBe(7);
    expect(weekday("2026-11-02")).toBe(1);
    expect(weekday("2026-11-06")).toBe(5);
    expect(weekday("1970-01-01")).toBe(4);
    expect(weekday("1969-12-31")).toBe(3);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-11-01", 0)).toBe("2026-11-01");
    expect(daysBetween("2026-11-01", "2026-12-01")).toBe(30);
    expect(() => addDays("2026-11-01", 1.5)).toThrow(RangeError);
  });

  it("validates dates", () => {
    expect(isValidDate("2028-02-29")).toBe(true);
    expect(isValidDate("2026-02-29")).toBe(false);
    expect(isValidDate("2026-04-31")).toBe(false);
    expect(isValidDate("2026-13-01")).toBe(false);
    expect(isValidDate("2026-1-01")).toBe(false);
    expect(() => weekday("2026-02-31")).toThrow(RangeError);
  });

  it("tells working days from weekends and holidays", () => {
    expect(isWorkingDay("2026-11-03", moscow)).toBe(true); // Tuesday
    expect(isWorkingDay("2026-11-04", moscow)).toBe(false); // Wednesday, holiday
    expect(isWorkingDay("2026-11-07", moscow)).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-08", moscow)).toBe(false); // Sunday
    const sixDays: TeamCalendar = { ...moscow, workingDays: [1, 2, 3, 4, 5, 6] };
    expect(isWorkingDay("2026-11-07", sixDays)).toBe(true);
  });

  it("counts and lists working days, both ends inclusive", () => {
    // Weekdays of November 2026: 2–6, 9–13, 16–20, 23–27, 30 = 21; minus the 4th = 20.
    expect(workingDaysBetween("2026-11-01", "2026-11-30", moscow)).toBe(20);
    expect(workingDaysBetween("2026-11-02", "2026-11-02", moscow)).toBe(1);
    expect(workingDaysBetween("2026-11-01", "2026-11-01", moscow)).toBe(0);
    expect(workingDaysBetween("2026-11-30", "2026-11-01", moscow)).toBe(0);
    expect(listWorkingDays("2026-11-01", "2026-11-10", moscow)).toEqual([
      "2026-11-02",
      "2026-11-03",
      "2026-11-05",
      "2026-11-06",
      "2026-11-09",
      "2026-11-10",
    ]);
  });

  it("finds the next working day, skipping weekends and holidays", () => {
    expect(nextWorkingDay("2026-11-03", moscow)).toBe("2026-11-05");
    expect(nextWorkingDay("2026-11-06", moscow)).toBe("2026-11-09");
    expect(nextWorkingDay("2026-11-07", moscow)).toBe("2026-11-09");
    expect(nextWorkingDay("2026-12-31", moscow)).toBe("2027-01-01");
    expect(() => nextWorkingDay("2026-11-03", { ...moscow, workingDays: [] })).toThrow(RangeError);
  });
});

describe("workingMillisBetween (10:00–18:00, Moscow)", () => {
  const span = (from: string, to: string): number =>
    workingMillisBetween(utc(from), utc(to), moscow, "10:00", "18:00");

  it("counts only the working window of a single day", () => {
    // Friday 08:00–20:00 MSK: only 10:00–18:00 counts.
    expect(span("2026-11-06T05:00:00Z", "2026-11-06T17:00:00Z")).toBe(8 * HOUR);
    // Friday 11:15–12:45 MSK.
    expect(span("2026-11-06T08:15:00Z", "2026-11-06T09:45:00Z")).toBe(1.5 * HOUR);
  });

  it("skips a weekend: Friday 17:00 → Monday 12:00 is 1 h + 2 h", () => {
    expect(span("2026-11-06T14:00:00Z", "2026-11-09T09:00:00Z")).toBe(3 * HOUR);
  });

  it("skips a holiday: Tuesday 16:00 → Thursday 11:00 across 4 November is 2 h + 1 h", () => {
    expect(span("2026-11-03T13:00:00Z", "2026-11-05T08:00:00Z")).toBe(3 * HOUR);
  });

  it("a question asked Tuesday 15:00 passes 4 working hours only on Thursday at 11:00", () => {
    const asked = utc("2026-11-03T12:00:00Z"); // Tue 15:00 MSK
    const thu1059 = utc("2026-11-05T07:59:00Z");
    const thu1100 = utc("2026-11-05T08:00:00Z");
    expect(workingMillisBetween(asked, thu1059, moscow, "10:00", "18:00")).toBe(4 * HOUR - 60_000);
    expect(workingMillisBetween(asked, thu1100, moscow, "10:00", "18:00")).toBe(4 * HOUR);
  });

  it("is 0 on days off, for empty or reversed spans", () => {
    expect(span("2026-11-07T07:00:00Z", "2026-11-08T15:00:00Z")).toBe(0); // Sat–Sun
    expect(span("2026-11-04T07:00:00Z", "2026-11-04T15:00:00Z")).toBe(0); // holiday
    expect(span("2026-11-06T09:00:00Z", "2026-11-06T09:00:00Z")).toBe(0);
    expect(span("2026-11-06T12:00:00Z", "2026-11-06T09:00:00Z")).toBe(0);
  });

  it("counts real elapsed time on DST change days (Berlin, every day working, window 00:00–23:59)", () => {
    const berlin: TeamCalendar = { timezone: "Europe/Berlin", workingDays: [1, 2, 3, 4, 5, 6, 7], holidays: [] };
    const day = (from: string, to: string): number =>
      workingMillisBetween(utc(from), utc(to), berlin, "00:00", "23:59");
    // 29 March 2026 runs from 00:00 CET (28th 23:00Z) to 00:00 CEST (29th 22:00Z): 23 h; the window loses 1 min.
    expect(day("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")).toBe((22 * 60 + 59) * 60_000);
    // 25 October 2026 runs from 00:00 CEST (24th 22:00Z) to 00:00 CET (25th 23:00Z): 25 h.
    expect(day("2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")).toBe((24 * 60 + 59) * 60_000);
  });

  it("rejects a window that ends before it starts", () => {
    expect(() => workingMillisBetween(0, HOUR, moscow, "18:00", "10:00")).toThrow(RangeError);
    expect(() => workingMillisBetween(0, HOUR, moscow, "10:00", "25:00")).toThrow(RangeError);
  });
});

describe("validation helpers", () => {
  it("knows time zones", () => {
    expect(isValidTimeZone("Europe/Moscow")).toBe(true);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Europe/Mordor")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("+03:00 ; drop table")).toBe(false);
    expect(canonicalTimeZone(" europe/moscow ")).toBe("Europe/Moscow");
    expect(canonicalTimeZone("nope")).toBeNull();
  });

  it("parses HH:MM", () => {
    expect(parseHm("10:00")).toEqual({ hour: 10, minute: 0, minutes: 600 });
    expect(parseHm("9:05")).toEqual({ hour: 9, minute: 5, minutes: 545 });
    expect(parseHm(" 23:59 ")).toEqual({ hour: 23, minute: 59, minutes: 1439 });
    expect(parseHm("00:00")).toEqual({ hour: 0, minute: 0, minutes: 0 });
    for (const bad of ["24:00", "10:60", "10", "10:0", "1000", "10.00", "-1:00", "", "aa:bb", "10:00:00"]) {
      expect(parseHm(bad), bad).toBeNull();
    }
  });
});
