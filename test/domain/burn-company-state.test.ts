import { describe, expect, it } from "vitest";
import { zonedInstant } from "../../src/domain/calendar.js";
import {
  allowedCloseReasons,
  companyStateAt,
  cooldownUntil,
  parseCloseReason,
  parseRefusalReason,
} from "../../src/domain/company-state.js";
import type { CompanyEvent } from "../../src/domain/company-state.js";

const TZ = "Europe/Moscow";
const settings = { timezone: TZ, handlingWindowHours: 48, cooldownDays: 90 };
const at = (day: string, time = "12:00") => zonedInstant(day, time, TZ).getTime();
const state = (events: CompanyEvent[], day: string, time = "12:00") => companyStateAt(events, at(day, time), settings);

describe("companyStateAt", () => {
  it("fresh → contacted → refused (window open) → cooling when the window closes unhandled", () => {
    const events: CompanyEvent[] = [
      { kind: "touch", at: at("2026-03-01") },
      { kind: "refusal", at: at("2026-03-02", "10:00"), lostForGood: false },
    ];
    expect(state(events, "2026-02-28").state).toBe("fresh");
    expect(state(events, "2026-03-01").state).toBe("contacted");
    expect(state(events, "2026-03-04", "09:59")).toMatchObject({ state: "refused", cooldownUntil: null });
    expect(state(events, "2026-03-04", "10:00")).toMatchObject({
      state: "cooling",
      cooldownUntil: "2026-05-31",
      coolingSince: at("2026-03-04", "10:00"),
    });
    expect(state(events, "2026-05-30", "23:59").state).toBe("cooling");
    expect(state(events, "2026-05-31", "00:00")).toMatchObject({ state: "contacted", cooldownUntil: null });
    expect(state(events, "2026-05-31").refusals).toEqual([
      { at: at("2026-03-02", "10:00"), windowEndAt: at("2026-03-04", "10:00"), lostForGood: false, status: "burned", settledAt: at("2026-03-04", "10:00") },
    ]);
  });

  it("handled inside the window never burns; at the window's end it is too late", () => {
    const refusal: CompanyEvent = { kind: "refusal", at: at("2026-03-02", "10:00"), lostForGood: false };
    expect(state([refusal, { kind: "handled", at: at("2026-03-04", "09:59") }], "2026-03-10").state).toBe("handled");
    expect(state([refusal, { kind: "handled", at: at("2026-03-04", "10:00") }], "2026-03-10").state).toBe("cooling");
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
    expect(state(events, "2026-03-04", "11:00").cooldownUntil).toBe("2026-05-31");
    expect(state(events, "2026-03-05", "11:00").cooldownUntil).toBe("2026-06-01");
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
    const short = { ...settings, cooldownDays: 1, handlingWindowHours: 72 };
    const events: CompanyEvent[] = [{ kind: "refusal", at: at("2026-03-02"), lostForGood: false }];
    const s = companyStateAt(events, at("2026-03-06"), short);
    expect(s.state).toBe("contacted");
    expect(s.refusals[0]!.status).toBe("burned");
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
