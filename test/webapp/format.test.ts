import { describe, expect, it } from "vitest";
import { formatMoney, formatMonth, formatNumber, formatPercent, shiftMonth } from "../../webapp/src/format.js";

const NBSP = "\u00a0";

describe("the Mini App's number formats", () => {
  it("writes roubles as the bot does: whole from 1 000, kopecks below", () => {
    expect(formatMoney(150_000.5, "ru")).toBe(`150${NBSP}001${NBSP}₽`);
    expect(formatMoney(1_234_567, "en")).toBe(`1,234,567${NBSP}₽`);
    expect(formatMoney(999.5, "ru")).toBe(`999,50${NBSP}₽`);
    expect(formatMoney(12, "en")).toBe(`12${NBSP}₽`);
    expect(formatMoney(-2500, "ru")).toBe(`−2${NBSP}500${NBSP}₽`);
  });

  it("writes fractions as percentages with one decimal at most", () => {
    expect(formatPercent(0.4251, "ru")).toBe(`42,5${NBSP}%`);
    expect(formatPercent(0.3, "en")).toBe("30%");
    expect(formatPercent(0, "en")).toBe("0%");
  });

  it("groups digits and drops trailing zeros", () => {
    expect(formatNumber(12345.6, "ru", 1)).toBe(`12${NBSP}345,6`);
    expect(formatNumber(2.5, "en", 2)).toBe("2.5");
    expect(formatNumber(-0.01, "en", 1)).toBe("0");
  });

  it("names months and steps across a year", () => {
    expect(formatMonth("2026-11", "ru")).toBe("ноябрь 2026");
    expect(formatMonth("2026-01", "en")).toBe("January 2026");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
  });
});
