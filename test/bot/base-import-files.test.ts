/** /import with the files a sales team really has: the sample CSV and workbook, and a CRM export naming people. */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { loadedCompanies, SAMPLE_COMPANIES, SAMPLE_CSV, SAMPLE_MEMBERS, SAMPLE_WARNINGS, SAMPLE_XLSX } from "../helpers/sample-base.js";
import { said, sendCsv } from "./base-fixture.js";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function team(): Promise<{ h: Harness; founder: TestUser }> {
  h = await startHarness({ now: "2026-10-05T07:00:00Z" });
  const founder = await h.member("founder", { username: "boss" });
  for (const member of SAMPLE_MEMBERS) await h.member(member.username === "anna_lead" ? "lead" : "manager", member);
  return { h, founder };
}

const SAMPLE_REPLY = [
  "Прочитано строк: 6. Новых компаний: 6, обновлено: 0 (из них перенесено в другой сегмент: 0), новых сегментов: 3. Пропущено строк: 0. Предупреждений: 4.",
  "Предупреждения (компания загружена, значение оставлено пустым):",
  ...SAMPLE_WARNINGS,
].join("\n");

describe("/import of real files", () => {
  it("examples/base.csv (Windows-1251, ';') loads every company, owners matched by name or @username, warnings by line", async () => {
    const { h, founder } = await team();
    const [reply] = await sendCsv(h, founder, readFileSync(SAMPLE_CSV));
    expect(said(reply)).toBe(SAMPLE_REPLY);
    expect(loadedCompanies(h.db)).toEqual(SAMPLE_COMPANIES);
  });

  it("examples/base.xlsx captioned /import is imported from its sheet «База» with the same result; sent alone again, it updates", async () => {
    const { h, founder } = await team();
    const bytes = readFileSync(SAMPLE_XLSX);
    const [reply] = await sendCsv(h, founder, bytes, { fileName: "base.xlsx", mime: XLSX_MIME });
    expect(said(reply)).toBe(SAMPLE_REPLY);
    expect(loadedCompanies(h.db)).toEqual(SAMPLE_COMPANIES);
    const [again] = await sendCsv(h, founder, bytes, { caption: null, fileName: "база.xlsx", mime: XLSX_MIME });
    expect(said(again).split("\n")[0]).toBe(
      "Прочитано строк: 6. Новых компаний: 0, обновлено: 6 (из них перенесено в другой сегмент: 0), новых сегментов: 0. Пропущено строк: 0. Предупреждений: 4.",
    );
    expect(loadedCompanies(h.db)).toEqual(SAMPLE_COMPANIES);
  });

  it("a CRM export with people's names in «Ответственный» loads every company; past 20 warnings all come as a file", async () => {
    const { h, founder } = await team();
    const rows = ["\ufeffНазвание компании;Ответственный;Отрасль;Рабочий телефон;Рабочий email;Теги"];
    for (let i = 1; i <= 26; i++) rows.push(`ООО Клиент ${i};${i <= 2 ? "ИВАН ПЕТРОВ" : "Ольга Сидорова"};Опт;;;холодный`);
    const replies = await sendCsv(h, founder, rows.join("\r\n"));
    expect(replies).toHaveLength(2);
    const text = said(replies[0]);
    expect(text.split("\n").slice(0, 2)).toEqual([
      "Прочитано строк: 26. Новых компаний: 26, обновлено: 0 (из них перенесено в другой сегмент: 0), новых сегментов: 1. Пропущено строк: 0. Предупреждений: 24.",
      "Предупреждения (компания загружена, значение оставлено пустым):",
    ]);
    expect(text).toContain("строка 4: ответственный «Ольга Сидорова» — нет такого участника команды");
    expect(text).not.toContain("строка 24:");
    expect(text.split("\n").at(-1)).toBe("…и ещё 4 — все предупреждения в файле ниже.");
    const file = replies[1]!.files.find((f) => f.field === "document")!;
    expect(file.filename).toBe("import-warnings.txt");
    const listed = file.bytes.toString("utf8").trim().split("\n");
    expect(listed).toHaveLength(24);
    expect(listed.at(-1)).toBe("строка 27: ответственный «Ольга Сидорова» — нет такого участника команды ни по @username, ни по имени; компания без ответственного");
    expect(said({ text: replies[1]!.caption })).toBe("Все предупреждения импорта: 24.");
    expect(h.db.prepare("SELECT COUNT(*) FROM companies").pluck().get()).toBe(26);
    expect(h.db.prepare("SELECT name FROM companies WHERE owner_member_id IS NOT NULL ORDER BY id").pluck().all()).toEqual(["ООО Клиент 1", "ООО Клиент 2"]);
  });

  it("an amoCRM-style export: a four-letter @username, a name written last name first, and a stranger's name all keep their company", async () => {
    h = await startHarness({ now: "2026-10-05T07:00:00Z" });
    const founder = await h.member("founder", { username: "boss" });
    await h.member("manager", { username: "ivan", first_name: "Иван", last_name: "Петров" });
    await h.member("manager", { username: null, first_name: "Пётр", last_name: "Смирнов" });
    const crm = [
      "Название компании;Ответственный;Отрасль;Рабочий телефон;Рабочий email",
      "ООО Альфа;@ivan;Опт;;",
      "ООО Бета;Смирнов Петр;Опт;;",
      "ООО Гамма;Ольга Сидорова;Розница;;",
      "ООО Дельта;;Розница;;",
    ].join("\r\n");
    const [reply] = await sendCsv(h, founder, crm);
    expect(said(reply).split("\n")).toEqual([
      "Прочитано строк: 4. Новых компаний: 4, обновлено: 0 (из них перенесено в другой сегмент: 0), новых сегментов: 2. Пропущено строк: 0. Предупреждений: 1.",
      "Предупреждения (компания загружена, значение оставлено пустым):",
      "строка 4: ответственный «Ольга Сидорова» — нет такого участника команды ни по @username, ни по имени; компания без ответственного",
    ]);
    expect(h.db.prepare("SELECT c.name, m.first_name AS owner FROM companies c LEFT JOIN members m ON m.id = c.owner_member_id ORDER BY c.id").all()).toEqual([
      { name: "ООО Альфа", owner: "Иван" },
      { name: "ООО Бета", owner: "Пётр" },
      { name: "ООО Гамма", owner: null },
      { name: "ООО Дельта", owner: null },
    ]);
  });
});
