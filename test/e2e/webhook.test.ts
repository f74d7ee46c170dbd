/**
 * BOT_MODE=webhook: the real app (startApp) serves updates POSTed to its HTTP server on 127.0.0.1, checks
 * Telegram's secret header, and behaves exactly as with long polling. One scenario — /start, an invite
 * redeemed by a newcomer, an /invite dialogue spread over two updates, a stranger — is played over both
 * transports and must produce the same conversation.
 */
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update, User } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { startApp, StartupError, TEAM_ID, type App } from "../../src/app.js";
import { createLogger } from "../../src/shared/logger.js";
import { createFakeBotApi, WEBHOOK_DELIVERY, type FakeBotApi, type SentMessage } from "../helpers/fake-bot-api.js";
import { callbackUpdate, commandUpdate, makeUser, textUpdate } from "../helpers/updates.js";
import { createTestClock } from "../helpers/clock.js";
import { FAST_OUTBOX } from "../helpers/harness.js";
import { freePort } from "../helpers/free-port.js";

const SECRET = "scb_webhook-secret-0123456789";

let fake: FakeBotApi | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = undefined;
  fake = undefined;
});


interface Running {
  app: App;
  fake: FakeBotApi;
  url: string;
  /** Hands an update to the bot the way this mode receives it; resolves once it is handled and the outbox drained. */
  deliver(update: Update, replyChat: number): Promise<SentMessage[]>;
}

/** Starts the app in `mode` against a fresh fake Bot API, with a founder already in the team. */
async function launch(mode: "webhook" | "polling", founder: User, options: { port?: number; url?: string; databasePath?: string } = {}): Promise<Running> {
  const clock = createTestClock("2026-11-02T07:00:00Z");
  fake = await createFakeBotApi({ now: () => clock.now() });
  const port = options.port ?? (await freePort());
  const url = options.url ?? `http://127.0.0.1:${port}/telegram/hook`;
  const config = createConfig({
    BOT_TOKEN: fake.token,
    DATABASE_PATH: options.databasePath ?? join(mkdtempSync(join(tmpdir(), `scb-${mode}-`)), "bot.sqlite"),
    TELEGRAM_API_ROOT: fake.apiRoot,
    FOUNDER_IDS: String(founder.id),
    LOG_LEVEL: "silent",
    ...(mode === "webhook" ? { BOT_MODE: "webhook", WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, PORT: String(port) } : {}),
  });
  app = await startApp({
    config,
    clock,
    logger: createLogger("silent"),
    botInfo: fake.botInfo,
    scheduler: false,
    polling: mode === "polling",
    webhookHost: "127.0.0.1",
    outboxLimits: FAST_OUTBOX,
  });
  const running = { app, fake, url };
  const theFake = fake;
  const theApp = app;
  if (mode === "webhook") {
    return {
      ...running,
      async deliver(update, replyChat) {
        const since = theFake.mark();
        const response = await post(url, update, SECRET);
        expect(response.status).toBe(200);
        await theApp.outbox.drain();
        return theFake.messagesTo(replyChat).filter((m) => m.seq >= since);
      },
    };
  }
  return {
    ...running,
    async deliver(update, replyChat) {
      const since = theFake.mark();
      theFake.pushUpdate(update);
      // Every step of the scenario answers its sender at least once.
      await theFake.waitForMessage(replyChat, () => true, { since, timeoutMs: 5000 });
      await theApp.outbox.drain();
      return theFake.messagesTo(replyChat).filter((m) => m.seq >= since);
    },
  };
}

function post(url: string, update: unknown, secret?: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
    body: JSON.stringify(update),
  });
}

/** What a person reads: texts with one-time tokens made comparable, and the buttons. */
function transcript(messages: SentMessage[]): string[] {
  return messages.map((m) => {
    const text = (m.text ?? m.caption ?? "").replace(/start=[\w-]+/g, "start=<token>");
    const buttons = m.buttons.map((b) => ("callback_data" in b ? `[${b.text}|${b.callback_data}]` : `[${b.text}]`)).join(" ");
    return buttons ? `${text} ${buttons}` : text;
  });
}

/**
 * The scenario, step by step: each returns what the acting person got back. The newcomer redeems the link the
 * founder got; the founder's /invite dialogue takes a second update (the button press on the question).
 */
async function playScenario(run: Running, people: { founder: User; newcomer: User; stranger: User }): Promise<{ chat: string[]; founderChat: string[] }> {
  const { founder, newcomer, stranger } = people;
  const chat: string[] = [];
  const step = async (who: User, update: Update): Promise<SentMessage[]> => {
    const replies = await run.deliver(update, who.id);
    chat.push(...transcript(replies).map((line) => `${who.first_name}: ${line}`));
    return replies;
  };
  await step(founder, commandUpdate(founder, "/start"));
  const [invite] = await step(founder, commandUpdate(founder, "/invite manager"));
  const token = /start=([\w-]+)/.exec(invite?.text ?? "")?.[1];
  expect(token).toBeDefined();
  await step(newcomer, commandUpdate(newcomer, `/start ${token}`));
  await step(newcomer, commandUpdate(newcomer, "/tasks"));
  const [question] = await step(founder, commandUpdate(founder, "/invite"));
  expect(question?.buttons.length).toBe(2);
  await step(founder, callbackUpdate(founder, "invite:lead", { message: question!.message }));
  await step(stranger, textUpdate(stranger, "hello?"));
  return { chat, founderChat: transcript(run.fake.messagesTo(founder.id)) };
}

describe("webhook mode", () => {
  it("registers its URL and secret with Telegram and serves the same conversation as long polling", async () => {
    const people = {
      founder: makeUser(7001, { first_name: "Olga", username: "olga_founder", language_code: "en" }),
      newcomer: makeUser(7002, { first_name: "Ivan", username: "ivan_new", language_code: "en" }),
      stranger: makeUser(7003, { first_name: "Nobody", language_code: "en" }),
    };

    const webhook = await launch("webhook", people.founder);
    expect(webhook.fake.webhookInfo()).toMatchObject({ url: webhook.url, allowed_updates: ["message", "callback_query", "my_chat_member"] });
    expect(webhook.fake.callsTo("setWebhook").at(-1)?.payload.secret_token).toBe(SECRET);
    const viaWebhook = await playScenario(webhook, people);
    const members = app!.db.prepare("SELECT user_id, role FROM members WHERE team_id = ? ORDER BY user_id").all(TEAM_ID);
    const invites = app!.db.prepare("SELECT role, used_by FROM invites WHERE token NOT LIKE 'claim-%' ORDER BY rowid").all();
    await app!.stop();
    await fake!.close();
    app = undefined;

    const polling = await launch("polling", people.founder);
    expect(polling.fake.webhookInfo().url).toBe("");
    const viaPolling = await playScenario(polling, people);

    expect(viaWebhook).toEqual(viaPolling);
    expect(viaWebhook.chat).toEqual([
      expect.stringMatching(/^Olga: Hello, Olga! You are in the team as founder\./),
      expect.stringMatching(/^Olga: Invite: sales manager\. .*\nhttps:\/\/t\.me\/\w+\?start=<token>$/s),
      expect.stringMatching(/^Ivan: Done: you are in the team as sales manager\./),
      "Ivan: No open tasks.",
      "Olga: Whom do you want to invite? [head of sales|invite:lead] [sales manager|invite:manager]",
      expect.stringMatching(/^Olga: Invite: head of sales\. .*start=<token>$/s),
      expect.stringMatching(/^Nobody: This is a private bot of a sales team\./),
    ]);
    // The inviter heard about the newcomer through the outbox, in both modes.
    expect(viaWebhook.founderChat).toContain("Ivan (@ivan_new) accepted the invite: sales manager.");
    expect(members).toEqual([
      { user_id: 7001, role: "founder" },
      { user_id: 7002, role: "manager" },
    ]);
    expect(invites).toEqual([
      { role: "manager", used_by: 7002 },
      { role: "lead", used_by: null },
    ]);
  });

  it("refuses updates without Telegram's secret header (401) and handles nothing from them", async () => {
    const founder = makeUser(7101, { first_name: "Olga", language_code: "en" });
    const run = await launch("webhook", founder);
    const handled = () => app!.db.prepare("SELECT COUNT(*) FROM processed_updates").pluck().get() as number;
    const update = commandUpdate(founder, "/invite manager");
    for (const secret of [undefined, "", "not-the-secret-at-all-000", SECRET.toUpperCase(), `${SECRET}x`]) {
      const response = await post(run.url, update, secret);
      expect(response.status, String(secret)).toBe(401);
      await response.text();
    }
    // Only POST is served; a GET (a scanner, a browser) gets 405 and no handling either.
    const get = await fetch(run.url);
    expect(get.status).toBe(405);
    expect(handled()).toBe(0);
    expect(run.fake.messagesTo(founder.id)).toHaveLength(0);
    expect(app!.db.prepare("SELECT COUNT(*) FROM invites WHERE token NOT LIKE 'claim-%'").pluck().get()).toBe(0);

    // The very same update with the secret is handled: the refused attempts did not use up its id.
    const [reply] = await run.deliver(update, founder.id);
    expect(reply?.text).toMatch(/^Invite: sales manager\./);
    expect(handled()).toBe(1);
  });

  it("takes what Telegram itself delivers: the fake Bot API posts queued updates to the webhook with the secret", async () => {
    const founder = makeUser(7201, { first_name: "Olga", language_code: "en" });
    const run = await launch("webhook", founder);
    const since = run.fake.mark();
    run.fake.pushUpdate(commandUpdate(founder, "/invite"));
    const question = await run.fake.waitForMessage(founder.id, (m) => m.buttons.length === 2, { since, timeoutMs: 5000 });
    expect(question.text).toBe("Whom do you want to invite?");
    const press = run.fake.pushUpdate(callbackUpdate(founder, "invite:manager", { message: question.message }));
    const link = await run.fake.waitForMessage(founder.id, (m) => /start=/.test(m.text ?? ""), { since, timeoutMs: 5000 });
    expect(link.text).toMatch(/^Invite: sales manager\./);
    // The webhook answered 2xx, so Telegram considers both updates delivered.
    await run.fake.waitForConfirmed(press, { timeoutMs: 5000 });
    const deliveries = run.fake.callsTo(WEBHOOK_DELIVERY).filter((call) => call.seq >= since);
    expect(deliveries.map((call) => call.status)).toEqual([200, 200]);
    expect(run.fake.pendingUpdates()).toHaveLength(0);
  });

  it("a port already taken or a webhook Telegram refuses ends start-up with one clear error, leaving nothing running", async () => {
    const founder = makeUser(7301, { first_name: "Olga", language_code: "en" });
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    const databasePath = join(mkdtempSync(join(tmpdir(), "scb-busy-")), "bot.sqlite");
    try {
      const busy = await launch("webhook", founder, { port, databasePath }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(busy).toBeInstanceOf(StartupError);
      expect((busy as Error).message).toMatch(new RegExp(`^PORT ${port} cannot be used for the webhook server: .*EADDRINUSE`));
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    await fake!.close();

    // Telegram refuses the URL: the server that was listening is closed again and the database released.
    const refused = await launch("webhook", founder, { port, url: `ftp://127.0.0.1:${port}/hook`, databasePath }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StartupError);
    expect((refused as Error).message).toMatch(/^Telegram refused the webhook WEBHOOK_URL=ftp:\/\/127\.0\.0\.1:\d+\/hook: .*HTTPS URL must be provided/);
    await fake!.close();

    // Both failures released the port and the database: a correct start on the same ones works.
    const run = await launch("webhook", founder, { port, databasePath });
    const [reply] = await run.deliver(commandUpdate(founder, "/start"), founder.id);
    expect(reply?.text).toMatch(/^Hello, Olga!/);
  });
});
