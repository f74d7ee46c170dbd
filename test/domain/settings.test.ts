import { describe, expect, it } from "vitest";
import {
  formatWorkingDays,
  parseCloseReasonKey,
  parseCooldownSetting,
  parseHolidayDates,
  parsePercentBp,
  parseSettingsCommand,
  parseThresholdSetting,
  parseTimeSetting,
  parseTimezoneSetting,
  parseHandlingDaysSetting,
  parseWorkingDaysSetting,
  validateSetting,
  type TeamSettings,
} from "../../src/domain/settings.js";

const TODAY = "2026-10-20";
const team: TeamSettings = {
  timezone: "Europe/Moscow",
  locale: "ru",
  checkupTime: "10:00",
  cutoffTime: "18:00",
  workingDays: [1, 2, 3, 4, 5],
  country: "RU",
  extraWorkdays: [],
  holidays: ["2026-11-04"],
  handlingDays: 2,
  cooldownDays: 90,
  burnThreshold: 0.3,
  pauseThreshold: 0.3,
  closeReasons: ["merged"],
  minContacted: 10,
  founderSummary: true,
  leadSummary: true,
  importRowCap: 200_000,
  crmReasons: {},
  crmSegmentField: "Сегмент",
};

const parse = (text: string) => parseSettingsCommand(text, team, TODAY);

describe("setting validators", () => {
  it("time zones: canonical IANA names only", () => {
    expect(parseTimezoneSetting("Europe/Berlin")).toBe("Europe/Berlin");
    expect(parseTimezoneSetting("europe/berlin")).toBe("Europe/Berlin");
    expect(parseTimezoneSetting("UTC")).toBe("UTC");
    expect(parseTimezoneSetting("Mars/Olympus")).toBeNull();
    expect(parseTimezoneSetting("+03:00")).toBeNull();
    expect(parseTimezoneSetting("")).toBeNull();
  });

  it("wall times", () => {
    expect(parseTimeSetting("9:30")).toBe("09:30");
    expect(parseTimeSetting("18.00")).toBe("18:00");
    expect(parseTimeSetting("24:00")).toBeNull();
    expect(parseTimeSetting("10:60")).toBeNull();
    expect(parseTimeSetting("ten")).toBeNull();
  });

  it("working days: numbers, ranges and names", () => {
    expect(parseWorkingDaysSetting("1-5")).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkingDaysSetting("1,2,3,5")).toEqual([1, 2, 3, 5]);
    expect(parseWorkingDaysSetting("1-3 6")).toEqual([1, 2, 3, 6]);
    expect(parseWorkingDaysSetting("пн-пт")).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkingDaysSetting("Mon,Wed,Fri")).toEqual([1, 3, 5]);
    expect(parseWorkingDaysSetting("5-1")).toBeNull();
    expect(parseWorkingDaysSetting("0-4")).toBeNull();
    expect(parseWorkingDaysSetting("8")).toBeNull();
    expect(parseWorkingDaysSetting("")).toBeNull();
  });

  it("holiday dates in every accepted form", () => {
    expect(parseHolidayDates("04.11", TODAY)).toEqual(["2026-11-04"]);
    expect(parseHolidayDates("2026-12-31, 04.11 1.1.2027", TODAY)).toEqual(["2026-11-04", "2026-12-31", "2027-01-01"]);
    expect(parseHolidayDates("31.02", TODAY)).toBeNull();
    expect(parseHolidayDates("04.11 tomorrow", TODAY)).toBeNull();
  });

  it("window and cooldown: whole numbers in range, units allowed", () => {
    expect(parseHandlingDaysSetting("2")).toBe(2);
    expect(parseHandlingDaysSetting("3d")).toBe(3);
    expect(parseHandlingDaysSetting("5 рабочих дней")).toBe(5);
    expect(parseHandlingDaysSetting("1 день")).toBe(1);
    expect(parseHandlingDaysSetting("0")).toBeNull();
    expect(parseHandlingDaysSetting("31")).toBeNull();
    expect(parseHandlingDaysSetting("1.5")).toBeNull();
    // The window used to be hours: an hour count is refused, never read as days.
    expect(parseHandlingDaysSetting("48h")).toBeNull();
    expect(parseHandlingDaysSetting("24 ч")).toBeNull();
    expect(parseCooldownSetting("90")).toBe(90);
    expect(parseCooldownSetting("30 дней")).toBe(30);
    expect(parseCooldownSetting("-5")).toBeNull();
    expect(parseCooldownSetting("3651")).toBeNull();
  });

  it("percentages in basis points, and thresholds as fractions", () => {
    expect(parsePercentBp("30%")).toBe(3000);
    expect(parsePercentBp("30")).toBe(3000);
    expect(parsePercentBp("12,5 %")).toBe(1250);
    expect(parsePercentBp("0.3")).toBe(3000);
    expect(parsePercentBp("0.05")).toBe(500);
    expect(parsePercentBp("0.5%")).toBe(50);
    expect(parsePercentBp("100%")).toBe(10_000);
    expect(parsePercentBp("101%")).toBeNull();
    expect(parsePercentBp("-5%")).toBeNull();
    expect(parsePercentBp("1e2")).toBeNull();
    expect(parseThresholdSetting("30%")).toBe(0.3);
    expect(parseThresholdSetting("0%")).toBeNull();
    expect(parseThresholdSetting("0.5%")).toBeNull();
  });

  it("close reason keys", () => {
    expect(parseCloseReasonKey("moved_abroad")).toBe("moved_abroad");
    expect(parseCloseReasonKey("ЛПР уволен")).toBe("лпр_уволен");
    expect(parseCloseReasonKey("x")).toBeNull();
    expect(parseCloseReasonKey("___")).toBeNull();
    expect(parseCloseReasonKey("a;b")).toBeNull();
  });

  it("display helpers", () => {
    expect(formatWorkingDays([1, 2, 3, 4, 5])).toBe("1-5");
    expect(formatWorkingDays([1, 2, 3, 5])).toBe("1-3,5");
    expect(formatWorkingDays([1, 2, 6])).toBe("1,2,6");
  });
});

describe("parseSettingsCommand", () => {
  it("turns every subcommand into the full new value", () => {
    expect(parse("timezone Europe/Berlin")).toEqual({ ok: true, change: { setting: "timezone", value: "Europe/Berlin" } });
    expect(parse("checkup 9:00")).toEqual({ ok: true, change: { setting: "checkupTime", value: "09:00" } });
    expect(parse("cutoff 19:30")).toEqual({ ok: true, change: { setting: "cutoffTime", value: "19:30" } });
    expect(parse("workdays 1-6")).toEqual({ ok: true, change: { setting: "workingDays", value: [1, 2, 3, 4, 5, 6] } });
    expect(parse("window 3")).toEqual({ ok: true, change: { setting: "handlingDays", value: 3 } });
    expect(parse("handling_days 2")).toEqual({ ok: true, change: { setting: "handlingDays", value: 2 } });
    expect(parse("cooldown 60")).toEqual({ ok: true, change: { setting: "cooldownDays", value: 60 } });
    expect(parse("burn 25%")).toEqual({ ok: true, change: { setting: "burnThreshold", value: 0.25 } });
    expect(parse("pause 40%")).toEqual({ ok: true, change: { setting: "pauseThreshold", value: 0.4 } });
    expect(parse("language en")).toEqual({ ok: true, change: { setting: "locale", value: "en" } });
    expect(parse("ЯЗЫК ru")).toEqual({ ok: true, change: { setting: "locale", value: "ru" } });
  });

  it("holidays: add, remove, replace, clear", () => {
    expect(parse("holidays add 31.12")).toEqual({ ok: true, change: { setting: "holidays", value: ["2026-11-04", "2026-12-31"] } });
    expect(parse("holidays add 04.11")).toEqual({ ok: true, change: { setting: "holidays", value: ["2026-11-04"] } });
    expect(parse("holidays remove 04.11")).toEqual({ ok: true, change: { setting: "holidays", value: [] } });
    expect(parse("holidays remove 05.11")).toMatchObject({ ok: false, code: "holiday-missing", detail: "2026-11-05" });
    expect(parse("holidays 2026-11-04,2026-12-31")).toEqual({
      ok: true,
      change: { setting: "holidays", value: ["2026-11-04", "2026-12-31"] },
    });
    expect(parse("holidays none")).toEqual({ ok: true, change: { setting: "holidays", value: [] } });
    expect(parse("holidays add 32.01")).toMatchObject({ ok: false, code: "invalid", key: "holidays" });
    expect(parse("holidays add")).toMatchObject({ ok: false, code: "invalid", key: "holidays" });
  });

  it("close reasons: add and remove custom ones, built-ins are fixed", () => {
    expect(parse("close_reasons add relocated")).toEqual({ ok: true, change: { setting: "closeReasons", value: ["merged", "relocated"] } });
    expect(parse("close_reasons remove merged")).toEqual({ ok: true, change: { setting: "closeReasons", value: [] } });
    expect(parse("close_reasons add merged")).toMatchObject({ ok: false, code: "reason-exists" });
    expect(parse("close_reasons remove relocated")).toMatchObject({ ok: false, code: "reason-missing" });
    expect(parse("close_reasons add dm_died")).toMatchObject({ ok: false, code: "builtin-reason" });
    expect(parse("close_reasons relocated")).toMatchObject({ ok: false, code: "invalid", key: "close_reasons" });
  });

  it("check-up must stay before the cut-off", () => {
    expect(parse("checkup 18:00")).toMatchObject({ ok: false, code: "cutoff-not-after-checkup" });
    expect(parse("cutoff 09:59")).toMatchObject({ ok: false, code: "cutoff-not-after-checkup" });
  });

  it("refuses unknown settings, missing and bad values", () => {
    expect(parse("colour blue")).toMatchObject({ ok: false, code: "unknown-setting", detail: "colour" });
    expect(parse("")).toMatchObject({ ok: false, code: "unknown-setting" });
    for (const text of [
      "timezone Moscow",
      "checkup 25:00",
      "cutoff",
      "workdays 1-8",
      "window 0",
      "cooldown forever",
      "burn 150%",
      "pause -1",
      "language de",
    ]) {
      expect(parse(text), text).toMatchObject({ ok: false, code: "invalid" });
    }
  });

  it("validateSetting is the same check the menu will call", () => {
    expect(validateSetting("burn", "0.35", team, TODAY)).toEqual({ ok: true, change: { setting: "burnThreshold", value: 0.35 } });
    expect(validateSetting("window", "", team, TODAY)).toMatchObject({ ok: false, code: "invalid", key: "window" });
  });
});

describe("the team calendar settings", () => {
  it("country: a two-letter code, upper-cased; Russia by name too", () => {
    expect(parse("country kz")).toEqual({ ok: true, change: { setting: "country", value: "KZ" } });
    expect(parse("страна россия")).toEqual({ ok: true, change: { setting: "country", value: "RU" } });
    expect(parse("country Kazakhstan")).toMatchObject({ ok: false, code: "invalid", key: "country" });
  });

  it("workdays: weekdays set the week, dates edit the extra working days", () => {
    expect(parse("workdays 1-6")).toEqual({ ok: true, change: { setting: "workingDays", value: [1, 2, 3, 4, 5, 6] } });
    expect(parse("workdays add 07.11")).toEqual({ ok: true, change: { setting: "extraWorkdays", value: ["2026-11-07"] } });
    const withSaturday = { ...team, extraWorkdays: ["2026-11-07"] };
    expect(parseSettingsCommand("workdays remove 07.11", withSaturday, TODAY)).toEqual({
      ok: true,
      change: { setting: "extraWorkdays", value: [] },
    });
    expect(parse("workdays remove 14.11")).toEqual({ ok: false, code: "workday-missing", key: "workdays", detail: "2026-11-14" });
    expect(parseSettingsCommand("workdays none", withSaturday, TODAY)).toEqual({
      ok: true,
      change: { setting: "extraWorkdays", value: [] },
    });
    expect(parse("workdays add someday")).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("crm_reasons and crm_segment_field", () => {
  const crm = (text: string, current = team) => parseSettingsCommand(text, current, TODAY);
  it("sets one reason's words, restores one or all", () => {
    expect(crm("crm_reasons цена смета, дорого")).toEqual({ ok: true, change: { setting: "crmReasons", value: { price: ["смета", "дорого"] } } });
    const edited = { ...team, crmReasons: { price: ["смета"], closed: ["переехали"] } };
    expect(crm("crm_reasons price reset", edited)).toEqual({ ok: true, change: { setting: "crmReasons", value: { closed: ["переехали"] } } });
    expect(crm("crm_reasons reset", edited)).toEqual({ ok: true, change: { setting: "crmReasons", value: {} } });
  });
  it("refuses an unknown reason, other, and words too short", () => {
    for (const text of ["crm_reasons", "crm_reasons шум слова", "crm_reasons другое слово", "crm_reasons цена а", "crm_reasons цена"]) {
      expect(crm(text)).toMatchObject({ ok: false, code: "invalid", key: "crm_reasons" });
    }
  });
  it("names amoCRM's segment field, up to 100 characters", () => {
    expect(crm("crm_segment_field  Отрасль  клиента ")).toEqual({ ok: true, change: { setting: "crmSegmentField", value: "Отрасль клиента" } });
    expect(crm(`crm_segment_field ${"я".repeat(101)}`)).toMatchObject({ ok: false, code: "invalid" });
  });
});
