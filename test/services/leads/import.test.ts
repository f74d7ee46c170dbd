/** Base import: headers, delimiters, encodings, .xlsx, skipped rows and warnings by line, owners, re-import without duplicates. */
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { decodeCsv, detectDelimiter, importBase, importBaseFile } from "../../../src/services/leads/import.js";
import { loadBurnReport, recordRefusal } from "../../../src/services/leads/index.js";
import { at, companyId, createBaseDb, TEAM } from "./helpers.js";

const NOW = at("2026-03-02");

function companies(db: ReturnType<typeof createBaseDb>) {
  return db
    .prepare(
      `SELECT c.name, s.name AS segment, c.inn, c.owner_username AS owner, c.owner_member_id AS ownerId, c.phone, c.email
         FROM companies c JOIN segments s ON s.id = c.segment_id ORDER BY c.id`,
    )
    .all();
}

function segmentSizes(db: ReturnType<typeof createBaseDb>, now = NOW) {
  return Object.fromEntries(loadBurnReport(db, TEAM, { now }).figures.segments.map((s) => [s.name, [s.size, s.fresh]]));
}

describe("importBase", () => {
  it("imports English headers with a comma, in any column order, ignoring unknown columns", () => {
    const db = createBaseDb();
    db.prepare("INSERT INTO members (team_id, user_id, username, role, joined_at) VALUES (1, 10, 'Ivan_Petrov', 'manager', 0)").run();
    const csv = "segment,notes,company,inn,owner,phone,email\nRetail,x,Acme,7701234567,@ivan_petrov,+7 (495) 123-45-67,a@acme.ru\nRetail,,Beta,,,,\n";
    expect(importBase(db, TEAM, csv, NOW)).toEqual({ ok: true, rows: 2, created: 2, updated: 0, moved: 0, segmentsCreated: 1, badRows: [], warnings: [] });
    expect(companies(db)).toEqual([
      { name: "Acme", segment: "Retail", inn: "7701234567", owner: "Ivan_Petrov", ownerId: 1, phone: "+7 (495) 123-45-67", email: "a@acme.ru" },
      { name: "Beta", segment: "Retail", inn: null, owner: null, ownerId: null, phone: null, email: null },
    ]);
    expect(segmentSizes(db)).toEqual({ Retail: [2, 2] });
  });

  it("accepts Russian headers, a BOM, ';' and quoted names with quotes, semicolons and line breaks", () => {
    const db = createBaseDb();
    const csv = '\ufeffКомпания;Сегмент;ИНН;Ответственный;Телефон;Email\r\n"ООО ""Ромашка""";Ритейл;7701234567;;;\r\n"Лютик; и партнёры";Ритейл;;;;\r\n"Многострочная\r\nкомпания";IT;;;;\r\nООО "Кавычки";IT;;;;\r\n';
    expect(importBase(db, TEAM, csv, NOW)).toMatchObject({ ok: true, created: 4, badRows: [] });
    // The CSV's own quoting is undone; the quotes in a name are then tidied to „…“ (read inside the chat's «…»).
    expect(companies(db).map((c) => (c as { name: string }).name)).toEqual([
      "ООО „Ромашка“",
      "Лютик; и партнёры",
      "Многострочная компания",
      "ООО „Кавычки“",
    ]);
  });

  it("reads Windows-1251 files as Excel saves them", () => {
    const db = createBaseDb();
    // "компания;сегмент\nРомашка;Ритейл" in cp1251
    const bytes = Buffer.from([
      0xea, 0xee, 0xec, 0xef, 0xe0, 0xed, 0xe8, 0xff, 0x3b, 0xf1, 0xe5, 0xe3, 0xec, 0xe5, 0xed, 0xf2, 0x0a, 0xd0, 0xee, 0xec, 0xe0, 0xf8, 0xea,
      0xe0, 0x3b, 0xd0, 0xe8, 0xf2, 0xe5, 0xe9, 0xeb,
    ]);
    expect(decodeCsv(bytes)).toBe("компания;сегмент\nРомашка;Ритейл");
    expect(importBase(db, TEAM, bytes, NOW)).toMatchObject({ ok: true, created: 1 });
    expect(decodeCsv(Buffer.from("\ufeffa,b", "utf8"))).toBe("a,b");
  });

  it("skips only rows without a company or segment, leaves unusable optional values empty with a warning by line, and imports the rest", () => {
    const db = createBaseDb();
    const csv = [
      "company;segment;inn;owner;phone;email", // 1
      "Good 1;S;;;;", // 2
      ";S;;;;", // 3 company missing
      "", // 4 blank
      "No segment;;;;;", // 5
      '"Two', // 6 (a name with a line break, good)
      'lines";S;;;;', // 7
      "Bad inn;S;12345;;;", // 8 loaded without the INN
      "Bad owner;S;;@x y;;", // 9 loaded without an owner
      "Bad phone;S;;;call me;", // 10
      "Bad email;S;;;;nobody@", // 11
      `${"Long".repeat(60)};S;;;;`, // 12 name over 200
      "Good 2;S;500100732259;@manager_1;8 800 555 35 35;x@y.ru", // 13
    ].join("\n");
    const result = importBase(db, TEAM, csv, NOW);
    expect(result).toEqual({
      ok: true,
      rows: 10,
      created: 7,
      updated: 0,
      moved: 0,
      segmentsCreated: 1,
      badRows: [
        { line: 3, reason: "company-missing" },
        { line: 5, reason: "segment-missing" },
        { line: 12, reason: "company-too-long" },
      ],
      warnings: [
        { line: 8, field: "inn", value: "12345", reason: "inn-invalid" },
        { line: 9, field: "owner", value: "@x y", reason: "owner-unknown" },
        { line: 10, field: "phone", value: "call me", reason: "phone-invalid" },
        { line: 11, field: "email", value: "nobody@", reason: "email-invalid" },
        { line: 13, field: "owner", value: "@manager_1", reason: "owner-unknown" },
      ],
    });
    expect(companies(db).map((c) => (c as { name: string }).name)).toEqual(["Good 1", "Two lines", "Bad inn", "Bad owner", "Bad phone", "Bad email", "Good 2"]);
    expect(companies(db)[6]).toMatchObject({ inn: "500100732259", owner: null, ownerId: null, phone: "8 800 555 35 35", email: "x@y.ru" });
    expect(companies(db)[2]).toMatchObject({ inn: null });
  });

  it("matches owners by any @username members have (short ones too) or by first and last name, else leaves them unassigned", () => {
    const db = createBaseDb();
    const member = db.prepare("INSERT INTO members (team_id, user_id, username, first_name, last_name, role, joined_at) VALUES (1, ?, ?, ?, ?, 'manager', 0)");
    member.run(10, "ivan", "Иван", "Петров");
    member.run(11, null, "Пётр", "Смирнов");
    member.run(12, "olga_k", "Ольга Кузнецова", "");
    member.run(13, "anna_1", "Анна", "Иванова");
    member.run(14, "anna_2", "Анна", "Иванова");
    const csv = [
      "Компания;Сегмент;Ответственный",
      "A;S;@ivan", // 2 a four-letter username
      "B;S;иван петров", // 3 name, any case
      "C;S;Смирнов Петр Алексеевич", // 4 last name first, ё = е, a patronymic
      "D;S;Ольга Кузнецова", // 5 the whole name in Telegram's first name
      "E;S;Анна Иванова", // 6 two members share the name: nobody
      "F;S;Иван", // 7 a first name alone says too little
      "G;S;Сергей Волков", // 8 not a member
    ].join("\n");
    const result = importBase(db, TEAM, csv, NOW);
    expect(result).toMatchObject({ ok: true, created: 7, badRows: [] });
    expect(result.ok && result.warnings).toEqual([
      { line: 6, field: "owner", value: "Анна Иванова", reason: "owner-unknown" },
      { line: 7, field: "owner", value: "Иван", reason: "owner-unknown" },
      { line: 8, field: "owner", value: "Сергей Волков", reason: "owner-unknown" },
    ]);
    expect(companies(db).map((c) => [(c as { owner: string | null }).owner, (c as { ownerId: number | null }).ownerId])).toEqual([
      ["ivan", 1],
      ["ivan", 1],
      [null, 2],
      ["olga_k", 3],
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it("reads .xlsx: the sheet named «База» (else the first), CRM headers, numbers as digits, the row number as the line", async () => {
    const db = createBaseDb();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Инструкция").addRow(["не база"]);
    const sheet = workbook.addWorksheet("База клиентов");
    sheet.addRow(["Наименование организации", "Направление", "ИНН", "Менеджер", "Рабочий телефон", "E-mail"]);
    sheet.addRow(["ООО Ромашка", "Опт", 7701234567, "", 74951234567, { text: "info@romashka.ru", hyperlink: "mailto:info@romashka.ru" }]);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: "ООО " }, { text: "Лютик" }] }, "Опт", 500100732259, "", "", ""]);
    sheet.addRow(["", "Опт", "", "", "", ""]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importBaseFile(db, TEAM, bytes, NOW);
    expect(result).toMatchObject({ ok: true, rows: 3, created: 2, badRows: [{ line: 5, reason: "company-missing" }], warnings: [] });
    expect(companies(db)).toEqual([
      { name: "ООО Ромашка", segment: "Опт", inn: "7701234567", owner: null, ownerId: null, phone: "74951234567", email: "info@romashka.ru" },
      { name: "ООО Лютик", segment: "Опт", inn: "500100732259", owner: null, ownerId: null, phone: null, email: null },
    ]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await importBaseFile(db, TEAM, xls, NOW)).toEqual({ ok: false, reason: "unsupported-format" });
    // A ZIP that is no workbook (an .ods, a broken file) is refused the same way.
    expect(await importBaseFile(db, TEAM, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), NOW)).toEqual({ ok: false, reason: "unsupported-format" });
  });

  it("refuses a whole file only when it cannot be read as a base", () => {
    const db = createBaseDb();
    expect(importBase(db, TEAM, "", NOW)).toEqual({ ok: false, reason: "empty" });
    expect(importBase(db, TEAM, "\ufeff \n", NOW)).toEqual({ ok: false, reason: "empty" });
    expect(importBase(db, TEAM, "name;inn\nA;1", NOW)).toEqual({ ok: false, reason: "missing-columns", missing: ["segment"], headers: ["name", "inn"] });
    expect(importBase(db, TEAM, "title;group\nA;B", NOW)).toEqual({ ok: false, reason: "missing-columns", missing: ["company", "segment"], headers: ["title", "group"] });
    expect(importBase(db, TEAM, 'company;segment\n"Open quote;S\nB;S\n', NOW)).toEqual({ ok: false, reason: "csv-invalid", line: 2 });
    expect(importBase(db, TEAM, 'company;segment\nA;S\n"ООО "Ромашка"";S\nB;S\n', NOW)).toEqual({ ok: false, reason: "csv-invalid", line: 3 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM companies").get()).toEqual({ n: 0 });
    // Quotes as Excel doubles them, and a quote inside an unquoted cell, read fine.
    expect(importBase(db, TEAM, 'company;segment\nA;S\n"ООО ""Ромашка""";S\nООО "Дуб";S\n', NOW)).toMatchObject({ ok: true, created: 3 });
  });

  it("re-import updates by INN, else by name (any case, ё/е), and never duplicates", () => {
    const db = createBaseDb();
    importBase(db, TEAM, "company;segment;inn;phone\nРомашка;Ритейл;7701234567;111111\nЁлка;Ритейл;;\nДуб;IT;;\n", NOW);
    const ids = ["Ромашка", "Ёлка", "Дуб"].map((name) => companyId(db, name));
    const second = "company;segment;inn;phone;email\nРомашка Плюс;Ритейл;7701234567;;r@r.ru\nелка;Ритейл;7802222222;;\nДУБ;Ритейл;;;\nНовая;IT;;;\n";
    expect(importBase(db, TEAM, second, at("2026-03-05"))).toEqual({
      ok: true,
      rows: 4,
      created: 1,
      updated: 3,
      moved: 1,
      segmentsCreated: 0,
      badRows: [],
      warnings: [],
    });
    expect(companies(db)).toEqual([
      // renamed through its INN; the phone kept because the new file left it empty
      { name: "Ромашка Плюс", segment: "Ритейл", inn: "7701234567", owner: null, ownerId: null, phone: "111111", email: "r@r.ru" },
      { name: "елка", segment: "Ритейл", inn: "7802222222", owner: null, ownerId: null, phone: null, email: null },
      { name: "ДУБ", segment: "Ритейл", inn: null, owner: null, ownerId: null, phone: null, email: null },
      { name: "Новая", segment: "IT", inn: null, owner: null, ownerId: null, phone: null, email: null },
    ]);
    expect(["Ромашка Плюс", "елка", "ДУБ"].map((name) => companyId(db, name))).toEqual(ids);
    // Дуб moved from IT to Ритейл: both segments' counts follow.
    expect(segmentSizes(db, at("2026-03-05"))).toEqual({ Ритейл: [3, 3], IT: [1, 1] });
    // Importing the same file again changes nothing.
    expect(importBase(db, TEAM, second, at("2026-03-06"))).toMatchObject({ ok: true, created: 0, updated: 4, moved: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM companies").get()).toEqual({ n: 4 });
  });

  it("rows that would merge two companies are reported, not guessed", () => {
    const db = createBaseDb();
    importBase(db, TEAM, "company;segment;inn\nАльфа;S;7701234567\nБета;S;7702345678\n", NOW);
    const result = importBase(db, TEAM, "company;segment;inn\nАльфа;S;7709999999\nБета;S;7701234567\nАльфа;S;7701234567\n", NOW);
    expect(result).toMatchObject({
      ok: true,
      created: 0,
      updated: 1,
      badRows: [
        { line: 2, reason: "inn-conflict" },
        { line: 3, reason: "name-conflict" },
      ],
    });
    expect(db.prepare("SELECT name, inn FROM companies ORDER BY id").all()).toEqual([
      { name: "Альфа", inn: "7701234567" },
      { name: "Бета", inn: "7702345678" },
    ]);
  });

  it("a moved company takes its burn state to the new segment", () => {
    const db = createBaseDb();
    importBase(db, TEAM, "company;segment\nA;Old\nB;Old\n", NOW);
    recordRefusal(db, { teamId: TEAM, companyId: companyId(db, "A"), now: at("2026-03-02", "13:00"), reason: "price", lostForGood: true });
    importBase(db, TEAM, "company;segment\nA;New\n", at("2026-03-03"));
    const segments = loadBurnReport(db, TEAM, { now: at("2026-03-03") }).figures.segments;
    expect(segments).toEqual([
      expect.objectContaining({ name: "New", size: 1, fresh: 0, lost: 1, burnedShare: 1 }),
      expect.objectContaining({ name: "Old", size: 1, fresh: 1, lost: 0, burnedShare: 0 }),
    ]);
    expect(db.prepare("SELECT kind FROM company_events ORDER BY id").all()).toEqual([{ kind: "refusal" }, { kind: "moved" }]);
  });

  it("a company twice in one file: the later row is a duplicate of the earlier one's line, by name or by INN", () => {
    const db = createBaseDb();
    importBase(db, TEAM, "company;segment;inn\nСтарая;S;7701234567\nБез ИНН;S;\nС ИНН;S;7709876543\n", NOW);
    const csv = [
      "company;segment;inn", // 1
      "Новая;S;", // 2 created
      "НОВАЯ;S;", // 3 duplicate of 2 by name
      "Другая;S;7801111111", // 4 created
      "Третья;S;7801111111", // 5 duplicate of 4 by INN
      "Старая;S;7701234567", // 6 updates an existing company
      "старая;T;", // 7 duplicate of 6 by name, and segment T is not created for it
      "Переименована;S;7701234567", // 8 duplicate of 6 by INN
      ";S;7802222222", // 9 bad row
      "Четвёртая;S;7802222222", // 10 created: the bad row 9 is no earlier company
      "Без ИНН;S;", // 11 updates an existing company by name
      "С ИНН;S;", // 12 updates by name, the row has no INN
      "Кто-то;S;7709876543", // 13 the INN of the company row 12 updated: row 12 named no INN, so this is no repeat
      "Новая;U;", // 14 duplicate of 2 (the segment U is not created)
    ].join("\n");
    const result = importBase(db, TEAM, csv, at("2026-03-03"));
    expect(result).toEqual({
      ok: true,
      rows: 13,
      created: 3,
      updated: 4,
      moved: 0,
      segmentsCreated: 0,
      badRows: [
        { line: 3, reason: "duplicate", duplicateOf: 2 },
        { line: 5, reason: "duplicate", duplicateOf: 4 },
        { line: 7, reason: "duplicate", duplicateOf: 6 },
        { line: 8, reason: "duplicate", duplicateOf: 6 },
        { line: 9, reason: "company-missing" },
        { line: 14, reason: "duplicate", duplicateOf: 2 },
      ],
      warnings: [],
    });
    expect(db.prepare("SELECT name FROM segments ORDER BY id").pluck().all()).toEqual(["S"]);
    expect(companies(db).map((c) => [(c as { name: string }).name, (c as { inn: string | null }).inn])).toEqual([
      ["Старая", "7701234567"],
      ["Без ИНН", null],
      ["Кто-то", "7709876543"],
      ["Новая", null],
      ["Другая", "7801111111"],
      ["Четвёртая", "7802222222"],
    ]);
  });

  it("detects the delimiter from the header line", () => {
    expect(detectDelimiter("a;b;c\n1,2,3")).toBe(";");
    expect(detectDelimiter("a,b\n")).toBe(",");
    expect(detectDelimiter('"x;y",b,c')).toBe(",");
    expect(detectDelimiter("a\tb")).toBe("\t");
    expect(detectDelimiter("company")).toBe(",");
  });
});
