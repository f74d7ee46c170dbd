import { describe, expect, it } from "vitest";
import { zonedInstant } from "../../src/domain/calendar.js";
import {
  allowedCloseReasons,
  companyStateAt,
  cooldownUntil,
  handlingDeadlineDay,
  handlingWindowEnd,
  movedWindowEnd,
  parseCloseReason,
  parseRefusalReason,
} from "../../src/domain/company-state.js";
import type { CompanyEvent, StateSettings } from "../../src/domain/company-state.js";

const TZ = "Europe/Moscow";
// Russia's calendar, Monday–Friday: 8 March 2026 is a Sunday, so Monday 9 March is a day off.
const settings: StateSettings = { timezone: TZ, workingDays: [1, 2, 3, 4, 5], holidays: [], country: "RU", handlingDays: 2, cooldownDays: 90 };
const at = (day: string, time = "12:00") => zonedInstant(day, time, TZ).getTime();
const state = (events: CompanyEvent[], day: string, time = "12:00") => companyStateAt(events, at(day, time), settings);

describe("companyStateAt", () => {
  it("fresh → contacted → refused (window open) → cooling when the window closes unhandled", () => {
    // Refused on Monday 2 March: the window ends with Wednesday 4 March, the 2nd working day after.
    const events: CompanyEvent[] = [
      { kind: "touch", at: at("2026-03-01") },
      { kind: "refusal", at: at("2026-03-02", "10:00"), lostForGood: false },
    ];
    expect(state(events, "2026-02-28").state).toBe("fresh");
    expect(state(events, "2026-03-01").state).toBe("contacted");
    expect(state(events, "2026-03-04", "23:59")).toMatchObject({ state: "refused", cooldownUntil: null });
    expect(state(events, "2026-03-05", "00:00")).toMatchObject({
      state: "cooling",
      cooldownUntil: "2026-05-31",
      coolingSince: at("2026-03-05", "00:00"),
    });
    expect(state(events, "2026-05-30", "23:59").state).toBe("cooling");
    expect(state(events, "2026-05-31", "00:00")).toMatchObject({ state: "contacted", cooldownUntil: null });
    expect(state(events, "2026-05-31").refusals).toEqual([
      { at: at("2026-03-02", "10:00"), windowEndAt: at("2026-03-05", "00:00"), lostForGood: false, status: "burned", settledAt: at("2026-03-05", "00:00") },
    ]);
  });

  it("handled inside the window never burns; at the window's end it is too late", () => {
    const refusal: CompanyEvent = { kind: "refusal", at: at("2026-03-02", "10:00"), lostForGood: false };
    expect(state([refusal, { kind: "handled", at: at("2026-03-04", "23:59") }], "2026-03-10").state).toBe("handled");
    expect(state([refusal, { kind: "handled", at: at("2026-03-05", "00:00") }], "2026-03-10").state).toBe("cooling");
  });

  it("a deal inside the window handles the refusal; a won company stays won", () => {
    const events: CompanyEvent[] = [
      { kind: "refusal", at: at("2026-03-02"), lostForGood: false },
      { kind: "deal", at: at("2026-03-03") },
      { kind: "touch", at: at("2026-03-10") },
    ];
    expect(state(events, "2026-03-20")).toMatchObject({ state: "won", wonAt: at("2026-03-03"), firstContactAt: at("2026-03-02") });
  });

  it("a second burn while cooling extends the cooldown; unfreeze ends it at once", () => {
    const events: CompanyEvent[] = [
      { kind: "refusal", at: at("2026-03-02", "10:00"), lostForGood: false },
      { kind: "refusal", at: at("2026-03-03", "10:00"), lostForGood: false },
    ];
    expect(state(events, "2026-03-05", "11:00").cooldownUntil).toBe("2026-05-31");
    expect(state(events, "2026-03-06", "11:00").cooldownUntil).toBe("2026-06-01");
    const unfrozen = [...events, { kind: "unfreeze", at: at("2026-03-10") } as CompanyEvent];
    expect(state(unfrozen, "2026-03-10")).toMatchObject({ state: "contacted", cooldownUntil: null });
  });

  it("lost for good burns at once and never cools back; unfreeze takes it back; close is final", () => {
    const lost: CompanyEvent[] = [{ kind: "refusal", at: at("2026-03-02"), lostForGood: true }];
    expect(state(lost, "2026-03-02")).toMatchObject({ state: "lost", lostAt: at("2026-03-02") });
    expect(state(lost, "2030-01-01").state).toBe("lost");
    expect(state([...lost, { kind: "unfreeze", at: at("2026-04-01") }], "2026-04-02").state).toBe("contacted");
    const closed: CompanyEvent[] = [...lost, { kind: "close", at: at("2026-03-05") }, { kind: "unfreeze", at: at("2026-03-06") }];
    expect(state(closed, "2026-04-01")).toMatchObject({ state: "closed", closedAt: at("2026-03-05"), lostAt: null });
  });

  it("a cooldown that ends before the window closes burns without cooling", () => {
    const short = { ...settings, cooldownDays: 1, handlingDays: 3 };
    const events: CompanyEvent[] = [{ kind: "refusal", at: at("2026-03-02"), lostForGood: false }];
    const s = companyStateAt(events, at("2026-03-06"), short);
    expect(s.state).toBe("contacted");
    expect(s.refusals[0]!.status).toBe("burned");
  });

  it("a refusal logged on Friday afternoon is not burned on Monday and burns after Tuesday", () => {
    const events: CompanyEvent[] = [{ kind: "refusal", at: at("2026-03-13", "16:00"), lostForGood: false }];
    expect(state(events, "2026-03-16", "23:59").state).toBe("refused");
    expect(state(events, "2026-03-17", "23:59").state).toBe("refused");
    expect(state(events, "2026-03-18", "00:00").state).toBe("cooling");
  });

  it("the window counts working days of the team calendar: weekends, holidays and their moves do not count", () => {
    const deadline = (day: string, time: string, over: Partial<StateSettings> = {}) =>
      handlingDeadlineDay(at(day, time), { ...settings, ...over });
    // Friday 6 March: Saturday, Sunday and Monday 9 March (8 March moved off a Sunday) are days off.
    expect(deadline("2026-03-06", "16:00")).toBe("2026-03-11");
    // Monday 2 November: 4 November is a public holiday.
    expect(deadline("2026-11-02", "10:00")).toBe("2026-11-05");
    // A refusal at night counts from its own day and gets whole working days, never a night-time minute.
    expect(deadline("2026-03-10", "03:31")).toBe("2026-03-12");
    expect(handlingWindowEnd(at("2026-03-10", "03:31"), settings)).toBe(at("2026-03-13", "00:00"));
    // Logged on a Saturday: the two working days are Monday and Tuesday.
    expect(deadline("2026-03-14", "11:00")).toBe("2026-03-17");
    // The founder's working Saturday and own holiday count too; so does the window's length.
    expect(deadline("2026-03-13", "16:00", { extraWorkdays: ["2026-03-14"] })).toBe("2026-03-16");
    expect(deadline("2026-03-13", "16:00", { holidays: ["2026-03-16"] })).toBe("2026-03-18");
    expect(deadline("2026-03-13", "16:00", { handlingDays: 1 })).toBe("2026-03-16");
  });

  it("cooldownUntil counts local days, across DST changes too", () => {
    expect(cooldownUntil(at("2026-03-02", "23:30"), settings)).toBe("2026-05-31");
    const berlin = zonedInstant("2026-03-28", "23:30", "Europe/Berlin").getTime();
    expect(cooldownUntil(berlin, { timezone: "Europe/Berlin", cooldownDays: 2 })).toBe("2026-03-30");
  });
});

describe("reasons typed by people", () => {
  it("refusal reasons: keys and Russian/English words", () => {
    expect(parseRefusalReason("price")).toBe("price");
    expect(parseRefusalReason(" Дорого ")).toBe("price");
    expect(parseRefusalReason("нет ответа")).toBe("noanswer");
    expect(parseRefusalReason("у конкурента")).toBe("competitor");
    expect(parseRefusalReason("погода")).toBeNull();
  });

  it("close reasons: built-in keys and words, plus the team's own", () => {
    expect(allowedCloseReasons(["merged", " ", "dm_died"])).toEqual(["dm_died", "business_closed", "merged"]);
    expect(parseCloseReason("ЛПР умер", [])).toBe("dm_died");
    expect(parseCloseReason("Business_Closed", [])).toBe("business_closed");
    expect(parseCloseReason("MERGED", ["merged"])).toBe("merged");
    expect(parseCloseReason("merged", [])).toBeNull();
    expect(parseCloseReason("не интересно", [])).toBeNull();
  });
});

describe("movedWindowEnd", () => {
  it("a refusal moved to another day keeps its working days; an older window in hours keeps its length", () => {
    const monday = at("2026-03-02", "10:00");
    const friday = at("2026-03-13", "16:00");
    // 2 working days after Monday 2 March end with Wednesday; moved to Friday 13th they end with Tuesday 17th.
    expect(movedWindowEnd(monday, at("2026-03-05", "00:00"), friday, settings)).toBe(at("2026-03-18", "00:00"));
    expect(movedWindowEnd(monday, monday + 48 * 3_600_000, friday, settings)).toBe(friday + 48 * 3_600_000);
  });
});
