/** /burn end to end: the text agrees with `npm run report -- burn --json`, the chart is a real PNG, who may see it. */
import { writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { main as reportMain } from "../../src/cli/report.js";
import type { BurnFigures } from "../../src/domain/burn.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";
import { runMain } from "../helpers/cli.js";
import { baseTeam, loadBase, said, type BaseTeam } from "./base-fixture.js";

let team: BaseTeam | undefined;
afterEach(async () => {
  await team?.h.stop();
  team = undefined;
});

/** A month of work on the test base (Опт 10, Розница 3, Сеть 2), from Monday 5 October 2026. */
async function octoberOfWork(): Promise<BaseTeam> {
  team = await baseTeam();
  const { h, ivan, petr } = team;
  await loadBase(team);
  for (const name of ["ООО Ромашка", "ООО Василёк", "АО Берёза", "ИП Петров"]) await ivan.send(`/touch ${name}`);
  await ivan.send("/refusal ООО Одуванчик; цена"); // never handled: burns on 7 October
  await petr.send("/refusal ООО Мак; у конкурента; навсегда"); // burned and lost at once
  h.clock.set("2026-10-06T09:00:00Z");
  await petr.send("/refusal ООО Астра; нет потребности");
  h.clock.set("2026-10-07T09:00:00Z");
  await petr.send("/handled ООО Астра");
  h.clock.set("2026-10-08T09:00:00Z");
  await ivan.send("/deal ООО Ромашка 100 000");
  h.clock.set("2026-10-12T09:00:00Z");
  await ivan.send("/refusal ООО Ландыш; не время"); // burns on 14 October: Розница 1 of 3 → paused
  h.clock.set("2026-10-13T09:00:00Z");
  await petr.send("/touch ООО Пион");
  await ivan.send("/close ООО Ирис; бизнес закрылся");
  return team;
}

/** The figures the /burn text states, read back from it. */
function figuresFromText(text: string): Omit<BurnFigures, "period" | "refusalRate" | "burnRate" | "segments"> & {
  refusalPercent: number;
  burnPercent: number;
  segments: { name: string; burnedPercent: number; paused: boolean; size: number; fresh: number; coolingNow: number; lost: number; closed: number; won: number; weeksToExhaust: number | null }[];
} {
  const match = (pattern: RegExp): RegExpExecArray => {
    const m = pattern.exec(text);
    if (!m) throw new Error(`no ${pattern} in:\n${text}`);
    return m;
  };
  const title = match(/на (\d\d)\.(\d\d)\.(\d{4})/);
  const contacts = match(/Контактов: (\d+) · отказов: (\d+) \((\d+)%\) · отработано в срок: (\d+)/);
  const burned = match(/Выжжено: (\d+) из (\d+) — (\d+)% \(порог 30%\)/);
  const state = match(/Потеряно навсегда: (\d+) · закрыто: (\d+) · остывает сейчас: (\d+)/);
  const segments = [...text.matchAll(/^\d+\. (.+) — выжжено (\d+)%(, ПАУЗА)?: компаний (\d+), свежих (\d+), остывает (\d+), потеряно (\d+), закрыто (\d+), клиентов (\d+); (.+)$/gm)].map(
    (m) => {
      const weeks = /свежих хватит на ([\d,]+) (?:неделю|недели|недель)/.exec(m[10]!);
      return {
        name: m[1]!,
        burnedPercent: Number(m[2]),
        paused: m[3] !== undefined,
        size: Number(m[4]),
        fresh: Number(m[5]),
        coolingNow: Number(m[6]),
        lost: Number(m[7]),
        closed: Number(m[8]),
        won: Number(m[9]),
        weeksToExhaust: weeks ? Number(weeks[1]!.replace(",", ".")) : null,
      };
    },
  );
  expect(Number(burned[2])).toBe(Number(contacts[1]));
  return {
    asOf: `${title[3]}-${title[2]}-${title[1]}`,
    contacted: Number(contacts[1]),
    refused: Number(contacts[2]),
    refusalPercent: Number(contacts[3]),
    handled: Number(contacts[4]),
    burned: Number(burned[1]),
    burnPercent: Number(burned[3]),
    lost: Number(state[1]),
    closed: Number(state[2]),
    coolingNow: Number(state[3]),
    segments,
  };
}

/** What the text should say for the JSON figures (rates rounded to whole percents, weeks to one decimal). */
function expectedFromJson(json: BurnFigures): ReturnType<typeof figuresFromText> {
  return {
    asOf: json.asOf,
    contacted: json.contacted,
    refused: json.refused,
    refusalPercent: Math.round(json.refusalRate * 100),
    handled: json.handled,
    burned: json.burned,
    burnPercent: Math.round(json.burnRate * 100),
    lost: json.lost,
    closed: json.closed,
    coolingNow: json.coolingNow,
    segments: json.segments.map((s) => ({
      name: s.name,
      burnedPercent: Math.round(s.burnedShare * 100),
      paused: s.paused,
      size: s.size,
      fresh: s.fresh,
      coolingNow: s.coolingNow,
      lost: s.lost,
      closed: s.closed,
      won: s.won,
      weeksToExhaust: s.weeksToExhaust === null ? null : Math.round(s.weeksToExhaust * 10) / 10,
    })),
  };
}

/** `npm run report -- burn --json ...` against the bot's database file, as a BI tool would run it. */
async function reportJson(dbPath: string, args: string[]): Promise<BurnFigures> {
  const run = await runMain(reportMain, ["burn", "--json", ...args], { DATABASE_PATH: dbPath });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as BurnFigures;
}

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function photoBytes(message: SentMessage | undefined): Buffer {
  expect(message?.method).toBe("sendPhoto");
  const file = message!.files.find((f) => f.field === "photo");
  expect(file).toBeDefined();
  return file!.bytes;
}

describe("/burn", () => {
  it("says the same figures as the JSON report, worst segments first, with a PNG chart of sensible size", async () => {
    const { h, founder, lead } = await octoberOfWork();
    h.clock.set("2026-10-20T09:00:00Z");
    const [text, photo] = await founder.send("/burn");
    const today = figuresFromText(said(text));
    expect(today).toMatchObject({ asOf: "2026-10-20", contacted: 9, refused: 4, handled: 1, burned: 3, lost: 1, closed: 1, coolingNow: 2 });
    expect(today.segments.map((s) => [s.name, s.burnedPercent, s.paused])).toEqual([
      ["Розница", 33, true],
      ["Опт", 20, false],
      ["Сеть", 0, false],
    ]);
    expect(said(text)).toContain("⚠ Выжигание выше порога");

    const png = photoBytes(photo);
    const size = pngSize(png);
    expect(size.width).toBeGreaterThanOrEqual(600);
    expect(size.width).toBeLessThanOrEqual(2560);
    expect(size.height).toBeGreaterThanOrEqual(400);
    expect(size.height).toBeLessThanOrEqual(4000);
    expect(png.length).toBeGreaterThan(10_000);
    writeFileSync("/tmp/burn-chart-test.png", png);

    // A past month as the lead sees it in November: as of its last day.
    h.clock.set("2026-11-03T09:00:00Z");
    const [past, pastPhoto] = await lead.send("/burn 2026-10");
    const october = figuresFromText(said(past));
    expect(october.asOf).toBe("2026-10-31");
    pngSize(photoBytes(pastPhoto));

    // The JSON report of the same database and days (run last: the CLI finalizes at the real clock).
    expect(today).toEqual(expectedFromJson(await reportJson(h.dbPath, ["--period", "2026-10", "--as-of", "2026-10-20"])));
    expect(october).toEqual(expectedFromJson(await reportJson(h.dbPath, ["--period", "2026-10"])));
  });

  it("belongs to the founder and the lead; bad and future periods get the usage; an empty base says so without a chart", async () => {
    team = await baseTeam();
    const { h, founder, lead, ivan } = team;
    expect((await ivan.send("/burn")).map(said)).toEqual(["Эта команда недоступна для вашей роли."]);
    const [empty, chart] = await founder.send("/burn");
    expect(said(empty)).toBe("Выжигание базы — октябрь 2026, на 05.10.2026\nБаза пуста: пришлите таблицу Excel (.xlsx) или CSV-файл с подписью /import.");
    expect(chart).toBeUndefined();
    expect((await lead.send("/burn ноябрь")).map(said)).toEqual(["Не понял период «ноябрь»: пишите год и месяц, например 2026-11.\nКак посмотреть выжигание базы: /burn или /burn 2026-11"]);
    expect((await lead.send("/burn 2026-11")).map(said)).toEqual(["2026-11 ещё не наступил — смотреть пока нечего."]);
    await loadBase(team);
    const [fresh, freshChart] = await lead.send("/burn 10.2026");
    expect(said(fresh)).toContain("Контактов: 0 · отказов: 0 (0%) · отработано в срок: 0");
    pngSize(photoBytes(freshChart));
    expect(h.fake.callsTo("sendPhoto")).toHaveLength(1);
  });

  it("answers in English for an English speaker", async () => {
    team = await baseTeam();
    await loadBase(team);
    await team.founder.send("/lang en");
    const [text] = await team.founder.send("/burn");
    expect(said(text)).toContain("Lead base burn — October 2026, as of 05.10.2026");
    expect(said(text)).toContain("Segments, worst first:");
  });
});
