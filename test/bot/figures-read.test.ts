/** Figures and names that read right in chat: a client's refusal is refused with why, company-name quotes. */
import { afterEach, describe, expect, it } from "vitest";
import { baseRows, baseTeam, loadBase, said, sendCsv, type BaseTeam } from "./base-fixture.js";

let team: BaseTeam | undefined;
afterEach(async () => {
  await team?.h.stop();
  team = undefined;
});

describe("figures that read right", () => {
  it("a refusal on a company that is already a client is refused with the reason and writes nothing", async () => {
    team = await baseTeam();
    const t = team;
    await loadBase(t);
    await t.ivan.send("/deal ООО Ромашка 150 000");
    const before = baseRows(t.h);
    const why = "«ООО Ромашка» уже клиент — первая сделка 05.10.2026. Отказ клиента не записывается: он посчитал бы купившую компанию потерянной. Ничего не записано.";
    expect(said((await t.petr.send("/refusal ООО Ромашка; цена"))[0])).toBe(why);
    // Without a reason the dialogue does not start either: the answer comes at once.
    const asked = await t.petr.send("/refusal ромашка");
    expect(asked.map(said)).toEqual([why]);
    expect(baseRows(t.h)).toEqual(before);
  });

  it("quotes inside a company name are tidied, so the chat shows «ООО „Гранит“», not «ООО \"Гранит\"»", async () => {
    team = await baseTeam();
    const t = team;
    const [imported] = await sendCsv(t.h, t.founder, 'компания;сегмент\n"ООО ""Гранит""";Опт\nАО «Вектор»;Опт\n');
    expect(said(imported)).toContain("Новых компаний: 2");
    expect(said((await t.ivan.send('/touch ООО "Гранит"'))[0])).toBe("Касание записано: «ООО „Гранит“». Это первый контакт с компанией.");
    expect(said((await t.ivan.send("/touch вектор"))[0])).toBe("Касание записано: «АО „Вектор“». Это первый контакт с компанией.");
  });
});
