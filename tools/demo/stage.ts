/**
 * The demo's stage: the real app (startApp: SQLite, migrations, createBot, outbox, jobs) against the built-in
 * Bot API emulator on 127.0.0.1, a throwaway database in a fresh temp folder, and a clock the script moves.
 * People act through real Telegram updates handed to the bot (bot.handleUpdate, as a webhook would), and
 * every message the bot sends goes out through the emulator's HTTP API, where the transcript reads it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes, randomInt } from "node:crypto";
import type { InlineKeyboardButton, Message, Update, User } from "grammy/types";
import { createConfig } from "../../src/config.js";
import { startApp, type App } from "../../src/app.js";
import { createLogger } from "../../src/shared/logger.js";
import { renderChartPng } from "../../src/reports/chart.js";
import { zonedInstant } from "../../src/domain/calendar.js";
import type { Clock } from "../../src/shared/clock.js";
import type { OutboxLimits } from "../../src/outbox/worker.js";
import { createFakeBotApi, type FakeBotApi, type SentMessage } from "../emulator/fake-bot-api.js";
import { callbackUpdate, commandUpdate, documentUpdate, makeUser, textUpdate } from "../emulator/updates.js";

/** No pacing: the emulator has no speed limits to respect and the clock is not the wall clock. */
const DEMO_OUTBOX: Partial<OutboxLimits> = { globalPerSecond: 10_000, perChatIntervalMs: 0, perGroupIntervalMs: 0, retryDelayMs: () => 0 };

export const DEMO_TIMEZONE = "Europe/Moscow";

/** What a person did, as the transcript tells it. */
export type PersonAction =
  | { kind: "text"; text: string }
  | { kind: "button"; label: string; data: string }
  | { kind: "document"; fileName: string; caption?: string };

/** Hears about every action before it is handled and is asked to read the emulator after it. */
export interface StageObserver {
  action(person: Person, action: PersonAction): void;
  settle(): void;
}

export interface Person {
  readonly key: string;
  readonly name: string;
  readonly user: User;
  readonly chatId: number;
  /** Types a message or a command in the private chat; resolves when handled and the outbox is drained. */
  send(text: string): Promise<SentMessage[]>;
  /** Presses the first button whose callback data matches on `message` (default: the latest message with one). */
  press(data: RegExp, message?: SentMessage): Promise<SentMessage[]>;
  /** Sends a document the emulator serves for download, with an optional caption. */
  sendDocument(fileName: string, bytes: Uint8Array | string, caption?: string): Promise<SentMessage[]>;
  /** Messages the bot sent this person, newest last. */
  messages(): SentMessage[];
  /** The newest message to this person whose text matches (or that has a matching button). */
  latest(match: RegExp): SentMessage | undefined;
}

export interface Stage {
  readonly fake: FakeBotApi;
  /** The demo bot's made-up token (the Mini App's launch data is signed with it). */
  readonly botToken: string;
  readonly app: App;
  readonly clock: Clock;
  readonly claimLink: string | undefined;
  readonly databasePath: string;
  /** Puts the clock at `time` (HH:MM, team time zone) of `date` (YYYY-MM-DD). */
  setTime(date: string, time: string): void;
  person(key: string, name: string, options: { username: string; lastName?: string; languageCode: string }): Person;
  /** One scheduler tick at the current clock, then the outbox drained. */
  runJobs(): Promise<void>;
  /** Reads the CRM now (as the sync job would), then drains the outbox; what it read and wrote. */
  syncCrm(): Promise<{ rowsRead: number; recordsWritten: number }>;
  /** Errors the bot logged (nothing is printed; a demo that hits one has found a bug). */
  loggedErrors(): string[];
  /** Stops the app, closes the emulator and deletes the throwaway database. */
  stop(): Promise<void>;
}

function buttonData(button: InlineKeyboardButton): string | undefined {
  return "callback_data" in button ? button.callback_data : undefined;
}

/** Starts the emulator and the real app on a throwaway database; `observer` sees every action. */
export async function createStage(options: {
  start: string;
  locale: "ru" | "en";
  observer: StageObserver;
  crm?: { webhookUrl: string };
  /** Serve the Mini App page from `dir` on 127.0.0.1:`port`. */
  webApp?: { dir: string; port: number };
}): Promise<Stage> {
  let now = new Date(options.start).getTime();
  const clock: Clock = { now: () => now };
  // A made-up token in Telegram's shape: the emulator accepts only it, and nothing real is ever called.
  const botId = 7_000_000_000 + randomInt(1_000_000);
  const token = `${botId}:${randomBytes(27).toString("base64url")}`;
  const fake = await createFakeBotApi({
    now: clock.now,
    token,
    botInfo: { id: botId, first_name: "Sales Control (demo)", username: "sales_control_demo_bot" },
  });
  const folder = mkdtempSync(join(tmpdir(), "scb-demo-"));
  const databasePath = join(folder, "demo.sqlite");
  const config = createConfig({
    BOT_TOKEN: token,
    DATABASE_PATH: databasePath,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DEFAULT_TIMEZONE: DEMO_TIMEZONE,
    DEFAULT_LOCALE: options.locale,
    FOUNDER_IDS: "",
    LOG_LEVEL: "silent",
    ...(options.crm ? { CRM: "bitrix24", BITRIX24_WEBHOOK_URL: options.crm.webhookUrl } : {}),
    ...(options.webApp ? { WEB_APP_URL: `http://127.0.0.1:${options.webApp.port}/app/`, WEB_PORT: String(options.webApp.port) } : {}),
  });
  // The bot's log is not printed (LOG_LEVEL silent in spirit), but its errors are kept to be reported.
  const loggedErrors: string[] = [];
  const logger = createLogger("error", [token], {
    write(line: string) {
      try {
        const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
        loggedErrors.push([entry.msg, entry.err?.message].filter(Boolean).join(": "));
      } catch {
        loggedErrors.push(line.trim());
      }
    },
  });
  let app: App;
  try {
    app = await startApp({
      config,
      clock,
      logger,
      botInfo: fake.botInfo,
      polling: false,
      scheduler: false,
      outboxLimits: DEMO_OUTBOX,
      // vega loads once in the demo's process instead of once per chart: a month draws a dozen.
      drawChart: renderChartPng,
      // The emulated portal is read at the script's moments; its pace would only stretch the demo's real time.
      crmHttp: { minIntervalMs: 0 },
      ...(options.webApp ? { webhookHost: "127.0.0.1", webAppDir: options.webApp.dir } : {}),
    });
  } catch (error) {
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const observer = options.observer;

  async function dispatch(update: Update): Promise<void> {
    fake.rememberUpdate(update);
    await app.bot.handleUpdate(update);
    await app.outbox.drain();
    observer.settle();
  }

  const date = () => Math.floor(now / 1000);
  let nextUserId = 200_000_001;

  function person(key: string, name: string, personOptions: { username: string; lastName?: string; languageCode: string }): Person {
    const user = makeUser(nextUserId++, {
      username: personOptions.username,
      first_name: name,
      ...(personOptions.lastName === undefined ? {} : { last_name: personOptions.lastName }),
      language_code: personOptions.languageCode,
    });
    const chatId = user.id;
    const messages = () => fake.messagesTo(chatId);
    const collect = async (update: Update): Promise<SentMessage[]> => {
      // A typed message takes the chat's next id, as in Telegram, so it never collides with the bot's.
      if (update.message) update.message.message_id = fake.allocateMessageId(chatId);
      const since = fake.mark();
      await dispatch(update);
      return messages().filter((sent) => sent.seq >= since);
    };
    const self: Person = {
      key,
      name,
      user,
      chatId,
      async send(text) {
        observer.action(self, { kind: "text", text });
        return collect(text.startsWith("/") ? commandUpdate(user, text, { date: date() }) : textUpdate(user, text, { date: date() }));
      },
      async press(data, message) {
        const source = message ?? [...messages()].reverse().find((sent) => sent.buttons.some((b) => data.test(buttonData(b) ?? "")));
        const button = source?.buttons.find((b) => data.test(buttonData(b) ?? ""));
        if (!source || !button) throw new Error(`demo: ${key} has no button ${data} to press`);
        // The button is pressed on the message as it is now (it may have been edited since it was sent).
        const current = fake.messageState(chatId, source.message_id) ?? source.message;
        observer.action(self, { kind: "button", label: button.text, data: buttonData(button)! });
        return collect(callbackUpdate(user, buttonData(button)!, { message: current as Message }));
      },
      async sendDocument(fileName, bytes, caption) {
        const fileId = `demo-${randomBytes(6).toString("hex")}`;
        fake.addFile(fileId, bytes, `documents/${fileId}-${fileName}`);
        observer.action(self, { kind: "document", fileName, ...(caption ? { caption } : {}) });
        const size = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.byteLength;
        return collect(
          documentUpdate(user, { file_id: fileId, file_name: fileName, mime_type: "text/csv", file_size: size, ...(caption ? { caption } : {}) }, { date: date() }),
        );
      },
      messages,
      latest(match) {
        return [...messages()].reverse().find((sent) => match.test(sent.text ?? sent.caption ?? "") || sent.buttons.some((b) => match.test(buttonData(b) ?? "")));
      },
    };
    return self;
  }

  let stopped = false;
  return {
    fake,
    botToken: token,
    app,
    clock,
    claimLink: app.claimLink,
    databasePath,
    setTime(day, time) {
      const next = zonedInstant(day, time, DEMO_TIMEZONE).getTime();
      // The clock only moves forward, as time does; a script that says otherwise has a bug.
      if (next < now) throw new Error(`demo: the clock cannot go back to ${day} ${time}`);
      now = next;
    },
    person,
    loggedErrors: () => [...loggedErrors],
    async runJobs() {
      await app.runJobsNow();
      await app.outbox.drain();
      observer.settle();
    },
    async syncCrm() {
      if (!app.crmSync) throw new Error("demo: no CRM is set");
      const outcome = await app.crmSync.run();
      if (!outcome.ok) throw new Error(`demo: the CRM sync failed: ${outcome.error}`);
      await app.outbox.drain();
      observer.settle();
      return outcome;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await app.stop();
      } finally {
        await fake.close();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
