/**
 * `npm run demo -- --crm bitrix24`, first week (--quick), in-process: the refusals, worked-out refusals and most
 * deals are moves in a fake Bitrix24 the bot reads, and the founder's /plan and /burn show the same team figures
 * as the week typed in the bot.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDemo } from "../../tools/demo/run.js";

const outDirs: string[] = [];
afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

async function playWeek(crm: boolean): Promise<string[]> {
  const outDir = mkdtempSync(join(tmpdir(), "scb-crm-demo-"));
  outDirs.push(outDir);
  const result = await runDemo({ locale: "ru", quick: true, outDir, print: () => undefined, ...(crm ? { crm: "bitrix24" as const } : {}) });
  return result.lines;
}

/** The bot's reply to the founder's `command` at the finale, up to the first line that starts with `until`. */
function reply(lines: string[], command: string, until: RegExp): string[] {
  const start = lines.findIndex((line) => line.includes(`Ольга › ${command}`));
  expect(start).toBeGreaterThan(0);
  const body = lines.slice(start + 1);
  return body.slice(0, body.findIndex((line) => until.test(line.trim()))).map((line) => line.trim());
}

describe("npm run demo -- --crm bitrix24", () => {
  it("plays the first week with its refusals and deals read from Bitrix24, and the founder sees the figures of the typed week", async () => {
    const [typed, crm] = await Promise.all([playWeek(false), playWeek(true)]);
    const text = crm.join("\n");

    // The base is linked by name at the first read; then each move in the CRM is read and written once.
    expect(text).toMatch(/Ольга › \/sync\n.*Бот +› Читаю Bitrix24…\n.*Бот +› Bitrix24 прочитана: строк 40, новых записей 0/);
    expect(text).toContain("· Мария в Bitrix24: «Сеть Ладушки» → Дорого");
    expect(text).toContain("· Сергей в Bitrix24: «ИП Соколова» → Подготовка КП");
    expect(text).toMatch(/· Пётр в Bitrix24: «ООО Гранит» → Сделка успешна \(180\s000\s₽\)/);
    const moves = crm.filter((line) => / · \S+ в Bitrix24: /.test(line));
    const reads = crm.filter((line) => /↳ бот прочитал Bitrix24: строк \d+, новых записей 1$/.test(line));
    expect(moves.length).toBeGreaterThan(8);
    expect(reads).toHaveLength(moves.length);
    expect(text).not.toContain("· Мария › /refusal");
    expect(text).toMatch(/Ольга › \/crm\n.*Бот +› CRM: Bitrix24[\s\S]*Ошибок всего: 0/);

    // The same week typed: the whole /plan, each manager's part included (the CRM's users are linked to the
    // managers by name), and the whole /burn are the same.
    const plan = (lines: string[]) => reply(lines, "/plan", /Бот +› \[график/);
    const burn = (lines: string[]) => reply(lines, "/burn", /Бот +› \[график/);
    expect(plan(crm)).toEqual(plan(typed));
    expect(plan(crm).join("\n")).toMatch(/Выручка: 540\s000\s₽/);
    expect(plan(crm).join("\n")).toMatch(/По менеджерам[\s\S]*Пётр Орлов/);
    expect(burn(crm)).toEqual(burn(typed));
    expect(burn(crm).join("\n")).toMatch(/Выжжено: \d+ из \d+/);
  }, 120_000);
});
