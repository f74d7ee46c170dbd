/** Every dialogue is bounded: wrong answers are not kept in its state, a few of them end it, and a day of silence expires it. */
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { baseRows, eventsOf, loadBase, MONDAY, said, type BaseTeam } from "./base-fixture.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function team(maxWrongAnswers?: number): Promise<BaseTeam> {
  h = await startHarness({ now: MONDAY, maxWrongAnswers });
  const t: BaseTeam = {
    h,
    founder: await h.member("founder", { username: "boss" }),
    lead: await h.member("lead", { username: "anna_lead" }),
    ivan: await h.member("manager", { username: "ivan_m" }),
    petr: await h.member("manager", { username: "petr_m" }),
  };
  await loadBase(t);
  return t;
}

/** Bytes of every open dialogue's stored state. */
const stateBytes = (harness: Harness) => harness.db.prepare("SELECT COALESCE(SUM(length(value)), 0) FROM kv WHERE key LIKE 'conv:%'").pluck().get() as number;

describe("dialogue limits", () => {
  it("600 wrong answers to /refusal leave its stored state the size it was", { timeout: 120_000 }, async () => {
    const { h, ivan } = await team(10_000);
    await ivan.send("/refusal ООО Ромашка");
    const opened = stateBytes(h);
    expect(opened).toBeGreaterThan(0);
    const started = performance.now();
    let hints = 0;
    for (let i = 0; i < 600; i++) {
      const [hint] = await ivan.send(`не знаю ${i}`);
      if (said(hint).includes("Выберите причину кнопкой")) hints++;
      h.clock.advance(1000);
    }
    const perUpdate = (performance.now() - started) / 600;
    expect(hints).toBe(600);
    expect(stateBytes(h)).toBe(opened);
    // The dialogue still works after them, and the refusal is recorded once.
    await ivan.send("цена");
    await ivan.send("нет");
    expect(eventsOf(h, "ООО Ромашка")).toEqual([{ kind: "refusal", reason: "price", attempted: null, lost: 0, comment: null, member: "ivan_m" }]);
    console.log(`dialogue limits: 600 wrong answers, stored state ${opened} bytes before and ${opened} after, ${perUpdate.toFixed(1)} ms per update`);
  });

  it("three wrong answers in a row end the dialogue with a message; it saves nothing and the next text is not taken as an answer", async () => {
    const { h, ivan } = await team();
    await ivan.send("/refusal ООО Ромашка");
    const before = baseRows(h);
    expect(said((await ivan.send("не знаю"))[0])).toContain("Выберите причину кнопкой");
    expect(said((await ivan.send("может быть"))[0])).toContain("Выберите причину кнопкой");
    const [ended] = await ivan.send("ну вот");
    expect(said(ended)).toBe("Слишком много неподходящих ответов подряд (3), поэтому я закрыл этот диалог. Отправьте команду ещё раз, чтобы начать сначала.");
    expect(stateBytes(h)).toBe(0);
    // "цена" would have been a right answer; the dialogue is gone, so it is only a text now.
    expect(said((await ivan.send("цена"))[0])).toContain("/help");
    expect(baseRows(h)).toEqual(before);

    // A right answer in between starts the count again: two wrong per question never end it.
    await ivan.send("/refusal ООО Ромашка");
    await ivan.send("не знаю");
    await ivan.send("не знаю");
    await ivan.send("цена");
    await ivan.send("может быть");
    await ivan.send("может быть");
    await ivan.send("нет");
    expect(eventsOf(h, "ООО Ромашка")).toEqual([{ kind: "refusal", reason: "price", attempted: null, lost: 0, comment: null, member: "ivan_m" }]);
    console.log("dialogue limits: 3 wrong answers ended the dialogue, 0 rows written; 2 wrong answers per question let it finish");
  });

  it("a wrong value typed into the settings menu counts the same way", async () => {
    const { h, founder } = await team();
    const rows = () => h.db.prepare("SELECT * FROM teams").all();
    const before = rows();
    await founder.send("/settings");
    const menu = founder.last()!;
    await founder.press("set:open:window", menu);
    await founder.press("set:type:window", menu);
    expect(said((await founder.send("abc"))[0])).toContain("Это значение не подходит");
    expect(said((await founder.send("0"))[0])).toContain("Это значение не подходит");
    const [ended] = await founder.send("31");
    expect(said(ended)).toContain("Слишком много неподходящих ответов подряд (3)");
    expect(stateBytes(h)).toBe(0);
    expect(rows()).toEqual(before);
  });

  it("a dialogue left unanswered for a day expires: the late answer is told so and saves nothing", async () => {
    const { h, ivan } = await team();
    await ivan.send("/refusal ООО Ромашка");
    h.clock.advance(23 * 3600_000);
    await ivan.send("цена"); // within the day: taken
    h.clock.advance(24 * 3600_000 + 1000);
    const before = baseRows(h);
    const [late] = await ivan.send("нет");
    expect(said(late)).toBe("Этот вопрос был задан больше суток назад, поэтому диалог закрыт, а ответ не сохранён. Отправьте команду ещё раз, чтобы начать сначала.");
    expect(stateBytes(h)).toBe(0);
    expect(baseRows(h)).toEqual(before);
    expect(eventsOf(h, "ООО Ромашка")).toEqual([]);
    console.log("dialogue limits: an answer 23 h after its question taken, one 24 h after told the dialogue expired, 0 rows written");
  });
});
