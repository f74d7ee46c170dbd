import { describe, expect, it } from "vitest";
import { parseDealArgs } from "../../src/bot/features/base-args.js";

describe("parseDealArgs", () => {
  it("reads a trailing amount without a separator", () => {
    const parsed = parseDealArgs("ООО Ромашка 150 000");
    expect(parsed.ok && parsed.readings[0]).toEqual({ company: "ООО Ромашка", extra: { amountKopecks: 15_000_000 } });
  });

  it("refuses a line longer than a company name and an amount can be, without splitting it", () => {
    const huge = "слово ".repeat(20_000) + "150000";
    expect(parseDealArgs(huge)).toEqual({ ok: false, error: "company-too-long" });
  });
});
