import { describe, expect, it } from "vitest";
import { hasBurnSample, isQuietTime, nextAlertStep, type OpenCondition } from "../../src/domain/alerts.js";
import { zonedInstant } from "../../src/domain/calendar.js";

const open = (toldValue: number | null, worseTold = false): OpenCondition => ({ startedAt: 0, toldValue, worseTold });

describe("nextAlertStep", () => {
  it("starts once, stays silent while it holds, and ends once", () => {
    expect(nextAlertStep("burn-high", { holds: true, value: 0.3 }, null)).toBe("start");
    expect(nextAlertStep("burn-high", { holds: false, value: 0.2 }, null)).toBeNull();
    expect(nextAlertStep("burn-high", { holds: true, value: 0.35 }, open(0.3))).toBeNull();
    expect(nextAlertStep("burn-high", { holds: false, value: 0.2 }, open(0.3))).toBe("over");
  });

  it("says 'worse' once when burn rises or the forecast falls by 10 points", () => {
    expect(nextAlertStep("burn-high", { holds: true, value: 0.4 }, open(0.3))).toBe("worse");
    expect(nextAlertStep("burn-high", { holds: true, value: 0.5 }, open(0.3, true))).toBeNull();
    expect(nextAlertStep("plan-behind", { holds: true, value: 0.7 }, open(0.8))).toBe("worse");
    expect(nextAlertStep("plan-behind", { holds: true, value: 0.71 }, open(0.8))).toBeNull();
    expect(nextAlertStep("sweet-lie", { holds: true, value: 0.9 }, open(0.3))).toBeNull();
  });

  it("a budget overrun ends without a word", () => {
    expect(nextAlertStep("budget-overrun", { holds: false, value: null }, open(null))).toBe("over-silent");
  });
});

describe("alert sample and hours", () => {
  it("needs the minimum of contacted companies", () => {
    expect(hasBurnSample(9, 10)).toBe(false);
    expect(hasBurnSample(10, 10)).toBe(true);
  });

  it("is quiet before the check-up time, from the cut-off and on days off", () => {
    const hours = { calendar: { timezone: "Europe/Moscow", workingDays: [1, 2, 3, 4, 5], holidays: [] }, checkupTime: "10:00", cutoffTime: "19:00" };
    const at = (date: string, time: string) => zonedInstant(date, time, "Europe/Moscow").getTime();
    expect(isQuietTime(at("2026-11-13", "09:59"), hours)).toBe(true);
    expect(isQuietTime(at("2026-11-13", "10:00"), hours)).toBe(false);
    expect(isQuietTime(at("2026-11-13", "18:59"), hours)).toBe(false);
    expect(isQuietTime(at("2026-11-13", "19:00"), hours)).toBe(true);
    expect(isQuietTime(at("2026-11-14", "12:00"), hours)).toBe(true);
  });
});
