import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromiumInstalled } from "../../tools/browser.js";
import { MINI_APP_SCREENS } from "../../tools/demo/mini-app-shots.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const PNG_SIGNATURE = "89504e470d0a1a0a";

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
  /** A DATABASE_PATH in the environment: the demo must leave it alone. */
  forbiddenDb: string;
}

const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

/** `npm run demo` as a child process, the way a newcomer runs it (no token, no network). */
function runDemo(args: string[]): Promise<DemoRun> {
  const out = mkdtempSync(join(tmpdir(), "scb-demo-test-"));
  outDirs.push(out);
  const forbiddenDb = join(out, "real-database-must-not-be-touched.sqlite");
  return new Promise((done, fail) => {
    const child = spawn(TSX, ["tools/demo/run.ts", "--out", out, ...args], {
      cwd: ROOT,
      env: { ...process.env, BOT_TOKEN: "", DATABASE_PATH: forbiddenDb, TELEGRAM_API_ROOT: "http://127.0.0.1:9", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr, out, forbiddenDb }));
  });
}

function expectPng(path: string): void {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString("hex")).toBe(PNG_SIGNATURE);
  // IHDR: a chart of a sensible size, not an empty image.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(200);
}

describe("npm run demo", () => {
  it("plays the team's first week in Russian and English (--quick) and the whole month, ends by itself, prints the chats and saves the charts", async () => {
    const [ru, en, month] = await Promise.all([runDemo(["--quick"]), runDemo(["--quick", "--lang", "en"]), runDemo([])]);

    for (const run of [ru, en, month]) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(existsSync(run.forbiddenDb)).toBe(false);
      expectPng(join(run.out, "plan.png"));
      expectPng(join(run.out, "burn.png"));
      expect(readFileSync(join(run.out, "sales-2026-11.xlsx")).subarray(0, 2).toString()).toBe("PK");
      // The saved transcript is what was printed, between the header and the closing lines.
      const saved = readFileSync(join(run.out, "transcript.txt"), "utf8").trimEnd();
      expect(run.stdout).toContain(saved);
    }

    const text = ru.stdout;
    // The founder claims the bot, sets the plan and invites the lead; the lead invites the managers.
    expect(text).toMatch(/Ольга +› \/start claim-/);
    expect(text).toMatch(/Бот +› Готово: вы в команде как основатель/);
    expect(text).toMatch(/Ольга +› \/setplan 2026-11 10 150000/);
    expect(text).toContain("Анна Смирнова (@anna_rop) принял(а) приглашение");
    expect(text).toMatch(/Анна +› \[менеджер\]/);
    for (const manager of ["ivan_sales", "petr_sales", "maria_sales", "sergey_sales"]) expect(text).toContain(`(@${manager}) принял(а) приглашение`);
    // The base from a CSV document, with the bad row reported by its line.
    expect(text).toMatch(/Анна +› 📎 база\.csv {2}«\/import»/);
    expect(text).toMatch(/Новых компаний: 40.*Пропущено строк: 1/);
    expect(text).toContain("строка 22: нет названия компании");
    // Tasks, check-ups with their buttons, the missed one, the question and its answer, a return and a review.
    expect(text).toMatch(/Анна +› \/assign @ivan_sales Обзвонить 10 оптовиков из нового списка до 06\.11/);
    expect(text).toMatch(/· Иван: \[▶ Начать\] → \[⏸ Не начата\] → «\d+ \d+ \d+» → \[Пропустить\]/);
    expect(text).toContain("[❓ Вопрос] → «Колосок просит скидку 10% за объём. Можно соглашаться?»");
    expect(text).toContain("Вопрос #1 от Мария Белова (@maria_sales) по задаче #3");
    expect(text).toContain("[💬 Ответить]");
    expect(text).toContain("Ответ на вопрос #1 отправлен: Мария Белова (@maria_sales).");
    expect(text).toContain("❌ Сергей Волков (@sergey_sales) — пропустил(а), подряд: 1");
    expect(text).toContain("[✅ Принять] [↩ Вернуть]");
    expect(text).toContain("Задача #1 возвращена");
    expect(text).toContain("Задача #2 принята");
    // Refusals: some handled in the window, some left to burn; the cooling and the paused refuse touches.
    expect(text).toContain("· Мария › /refusal Сеть Ладушки; цена; просят скидку 20%");
    expect(text).toContain("Отказ по «ИП Соколова» отработан. Компания не выгорит.");
    expect(text).toContain("⛔ Не записано: касание по «ТД Северный»");
    expect(text).toContain("🔥 База выгорает");
    expect(text).toContain("⏸ Сегмент «Сети» встал на паузу");
    expect(text).toMatch(/Сделка записана: «ООО Гранит» — 180\s000\s₽\./);
    // Corrections: the lead corrects the founder's expense (who is told), a manager takes back a deal with /undo.
    expect(text).toMatch(/Анна +› 40000\n.*Бот +› Исправлено\. Было: расход 4\s000\s₽ \(маркетинг\), 02\.11\.2026\. Стало: расход 40\s000\s₽/);
    expect(text).toMatch(/Анна Смирнова \(@anna_rop\) исправил\(а\) вашу запись\. Было: расход 4\s000\s₽/);
    expect(text).toMatch(/· Мария › \[↩️ Да, отменить\]\n\s+↳ Удалено: сделка «Сеть Колосок» — 24\s000\s₽/);
    // Figures that read right: whole clients, whole roubles, the share of working days, people by name; a client's refusal.
    expect(text).toMatch(/• Иван Кузнецов \(@ivan_sales\): 120\s000\s₽ из 375\s000\s₽ \(доля 25%\), клиентов 1 из 2–3/);
    expect(text).toContain("25% рабочих дней месяца");
    expect(text).toMatch(/· Иван › \/refusal ООО .*\n\s+↳ «ООО .*» уже клиент/);
    expect(text).toContain("🍬 «Сладкая ложь»");
    expect(text).toMatch(/Анна +› \/expense 12000 инструменты CRM на ноябрь/);
    // The evening reports: charts and the export saved, the daily digest, discipline.
    expect(text).toMatch(/Итоги сверки за 09\.11/);
    expect(text).toContain(`[график сохранён: ${ru.out}/plan.png]`);
    expect(text).toContain(`[график сохранён: ${ru.out}/burn.png]`);
    expect(text).toContain(`[файл сохранён: ${ru.out}/sales-2026-11.xlsx]`);
    expect(text).toContain("Дисциплина менеджеров");

    expect(en.stdout).toMatch(/Bot +› Done: you are in the team as founder/);
    expect(en.stdout).toMatch(/Anna +› 📎 base\.csv {2}«\/import»/);
    expect(en.stdout).toContain(`[chart saved: ${en.out}/plan.png]`);
    expect(en.stdout).toContain(`[chart saved: ${en.out}/burn.png]`);
    expect(en.stdout).not.toMatch(/[А-Яа-яЁё]{4,}/);

    // The whole month: twenty working days, the plan met while the base burns — the sweet lie.
    expect(month.stdout).toContain("рабочих дней: 20");
    expect(month.stdout).toMatch(/Итоги сверки за 30\.11/);
    expect(month.stdout).toMatch(/Выручка: 1\s895\s000\s₽ из 1\s500\s000\s₽ \(126%\)/);
    // Sergey's refusal of Thursday 26th is still inside its window (Friday and Monday 30th) when /burn is asked.
    expect(month.stdout).toMatch(/Выжжено: 11 из 35 — 31%/);
    expect(month.stdout).toMatch(/зависла/);
    // Alerts are conditions: the month's burn is said once, not each morning; the weekly summary lists what is open.
    expect(month.stdout.match(/› 🔥 База выгорает/g)).toHaveLength(1);
    expect(month.stdout.match(/📋 Неделя: итоги на сегодня за ноябрь 2026/g)).toHaveLength(4);
    expect(month.stdout).toMatch(/• база выгорает за ноябрь 2026 — с \d\d\.11\.2026/);
    // Only the two refusals the script means (a cooling company, a paused segment); nothing else was refused.
    expect(month.stdout.match(/⛔ Не записано/g)).toHaveLength(2);
    // The month draws four weekly summaries' charts besides, in the demo's own process (tools/demo/stage.ts).

    // The whole month (not --quick) ends with the Mini App's screens in both languages, when Chromium is there.
    if (chromiumInstalled()) {
      for (const screen of MINI_APP_SCREENS) for (const language of ["ru", "en"]) expectPng(join(month.out, `miniapp-${screen}-${language}.png`));
      expect(month.stdout).toContain(`${month.out}/miniapp-whatif-en.png`);
    } else expect(month.stdout).toContain("Снимки мини-приложения пропущены");
    expect(readdirSync(ru.out).filter((name) => name.startsWith("miniapp-"))).toEqual([]);
  }, 120_000);
});
