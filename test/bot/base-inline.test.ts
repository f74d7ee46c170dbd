/**
 * The lead base in chat, the reviewer's findings: a refusal saved as soon as its reason and "lost for good" are
 * known and dated to the /refusal, a company added in one line (/add, or a typed segment after [Add as new]),
 * and the /import report (duplicates inside one file, line numbers, files that are not CSV).
 */
import { afterEach, describe, expect, it } from "vitest";
import { baseRows, baseTeam, buttonData, buttonTexts, companyRow, eventsOf, loadBase, said, sendCsv, type BaseTeam } from "./base-fixture.js";

let team: BaseTeam | undefined;
afterEach(async () => {
  await team?.h.stop();
  team = undefined;
});

async function start(): Promise<BaseTeam> {
  team = await baseTeam();
  await loadBase(team);
  return team;
}

const HOUR = 60 * 60 * 1000;
/** MONDAY of the fixture: 5 October 2026, 10:00 in Moscow. */
const REFUSED_AT = Date.parse("2026-10-05T07:00:00Z");
/** Its window of 2 working days ends with Wednesday 7 October: midnight in Moscow. */
const WINDOW_END = Date.parse("2026-10-07T21:00:00Z");

function refusalRow(t: BaseTeam, company: string): { at: number; window_end_at: number; comment: string | null; status: string } {
  return t.h.db
    .prepare("SELECT e.at, e.window_end_at, e.comment, e.status FROM company_events e JOIN companies c ON c.id = e.company_id WHERE c.name = ? AND e.kind = 'refusal'")
    .get(company) as { at: number; window_end_at: number; comment: string | null; status: string };
}

describe("the refusal dialogue", () => {
  it("records the refusal on the 'lost for good' answer, dated to the /refusal; a command instead of the comment keeps it", async () => {
    const t = await start();
    const { h, ivan } = t;
    const [ask] = await ivan.send("/refusal ООО Ромашка");
    h.clock.advance(10 * 60 * 1000);
    const [lost] = await ivan.press("brf:r:price", ask);
    h.clock.advance(20 * 60 * 1000);
    const [saved] = await ivan.press("brf:l:0", lost);
    // The window runs from the /refusal's day, not from the answer.
    expect(said(saved)).toContain("Отказ записан: «ООО Ромашка» — цена.\nОтработайте его до конца дня ср 07.10.2026");
    expect(refusalRow(t, "ООО Ромашка")).toEqual({ at: REFUSED_AT, window_end_at: WINDOW_END, comment: null, status: "pending" });

    // Another command instead of the comment: the dialogue is left, the refusal stays, the command runs.
    const [touch] = await ivan.send("/touch ООО Василёк");
    expect(said(touch)).toBe("Касание записано: «ООО Василёк». Это первый контакт с компанией.");
    expect(eventsOf(h, "ООО Ромашка")).toEqual([{ kind: "refusal", reason: "price", attempted: null, lost: 0, comment: null, member: "ivan_m" }]);
    // The text that follows is no longer taken for a comment.
    await ivan.send("дорого");
    expect(refusalRow(t, "ООО Ромашка").comment).toBeNull();
  });

  it("a comment given within the day is added to the refusal without moving its window; a lost one burns at once; a day later the dialogue is over", async () => {
    const t = await start();
    const { h, ivan } = t;
    await ivan.send("/refusal ООО Пион");
    await ivan.send("цена");
    const [saved] = await ivan.send("нет");
    expect(said(saved)).toContain("Отказ записан: «ООО Пион» — цена.");
    // A dialogue lasts a day: the comment 23 hours later is still taken.
    h.clock.advance(23 * HOUR);
    const [comment] = await ivan.send("Перезвонить после бюджета");
    expect(said(comment)).toBe("Комментарий к отказу по «ООО Пион» записан.");
    expect(refusalRow(t, "ООО Пион")).toEqual({ at: REFUSED_AT, window_end_at: WINDOW_END, comment: "Перезвонить после бюджета", status: "pending" });
    // The window closes at the end of Wednesday, as it would have without the dialogue.
    h.clock.advance(39 * HOUR);
    await ivan.send("/touch ООО Мак");
    expect(companyRow(h, "ООО Пион").status).toBe("cooling");

    // Lost for good: saved and burned at the answer; a too long comment is refused, the refusal stays.
    const [ask] = await ivan.send("/refusal ООО Астра");
    const [lost] = await ivan.press("brf:r:competitor", ask);
    const [lostSaved] = await ivan.press("brf:l:1", lost);
    expect(said(lostSaved)).toContain("Отказ записан: «ООО Астра» — у конкурента, потеряна навсегда.");
    expect(companyRow(h, "ООО Астра").status).toBe("lost");
    const [tooLong] = await ivan.send("x".repeat(1001));
    expect(said(tooLong)).toBe("Комментарий длиннее 1 000 символов — сократите его и пришлите снова. Отказ уже записан.");
    expect(buttonTexts(tooLong)).toEqual(["Пропустить"]);
    expect(said((await ivan.press("brf:c:skip", tooLong))[0])).toBe("Хорошо, отказ по «ООО Астра» остаётся без комментария.");
    expect(eventsOf(h, "ООО Астра")).toEqual([{ kind: "refusal", reason: "competitor", attempted: null, lost: 1, comment: null, member: "ivan_m" }]);

    // More than a day after the question, the dialogue is over: the late comment is not taken, the refusal stays.
    await ivan.send("/refusal ООО Ирис");
    await ivan.send("цена");
    await ivan.send("нет");
    h.clock.advance(25 * HOUR);
    expect(said((await ivan.send("Перезвонить в марте"))[0])).toContain("больше суток назад");
    expect(eventsOf(h, "ООО Ирис")).toEqual([{ kind: "refusal", reason: "price", attempted: null, lost: 0, comment: null, member: "ivan_m" }]);
  });

  it("speaks English to an English speaker", async () => {
    const t = await start();
    const { ivan } = t;
    await ivan.send("/lang en");
    await ivan.send("/refusal ООО Ромашка");
    await ivan.send("price");
    const [saved] = await ivan.send("no");
    expect(said(saved)).toContain('Add a comment (up to 1,000 characters)? Type it in one message or press "Skip".');
    expect(said((await ivan.send("too expensive"))[0])).toBe('The comment on the refusal of "ООО Ромашка" is saved.');
  });
});

describe("adding a company inline", () => {
  it("after [Add as new] the segment may be typed: an existing one in any case, or a new one", async () => {
    const t = await start();
    const { h, ivan } = t;
    const [offer] = await ivan.send("/touch Незабудка Трейд");
    const [segments] = await ivan.press(buttonData(offer, ":new"), offer);
    expect(said(segments)).toContain("Выберите кнопкой или напишите название сегмента");
    const [added] = await ivan.send("розница");
    expect(said(added)).toBe("Добавлена новая компания «Незабудка Трейд» в сегмент «Розница».\nКасание записано: «Незабудка Трейд». Это первый контакт с компанией.");
    expect(companyRow(h, "Незабудка Трейд").segment_id).toBe(companyRow(h, "ООО Клевер").segment_id);

    const [offer2] = await ivan.send("/deal Фиалка 5000");
    await ivan.press(buttonData(offer2, ":new"), offer2);
    const [added2] = await ivan.send("Цветы  и   букеты");
    expect(said(added2)).toBe("Добавлена новая компания «Фиалка» в сегмент «Цветы и букеты».\nСделка записана: «Фиалка» — 5 000 ₽.\nНовый клиент!");
    expect(h.db.prepare("SELECT COUNT(*) FROM segments").pluck().get()).toBe(4);

    // Once answered, text is just text again.
    const before = baseRows(h);
    expect(said((await ivan.send("Опт"))[0])).toBe("Я понимаю команды. Список команд: /help");
    expect(baseRows(h)).toEqual(before);
  });

  it("/add <company>; <segment> adds in one line, never twice; without a segment it goes to «Без сегмента»", async () => {
    const t = await start();
    const { h, ivan, founder } = t;
    expect(said((await ivan.send("/add ООО Незабудка; опт"))[0])).toBe("Добавлена новая компания «ООО Незабудка» в сегмент «Опт».");
    expect(companyRow(h, "ООО Незабудка").segment_id).toBe(companyRow(h, "ООО Ромашка").segment_id);
    expect(said((await founder.send("/add Фиалка; Новые"))[0])).toBe("Добавлена новая компания «Фиалка» в сегмент «Новые».");
    expect(said((await t.lead.send("/add ИП Сидоров"))[0])).toBe("Добавлена новая компания «ИП Сидоров» в сегмент «Без сегмента».");

    const before = baseRows(h);
    expect(said((await ivan.send("/add ооо незабудка; Сеть"))[0])).toBe("Компания «ООО Незабудка» уже есть в базе.");
    expect(said((await ivan.send("/add Ромашка"))[0])).toBe("Компания «ООО Ромашка» уже есть в базе.");
    expect(said((await ivan.send("/add"))[0])).toContain("Как добавить компанию: /add <компания>; <сегмент>");
    expect(said((await ivan.send(`/add ${"Я".repeat(201)}; Опт`))[0])).toContain("Название длиннее 200 символов");
    expect(said((await ivan.send(`/add Я; ${"Я".repeat(201)}`))[0])).toContain("Название длиннее 200 символов");
    expect(baseRows(h)).toEqual(before);
    expect(said((await ivan.send("/touch Незабудка"))[0])).toBe("Касание записано: «ООО Незабудка». Это первый контакт с компанией.");
  });
});

describe("the /import report", () => {
  it("reports a company repeated in one file as a bad row naming the first line, and creates no segment for it", async () => {
    team = await baseTeam();
    const { h, founder } = team;
    const csv = ["company;segment;inn", "ООО Тест;A;", "ооо тест;B;", "ООО «Тест»;C;", "АО Другая;A;7701234567", "АО Третья;D;7701234567"].join("\n");
    const [reply] = await sendCsv(h, founder, csv);
    expect(said(reply)).toBe(
      [
        "Прочитано строк: 5. Новых компаний: 2, обновлено: 0 (из них перенесено в другой сегмент: 0), новых сегментов: 1. Пропущено строк: 3. Предупреждений: 0.",
        "Пропущены (компания не загружена):",
        "строка 3: повтор строки 2 (та же компания) — не загружена",
        "строка 4: повтор строки 2 (та же компания) — не загружена",
        "строка 6: повтор строки 5 (та же компания) — не загружена",
      ].join("\n"),
    );
    expect(h.db.prepare("SELECT name FROM segments ORDER BY id").pluck().all()).toEqual(["A"]);
    expect(h.db.prepare("SELECT name FROM companies ORDER BY id").pluck().all()).toEqual(["ООО Тест", "АО Другая"]);

    await founder.send("/lang en");
    const [english] = await sendCsv(h, founder, "company;segment\nX1;A\nx1;A");
    expect(said(english)).toContain("line 3: duplicate of line 2 (the same company) — not loaded");
  });

  it("shows line numbers without grouping and counts the unlisted bad rows with the right plural", async () => {
    team = await baseTeam();
    const { h, founder } = team;
    const rows = ["company;segment"];
    for (let i = 2; i <= 1300; i++) rows.push(i === 1234 || (i >= 1260 && i <= 1290) ? `Компания ${i};` : `Компания ${i};Опт`);
    const [reply] = await sendCsv(h, founder, rows.join("\n"));
    const text = said(reply);
    expect(text).toContain("строка 1234: нет сегмента");
    expect(text).toContain("строка 1288: нет сегмента");
    // 32 bad rows, 30 listed.
    expect(text).toContain("…и ещё 2 пропущенные строки.");
    expect(text).toContain("Прочитано строк: 1 299.");
  });

  it("a PDF or a picture captioned /import is said not to be a CSV, with how to export one", async () => {
    team = await baseTeam();
    const { h, founder } = team;
    const before = baseRows(h);
    const [pdf] = await sendCsv(h, founder, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj", { fileName: "leads.pdf", mime: "application/pdf" });
    expect(said(pdf)).toContain("Это не CSV-файл");
    expect(said(pdf)).toContain("CSV UTF-8");
    const [png] = await sendCsv(h, founder, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), { fileName: "scan.png", mime: "image/png" });
    expect(said(png)).toContain("Это не CSV-файл");
    // A CSV without the required columns is still told which ones are missing.
    const [missing] = await sendCsv(h, founder, "name;phone\nООО Ромашка;123");
    expect(said(missing)).toContain("В файле нет обязательной колонки: сегмент.");
    expect(baseRows(h)).toEqual(before);
  });
});
