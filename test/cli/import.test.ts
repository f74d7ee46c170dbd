/** `npm run import -- <file.csv>` on a temporary database: `main` in-process, and once as the child process npm starts. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { main } from "../../src/cli/import.js";
import { runMain } from "../helpers/cli.js";
import { runCli } from "./run-cli.js";

describe("import CLI", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "burn-import-"));
    env = { DATABASE_PATH: join(dir, "nested", "bot.sqlite") };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrates a new database, creates team 1, imports good rows and lists bad rows by line", async () => {
    const file = join(dir, "base.csv");
    writeFileSync(file, "\ufeffкомпания;сегмент;инн;телефон\nООО Ромашка;Ритейл;7701234567;+7 495 123-45-67\n;Ритейл;;\nЛютик;IT;12;\n");
    const run = await runMain(main, [file], env);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe("rows: 3, created: 1, updated: 0, moved to another segment: 0, new segments: 1, bad rows: 2");
    expect(run.stderr.trim().split("\n")).toEqual(["line 3: company-missing", "line 4: inn-invalid"]);
    const again = await runMain(main, [file, "--json"], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, created: 0, updated: 1, badRows: [{ line: 3 }, { line: 4 }] });
    const db = openDatabase(env.DATABASE_PATH!);
    expect(db.prepare("SELECT id, timezone FROM teams").all()).toEqual([{ id: 1, timezone: "Europe/Moscow" }]);
    expect(db.prepare("SELECT name, inn FROM companies").all()).toEqual([{ name: "ООО Ромашка", inn: "7701234567" }]);
    db.close();
  });

  it("as `npm run import` starts it: the counts on stdout, bad rows on stderr, exit 0; a refused file exits 1", async () => {
    const file = join(dir, "spawned.csv");
    writeFileSync(file, "company;segment\nООО Василёк;Ритейл\n;Ритейл\n");
    const spawned = { DATABASE_PATH: join(dir, "spawned.sqlite") };
    const [run, refused] = await Promise.all([runCli("src/cli/import.ts", [file], spawned), runCli("src/cli/import.ts", [join(dir, "nope.csv")], spawned)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("rows: 2, created: 1, updated: 0, moved to another segment: 0, new segments: 1, bad rows: 1\n");
    expect(run.stderr).toBe("line 3: company-missing\n");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("cannot read");
  });

  it("a file it cannot use exits 1 naming the problem; no file exits 2 with the usage", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "title;group\nA;B\n");
    const [refused, missing, none] = await Promise.all([
      runMain(main, [file], env),
      runMain(main, [join(dir, "nope.csv")], env),
      runMain(main, [], env),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("nothing imported: required columns are missing: company, segment");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("usage: npm run import -- <file.csv>");
  });
});
