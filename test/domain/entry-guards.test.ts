import { describe, expect, it } from "vitest";
import { isOutlierDeal, median, usualCheck } from "../../src/domain/entry-guards.js";

describe("the usual check a deal is compared with", () => {
  it("is the plan's average check when there is a plan, else the median deal of the last 90 days", () => {
    expect(usualCheck(10_000_000, [1, 2, 3])).toEqual({ basis: "plan", kopecks: 10_000_000 });
    expect(usualCheck(null, [300, 100, 200, 10_000])).toEqual({ basis: "median", kopecks: 250 });
    expect(usualCheck(null, [])).toBeNull();
  });

  it("calls a deal above five usual checks an outlier, and nothing an outlier without a usual check", () => {
    const usual = { basis: "median", kopecks: 100 } as const;
    expect(isOutlierDeal(500, usual)).toBe(false);
    expect(isOutlierDeal(501, usual)).toBe(true);
    expect(isOutlierDeal(1_000_000, null)).toBe(false);
  });

  it("takes the middle amount, or the rounded mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});
