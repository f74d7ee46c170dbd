import { describe, expect, it } from "vitest";
import { daysInMonth, isWorkingDay, listWorkingDays, type TeamCalendar } from "../../src/domain/calendar.js";
import { hasPublishedYear, publicYear } from "../../src/domain/public-calendar.js";

const RU: TeamCalendar = { timezone: "Europe/Moscow", workingDays: [1, 2, 3, 4, 5], holidays: [], country: "RU" };

function monthCounts(year: number, cal: TeamCalendar): number[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = String(i + 1).padStart(2, "0");
    return listWorkingDays(`${year}-${month}-01`, `${year}-${month}-${daysInMonth(year, i + 1)}`, cal).length;
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("Russian production calendar", () => {
  // The published totals for a five-day week.
  it.each([
    [2024, 248],
    [2025, 247],
    [2026, 247],
  ])("counts %i working days in %i as published", (year, total) => {
    expect(hasPublishedYear("RU", year)).toBe(true);
    expect(sum(monthCounts(year, RU))).toBe(total);
  });

  it("counts every month of 2026 as the production calendar does (January: 15)", () => {
    expect(monthCounts(2026, RU)).toEqual([15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]);
  });

  it("counts the months of 2025 with the decree's moves of 23 February, 8 March and 1 November", () => {
    expect(monthCounts(2025, RU)).toEqual([17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22]);
  });

  it("follows the 2026 decree: 3 January moved to 9 January, 4 January to 31 December", () => {
    expect(isWorkingDay("2026-01-09", RU)).toBe(false);
    expect(isWorkingDay("2026-12-31", RU)).toBe(false);
    expect(isWorkingDay("2026-01-12", RU)).toBe(true);
    expect(publicYear("RU", 2026).decree).toMatch(/24\.09\.2025 № 1466/);
  });

  it("moves a weekend holiday's rest to the next working day (8 March 2026 → 9 March; 9 May → 11 May)", () => {
    expect(isWorkingDay("2026-03-09", RU)).toBe(false);
    expect(isWorkingDay("2026-05-11", RU)).toBe(false);
    expect(isWorkingDay("2026-03-10", RU)).toBe(true);
  });

  it("makes a transferred Saturday a working day (1 November 2025) and its weekday a day off", () => {
    expect(isWorkingDay("2025-11-01", RU)).toBe(true);
    expect(isWorkingDay("2025-11-03", RU)).toBe(false);
    // The decree moved 23 February 2025 (a Sunday) to 8 May: no automatic move to 24 February.
    expect(isWorkingDay("2025-02-24", RU)).toBe(true);
    expect(isWorkingDay("2025-05-08", RU)).toBe(false);
  });

  it("falls back to the Labour Code for a year without a decree: holidays and non-January weekend moves only", () => {
    expect(hasPublishedYear("RU", 2027)).toBe(false);
    expect(publicYear("RU", 2027).decree).toBeNull();
    // 2027: 1–8 January off; 9 May is a Sunday, so Monday 10 May is off; 23 February is a Tuesday.
    expect(listWorkingDays("2027-01-01", "2027-01-31", RU)[0]).toBe("2027-01-11");
    expect(isWorkingDay("2027-05-10", RU)).toBe(false);
    expect(isWorkingDay("2027-02-23", RU)).toBe(false);
    expect(isWorkingDay("2027-02-22", RU)).toBe(true);
  });

  it("puts the founder's days on top: extra working days win over public holidays, own holidays over weekdays", () => {
    const team: TeamCalendar = { ...RU, holidays: ["2026-01-12"], extraWorkdays: ["2026-01-05", "2026-01-10"] };
    expect(isWorkingDay("2026-01-05", team)).toBe(true);
    expect(isWorkingDay("2026-01-10", team)).toBe(true);
    expect(isWorkingDay("2026-01-12", team)).toBe(false);
    expect(listWorkingDays("2026-01-01", "2026-01-31", team)).toHaveLength(16);
  });

  it("gives other countries weekends and the founder's days only", () => {
    const other: TeamCalendar = { ...RU, country: "KZ" };
    expect(hasPublishedYear("KZ", 2026)).toBe(false);
    expect(isWorkingDay("2026-01-05", other)).toBe(true);
    expect(listWorkingDays("2026-01-01", "2026-01-31", other)).toHaveLength(22);
  });
});
