/**
 * `npm run demo [-- --lang en] [-- --quick] [-- --out <folder>] [-- --crm bitrix24]`: the real bot against the built-in Bot API
 * emulator, a scripted month of a team on an accelerated clock, the founder's and the lead's chats printed as
 * a transcript, and the charts (and the Excel export) saved into demo-output/. No token, no network, and a
 * throwaway database in a temp folder — never data/ or DATABASE_PATH; .env is not read. With `--crm bitrix24` the
 * refusals and most deals happen in a fake Bitrix24 portal on 127.0.0.1 that the bot reads.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createStage, DEMO_TIMEZONE, type Stage } from "./stage.js";
import { createTranscript, type DemoLocale } from "./transcript.js";
import { DEMO_MONTH, demoWorkingDays, playMonth } from "./script.js";
import { startDemoCrm, type DemoCrm, type DemoCrmKind } from "./crm.js";
import { castFor } from "./cast.js";
import { saveMiniAppShots } from "./mini-app-shots.js";
import { buildWebApp } from "../../webapp/build.js";
import { chromiumInstalled, CHROMIUM_MISSING } from "../browser.js";
import { freePort } from "../net/free-port.js";

export interface DemoOptions {
  locale: DemoLocale;
  /** The first five working days instead of the whole month. */
  quick: boolean;
  outDir: string;
  print: (line: string) => void;
  /** Refusals and deals come from this CRM (a fake one on 127.0.0.1). */
  crm?: DemoCrmKind;
}

export interface DemoResult {
  lines: string[];
  saved: string[];
  elapsedMs: number;
}

/** Files a previous run left in the output folder; other files there are not touched. */
const OUR_FILES = /^(transcript\.txt|(plan|burn)(-\d+)?\.png|miniapp-\w+-(ru|en)\.png|sales-\d{4}-\d{2}\.xlsx)$/;

const HEADER = {
  ru: (days: number) => [
    "Sales Control Bot — демо без токена и сети",
    `Настоящий бот, встроенный эмулятор Telegram Bot API на 127.0.0.1, временная база. Месяц (${DEMO_MONTH}, рабочих дней: ${days}) идёт по ускоренным часам.`,
    "Команда: Ольга — основатель, Анна — РОП, менеджеры Иван, Пётр, Мария и Сергей.",
    "Ниже — чаты Ольги и Анны с ботом; строки «·» — что в это время делали менеджеры в своих чатах.",
  ],
  en: (days: number) => [
    "Sales Control Bot — a demo with no token and no network",
    `The real bot, a built-in Telegram Bot API emulator on 127.0.0.1, a throwaway database. A month (${DEMO_MONTH}, ${days} working days) on an accelerated clock.`,
    "The team: Olga — founder, Anna — head of sales, managers Ivan, Peter, Maria and Sergey.",
    "Below are Olga's and Anna's chats with the bot; lines with «·» tell what the managers did in their own chats meanwhile.",
  ],
};

const CRM_HEADER = {
  ru: "Режим CRM: отказы, отработки и большинство сделок менеджеры ведут в Bitrix24 (поддельный портал на 127.0.0.1), бот читает его.",
  en: "CRM mode: the managers keep refusals, worked-out refusals and most deals in Bitrix24 (a fake portal on 127.0.0.1); the bot reads it.",
};

const SHOTS_SKIPPED = {
  ru: (reason: string) => `Снимки мини-приложения пропущены: ${reason}`,
  en: (reason: string) => `Mini App screenshots skipped: ${reason}`,
};

/** The Mini App page built into a temp folder and a port for it, when the month is played whole and Chromium is there. */
async function prepareMiniApp(options: DemoOptions): Promise<{ dir: string; port: number } | undefined> {
  if (options.quick) return undefined;
  if (!chromiumInstalled()) {
    options.print(SHOTS_SKIPPED[options.locale](CHROMIUM_MISSING));
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "scb-demo-webapp-"));
  await buildWebApp(dir);
  return { dir, port: await freePort() };
}

const FOOTER = {
  ru: (saved: string[], seconds: string) => [
    `Готово за ${seconds} с. Сохранено: ${saved.join(", ")}.`,
    "Запустить своего бота: создайте его в @BotFather, положите токен в .env (BOT_TOKEN=...) и выполните npm start.",
  ],
  en: (saved: string[], seconds: string) => [
    `Done in ${seconds} s. Saved: ${saved.join(", ")}.`,
    "To run your own bot: create one with @BotFather, put the token into .env (BOT_TOKEN=...) and run npm start.",
  ],
};

/** Plays the demo month and writes the transcript and files into `outDir`. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  mkdirSync(options.outDir, { recursive: true });
  for (const name of readdirSync(options.outDir)) if (OUR_FILES.test(name)) rmSync(join(options.outDir, name));
  // demo-output/plan.png when the folder is under the current one, the full path otherwise.
  const relativeDir = relative(process.cwd(), options.outDir);
  const outLabel = relativeDir === "" ? "." : relativeDir.startsWith("..") ? options.outDir : relativeDir;
  const days = options.quick ? 5 : demoWorkingDays().length;
  let stage: Stage | undefined;
  const transcript = createTranscript({
    locale: options.locale,
    timezone: DEMO_TIMEZONE,
    outDir: options.outDir,
    outLabel,
    now: () => stage?.clock.now() ?? Date.now(),
    print: options.print,
  });
  for (const line of HEADER[options.locale](days)) options.print(line);
  if (options.crm) options.print(CRM_HEADER[options.locale]);
  const start = "2026-11-02T05:00:00Z";
  let crm: DemoCrm | undefined;
  const miniApp = await prepareMiniApp(options);
  const shots: string[] = [];
  try {
    if (options.crm) crm = await startDemoCrm({ locale: options.locale, cast: castFor(options.locale), clock: { now: () => stage?.clock.now() ?? Date.parse(start) } });
    stage = await createStage({ start, locale: options.locale, observer: transcript, crm, webApp: miniApp });
    const current = stage;
    transcript.attach(() => current.fake.calls);
    await playMonth({ stage, transcript, locale: options.locale, days, crm });
    if (miniApp) {
      const pageUrl = `http://127.0.0.1:${miniApp.port}/app/`;
      const workingDays = demoWorkingDays();
      const asOf = workingDays[Math.floor(workingDays.length * 0.6)]!;
      const names = await saveMiniAppShots({ db: stage.app.db, botToken: stage.botToken, pageUrl, now: stage.clock.now(), asOf, outDir: options.outDir });
      shots.push(...names.map((name) => `${outLabel}/${name}`));
    }
  } finally {
    await stage?.stop();
    await crm?.close();
    if (miniApp) rmSync(miniApp.dir, { recursive: true, force: true });
  }
  const errors = stage.loggedErrors();
  if (errors.length > 0) throw new Error(`the bot logged ${errors.length} error(s), e.g. ${errors[0]}`);
  const refused = transcript.refusedCalls();
  if (refused.length > 0) {
    throw new Error(`the emulator refused ${refused.length} call(s) of the bot, e.g. ${refused[0]!.method}: ${refused[0]!.response?.description ?? refused[0]!.outcome}`);
  }
  const transcriptPath = join(options.outDir, "transcript.txt");
  writeFileSync(transcriptPath, `${transcript.lines().join("\n")}\n`);
  const saved = [...transcript.saved(), ...shots, `${outLabel}/transcript.txt`];
  const elapsedMs = Date.now() - started;
  options.print("");
  for (const line of FOOTER[options.locale](saved, (elapsedMs / 1000).toFixed(1))) options.print(line);
  return { lines: transcript.lines(), saved, elapsedMs };
}

function parseArgs(argv: string[]): { locale: DemoLocale; quick: boolean; outDir: string; crm?: DemoCrmKind } | string {
  let locale: DemoLocale = "ru";
  let quick = false;
  let outDir = "demo-output";
  let crm: DemoCrmKind | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--quick") quick = true;
    else if (arg === "--lang" || arg.startsWith("--lang=")) {
      const value = arg.includes("=") ? arg.slice(7) : argv[++i];
      if (value !== "ru" && value !== "en") return `--lang takes ru or en, got ${value ?? "nothing"}`;
      locale = value;
    } else if (arg === "--out" || arg.startsWith("--out=")) {
      const value = arg.includes("=") ? arg.slice(6) : argv[++i];
      if (!value) return "--out takes a folder";
      outDir = value;
    } else if (arg === "--crm" || arg.startsWith("--crm=")) {
      const value = arg.includes("=") ? arg.slice(6) : argv[++i];
      if (value !== "bitrix24") return `--crm takes bitrix24, got ${value ?? "nothing"}`;
      crm = value;
    } else return `unknown option ${arg}; usage: npm run demo -- [--lang ru|en] [--quick] [--out <folder>] [--crm bitrix24]`;
  }
  return { locale, quick, outDir: resolve(outDir), ...(crm ? { crm } : {}) };
}

/** Ends a demo that hangs: it must finish by itself well within two minutes. */
const DEADLINE_MS = 110_000;

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === "string") {
    process.stderr.write(`${parsed}\n`);
    process.exit(2);
  }
  const deadline = setTimeout(() => {
    process.stderr.write(`demo: did not finish within ${DEADLINE_MS / 1000} s\n`);
    process.exit(1);
  }, DEADLINE_MS);
  deadline.unref();
  try {
    await runDemo({ ...parsed, print: (line) => process.stdout.write(`${line}\n`) });
  } catch (error) {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  }
  // Nothing of the demo is left running; exit without waiting for stray handles of libraries.
  process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
