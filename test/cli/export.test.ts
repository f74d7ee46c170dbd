/** `npm run export -- <file.xlsx> [--period YYYY-MM]` on a temporary database: `main` in-process, and once as the child process npm starts. */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, parseExportArgs } from "../../src/cli/export.js";
import { createPlanDb, seedExportMonth } from "../reports/export-fixtures.js";
import { runMain } from "../helpers/cli.js";
import { runCli } from "./run-cli.js";

describe("export CLI", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "export-cli-"));
    env = { DATABASE_PATH: join(dir, "bot.sqlite"), DEFAULT_LOCALE: "" };
    const db = createPlanDb(env.DATABASE_PATH);
    seedExportMonth(db);
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the month's workbook in DEFAULT_LOCALE and says what it wrote", async () => {
    const file = join(dir, "november.xlsx");
    const ru = await runMain(main, [file, "--period", "2026-11"], env);
    expect(ru.stderr).toBe("");
    expect(ru.code).toBe(0);
    expect(ru.stdout).toMatch(/^Выгрузка записана: .*november\.xlsx \(период 2026-11 на 2026-11-\d\d; строк: Задачи 2, Сверки 4, Отказы 3, Сделки 3, Расходы 2, Исправления 0; \d+ КБ\)\n$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Итоги месяца", "Менеджеры", "Сегменты", "Бюджет", "Задачи", "Сверки", "Отказы", "Сделки", "Расходы", "Исправления"]);
    // The table's rows are those the autofilter spans; a totals row follows the money tables.
    const rows = (name: string) => Number(/\d+$/.exec(String(workbook.getWorksheet(name)!.autoFilter))![0]) - 1;
    expect([rows("Задачи"), rows("Сверки"), rows("Отказы"), rows("Сделки"), rows("Расходы")]).toEqual([2, 4, 3, 3, 2]);
    expect((workbook.getWorksheet("Отказы")!.getRow(1).values as unknown[]).slice(1, 4)).toEqual(["Когда", "Компания", "Сегмент"]);

    const enFile = join(dir, "november-en.xlsx");
    const en = await runMain(main, [enFile, "--period=2026-11"], { ...env, DEFAULT_LOCALE: "en" });
    expect(en.code).toBe(0);
    const english = new ExcelJS.Workbook();
    await english.xlsx.readFile(enFile);
    expect(english.worksheets.map((ws) => ws.name)).toEqual(["Month figures", "Managers", "Segments", "Budget", "Tasks", "Check-ups", "Refusals", "Deals", "Expenses", "Corrections"]);
    expect(english.getWorksheet("Deals")!.actualRowCount - 1).toBe(3 + 1);
    expect(english.getWorksheet("Deals")!.getCell("D5").value).toBe("Total");
    // Only the workbooks are left behind, no partial files.
    expect(readdirSync(dir).filter((name) => name.endsWith(".xlsx") || name.includes("partial")).sort()).toEqual(["november-en.xlsx", "november.xlsx"]);
  });

  it("bad arguments print the usage, exit 2 and write nothing", async () => {
    const database = env.DATABASE_PATH!;
    const size = statSync(database).size;
    const cases: [string[], RegExp][] = [
      [[], /^Не указан файл\.$/m],
      [[join(dir, "x.xlsx"), "--period", "2026-13"], /^После --period нужен месяц в виде ГГГГ-ММ/m],
      [[join(dir, "x.xlsx"), "--period"], /^После --period нужен месяц в виде ГГГГ-ММ/m],
      [[join(dir, "x.xlsx"), "--as-of", "2026-11-30"], /^Неизвестный параметр «--as-of»\.$/m],
      [[join(dir, "x.xlsx"), join(dir, "y.xlsx")], /^Лишний аргумент «.*y\.xlsx»\.$/m],
      [[database], /^Имя файла должно оканчиваться на \.xlsx/m],
    ];
    const runs = await Promise.all(cases.map(([args]) => runMain(main, args, env)));
    runs.forEach((run, index) => {
      const [args, message] = cases[index]!;
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.stderr).toContain("Как запустить: npm run export -- <файл.xlsx> [--period ГГГГ-ММ]");
    });
    const badLocale = await runMain(main, [join(dir, "x.xlsx")], { ...env, DEFAULT_LOCALE: "de" });
    expect(badLocale.code).toBe(2);
    expect(badLocale.stderr).toBe("DEFAULT_LOCALE должен быть ru или en, а не «de». / DEFAULT_LOCALE must be ru or en, not \"de\".\n");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
    expect(statSync(database).size).toBe(size);
  });

  it("as `npm run export` starts it: writes the workbook, says so on stdout and exits 0", async () => {
    const file = join(dir, "spawned.xlsx");
    const run = await runCli("src/cli/export.ts", [file, "--period", "2026-11"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Выгрузка записана: .*spawned\.xlsx \(период 2026-11 на 2026-11-\d\d; строк: Задачи 2, Сверки 4, Отказы 3, Сделки 3, Расходы 2, Исправления 0; \d+ КБ\)\n$/);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  it("parses its arguments", () => {
    expect(parseExportArgs(["a.xlsx"])).toEqual({ file: "a.xlsx" });
    expect(parseExportArgs(["--period", "2026-02", "out/A.XLSX"])).toEqual({ file: "out/A.XLSX", period: "2026-02" });
    expect(parseExportArgs(["a.csv"])).toEqual({ error: { key: "cli-export-not-xlsx", vars: { file: "a.csv" } } });
  });
});
