import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Chat, Message, Update, User } from "grammy/types";
import { createConfig, type Config } from "../../src/config.js";
import { startApp, TEAM_ID, type App } from "../../src/app.js";
import { createLogger } from "../../src/shared/logger.js";
import { renderChartPng } from "../../src/reports/chart.js";
import { upsertMember, findActiveMember, type Member, type Role } from "../../src/db/members.js";
import type { Db } from "../../src/db/open.js";
import type { OutboxLimits } from "../../src/outbox/worker.js";
import type { CrmHttpOptions } from "../../src/services/crm/http.js";
import { createFakeBotApi, type FakeBotApi, type SentMessage } from "./fake-bot-api.js";
import { callbackUpdate, commandUpdate, documentUpdate, makeUser, textUpdate, type DocumentSpec, type UserOptions } from "./updates.js";
import { createTestClock, type TestClock } from "./clock.js";
import { writeMigratedDatabase } from "./database.js";

/** No pacing and immediate retries: tests check delivery, not Telegram's speed limits. */
export const FAST_OUTBOX: Partial<OutboxLimits> = {
  globalPerSecond: 10_000,
  perChatIntervalMs: 0,
  perGroupIntervalMs: 0,
  retryDelayMs: () => 0,
};

export interface HarnessOptions {
  /** Where the injected clock starts. */
  now?: string | number | Date;
  timezone?: string;
  locale?: "ru" | "en";
  founderIds?: number[];
  dbPath?: string;
  env?: Record<string, string>;
  outboxLimits?: Partial<OutboxLimits>;
  /** Wrong answers that end a dialogue (the bot's default when not given). */
  maxWrongAnswers?: number;
  logLevel?: string;
  /** Collects every log line (JSON) at info and above, for tests that check what was logged. */
  logs?: string[];
  /** The CRM client's pace and retries (see AppOptions.crmHttp); by default its pauses move the clock. */
  crmHttp?: Partial<CrmHttpOptions>;
  /** Charts drawn as the bot draws them, in a child process each (default: in this process, the same bytes). */
  childCharts?: boolean;
  /** The Mini App's page directory (with WEB_APP_URL in env). */
  webAppDir?: string;
}

export interface Replies extends Array<SentMessage> {
  /** Text of answerCallbackQuery, when the update was a button press. */
  answer?: string;
}

export interface TestUser {
  readonly user: User;
  readonly id: number;
  /** The private chat with the bot (id = user id). */
  readonly chatId: number;
  /** Sends a text or command in the private chat (or `chat`); resolves when fully handled, outbox drained. */
  send(text: string, options?: { chat?: Chat }): Promise<Replies>;
  /** Presses an inline button with `data` on `message` (default: the last message the bot sent this user). */
  press(data: string, message?: SentMessage | Message): Promise<Replies>;
  sendDocument(document: DocumentSpec, options?: { chat?: Chat }): Promise<Replies>;
  /** Everything the bot sent to this user's private chat. */
  messages(): SentMessage[];
  last(): SentMessage | undefined;
  member(): Member | undefined;
}

export interface Harness {
  readonly fake: FakeBotApi;
  readonly clock: TestClock;
  readonly app: App;
  readonly db: Db;
  readonly config: Config;
  readonly dbPath: string;
  member(role: Role, options?: UserOptions & { id?: number }): Promise<TestUser>;
  stranger(options?: UserOptions & { id?: number }): TestUser;
  userFor(user: User): TestUser;
  /** Handles any update fully (handleUpdate + outbox drain); returns what was sent anywhere meanwhile. */
  dispatch(update: Update): Promise<SentMessage[]>;
  /** One scheduler tick at the current clock, then the outbox drained. */
  runJobs(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let nextUserId = 100_001;

/** Starts the real app (createBot, real SQLite file, outbox, jobs) against a fake Bot API on 127.0.0.1. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = createTestClock(options.now ?? "2026-11-02T07:00:00Z");
  const fake = await createFakeBotApi({ now: () => clock.now() });
  const dbPath = options.dbPath ?? join(mkdtempSync(join(tmpdir(), "scb-test-")), "bot.sqlite");
  if (!options.dbPath) writeMigratedDatabase(dbPath);
  const config = createConfig({
    BOT_TOKEN: fake.token,
    DATABASE_PATH: dbPath,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DEFAULT_TIMEZONE: options.timezone ?? "Europe/Moscow",
    DEFAULT_LOCALE: options.locale ?? "ru",
    FOUNDER_IDS: (options.founderIds ?? []).join(","),
    LOG_LEVEL: options.logLevel ?? "silent",
    ...options.env,
  });
  const logs = options.logs;
  const logger = logs
    ? createLogger(options.logLevel ?? "info", [config.botToken], { write: (line: string) => void logs.push(line) })
    : createLogger(config.logLevel, [config.botToken]);
  const launch = () =>
    startApp({
      config,
      clock,
      logger,
      botInfo: fake.botInfo,
      polling: false,
      scheduler: false,
      outboxLimits: { ...FAST_OUTBOX, ...options.outboxLimits },
      maxWrongAnswers: options.maxWrongAnswers,
      // The CRM client's pauses move the injected clock (as the fakes' rate limits read it): no real waiting.
      crmHttp: { wait: async (ms: number) => clock.advance(ms), ...options.crmHttp },
      // The same bytes as the child process draws (test/reports/chart-process.test.ts), without a process per chart.
      drawChart: options.childCharts ? undefined : renderChartPng,
      webhookHost: "127.0.0.1",
      webAppDir: options.webAppDir,
    });
  let app = await launch();

  async function dispatch(update: Update): Promise<SentMessage[]> {
    const since = fake.mark();
    fake.rememberUpdate(update);
    await app.bot.handleUpdate(update);
    await app.outbox.drain();
    return fake.calls
      .filter((call) => call.seq >= since)
      .flatMap((call) => {
        const chatId = Number(call.payload.chat_id);
        return Number.isFinite(chatId) ? fake.messagesTo(chatId).filter((sent) => sent.seq === call.seq) : [];
      });
  }

  function userFor(user: User): TestUser {
    const chatId = user.id;
    const collect = async (update: Update, chat?: Chat): Promise<Replies> => {
      // A typed message takes the chat's next id, so it never collides with a message the bot sent there.
      if (update.message) update.message.message_id = fake.allocateMessageId(update.message.chat.id);
      const since = fake.mark();
      await dispatch(update);
      const target = chat?.id ?? chatId;
      const replies: Replies = fake.messagesTo(target).filter((sent) => sent.seq >= since);
      const answer = fake.callsTo("answerCallbackQuery").filter((call) => call.seq >= since).at(-1);
      if (answer) replies.answer = String(answer.payload.text ?? "");
      return replies;
    };
    return {
      user,
      id: user.id,
      chatId,
      send: (text, opts) => collect(text.startsWith("/") ? commandUpdate(user, text, opts) : textUpdate(user, text, opts), opts?.chat),
      press: (data, message) => {
        const source = message ?? fake.lastMessageTo(chatId);
        const msg = source && "message" in source && "seq" in source ? source.message : (source as Message | undefined);
        return collect(callbackUpdate(user, data, msg ? { message: msg } : {}), msg?.chat);
      },
      sendDocument: (document, opts) => collect(documentUpdate(user, document, opts), opts?.chat),
      messages: () => fake.messagesTo(chatId),
      last: () => fake.lastMessageTo(chatId),
      member: () => findActiveMember(app.db, TEAM_ID, user.id),
    };
  }

  return {
    fake,
    clock,
    get app() {
      return app;
    },
    get db() {
      return app.db;
    },
    config,
    dbPath,
    async member(role, userOptions = {}) {
      const user = makeUser(userOptions.id ?? nextUserId++, userOptions);
      upsertMember(app.db, { teamId: TEAM_ID, userId: user.id, username: user.username ?? null, firstName: user.first_name, lastName: user.last_name ?? "", role, chatId: user.id }, clock.now());
      return userFor(user);
    },
    stranger(userOptions = {}) {
      return userFor(makeUser(userOptions.id ?? nextUserId++, userOptions));
    },
    userFor,
    dispatch,
    async runJobs() {
      await app.runJobsNow();
      await app.outbox.drain();
    },
    async restart() {
      await app.stop();
      app = await launch();
    },
    async stop() {
      await app.stop();
      await fake.close();
    },
  };
}
