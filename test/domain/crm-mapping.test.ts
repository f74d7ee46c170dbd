import { describe, expect, it } from "vitest";
import { crmAmountKopecks, crmRecordMoment, dealChange, memberByCrmName } from "../../src/domain/crm-mapping.js";
import type { CrmDealState } from "../../src/domain/crm-mapping.js";
import { crmReasonWords, DEFAULT_CRM_REASONS, meaningOfCrmWords, parseCrmReasonKey, parseCrmWords } from "../../src/domain/crm-reasons.js";

const open = (stageId = "NEW"): CrmDealState => ({ semantic: "P", stageId, amountKopecks: null });
const failed = (stageId = "LOSE"): CrmDealState => ({ semantic: "F", stageId, amountKopecks: null });
const won = (amountKopecks: number | null): CrmDealState => ({ semantic: "S", stageId: "WON", amountKopecks });

describe("dealChange", () => {
  it("a new deal is a touch, a refusal or a deal by its stage group", () => {
    expect(dealChange(undefined, open())).toEqual({ kind: "touch" });
    expect(dealChange(undefined, failed())).toEqual({ kind: "refusal" });
    expect(dealChange(undefined, won(100))).toEqual({ kind: "won" });
  });

  it("a move between open stages is a touch; the same stage again is nothing", () => {
    expect(dealChange(open("NEW"), open("PREPARATION"))).toEqual({ kind: "touch" });
    expect(dealChange(open("NEW"), open("NEW"))).toEqual({ kind: "none" });
  });

  it("failing is a refusal once; back to an open stage is reopened; failed to won is a deal", () => {
    expect(dealChange(open(), failed())).toEqual({ kind: "refusal" });
    expect(dealChange(failed("LOSE"), failed("APOLOGY"))).toEqual({ kind: "none" });
    expect(dealChange(failed(), open())).toEqual({ kind: "reopened" });
    expect(dealChange(failed(), won(500))).toEqual({ kind: "won" });
  });

  it("a won deal stays won while only its amount changes", () => {
    expect(dealChange(won(100), won(250))).toEqual({ kind: "amount", amountKopecks: 250 });
    expect(dealChange(won(100), won(100))).toEqual({ kind: "none" });
    expect(dealChange(won(100), won(null))).toEqual({ kind: "none" });
  });

  it("a won deal moved back is taken back, then counts as what its new stage means", () => {
    expect(dealChange(won(100), open())).toEqual({ kind: "unwon", then: "touch" });
    expect(dealChange(won(100), failed())).toEqual({ kind: "unwon", then: "refusal" });
  });
});

describe("crmRecordMoment", () => {
  const moments = { createdAt: 1_000, modifiedAt: 5_000, closedAt: 3_000 };
  it("a won deal on its close date, a new deal on its creation, anything else on its last change", () => {
    expect(crmRecordMoment("won", false, moments, 10_000, 0)).toBe(3_000);
    expect(crmRecordMoment("touch", true, moments, 10_000, 0)).toBe(1_000);
    expect(crmRecordMoment("touch", false, moments, 10_000, 0)).toBe(5_000);
    expect(crmRecordMoment("refusal", false, moments, 10_000, 0)).toBe(5_000);
    expect(crmRecordMoment("won", false, { ...moments, closedAt: null }, 10_000, 0)).toBe(5_000);
  });

  it("never after the sync's moment, never before the company entered the base", () => {
    expect(crmRecordMoment("touch", false, moments, 4_000, 0)).toBe(4_000);
    expect(crmRecordMoment("touch", true, moments, 10_000, 2_000)).toBe(2_000);
    expect(crmRecordMoment("refusal", false, { createdAt: null, modifiedAt: null, closedAt: null }, 10_000, 0)).toBe(10_000);
  });
});

describe("memberByCrmName", () => {
  const members = [
    { id: 1, firstName: "Иван", lastName: "Петров" },
    { id: 2, firstName: "Анна", lastName: "Сидорова" },
    { id: 3, firstName: "Анна", lastName: "Сидорова" },
    { id: 4, firstName: "Пётр", lastName: "" },
  ];
  it("the one member with the same first and last name, ignoring case, ё and spacing", () => {
    expect(memberByCrmName(" иван  ПЕТРОВ ", members)).toBe(1);
    expect(memberByCrmName("Петр", members)).toBe(4);
  });
  it("nobody when no member or two members have the name", () => {
    expect(memberByCrmName("Анна Сидорова", members)).toBeNull();
    expect(memberByCrmName("Петров Иван", members)).toBeNull();
    expect(memberByCrmName("", members)).toBeNull();
  });
});

describe("meaningOfCrmWords", () => {
  it.each([
    ["Дорого", "price"],
    ["Высокая цена", "price"],
    ["Нет бюджета", "price"],
    ["Ушли к конкуренту", "competitor"],
    ["Нет потребности", "need"],
    ["Не интересно", "need"],
    ["Не сейчас", "timing"],
    ["Вернуться позже", "timing"],
    ["Клиент не отвечает", "noanswer"],
    ["Недозвон", "noanswer"],
    ["Too expensive", "price"],
  ])("%s → %s, no comment", (name, reason) => {
    expect(meaningOfCrmWords(name, DEFAULT_CRM_REASONS)).toEqual({ kind: "refusal", reason, comment: null });
  });

  it("unknown words are other, the CRM's words kept as the comment", () => {
    expect(meaningOfCrmWords(" Не сошлись характерами ", DEFAULT_CRM_REASONS)).toEqual({ kind: "refusal", reason: "other", comment: "Не сошлись характерами" });
    expect(meaningOfCrmWords("", DEFAULT_CRM_REASONS)).toEqual({ kind: "refusal", reason: "other", comment: null });
  });

  it.each([
    ["ЛПР умер", "dm_died"],
    ["Бизнес закрылся", "business_closed"],
    ["Компания закрыта", "business_closed"],
    ["Организация ликвидирована", "business_closed"],
  ])("%s closes the company (%s)", (name, closeReason) => {
    expect(meaningOfCrmWords(name, DEFAULT_CRM_REASONS)).toEqual({ kind: "closed", closeReason, comment: name });
  });

  it("amoCRM's own lost status is a refusal, not a close", () => {
    expect(meaningOfCrmWords("Закрыто и не реализовано", DEFAULT_CRM_REASONS)).toMatchObject({ kind: "refusal", reason: "other" });
  });

  it("the founder's words replace one reason's and leave the others", () => {
    const words = crmReasonWords({ price: ["смета"], closed: ["переехали"] });
    expect(meaningOfCrmWords("Не устроила смета", words)).toMatchObject({ kind: "refusal", reason: "price" });
    expect(meaningOfCrmWords("Дорого", words)).toMatchObject({ kind: "refusal", reason: "other" });
    expect(meaningOfCrmWords("Переехали в другой город", words)).toMatchObject({ kind: "closed", closeReason: "business_closed" });
    expect(meaningOfCrmWords("Ушли к конкуренту", words)).toMatchObject({ kind: "refusal", reason: "competitor" });
  });

  it("reasons and words as the founder types them", () => {
    expect(parseCrmReasonKey("цена")).toBe("price");
    expect(parseCrmReasonKey("closed")).toBe("closed");
    expect(parseCrmReasonKey("другое")).toBeNull();
    expect(parseCrmWords("Дорого,  бюджет ; Смета")).toEqual(["дорого", "бюджет", "смета"]);
    expect(parseCrmWords("д, бюджет")).toBeNull();
  });
});

describe("crmAmountKopecks", () => {
  it("reads the CRM's amounts exactly, in kopecks", () => {
    expect(crmAmountKopecks("150000.00")).toBe(15_000_000);
    expect(crmAmountKopecks("0.1")).toBe(10);
    expect(crmAmountKopecks(1234.56)).toBe(123_456);
    expect(crmAmountKopecks("99999.99")).toBe(9_999_999);
  });

  it("nothing, zero, negatives and words are no amount", () => {
    for (const value of ["", "0.00", "0", "-5", "abc", null, undefined, "1e5"]) expect(crmAmountKopecks(value)).toBeNull();
  });
});
