import { describe, expect, it } from "vitest";
import {
  nextPeriod,
  parsePeriod,
  parseUserDate,
  periodBounds,
  periodOf,
  previousPeriod,
} from "../../src/domain/period.js";

describe("periods", () => {
  it("validates YYYY-MM", () => {
    expect(parsePeriod("2026-11")).toBe("2026-11");
    expect(parsePeriod(" 2026-01 ")).toBe("2026-01");
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "", "1969-12", "abcd-ef"]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it("finds the period of a local day", () => {
    expect(periodOf("2026-11-30")).toBe("2026-11");
    expect(periodOf("2027-01-01")).toBe("2027-01");
    expect(() => periodOf("2026-02-30")).toThrow(RangeError);
  });

  it("gives the first and last day, leap years included", () => {
    expect(periodBounds("2026-11")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(periodBounds("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(periodBounds("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodBounds("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodBounds("2100-02")).toEqual({ from: "2100-02-01", to: "2100-02-28" });
    expect(periodBounds("2000-02")).toEqual({ from: "2000-02-01", to: "2000-02-29" });
    expect(() => periodBounds("2026-13")).toThrow(RangeError);
  });

  it("steps back and forward across the year boundary", () => {
    expect(previousPeriod("2026-11")).toBe("2026-10");
    expect(previousPeriod("2026-01")).toBe("2025-12");
    expect(nextPeriod("2026-12")).toBe("2027-01");
    expect(nextPeriod("2026-09")).toBe("2026-10");
    expect(() => previousPeriod("nope")).toThrow(RangeError);
  });
});

describe("parseUserDate", () => {
  const today = "2026-11-16";

  it("reads dd.mm as a day of today's year", () => {
    expect(parseUserDate("20.11", today)).toBe("2026-11-20");
    expect(parseUserDate("5.1", today)).toBe("2026-01-05"); // already past: still this year, never rolled over
    expect(parseUserDate(" 01.12 ", today)).toBe("2026-12-01");
    expect(parseUserDate("05.01", "2026-12-30")).toBe("2026-01-05");
  });

  it("reads dd.mm.yyyy and yyyy-mm-dd", () => {
    expect(parseUserDate("05.01.2027", today)).toBe("2027-01-05");
    expect(parseUserDate("5.1.2027", today)).toBe("2027-01-05");
    expect(parseUserDate("2027-01-05", today)).toBe("2027-01-05");
    expect(parseUserDate("2027-1-5", today)).toBe("2027-01-05");
  });

  it("handles leap days by the year they fall in", () => {
    expect(parseUserDate("29.02", "2028-01-10")).toBe("2028-02-29");
    expect(parseUserDate("29.02", today)).toBeNull();
    expect(parseUserDate("29.02.2028", today)).toBe("2028-02-29");
    expect(parseUserDate("2027-02-29", today)).toBeNull();
  });

  it("rejects impossible and malformed dates", () => {
    for (const bad of [
      "31.02",
      "31.04.2026",
      "00.01",
      "01.00",
      "01.13",
      "32.01",
      "2026-13-01",
      "2026-02-30",
      "2026-00-10",
      "1.1.26",
      "01/02/2026",
      "01.02.2026.",
      "tomorrow",
      "",
      "  ",
      "1.1.1969",
      "١٢.٠١", // Arabic-Indic digits are not accepted
    ]) {
      expect(parseUserDate(bad, today), bad).toBeNull();
    }
  });
});
