/** What every tool shares: --help with usage, examples and exit codes; no tool creates a database (only the bot does). */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main as backup } from "../../src/cli/backup.js";
import { main as exportMain } from "../../src/cli/export.js";
import { main as importMain } from "../../src/cli/import.js";
import { main as report } from "../../src/cli/report.js";
import { createBotDatabase, runMain } from "../helpers/cli.js";
import { SAMPLE_CSV } from "../helpers/sample-base.js";

const dir = mkdtempSync(join(tmpdir(), "scb-cli-tools-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOOLS = { import: importMain, report, export: exportMain, backup };
const EXIT_CODES = "Коды выхода: 0 — готово; 1 — ничего не сделано или сделано не всё; 2 — неверный запуск (аргументы, DATABASE_PATH, DEFAULT_LOCALE).";

describe("command-line tools", () => {
  it("--help prints the usage, what the tool does with an example, and the exit codes; exit 0, no database touched", async () => {
    const missing = join(dir, "help", "bot.sqlite");
    for (const [name, main] of Object.entries(TOOLS)) {
      const run = await runMain(main, ["--help"], { DATABASE_PATH: missing });
      expect(run.code, name).toBe(0);
      expect(run.stderr, name).toBe("");
      const lines = run.stdout.trim().split("\n");
      expect(lines[0], name).toMatch(new RegExp(`^Как запустить: npm run ${name} -- `));
      expect(run.stdout, name).toMatch(new RegExp(`^ +npm run ${name} -- \\S`, "m"));
      expect(lines.at(-1), name).toBe(EXIT_CODES);
    }
    const english = await runMain(report, ["plan", "-h"], { DATABASE_PATH: missing, DEFAULT_LOCALE: "en" });
    expect(english.stdout.split("\n")[0]).toBe("Usage: npm run report -- <burn|plan> [--json] [--period YYYY-MM] [--as-of YYYY-MM-DD]");
    expect(english.stdout).toContain("Exit codes: 0 done; 1 nothing done or not all done; 2 bad usage");
    expect(existsSync(join(dir, "help"))).toBe(false);
  });

  it("report, export, import and backup refuse a DATABASE_PATH that does not exist: exit 2, one line, nothing created", async () => {
    const typo = join(dir, "typo", "bot.sqlite");
    const env = { DATABASE_PATH: typo };
    const line = `Базы данных ${typo} нет (DATABASE_PATH): её создаёт бот при первом запуске — проверьте путь.\n`;
    const runs = await Promise.all([
      runMain(report, ["plan", "--json"], env),
      runMain(report, ["burn", "--json"], env),
      runMain(exportMain, [join(dir, "out.xlsx")], env),
      runMain(importMain, [SAMPLE_CSV], env),
      runMain(importMain, [SAMPLE_CSV, "--json"], env),
      runMain(backup, [join(dir, "copy.sqlite")], env),
    ]);
    for (const run of runs) expect(run).toEqual({ code: 2, stdout: "", stderr: line });
    expect(existsSync(join(dir, "typo"))).toBe(false);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "copy.sqlite"))).toBe(false);
    const english = await runMain(importMain, [SAMPLE_CSV], { ...env, DEFAULT_LOCALE: "en" });
    expect(english).toEqual({ code: 2, stdout: "", stderr: `There is no database at ${typo} (DATABASE_PATH): the bot creates it on its first start — check the path.\n` });
    expect(existsSync(join(dir, "typo"))).toBe(false);
  });

  it("export into a folder that does not exist says so in one line (exit 2) and leaves no partial file", async () => {
    const env = { DATABASE_PATH: join(dir, "bot.sqlite") };
    createBotDatabase(env, Date.parse("2026-11-16T12:00:00Z")).close();
    const target = join(dir, "no-such-folder", "november.xlsx");
    const run = await runMain(exportMain, [target], env);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `Папки ${join(dir, "no-such-folder")} нет — создайте её или укажите другой путь.\n` });
    expect(readdirSync(dir).filter((name) => name.includes("partial"))).toEqual([]);
  });
});
