/** `npm run import -- <file>` on a temporary database: `main` in-process, and once as the child process npm starts. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { upsertMember } from "../../src/db/members.js";
import { main } from "../../src/cli/import.js";
import { createBotDatabase, runMain } from "../helpers/cli.js";
import { loadedCompanies, SAMPLE_COMPANIES, SAMPLE_CSV, SAMPLE_MEMBERS, SAMPLE_WARNINGS, SAMPLE_XLSX } from "../helpers/sample-base.js";
import { runCli } from "./run-cli.js";

const SAMPLE_SUMMARY =
  "Прочитано строк: 6. Новых компаний: 6, обновлено: 0 (из них перенесено в другой сегмент: 0), новых сегментов: 3. Пропущено строк: 0. Предупреждений: 4.";

describe("import CLI", () => {
  let dir: string;
  let env: { DATABASE_PATH: string };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "burn-import-"));
    env = { DATABASE_PATH: join(dir, "nested", "bot.sqlite") };
    createBotDatabase(env).close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A database of its own with the members the samples name. */
  function teamDatabase(name: string): { DATABASE_PATH: string } {
    const own = { DATABASE_PATH: join(dir, `${name}.sqlite`) };
    const db = createBotDatabase(own);
    SAMPLE_MEMBERS.forEach((member, index) => {
      const { username, first_name: firstName, last_name: lastName } = member;
      upsertMember(db, { teamId: 1, userId: 100 + index, username, firstName, lastName, role: "manager", chatId: null }, 0);
    });
    db.close();
    return own;
  }

  it("loads companies into the bot's database (team 1), lists skipped rows and warnings by line in Russian; some skipped exits 1", async () => {
    const file = join(dir, "base.csv");
    writeFileSync(file, "\ufeffкомпания;сегмент;инн;телефон\nООО Ромашка;Ритейл;7701234567;+7 495 123-45-67\n;Ритейл;;\nЛютик;IT;12;\n");
    const run = await runMain(main, [file], env);
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(
      "Прочитано строк: 3. Новых компаний: 2, обновлено: 0 (из них перенесено в другой сегмент: 0), новых сегментов: 2. Пропущено строк: 1. Предупреждений: 1.",
    );
    expect(run.stderr.trim().split("\n")).toEqual([
      "строка 3: нет названия компании",
      "строка 4: ИНН «12» — ИНН должен быть из 10 или 12 цифр",
      "Загружено не всё: пропущенные строки перечислены выше.",
    ]);
    const again = await runMain(main, [file, "--json"], env);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, created: 0, updated: 2, badRows: [{ line: 3 }], warnings: [{ line: 4, field: "inn", value: "12" }] });
    const db = openDatabase(env.DATABASE_PATH!);
    expect(db.prepare("SELECT id, timezone FROM teams").all()).toEqual([{ id: 1, timezone: "Europe/Moscow" }]);
    expect(db.prepare("SELECT name, inn FROM companies").all()).toEqual([
      { name: "ООО Ромашка", inn: "7701234567" },
      { name: "Лютик", inn: null },
    ]);
    db.close();
  });

  it("the sample CSV and the sample workbook load every company with the same warnings, exit 0", async () => {
    const csvEnv = teamDatabase("sample-csv");
    const xlsxEnv = teamDatabase("sample-xlsx");
    const [csv, xlsx] = await Promise.all([runMain(main, [SAMPLE_CSV], csvEnv), runMain(main, [SAMPLE_XLSX], xlsxEnv)]);
    for (const [run, own] of [
      [csv, csvEnv],
      [xlsx, xlsxEnv],
    ] as const) {
      expect(run).toEqual({ code: 0, stdout: `${SAMPLE_SUMMARY}\n`, stderr: `${SAMPLE_WARNINGS.join("\n")}\n` });
      const db = openDatabase(own.DATABASE_PATH);
      expect(loadedCompanies(db)).toEqual(SAMPLE_COMPANIES);
      db.close();
    }
  });

  it("a CRM export with names in «Ответственный»: every company loaded, owners matched or unassigned with a warning", async () => {
    const own = teamDatabase("crm");
    const file = join(dir, "amocrm.csv");
    const crm = [
      "Название компании;Ответственный;Отрасль;Рабочий телефон;Рабочий email",
      "ООО Альфа;Иван Петров;Опт;;",
      "ООО Бета;Смирнов Пётр;Опт;;",
      "ООО Гамма;Ольга Сидорова;Розница;;",
      "ООО Дельта;@ivan;Розница;;",
    ].join("\n");
    writeFileSync(file, crm);
    const run = await runMain(main, [file], { ...own, DEFAULT_LOCALE: "en" });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("Rows read: 4. New companies: 4, updated: 0 (moved to another segment: 0), new segments: 2. Rows skipped: 0. Warnings: 2.\n");
    expect(run.stderr).toBe(
      [
        'line 4: owner "Ольга Сидорова" — no team member has this @username or name; the company has no owner',
        'line 5: owner "@ivan" — no team member has this @username or name; the company has no owner',
        "",
      ].join("\n"),
    );
    const db = openDatabase(own.DATABASE_PATH);
    expect(db.prepare("SELECT c.name, m.first_name AS owner FROM companies c LEFT JOIN members m ON m.id = c.owner_member_id ORDER BY c.id").all()).toEqual([
      { name: "ООО Альфа", owner: "Иван" },
      { name: "ООО Бета", owner: "Пётр" },
      { name: "ООО Гамма", owner: null },
      { name: "ООО Дельта", owner: null },
    ]);
    db.close();
  });

  it("as `npm run import` starts it: the counts on stdout, exit 0; a missing file is named in words, exit 1", async () => {
    const file = join(dir, "spawned.csv");
    writeFileSync(file, "company;segment\nООО Василёк;Ритейл\n");
    const spawned = { DATABASE_PATH: join(dir, "spawned.sqlite") };
    createBotDatabase(spawned).close();
    const nope = join(dir, "nope.csv");
    const [run, refused] = await Promise.all([runCli("src/cli/import.ts", [file], spawned), runCli("src/cli/import.ts", [nope], spawned)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "Прочитано строк: 1. Новых компаний: 1, обновлено: 0 (из них перенесено в другой сегмент: 0), новых сегментов: 1. Пропущено строк: 0. Предупреждений: 0.\n",
    );
    expect(run.stderr).toBe("");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`Файла ${nope} нет.\n`);
  });

  it("a file it cannot use exits 1 naming the problem; nothing loaded exits 1; no file exits 2 with the usage", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "title;group\nA;B\n");
    const skipped = join(dir, "skipped.csv");
    writeFileSync(skipped, "company;segment\n;A\nB;\n");
    const xls = join(dir, "old.xls");
    writeFileSync(xls, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const [refused, none, old, folder, noFile, extra] = await Promise.all([
      runMain(main, [bad], env),
      runMain(main, [skipped], env),
      runMain(main, [xls], env),
      runMain(main, [dir], env),
      runMain(main, [], env),
      runMain(main, [bad, skipped], env),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^В файле нет обязательных колонок: компания, сегмент\. Заголовки в первой строке файла: «title», «group»\. Подходящие названия колонок — компания: компания, company, организация, название,/);
    expect(none.code).toBe(1);
    expect(none.stderr.trim().split("\n")).toEqual(["строка 2: нет названия компании", "строка 3: нет сегмента", "Ни одна компания не загружена."]);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain("Сохраните её как .xlsx");
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe(`${dir} — это папка, а не файл.\n`);
    expect(noFile).toEqual({ code: 2, stdout: "", stderr: "Не указан файл.\nКак запустить: npm run import -- <база.xlsx|база.csv> [--json]\n" });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("Лишний аргумент «");
  });
});
