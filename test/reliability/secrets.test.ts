import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { startApp, StartupError, TEAM_ID, type App } from "../../src/app.js";
import { createLogger } from "../../src/shared/logger.js";
import { upsertMember } from "../../src/db/members.js";
import { enqueue } from "../../src/db/outbox.js";
import { createFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api.js";
import { commandUpdate, makeUser } from "../helpers/updates.js";
import { createTestClock } from "../helpers/clock.js";
import { FAST_OUTBOX } from "../helpers/harness.js";

let fake: FakeBotApi | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = undefined;
  fake = undefined;
});

/** A pino destination that keeps every line written. */
function captureStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      callback();
    },
  });
  return { stream, lines, text: () => lines.join("\n") };
}

function leaks(text: string, token: string): string[] {
  const secret = token.split(":")[1]!;
  return [token, secret, encodeURIComponent(token)].filter((form) => text.includes(form));
}

describe("secrets", () => {
  it("never writes the bot token to the log, even when Bot API calls fail with it in the URL", async () => {
    const clock = createTestClock();
    fake = await createFakeBotApi({ now: () => clock.now() });
    const config = createConfig({
      BOT_TOKEN: fake.token,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "scb-secrets-")), "bot.sqlite"),
      TELEGRAM_API_ROOT: fake.apiRoot,
      LOG_LEVEL: "trace",
    });
    const log = captureStream();
    // The same secrets startApp gives its own logger: the token and its secret half (URLs may encode the colon).
    const logger = createLogger("trace", [config.botToken, config.botToken.split(":")[1]!], log.stream);
    app = await startApp({ config, clock, logger, polling: false, scheduler: false, outboxLimits: FAST_OUTBOX });
    const user = makeUser(4242, { language_code: "en" });
    upsertMember(app.db, { teamId: TEAM_ID, userId: user.id, username: "olga", firstName: "Olga", role: "founder", chatId: user.id }, clock.now());

    // Replies and outbox sends failing every way a call can fail.
    for (const kind of ["drop", "429"] as const) {
      fake.failNext("sendMessage", kind, 1);
      // As the runner does: an error escaping an update goes to the bot's error boundary.
      const bot = app.bot;
      await bot.handleUpdate(commandUpdate(user, "/help")).catch((error: Parameters<typeof bot.errorHandler>[0]) => bot.errorHandler(error));
    }
    fake.failNext("sendMessage", "drop", 2);
    fake.failNext("sendMessage", "500", 2);
    enqueue(app.db, { teamId: TEAM_ID, chatId: user.id, kind: "test", key: "secret:1", message: { method: "sendMessage", text: "hi" } }, clock.now());
    await app.outbox.drain();
    await app.outbox.drain();
    // A chat that answers 403 (the unreachable path logs too).
    fake.blockChat(user.id);
    enqueue(app.db, { teamId: TEAM_ID, chatId: user.id, kind: "test", key: "secret:2", message: { method: "sendMessage", text: "hi" } }, clock.now());
    await app.outbox.drain();
    // Code that logs a URL or an error carrying it (fetch errors do) in every shape.
    const url = `${config.apiRoot}/bot${config.botToken}/sendMessage`;
    const encoded = `${config.apiRoot}/bot${encodeURIComponent(config.botToken)}/sendMessage`;
    logger.error(new Error(`request to ${url} failed`));
    logger.error({ err: new Error(`request to ${url} failed`), url }, "call failed");
    logger.warn({ request: { url: encoded, nested: [url] } }, `retrying ${encoded}`);
    await new Promise((resolve) => setImmediate(resolve));

    const text = log.text();
    expect(log.lines.length).toBeGreaterThan(10);
    expect(text).toMatch(/network error talking to telegram|delivery failed; will retry/);
    expect(text).toContain("***");
    const leaked = log.lines.filter((line) => leaks(line, config.botToken).length > 0);
    expect(leaked).toEqual([]);

    // A start-up failure names the API root, never the token.
    const broken = createConfig({ ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key === "PATH")), BOT_TOKEN: config.botToken, DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "scb-secrets-")), "bot.sqlite"), TELEGRAM_API_ROOT: "http://127.0.0.1:9", LOG_LEVEL: "silent" });
    const failure = await startApp({ config: broken, clock, logger: createLogger("silent"), polling: false, scheduler: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupError);
    expect(leaks(String((failure as Error).message) + String((failure as Error).stack), config.botToken)).toEqual([]);
    console.log(`secrets: ${log.lines.length} log lines with ${fake.faultCounts.total} failed calls, 0 containing the token`);
  });
});
