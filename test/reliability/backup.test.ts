import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";
import { TEAM_ID } from "../../src/app.js";
import { enqueue } from "../../src/db/outbox.js";
import type { Db } from "../../src/db/open.js";

const run = promisify(execFile);
const ROOT = new URL("../../", import.meta.url).pathname;

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Every row of every table, as sorted JSON lines per table: two databases with the same dump hold the same data. */
function dump(db: Db): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort()]));
}

/** Start-up rewrites two bookkeeping rows (the menu signature, a claim link dying once a founder exists). */
function withoutStartupRows(tables: Record<string, string[]>): Record<string, string[]> {
  const startup = (row: string) => row.startsWith('{"key":"menus:') || row.startsWith('{"token":"claim-');
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.filter((row) => !startup(row))]));
}

const rowCount = (tables: Record<string, string[]>) => Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);

function openCopy(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  return db;
}

/** A team with people, invites, queued messages and conversation state, made through the bot where it can be. */
async function seed(harness: Harness) {
  const founder = await harness.member("founder", { username: "olga_founder", language_code: "en" });
  const lead = await harness.member("lead", { username: "anna_lead", language_code: "en" });
  await harness.member("manager", { username: "ivan_manager", language_code: "en" });
  const link = /start=([\w-]+)/.exec((await founder.send("/invite manager"))[0]!.text ?? "")![1]!;
  await lead.send("/invite manager");
  await lead.send("/invite"); // a dialogue waiting for its answer: state in kv
  for (let i = 0; i < 50; i++) {
    // 40 delivered now, 10 still waiting for a retry tomorrow.
    const at = harness.clock.now() + (i < 40 ? 0 : 86_400_000);
    enqueue(harness.db, { teamId: TEAM_ID, chatId: 900_000 + i, kind: "seed", key: `seed:${i}`, message: { method: "sendMessage", text: `Seed «ООО Ромашка» ${i} — 150 000 ₽` } }, at);
  }
  await harness.app.outbox.drain();
  expect(harness.db.prepare("SELECT COUNT(*) FROM kv WHERE key LIKE 'conv:%'").pluck().get()).toBe(1);
  return { founder, link };
}

describe("backups", () => {
  it("/backup sends the founder a consistent copy that opens with every row, and refuses everyone else", async () => {
    h = await startHarness();
    const { founder } = await seed(h);
    const replies = await founder.send("/backup");
    expect(replies).toHaveLength(1);
    const document = replies[0]!;
    expect(document.method).toBe("sendDocument");
    expect(document.message.document?.file_name).toMatch(/^sales-bot-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite$/);
    const dir = mkdtempSync(join(tmpdir(), "scb-backup-test-"));
    const copyPath = join(dir, "copy.sqlite");
    writeFileSync(copyPath, document.files[0]!.bytes);
    const copy = openCopy(copyPath);
    const live = dump(h.db);
    const copied = dump(copy);
    copy.close();
    expect(copied).toEqual(live);
    expect(document.caption).toContain(String(rowCount(live)));
    const lead = h.userFor({ id: h.db.prepare("SELECT user_id FROM members WHERE role = 'lead'").pluck().get() as number, is_bot: false, first_name: "Anna" });
    const refused = await lead.send("/backup");
    expect(refused.every((message) => message.method === "sendMessage")).toBe(true);
    expect(refused[0]!.text).toMatch(/not available/);
    console.log(`backup: /backup copy holds all ${rowCount(copied)} rows of ${Object.keys(copied).length} tables`);
  });

  it("npm run backup -- <file> copies the live database, and a restored copy starts and has every row", async () => {
    h = await startHarness();
    const { founder, link: earlier } = await seed(h);
    const dir = mkdtempSync(join(tmpdir(), "scb-backup-cli-"));
    const target = join(dir, "nightly", "bot.sqlite");
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_PATH: h.dbPath };
    // The bot is running and the newest rows are still in its WAL file.
    const { stdout } = await run("npm", ["run", "--silent", "backup", "--", target], { cwd: ROOT, env });
    expect(stdout).toMatch(/^Копия записана: .*nightly\/bot\.sqlite \(таблиц: \d+, строк: \d+, \d+ КБ\)/);
    const backedUp = dump(openCopy(target));
    expect(backedUp).toEqual(dump(h.db));
    expect(existsSync(`${target}-wal`)).toBe(false);

    // An existing file is never overwritten, and npm passes the exit code on (the other refusals: test/cli/backup.test.ts).
    const again = await run("npm", ["run", "--silent", "backup", "--", target], { cwd: ROOT, env }).catch((error: { code: number; stderr: string }) => error);
    expect("code" in again && again.code).toBe(1);
    expect((again as { stderr: string }).stderr).toMatch(/уже есть — выберите новое имя/);

    // Life goes on after the backup, then the database is lost and the backup restored.
    const token = /start=([\w-]+)/.exec((await founder.send("/invite lead"))[0]!.text ?? "")![1]!;
    const dbPath = h.dbPath;
    await h.stop();
    h = undefined;
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
    copyFileSync(target, dbPath);
    h = await startHarness({ dbPath });
    const restored = dump(h.db);
    expect(rowCount(restored)).toBe(rowCount(backedUp));
    expect(withoutStartupRows(restored)).toEqual(withoutStartupRows(backedUp));
    const restoredFounder = h.userFor(founder.user);
    expect((await restoredFounder.send("/start"))[0]!.text).toContain("founder");
    // The invite made after the backup is gone with it; one made before still admits a person.
    const newcomer = h.stranger({ language_code: "en" });
    expect((await newcomer.send(`/start ${token}`))[0]!.text).toMatch(/no such invite/i);
    // The copy keeps only the link's hash; the link the founder was given still matches it.
    expect((await newcomer.send(`/start ${earlier}`))[0]!.text).toContain("sales manager");
    console.log(`backup: npm run backup copy of a live database restored with all ${rowCount(backedUp)} rows; the bot starts on it`);
  });
});
