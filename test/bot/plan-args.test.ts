import { describe, expect, it } from "vitest";
import { parseBudgetArgs, parseExpenseArgs, parsePeriodToken, parseSetPlanArgs, parseShareArgs, periodInRange } from "../../src/bot/features/plan-args.js";
import { parseExpenseCategory } from "../../src/domain/expense-categories.js";

const NOW = "2026-11";

describe("plan command arguments", () => {
  it("periods in every accepted spelling, within a year back and two ahead", () => {
    expect(parsePeriodToken("2026-11")).toBe("2026-11");
    expect(parsePeriodToken("2026-1")).toBe("2026-01");
    expect(parsePeriodToken("11.2026")).toBe("2026-11");
    expect(parsePeriodToken("3/2027")).toBe("2027-03");
    expect(parsePeriodToken("2026-13")).toBeNull();
    expect(parsePeriodToken("ноябрь")).toBeNull();
    expect(periodInRange("2025-11", NOW)).toBe(true);
    expect(periodInRange("2025-10", NOW)).toBe(false);
    expect(periodInRange("2028-11", NOW)).toBe(true);
    expect(periodInRange("2028-12", NOW)).toBe(false);
  });

  it("/setplan", () => {
    expect(parseSetPlanArgs("2026-12 10 150 000", NOW)).toEqual({ ok: true, period: "2026-12", clients: 10, avgCheckKopecks: 15_000_000 });
    expect(parseSetPlanArgs("10 99,99 ₽", NOW)).toEqual({ ok: true, period: "2026-11", clients: 10, avgCheckKopecks: 9_999 });
    expect(parseSetPlanArgs("2026-12; 10; 1000", NOW)).toMatchObject({ ok: true, clients: 10, avgCheckKopecks: 100_000 });
    expect(parseSetPlanArgs("", NOW)).toEqual({ ok: false, error: "usage" });
    expect(parseSetPlanArgs("2026-12 10", NOW)).toEqual({ ok: false, error: "usage" });
    expect(parseSetPlanArgs("2026-00 10 1000", NOW)).toEqual({ ok: false, error: "period", text: "2026-00" });
    expect(parseSetPlanArgs("2020-01 10 1000", NOW)).toEqual({ ok: false, error: "period-range", text: "2020-01" });
    expect(parseSetPlanArgs("2026-12 0 1000", NOW)).toEqual({ ok: false, error: "clients", text: "0" });
    expect(parseSetPlanArgs("2026-12 1000001 1", NOW)).toEqual({ ok: false, error: "clients", text: "1000001" });
    expect(parseSetPlanArgs("2026-12 10 1000.001", NOW)).toEqual({ ok: false, error: "amount", text: "1000.001" });
    expect(parseSetPlanArgs("2026-12 10 1e6", NOW)).toEqual({ ok: false, error: "amount", text: "1e6" });
    expect(parseSetPlanArgs("2026-12 2 1000000000000", NOW)).toEqual({ ok: false, error: "plan-too-large" });
  });

  it("/budget", () => {
    expect(parseBudgetArgs("", NOW)).toEqual({ ok: true, kind: "show", period: "2026-11" });
    expect(parseBudgetArgs("2020-01", NOW)).toEqual({ ok: true, kind: "show", period: "2020-01" });
    expect(parseBudgetArgs("2026-12 Маркетинг 10 000", NOW)).toEqual({ ok: true, kind: "set", period: "2026-12", category: "marketing", amountKopecks: 1_000_000, paidUpFront: false });
    expect(parseBudgetArgs("премии 5000", NOW)).toEqual({ ok: true, kind: "set", period: "2026-11", category: "bonuses", amountKopecks: 500_000, paidUpFront: false });
    expect(parseBudgetArgs("salaries 300 000 заранее", NOW)).toEqual({ ok: true, kind: "set", period: "2026-11", category: "salaries", amountKopecks: 30_000_000, paidUpFront: true });
    expect(parseBudgetArgs("salaries upfront", NOW)).toMatchObject({ ok: false, error: "amount" });
    expect(parseBudgetArgs("2026-12 tools delete", NOW)).toEqual({ ok: true, kind: "delete", period: "2026-12", category: "tools" });
    expect(parseBudgetArgs("2026-12 travel 100", NOW)).toEqual({ ok: false, error: "category", text: "travel" });
    expect(parseBudgetArgs("2026-12 tools", NOW)).toEqual({ ok: false, error: "usage" });
    expect(parseBudgetArgs("2026-12 tools 0", NOW)).toEqual({ ok: false, error: "amount", text: "0" });
    expect(parseBudgetArgs("2020-01 tools 10", NOW)).toEqual({ ok: false, error: "period-range", text: "2020-01" });
  });

  it("/expense", () => {
    expect(parseExpenseArgs("15 000 ₽ маркетинг листовки к выставке")).toEqual({ ok: true, amountKopecks: 1_500_000, category: "marketing", note: "листовки к выставке" });
    expect(parseExpenseArgs("990,50 tools")).toEqual({ ok: true, amountKopecks: 99_050, category: "tools", note: null });
    expect(parseExpenseArgs("100; other; обед; с клиентом")).toEqual({ ok: true, amountKopecks: 10_000, category: "other", note: "обед; с клиентом" });
    expect(parseExpenseArgs("")).toEqual({ ok: false, error: "usage" });
    expect(parseExpenseArgs("100")).toEqual({ ok: false, error: "usage" });
    expect(parseExpenseArgs("100 food")).toEqual({ ok: false, error: "category", text: "food" });
    expect(parseExpenseArgs("abc marketing")).toEqual({ ok: false, error: "amount", text: "abc" });
    expect(parseExpenseArgs("0 marketing")).toEqual({ ok: false, error: "amount", text: "0" });
    expect(parseExpenseArgs("-1; marketing")).toEqual({ ok: false, error: "amount", text: "-1" });
    expect(parseExpenseArgs(`1 other ${"я".repeat(1001)}`)).toEqual({ ok: false, error: "note-too-long" });
    expect(parseExpenseArgs(`1 other ${"я".repeat(1000)}`)).toMatchObject({ ok: true });
  });

  it("/share", () => {
    expect(parseShareArgs("", NOW)).toEqual({ ok: true, kind: "show", period: "2026-11" });
    expect(parseShareArgs("2026-12 @ivan_m 12,5%", NOW)).toEqual({ ok: true, kind: "set", period: "2026-12", username: "ivan_m", shareBp: 1250 });
    expect(parseShareArgs("@ivan_m auto", NOW)).toEqual({ ok: true, kind: "clear", period: "2026-11", username: "ivan_m" });
    expect(parseShareArgs("@ivan_m 101%", NOW)).toEqual({ ok: false, error: "share", text: "101%" });
    expect(parseShareArgs("@i 10%", NOW)).toEqual({ ok: false, error: "username", text: "@i" });
    expect(parseShareArgs("@ivan_m", NOW)).toEqual({ ok: false, error: "usage" });
  });

  it("categories by key or Russian word", () => {
    expect(parseExpenseCategory("Зарплата")).toBe("salaries");
    expect(parseExpenseCategory("SOFTWARE")).toBe("tools");
    expect(parseExpenseCategory("прочее")).toBe("other");
    expect(parseExpenseCategory("travel")).toBeNull();
  });
});
