import { describe, expect, it } from "vitest";
import { crmAmountKopecks, dealChange, reasonFromCrmWords } from "../../src/domain/crm-mapping.js";
import type { CrmDealState } from "../../src/domain/crm-mapping.js";

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

  it("a won deal changes only by its amount", () => {
    expect(dealChange(won(100), won(250))).toEqual({ kind: "amount", amountKopecks: 250 });
    expect(dealChange(won(100), won(100))).toEqual({ kind: "none" });
    expect(dealChange(won(100), won(null))).toEqual({ kind: "none" });
    expect(dealChange(won(100), open())).toEqual({ kind: "none" });
  });
});

describe("reasonFromCrmWords", () => {
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
    expect(reasonFromCrmWords(name)).toEqual({ reason, comment: null });
  });

  it("unknown words are other, the CRM's words kept as the comment", () => {
    expect(reasonFromCrmWords(" Не сошлись характерами ")).toEqual({ reason: "other", comment: "Не сошлись характерами" });
    expect(reasonFromCrmWords("")).toEqual({ reason: "other", comment: null });
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
