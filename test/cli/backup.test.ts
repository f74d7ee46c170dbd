/** `npm run backup -- <file>` (`main` in-process); the copy of a live database is in test/reliability/backup.test.ts. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/backup.js";
import { openDatabase } from "../../src/db/open.js";
import { runMain } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "scb-backup-main-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("backup CLI", () => {
  it("copies DATABASE_PATH to a new file and never overwrites one", async () => {
    const source = join(dir, "bot.sqlite");
    const db = openDatabase(source);
    db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('one'), ('two');");
    db.close();
    const target = join(dir, "nightly", "copy.sqlite");
    const written = await runMain(main, [target], { DATABASE_PATH: source });
    expect(written).toEqual({ code: 0, stdout: expect.stringMatching(/^Копия записана: .*nightly\/copy\.sqlite \(таблиц: 1, строк: 2, \d+ КБ\)\n$/), stderr: "" });
    const copy = openDatabase(target);
    expect(copy.prepare("SELECT text FROM notes ORDER BY text").pluck().all()).toEqual(["one", "two"]);
    copy.close();

    const again = await runMain(main, [target], { DATABASE_PATH: source });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toBe(`Файл ${target} уже есть — выберите новое имя, старую копию программа не перезаписывает.\n`);
  });

  it("a missing database exits 2 with one line and is not created; wrong arguments exit 2 with the usage", async () => {
    const missing = join(dir, "nope.sqlite");
    const run = await runMain(main, [join(dir, "x.sqlite")], { DATABASE_PATH: missing });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`Базы данных ${missing} нет (DATABASE_PATH): её создаёт бот при первом запуске — проверьте путь.\n`);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, "x.sqlite"))).toBe(false);
    for (const [argv, problem] of [
      [[], "Не указан файл."],
      [["a.sqlite", "b.sqlite"], "Лишний аргумент «b.sqlite»."],
    ] as const) {
      const wrong = await runMain(main, [...argv], { DATABASE_PATH: missing });
      expect(wrong).toEqual({ code: 2, stdout: "", stderr: `${problem}\nКак запустить: npm run backup -- <файл>\n` });
    }
  });
});
