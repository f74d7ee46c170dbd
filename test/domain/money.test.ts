import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_AMOUNT_KOPECKS,
  kopecksToRoubles,
  parseAmount,
  roublesToKopecks,
} from "../../src/domain/money.js";

const NBSP = "\u00a0";

describe("parseAmount", () => {
  it("accepts plain, grouped and decimal amounts", () => {
    expect(parseAmount("150000")).toBe(15_000_000);
    expect(parseAmount("150 000")).toBe(15_000_000);
    expect(parseAmount(`150${NBSP}000`)).toBe(15_000_000);
    expect(parseAmount("1 500 000")).toBe(150_000_000);
    expect(parseAmount("150000.50")).toBe(15_000_050);
    expect(parseAmount("150000,5")).toBe(15_000_050);
    expect(parseAmount("150 000,05")).toBe(15_000_005);
    expect(parseAmount("0.01")).toBe(1);
    expect(parseAmount("  42 ")).toBe(4200);
    expect(parseAmount("007")).toBe(700);
  });

  it("accepts a currency mark after the number", () => {
    expect(parseAmount("150 000 ₽")).toBe(15_000_000);
    expect(parseAmount("150000₽")).toBe(15_000_000);
    expect(parseAmount("150000 руб.")).toBe(15_000_000);
    expect(parseAmount("150000р")).toBe(15_000_000);
    expect(parseAmount("150000 RUB")).toBe(15_000_000);
  });

  it("accepts exactly 10^12 roubles and nothing above", () => {
    expect(parseAmount("1000000000000")).toBe(100_000_000_000_000);
    expect(parseAmount("1 000 000 000 000")).toBe(MAX_AMOUNT_KOPECKS);
    expect(parseAmount("1000000000000.01")).toBeNull();
    expect(parseAmount("1000000000001")).toBeNull();
    expect(parseAmount("99999999999999999999")).toBeNull();
  });

  it("rejects zero, negatives, junk and ambiguous input", () => {
    for (const bad of [
      "0",
      "0.00",
      "0,0",
      "-5",
      "+5",
      "−5",
      "1e5",
      "1E5",
      "1e-5",
      "NaN",
      "Infinity",
      "",
      " ",
      "abc",
      "150k",
      "150,000", // comma is a decimal separator; three decimals are refused, not guessed
      "150.000",
      "150000.505",
      "1 50 000",
      "1500 00",
      "150 000 000.",
      ".5",
      "5.",
      "0x10",
      "1_000",
      "12 ₽ 5",
      "₽",
    ]) {
      expect(parseAmount(bad), bad).toBeNull();
    }
  });

  it("round-trips any valid kopeck amount written with a decimal point", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_AMOUNT_KOPECKS }), (kopecks) => {
        const text = `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, "0")}`;
        expect(parseAmount(text)).toBe(kopecks);
      }),
    );
  });
});

describe("conversions", () => {
  it("converts kopecks to rouble numbers for JSON and back", () => {
    expect(kopecksToRoubles(15_000_050)).toBe(150000.5);
    expect(kopecksToRoubles(12_345)).toBe(123.45);
    expect(kopecksToRoubles(1)).toBe(0.01);
    expect(kopecksToRoubles(0)).toBe(0);
    expect(roublesToKopecks(150000.5)).toBe(15_000_050);
    expect(roublesToKopecks(0.1 + 0.2)).toBe(30);
    expect(roublesToKopecks(1.005)).toBe(100); // float 1.005 is 1.00499…; kopecks avoid this in storage
  });
});
