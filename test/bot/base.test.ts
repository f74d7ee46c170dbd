/** The lead base end to end : /import, touches, refusals, deals, closing, unfreezing, the rules that refuse. */
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "../helpers/harness.js";
import { commandUpdate, documentUpdate } from "../helpers/updates.js";
import { baseRows, baseTeam, buttonData, buttonTexts, companyRow, eventsOf, loadBase, said, sendCsv, type BaseTeam } from "./base-fixture.js";

let team: BaseTeam | undefined;
afterEach(async () => {
  await team?.h.stop();
  team = undefined;
});

async function start(): Promise<BaseTeam> {
  team = await baseTeam();
  return team;
}

const DENIED = "Эта команда недоступна для вашей роли.";

function count(h: Harness, sql: string, ...params: unknown[]): number {
  return h.db.prepare(sql).pluck().get(...params) as number;
}

describe("/import", () => {
  it("imports every company of a CSV sent in chat, skips rows without company or segment, warns by line, and a re-import updates without duplicates", async () => {
    const { h, founder, lead } = await start();
    const csv = [
      "Компания;Сегмент;ИНН;Ответственный;Телефон;Email",
      "ООО Ромашка;Опт;7701234567;@ivan_m;+7 495 123-45-67;info@romashka.ru",
      ";Опт;;;;",
      "ООО Василёк;Опт;;;;",
      "ООО Берёза;Опт;12345;;;",
      '"ООО ""Ландыш""";Розница;;;;',
      "ООО Клевер;Розница;;;;not-an-email",
      "ООО Тюльпан;;;;;",
    ].join("\n");
    const [reply] = await sendCsv(h, founder, csv);
    expect(said(reply)).toBe(
      [
        "Прочитано строк: 7. Новых компаний: 5, обновлено: 0 (из них перенесено в другой сегмент: 0), новых сегментов: 2. Пропущено строк: 2. Предупреждений: 2.",
        "Пропущены (компания не загружена):",
        "строка 3: нет названия компании",
        "строка 8: нет сегмента",
        "Предупреждения (компания загружена, значение оставлено пустым):",
        "строка 5: ИНН «12345» — ИНН должен быть из 10 или 12 цифр",
        "строка 7: email «not-an-email» — не похоже на адрес почты",
      ].join("\n"),
    );
    // The name's own quotes are tidied to „…“ so it reads right inside the chat's «…».
    expect(h.db.prepare("SELECT name FROM companies ORDER BY id").pluck().all()).toEqual(["ООО Ромашка", "ООО Василёк", "ООО Берёза", "ООО „Ландыш“", "ООО Клевер"]);
    expect(h.db.prepare("SELECT inn, email FROM companies WHERE name IN ('ООО Берёза', 'ООО Клевер') ORDER BY id").all()).toEqual([
      { inn: null, email: null },
      { inn: null, email: null },
    ]);

    // The lead sends the next file without a caption, with English headers and commas: by INN, by name, new.
    const again = ["company,segment,inn,phone", "Ромашка (новое имя),Опт,7701234567,+7 495 000-00-00", "ООО Василёк,Розница,,", "ООО Астра,Сеть,,"].join("\n");
    const [second] = await sendCsv(h, lead, again, { caption: null });
    expect(said(second)).toBe(
      "Прочитано строк: 3. Новых компаний: 1, обновлено: 2 (из них перенесено в другой сегмент: 1), новых сегментов: 1. Пропущено строк: 0. Предупреждений: 0.",
    );
    expect(count(h, "SELECT COUNT(*) FROM companies")).toBe(6);
    expect(h.db.prepare("SELECT name, phone, email FROM companies WHERE inn = '7701234567'").get()).toEqual({
      name: "Ромашка (новое имя)",
      phone: "+7 495 000-00-00",
      email: "info@romashka.ru",
    });
    expect(h.db.prepare("SELECT s.name FROM companies c JOIN segments s ON s.id = c.segment_id WHERE c.name = 'ООО Василёк'").pluck().get()).toBe("Розница");
  });

  it("refuses managers and strangers, broken or old-format spreadsheets and files without the required columns; /import alone explains", async () => {
    const { h, founder, ivan } = await start();
    const stranger = h.stranger();
    const before = baseRows(h);
    const csv = "company;segment\nООО Ромашка;Опт";
    expect((await sendCsv(h, ivan, csv)).map(said)).toEqual([DENIED]);
    expect((await sendCsv(h, ivan, csv, { caption: null })).map(said)).toEqual(["Я понимаю команды. Список команд: /help"]);
    const [strangerReply] = await sendCsv(h, stranger, csv);
    expect(said(strangerReply)).toContain("закрытый бот");
    const [xlsx] = await sendCsv(h, founder, "PK\u0003\u0004", { fileName: "base.xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(said(xlsx)).toContain("Сохраните её как .xlsx");
    const [xls] = await sendCsv(h, founder, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { fileName: "base.xls", mime: "application/vnd.ms-excel" });
    expect(said(xls)).toBe(
      "Этот формат таблицы не читается. Сохраните её как .xlsx («Файл → Сохранить как → Книга Excel (.xlsx)») или как CSV и пришлите снова. Ничего не загружено.",
    );
    const [missing] = await sendCsv(h, founder, "name;phone\nООО Ромашка;123");
    expect(said(missing)).toBe(
      "В файле нет обязательной колонки: сегмент. Заголовки в первой строке файла: «name», «phone». Подходящие названия колонок — сегмент: сегмент, segment, отрасль, направление, сфера деятельности, industry. Ничего не загружено.",
    );
    const [empty] = await sendCsv(h, founder, "");
    expect(said(empty)).toBe("Файл пустой — ничего не загружено.");
    expect(baseRows(h)).toEqual(before);
    const [usage] = await founder.send("/import");
    expect(said(usage)).toContain("Пришлите таблицу Excel (.xlsx) или CSV-файл с подписью /import");
  });

  it("/import sent as a reply to a CSV document imports that document", async () => {
    const { h, founder } = await start();
    h.fake.addFile("reply-csv", "company;segment\nООО Ромашка;Опт\nООО Василёк;Опт", "documents/reply.csv");
    const document = documentUpdate(founder.user, { file_id: "reply-csv", file_name: "leads.csv", mime_type: "text/csv", caption: "база от партнёра" });
    // A captioned CSV is not taken for an import by itself.
    await h.dispatch(document);
    expect(count(h, "SELECT COUNT(*) FROM companies")).toBe(0);
    await h.dispatch(commandUpdate(founder.user, "/import", { reply_to_message: document.message! }));
    expect(said(founder.last())).toContain("Новых компаний: 2");
    expect(count(h, "SELECT COUNT(*) FROM companies")).toBe(2);
  });
});

describe("refusal paths", () => {
  it("a cooling company: touch, deal and refusal are refused with the day it opens, each attempt is logged, the lead is told", async () => {
    const t = await start();
    const { h, ivan, lead } = t;
    await loadBase(t);
    const [refused] = await ivan.send("/refusal ООО Ромашка; цена");
    expect(said(refused)).toBe(
      "Отказ записан: «ООО Ромашка» — цена.\nОтработайте его до конца дня ср 07.10.2026 (/handled ООО Ромашка), иначе компания выгорит и откроется снова только 03.01.2027.",
    );
    // Inside the handling window the company may still be worked.
    expect(said((await ivan.send("/touch ООО Ромашка"))[0])).toBe("Касание записано: «ООО Ромашка».");

    h.clock.set("2026-10-07T20:59:00Z"); // Wednesday 23:59: the 2nd working day is not over yet
    expect(said((await ivan.send("/touch ООО Ромашка"))[0])).toBe("Касание записано: «ООО Ромашка».");
    h.clock.set("2026-10-08T07:00:00Z"); // Thursday 10:00: the window closed at midnight, unhandled
    const leadBefore = lead.messages().length;
    const [touch] = await ivan.send("/touch ромашка");
    expect(said(touch)).toBe(
      "⛔ Не записано: касание по «ООО Ромашка». Компания остывает после необработанного отказа и откроется 03.01.2027.\nРаньше её может открыть только основатель или руководитель: /unfreeze. Попытка записана.",
    );
    expect(said((await ivan.send("/deal ООО Ромашка 150 000"))[0])).toContain("⛔ Не записано: сделка по «ООО Ромашка». Компания остывает после необработанного отказа и откроется 03.01.2027.");
    expect(said((await ivan.send("/refusal ООО Ромашка; нет ответа"))[0])).toContain("⛔ Не записано: отказ по «ООО Ромашка».");
    expect(eventsOf(h, "ООО Ромашка").filter((e) => e.kind === "blocked")).toEqual([
      { kind: "blocked", reason: "cooling", attempted: "touch", lost: 0, comment: null, member: "ivan_m" },
      { kind: "blocked", reason: "cooling", attempted: "deal", lost: 0, comment: null, member: "ivan_m" },
      { kind: "blocked", reason: "cooling", attempted: "refusal", lost: 0, comment: null, member: "ivan_m" },
    ]);
    expect(count(h, "SELECT COUNT(*) FROM deals")).toBe(0);
    // One notice per company, person and day, however often they try.
    expect(lead.messages().slice(leadBefore).map(said)).toEqual([
      "Ivan Sokolov (@ivan_m): касание по «ООО Ромашка» не принято — компания остывает и откроется 03.01.2027. Попытка записана.",
    ]);

    // The lead unfreezes it; it may be worked again.
    expect(said((await lead.send("/unfreeze ООО Ромашка"))[0])).toBe("Остывание снято: «ООО Ромашка» снова можно трогать.");
    expect(said((await ivan.send("/touch ООО Ромашка"))[0])).toBe("Касание записано: «ООО Ромашка».");
  });

  it("a lost company is refused without a date; a paused segment is refused with the day it opens by itself, or none", async () => {
    const t = await start();
    const { h, ivan, petr, lead, founder } = t;
    await loadBase(t);
    expect(said((await ivan.send("/refusal ООО Василёк; нет ответа; навсегда"))[0])).toBe(
      "Отказ записан: «ООО Василёк» — нет ответа, потеряна навсегда. Компания выжжена; вернуть её может основатель или руководитель (/unfreeze).",
    );
    const leadBefore = lead.messages().length;
    expect(said((await petr.send("/touch ООО Василёк"))[0])).toBe(
      "⛔ Не записано: касание по «ООО Василёк». Компания потеряна навсегда и сама не откроется; вернуть её может только основатель или руководитель: /unfreeze. Попытка записана.",
    );
    expect(lead.messages().slice(leadBefore).map(said)).toEqual([
      "Petr (@petr_m): касание по «ООО Василёк» не принято — компания потеряна навсегда. Попытка записана. Вернуть компанию: /unfreeze ООО Василёк",
    ]);

    // Розница: one of three lost for good → 33% ≥ 30%: paused, and it cannot fall by itself.
    await ivan.send("/refusal ООО Ландыш; price; lost");
    expect(said((await petr.send("/touch ООО Клевер"))[0])).toBe(
      [
        "⛔ Не записано: касание по «ООО Клевер». Сегмент «Розница» на паузе: выжжено 33% базы при пороге 30%.",
        "Сама доля ниже порога не опустится (потерянные навсегда не остывают); открыть сегмент может основатель или руководитель: /unpause Розница. Попытка записана.",
      ].join("\n"),
    );
    expect(eventsOf(h, "ООО Клевер")).toEqual([{ kind: "blocked", reason: "paused", attempted: "touch", lost: 0, comment: null, member: "petr_m" }]);
    expect(said(lead.last())).toContain("Petr (@petr_m): касание по «ООО Клевер» не принято — сегмент «Розница» на паузе (выжжено 33%, порог 30%).");
    expect(founder.messages().map(said)).toContainEqual(expect.stringContaining("⏸ Сегмент «Розница» встал на паузу: выжжено 33%"));

    // Сеть: one of two cooling → 50%: it opens by itself when that company cools down.
    await ivan.send("/refusal ООО Гвоздика; timing");
    h.clock.set("2026-10-08T08:00:00Z");
    expect(said((await ivan.send("/touch ООО Хризантема"))[0])).toContain(
      "Сегмент откроется сам, когда доля упадёт ниже порога — по нынешним данным 03.01.2027, — или раньше, если основатель или руководитель снимет паузу: /unpause Сеть. Попытка записана.",
    );

    // The founder unpauses Розница from the list; touches go through again.
    const [list] = await founder.send("/unpause");
    expect(buttonTexts(list)).toEqual(["Сеть — 50%", "Розница — 33%"]);
    const [unpaused] = await founder.press(buttonData(list, `bunpause:${companyRow(h, "ООО Клевер").segment_id}`), list);
    expect(said(unpaused)).toContain("Пауза снята: сегмент «Розница» снова открыт (выжжено 33%, порог 30%).");
    expect(said((await petr.send("/touch ООО Клевер"))[0])).toBe("Касание записано: «ООО Клевер». Это первый контакт с компанией.");
    // The lead unpauses by name.
    expect(said((await lead.send("/unpause сеть"))[0])).toContain("Пауза снята: сегмент «Сеть»");
    expect(said((await lead.send("/unpause Сеть"))[0])).toBe("Сегмент «Сеть» не на паузе (выжжено 50%, порог 30%).");
  });

  it("closing is final and only for the allowed reasons; anything else is refused with the list and writes nothing", async () => {
    const t = await start();
    const { h, ivan, founder } = t;
    await loadBase(t);
    const before = baseRows(h);
    const [notAllowed] = await ivan.send("/close ООО Тюльпан; дорого");
    expect(said(notAllowed)).toBe(
      [
        "Закрыть с причиной «дорого» нельзя: закрытие окончательное и только по причинам ЛПР умер (dm_died), бизнес закрылся (business_closed). Ничего не сохранено.",
        "Закрыть компанию навсегда: /close <компания>; <причина>",
        "Например: /close ООО Ромашка; ЛПР умер",
      ].join("\n"),
    );
    expect(baseRows(h)).toEqual(before);

    // Without a reason the bot asks with buttons.
    const [ask] = await ivan.send("/close ООО Тюльпан");
    expect(said(ask)).toBe("Почему «ООО Тюльпан» закрывается навсегда?");
    expect(buttonTexts(ask)).toEqual(["ЛПР умер", "бизнес закрылся"]);
    expect(said((await ivan.press(`bclose:${companyRow(h, "ООО Тюльпан").id}:1`, ask))[0])).toBe("«ООО Тюльпан» закрыта навсегда: бизнес закрылся.");
    // A reason the founder added in settings, typed after the name without ';'.
    await founder.send("/settings close_reasons add переезд");
    expect(said((await ivan.send("/close ООО Ирис переезд"))[0])).toBe("«ООО Ирис» закрыта навсегда: переезд.");
    expect(said((await ivan.send("/close ООО Лилия ЛПР умер"))[0])).toBe("«ООО Лилия» закрыта навсегда: ЛПР умер.");
    expect(said((await ivan.send("/touch ООО Тюльпан"))[0])).toBe("⛔ Не записано: касание по «ООО Тюльпан». Компания закрыта навсегда. Попытка записана.");
    expect(said((await founder.send("/unfreeze ООО Тюльпан"))[0])).toBe("Компания «ООО Тюльпан» закрыта навсегда — с ней больше ничего не записывается.");
    expect(companyRow(h, "ООО Тюльпан").status).toBe("closed");
  });

  it("a manager's /unfreeze is refused and writes nothing; a stranger's /burn shows nothing of the team", async () => {
    const t = await start();
    const { h, ivan } = t;
    await loadBase(t);
    await ivan.send("/refusal ООО Ромашка; цена; навсегда");
    const before = baseRows(h);
    expect((await ivan.send("/unfreeze ООО Ромашка")).map(said)).toEqual([DENIED]);
    expect((await ivan.send("/unpause Опт")).map(said)).toEqual([DENIED]);
    expect(baseRows(h)).toEqual(before);
    expect(companyRow(h, "ООО Ромашка").status).toBe("lost");

    const stranger = h.stranger();
    const replies = await stranger.send("/burn");
    expect(replies).toHaveLength(1);
    expect(said(replies[0])).toContain("закрытый бот");
    for (const word of ["Выжигание", "Опт", "Ромашка", "%"]) expect(said(replies[0])).not.toContain(word);
    expect(h.fake.callsTo("sendPhoto")).toHaveLength(0);
  });
});

describe("unknown companies", () => {
  it("gets the closest names and [Add as new]; nothing is written until one is chosen, and the choice continues the command", async () => {
    const t = await start();
    const { h, ivan } = t;
    await loadBase(t);
    const before = baseRows(h);
    const [offer] = await ivan.send("/touch Ромашко");
    expect(said(offer)).toBe("Компании «Ромашко» нет в базе. Может быть, одна из этих? Пока вы не выберете, ничего не записано.");
    expect(buttonTexts(offer)[0]).toBe("ООО Ромашка");
    expect(buttonTexts(offer).at(-1)).toBe("➕ Добавить «Ромашко» как новую");
    expect(baseRows(h)).toEqual(before);

    const pick = buttonData(offer, `:${companyRow(h, "ООО Ромашка").id}`);
    expect(said((await ivan.press(pick, offer))[0])).toBe("Касание записано: «ООО Ромашка». Это первый контакт с компанией.");
    // The same button again does nothing more.
    const stale = await ivan.press(pick, offer);
    expect(stale.answer).toBe("Эта кнопка больше не действует.");
    expect(eventsOf(h, "ООО Ромашка").map((e) => e.kind)).toEqual(["touch"]);

    // A new company: [Add as new] → the segment → the deal goes through.
    const [newOffer] = await ivan.send("/deal Незабудка Трейд 250 000");
    expect(said(newOffer)).toContain("«Незабудка Трейд» нет в базе");
    const [segments] = await ivan.press(buttonData(newOffer, ":new"), newOffer);
    expect(said(segments)).toBe("В какой сегмент добавить «Незабудка Трейд»? Выберите кнопкой или напишите название сегмента — существующего или нового.");
    expect(buttonTexts(segments)).toEqual(["Опт", "Розница", "Сеть", "Без сегмента"]);
    const [added] = await ivan.press(buttonData(segments, `seg:${companyRow(h, "ООО Клевер").segment_id}`), segments);
    expect(said(added)).toBe("Добавлена новая компания «Незабудка Трейд» в сегмент «Розница».\nСделка записана: «Незабудка Трейд» — 250 000 ₽.\nНовый клиент!");
    expect(h.db.prepare("SELECT amount_kopecks FROM deals").pluck().all()).toEqual([25_000_000]);

    // A name too unlike anything, for a command that cannot add: just said so.
    expect(said((await ivan.send("/handled Зззззз"))[0])).toBe("Компании «Зззззз» нет в базе, похожих тоже нет. Проверьте название.");
  });
});

describe("refusals", () => {
  it("inline, with Russian words, with or without ';'", async () => {
    const t = await start();
    const { h, ivan } = t;
    await loadBase(t);
    await ivan.send("/refusal ООО Ромашка; нет ответа; навсегда; не берут трубку месяц");
    await ivan.send("/refusal Василёк цена");
    await ivan.send("/refusal берёза не время навсегда");
    await ivan.send("/refusal ИП Петров; у конкурента; ушли к «Лютику»; на год");
    const rows = h.db
      .prepare("SELECT c.name, e.reason, e.lost, e.comment FROM company_events e JOIN companies c ON c.id = e.company_id WHERE e.kind = 'refusal' ORDER BY e.id")
      .all();
    expect(rows).toEqual([
      { name: "ООО Ромашка", reason: "noanswer", lost: 1, comment: "не берут трубку месяц" },
      { name: "ООО Василёк", reason: "price", lost: 0, comment: null },
      { name: "АО Берёза", reason: "timing", lost: 1, comment: null },
      { name: "ИП Петров", reason: "competitor", lost: 0, comment: "ушли к «Лютику»; на год" },
    ]);
  });

  it("asked with buttons (or typed answers): reason, lost for good, comment", async () => {
    const t = await start();
    const { h, ivan } = t;
    await loadBase(t);
    const [ask] = await ivan.send("/refusal ООО Ромашка");
    expect(said(ask)).toBe("Отказ «ООО Ромашка». Причина?");
    expect(buttonTexts(ask)).toEqual(["цена", "нет потребности", "не время", "у конкурента", "нет ответа", "другое"]);
    const [lost] = await ivan.press("brf:r:price", ask);
    expect(said(lost)).toBe("«ООО Ромашка» — цена. Компания потеряна навсегда?");
    // Saved on the "lost for good" answer; the comment is asked after, to be added to it.
    const [saved] = await ivan.press("brf:l:0", lost);
    expect(said(saved)).toContain("Отказ записан: «ООО Ромашка» — цена.");
    expect(said(saved)).toContain("Добавить комментарий (до 1 000 символов)? Напишите его одним сообщением или нажмите «Пропустить».");
    expect(buttonTexts(saved)).toEqual(["Пропустить"]);
    expect(eventsOf(h, "ООО Ромашка")).toEqual([{ kind: "refusal", reason: "price", attempted: null, lost: 0, comment: null, member: "ivan_m" }]);
    const [done] = await ivan.send("Дорого, вернуться в январе");
    expect(said(done)).toBe("Комментарий к отказу по «ООО Ромашка» записан.");

    // Typed answers work too; a stray one gets a hint.
    await ivan.send("/refusal ООО Василёк");
    expect(said((await ivan.send("непонятно"))[0])).toContain("Выберите причину кнопкой");
    await ivan.send("у конкурента");
    const [lostSaved] = await ivan.send("да");
    expect(said(lostSaved)).toContain("Отказ записан: «ООО Василёк» — у конкурента, потеряна навсегда.");
    const [skipped] = await ivan.press("brf:c:skip", lostSaved);
    expect(said(skipped)).toBe("Хорошо, отказ по «ООО Василёк» остаётся без комментария.");
    expect(eventsOf(h, "ООО Ромашка")).toEqual([{ kind: "refusal", reason: "price", attempted: null, lost: 0, comment: "Дорого, вернуться в январе", member: "ivan_m" }]);
    expect(eventsOf(h, "ООО Василёк")).toEqual([{ kind: "refusal", reason: "competitor", attempted: null, lost: 1, comment: null, member: "ivan_m" }]);

    // A company that may not be touched is refused at once, without questions.
    const [refused] = await ivan.send("/refusal ООО Василёк");
    expect(said(refused)).toContain("⛔ Не записано: отказ по «ООО Василёк». Компания потеряна навсегда");
  });

  it("/handled inside the window keeps the company from burning; after it there is nothing to handle", async () => {
    const t = await start();
    const { h, ivan } = t;
    await loadBase(t);
    await ivan.send("/refusal ООО Ромашка; цена");
    await ivan.send("/refusal ООО Василёк; цена");
    h.clock.set("2026-10-06T09:00:00Z");
    expect(said((await ivan.send("/handled ромашка"))[0])).toBe("Отказ по «ООО Ромашка» отработан. Компания не выгорит.");
    h.clock.set("2026-10-08T09:00:00Z");
    expect(said((await ivan.send("/handled ООО Василёк"))[0])).toBe(
      "У «ООО Василёк» нет отказа, который ещё можно отработать: окно отработки (2 раб. дн.) закрыто или отказов не было.",
    );
    expect(companyRow(h, "ООО Ромашка").status).toBe("active");
    expect(companyRow(h, "ООО Василёк")).toMatchObject({ status: "cooling", cooling_until_day: "2027-01-03" });
  });
});

describe("/deal and /lead", () => {
  it("a deal with a trailing amount or after ';' makes a client and settles an open refusal; the card shows state and history", async () => {
    const t = await start();
    const { h, ivan, founder } = t;
    await loadBase(t);
    await ivan.send("/refusal ООО Ромашка; цена; дорого для них");
    const [deal] = await ivan.send("/deal ООО Ромашка 150 000");
    expect(said(deal)).toBe("Сделка записана: «ООО Ромашка» — 150 000 ₽.\nНовый клиент!\nОткрытый отказ закрыт сделкой.");
    expect(said((await ivan.send("/deal Ромашка; 20 000,50"))[0])).toBe("Сделка записана: «ООО Ромашка» — 20 001 ₽.");
    expect(h.db.prepare("SELECT amount_kopecks FROM deals ORDER BY id").pluck().all()).toEqual([15_000_000, 2_000_050]);

    const [card] = await founder.send("/lead ромашка");
    const text = said(card);
    expect(text).toContain("ООО Ромашка\nСегмент: Опт · ИНН 7701234567\nответственный Ivan Sokolov (@ivan_m) · +7 495 123-45-67 · info@romashka.ru\nСостояние: клиент");
    expect(text).toContain("05.10.2026 10:00 — сделка — Ivan Sokolov (@ivan_m)");
    expect(text).toContain("05.10.2026 10:00 — отказ (цена), отработан — Ivan Sokolov (@ivan_m): «дорого для них»");
  });
});

describe("bad input", () => {
  it("gets the usage in the user's language and writes nothing", async () => {
    const t = await start();
    const { h, ivan } = t;
    await loadBase(t);
    const before = baseRows(h);
    const cases: [string, string][] = [
      [`/touch ${"Я".repeat(201)}`, "Название длиннее 200 символов. Ничего не сохранено.\nКак записать касание"],
      [`/refusal ${"Я".repeat(201)}; цена`, "Название длиннее 200 символов."],
      [`/deal ${"Я".repeat(201)} 1000`, "Название длиннее 200 символов."],
      ["/deal ООО Ромашка 0", "Сумма «0» не подходит"],
      ["/deal ООО Ромашка; -5", "Сумма «-5» не подходит"],
      ["/deal ООО Ромашка -5", "Сумма «-5» не подходит"],
      ["/deal ООО Ромашка 1000000000001", "Сумма «1000000000001» не подходит"],
      ["/deal ООО Ромашка; 1e5", "Сумма «1e5» не подходит"],
      ["/deal ООО Ромашка", "Как записать сделку"],
      ["/deal", "Как записать сделку"],
      ["/refusal ООО Ромашка; дорогущая", "Не знаю причину «дорогущая». Ничего не сохранено.\nКак записать отказ"],
      [`/refusal ООО Ромашка; цена; ${"x".repeat(1001)}`, "Комментарий длиннее 1 000 символов"],
      ["/refusal", "Как записать отказ"],
      ["/touch", "Как записать касание"],
      ["/handled", "Отказ отработан (возражение снято"],
      ["/lead", "Карточка компании: /lead <компания>"],
      ["/close", "Закрыть компанию навсегда"],
      ["/close ООО Ромашка; продали бизнес", "Закрыть с причиной «продали бизнес» нельзя"],
      ["/unfreeze ООО Ромашка", "«ООО Ромашка» не остывает и не потеряна"],
      ["/burn 2026-13", "Не понял период «2026-13»"],
      ["/burn 2027-01", "2027-01 ещё не наступил"],
    ];
    for (const [command, expected] of cases) {
      // /burn and /unfreeze belong to the founder and the lead.
      const actor = command.startsWith("/burn") || command.startsWith("/unfreeze") ? t.lead : ivan;
      const replies = await actor.send(command);
      expect(replies, command).toHaveLength(1);
      expect(said(replies[0]), command).toContain(expected);
    }
    expect(baseRows(h)).toEqual(before);

    // English for an English speaker.
    const [english] = await t.petr.send("/lang en").then(() => t.petr.send("/deal Romashka 0"));
    expect(said(english)).toContain('The amount "0" will not do');
  });
});
