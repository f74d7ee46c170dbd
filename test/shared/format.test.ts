import { describe, expect, it } from "vitest";
import { formatClientForecast, formatClientRange, formatDay, formatDecimal, formatMoney, formatPercent, formatShortDay, memberName } from "../../src/shared/format.js";

const NBSP = "\u00a0";

describe("formatMoney", () => {
  it("formats Russian amounts with no-break spaces and the rouble sign", () => {
    expect(formatMoney(15_000_000, "ru")).toBe(`150${NBSP}000${NBSP}₽`);
    expect(formatMoney(99_950, "ru")).toBe(`999,50${NBSP}₽`);
    expect(formatMoney(105, "ru")).toBe(`1,05${NBSP}₽`);
    expect(formatMoney(0, "ru")).toBe(`0${NBSP}₽`);
    expect(formatMoney(123_456_789_00, "ru")).toBe(`123${NBSP}456${NBSP}789${NBSP}₽`);
    expect(formatMoney(-250_000, "ru")).toBe(`-2${NBSP}500${NBSP}₽`);
    expect(formatMoney(10_000, "ru", "USD")).toBe(`100${NBSP}$`);
    expect(formatMoney(10_000, "ru", "CNY")).toBe(`100${NBSP}CNY`);
  });

  it("formats English amounts with the ISO code first and comma groups", () => {
    expect(formatMoney(15_000_000, "en")).toBe(`RUB${NBSP}150,000`);
    expect(formatMoney(99_999, "en")).toBe(`RUB${NBSP}999.99`);
    expect(formatMoney(99, "en", "eur")).toBe(`EUR${NBSP}0.99`);
    expect(formatMoney(100_000_000_000_000, "en")).toBe(`RUB${NBSP}1,000,000,000,000`);
    expect(formatMoney(-100, "en")).toBe(`-RUB${NBSP}1`);
  });

  it("drops the kopecks from 1 000 up, rounding half away from zero", () => {
    expect(formatMoney(100_000, "ru")).toBe(`1${NBSP}000${NBSP}₽`);
    expect(formatMoney(100_049, "ru")).toBe(`1${NBSP}000${NBSP}₽`);
    expect(formatMoney(15_000_049, "ru")).toBe(`150${NBSP}000${NBSP}₽`);
    expect(formatMoney(15_000_050, "ru")).toBe(`150${NBSP}001${NBSP}₽`);
    expect(formatMoney(15_000_050, "en")).toBe(`RUB${NBSP}150,001`);
    expect(formatMoney(-41_999_950, "en")).toBe(`-RUB${NBSP}420,000`);
  });

  it("rounds non-integer kopecks", () => {
    expect(formatMoney(149.6, "en")).toBe(`RUB${NBSP}1.50`);
  });
});

describe("formatPercent", () => {
  it("shows whole percents by default and more decimals when asked", () => {
    expect(formatPercent(0.4600005)).toBe("46%");
    expect(formatPercent(0.3, 2)).toBe("30%");
    expect(formatPercent(0.125, 2)).toBe("12.5%");
  });

  it("shows a dash for a rate with nothing to rate", () => {
    expect(formatPercent(null)).toBe("—");
  });
});

describe("days", () => {
  it("writes a full day and a short one", () => {
    expect(formatDay("2026-11-05")).toBe("05.11.2026");
    expect(formatShortDay("2026-11-05")).toBe("05.11");
    expect(formatShortDay("2027-01-05", "2026")).toBe("05.01.2027");
  });
});

describe("formatDecimal", () => {
  it("uses the locale's decimal mark", () => {
    expect(formatDecimal(2.46, "ru")).toBe("2,5");
    expect(formatDecimal(2.46, "en")).toBe("2.5");
  });
});

describe("memberName", () => {
  it("shows the name with the @username, else whichever of them there is, else the Telegram id", () => {
    expect(memberName({ username: "ivan", firstName: "Иван", lastName: "Петров", userId: 7 })).toBe("Иван Петров (@ivan)");
    expect(memberName({ username: "ivan_m", firstName: "Ivan", lastName: "", userId: 7 })).toBe("Ivan (@ivan_m)");
    expect(memberName({ username: "ivan", firstName: "Ivan", lastName: "", userId: 7 })).toBe("@ivan");
    expect(memberName({ username: "ivan", firstName: "", userId: 7 })).toBe("@ivan");
    expect(memberName({ username: "ivan_m", firstName: "ivan_m", userId: 7 })).toBe("@ivan_m");
    expect(memberName({ username: null, firstName: "Ivan", userId: 7 })).toBe("Ivan");
    expect(memberName({ username: null, firstName: "", userId: 7 })).toBe("7");
  });
});

describe("client counts", () => {
  it("a planned share that is not whole reads as the two whole counts around it", () => {
    expect(formatClientRange(2.5)).toBe("2–3");
    expect(formatClientRange(0.3)).toBe("0–1");
    expect(formatClientRange(10 * 0.3)).toBe("3");
    expect(formatClientRange(4)).toBe("4");
    expect(formatClientRange(0)).toBe("0");
  });

  it("a forecast is rounded to whole clients, half up", () => {
    expect(formatClientForecast(2.5)).toBe("3");
    expect(formatClientForecast(7.49)).toBe("7");
    expect(formatClientForecast(0)).toBe("0");
  });
});
