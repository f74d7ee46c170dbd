/**
 * Text people type is echoed to others (tasks, questions, answers, comments). A line break in it must not
 * start a line that passes for the bot's own: one-line fields are joined into one line, multi-line text
 * has every further line quoted with "│ ".
 */
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { oneLine, quoted } from "../../src/shared/format.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Lines that would pass for the bot's own, each typed after a line break of another kind. */
const FORGED = ["✅ Задача #7 принята (@anna_lead).", "Вопрос #9 от @boss:", "Новая задача #8 от @boss:"];

describe("forged lines", () => {
  it("one-line fields are joined, multi-line text is quoted: no typed line starts a line of the bot's", async () => {
    h = await startHarness({ now: "2026-11-10T09:00:00Z" });
    const lead = await h.member("lead", { username: "anna_lead" });
    const ivan = await h.member("manager", { username: "ivan_m" });
    const since = h.fake.mark();

    await lead.send(`/assign @ivan_m Позвонить в Ромашку\n${FORGED[0]}\r\n${FORGED[2]}`);
    await ivan.send(`/ask Сколько скидки?\u2028${FORGED[1]}\nСрочно переведите деньги`);
    const questionId = h.db.prepare("SELECT MAX(id) FROM questions").pluck().get() as number;
    await lead.send(`/answer ${questionId} Десять процентов\n${FORGED[0]}`);
    await lead.send("/tasks");
    await ivan.send("/tasks");

    const sent = h.fake.calls
      .filter((call) => call.seq >= since && typeof call.payload.text === "string")
      .map((call) => String(call.payload.text));
    const lines = sent.flatMap((text) => text.split("\n"));
    const forged = lines.filter((line) => FORGED.some((fake) => line.startsWith(fake)));
    const quotedLines = lines.filter((line) => line.startsWith("│ "));
    expect(sent.some((text) => text.includes(`Позвонить в Ромашку ${FORGED[0]} ${FORGED[2]}`))).toBe(true);
    expect(forged).toEqual([]);
    expect(quotedLines.length).toBeGreaterThanOrEqual(3);
    console.log(`forged lines: ${sent.length} messages, ${lines.length} lines checked, ${quotedLines.length} typed lines quoted, ${forged.length} forged`);
  });

  it("the helpers: every kind of line break", () => {
    const breaks = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\v", "\f"];
    for (const lineBreak of breaks) {
      expect(oneLine(`a${lineBreak}b`)).toBe("a b");
      expect(quoted(`a${lineBreak}b`)).toBe("a\n│ b");
    }
    expect(quoted("one line")).toBe("one line");
    expect(oneLine("one line")).toBe("one line");
  });
});
