import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { startApp, TEAM_ID, type App } from "../../src/app.js";
import { createLogger } from "../../src/shared/logger.js";
import { upsertMember } from "../../src/db/members.js";
import { createFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api.js";
import { commandUpdate, makeUser } from "../helpers/updates.js";
import { createTestClock } from "../helpers/clock.js";
import { FAST_OUTBOX } from "../helpers/harness.js";
import { freePort } from "../helpers/free-port.js";

let fake: FakeBotApi | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = undefined;
  fake = undefined;
});


const SECRET = "webhook-secret_for-tests-0123456789";

/** The real app in webhook mode on 127.0.0.1 against a fresh fake Bot API and database. */
async function startWebhookApp() {
  const clock = createTestClock();
  fake = await createFakeBotApi({ now: () => clock.now() });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/telegram`;
  const config = createConfig({
    BOT_TOKEN: fake.token,
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "scb-webhook-")), "bot.sqlite"),
    TELEGRAM_API_ROOT: fake.apiRoot,
    BOT_MODE: "webhook",
    WEBHOOK_URL: url,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: "silent",
  });
  app = await startApp({ config, clock, logger: createLogger("silent"), botInfo: fake.botInfo, scheduler: false, webhookHost: "127.0.0.1", outboxLimits: FAST_OUTBOX });
  return { clock, url, app, fake };
}

describe("webhook mode", () => {
  it("answers 401 to a POST without the right secret header, handles the right one, and ignores a redelivery", async () => {
    const { clock, url, app, fake } = await startWebhookApp();
    expect(fake.webhookInfo().url).toBe(url);
    const founder = makeUser(5151, { language_code: "en" });
    upsertMember(app.db, { teamId: TEAM_ID, userId: founder.id, username: "olga", firstName: "Olga", role: "founder", chatId: founder.id }, clock.now());
    const handled = () => app.db.prepare("SELECT COUNT(*) FROM processed_updates").pluck().get() as number;
    const invites = () => app.db.prepare("SELECT COUNT(*) FROM invites WHERE token NOT LIKE 'claim-%'").pluck().get() as number;
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

    const forged = commandUpdate(founder, "/invite manager");
    const statuses: number[] = [];
    const attempts: Record<string, string>[] = [{}, { "x-telegram-bot-api-secret-token": "wrong-secret-0000000000000" }, { "x-telegram-bot-api-secret-token": "" }, { "x-telegram-bot-api-secret-token": SECRET.slice(0, -1) }];
    for (const headers of attempts) {
      const response = await post(forged, headers);
      statuses.push(response.status);
      await response.text();
    }
    expect(statuses).toEqual([401, 401, 401, 401]);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    await get.text();
    expect(handled()).toBe(0);
    expect(invites()).toBe(0);
    expect(fake.messagesTo(founder.id)).toHaveLength(0);

    // The right secret: handled once; Telegram retrying the same update changes nothing.
    const genuine = commandUpdate(founder, "/invite manager");
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await post(genuine, { "x-telegram-bot-api-secret-token": SECRET });
      expect(response.status).toBe(200);
      await response.text();
    }
    expect(invites()).toBe(1);
    expect(fake.messagesTo(founder.id).filter((message) => /start=/.test(message.text ?? ""))).toHaveLength(1);

    // And what the (fake) Telegram delivers itself carries the secret it was given by setWebhook.
    fake.pushUpdate(commandUpdate(founder, "/help"));
    const help = await fake.waitForMessage(founder.id, (message) => /What you can do/.test(message.text ?? ""), { timeoutMs: 5000 });
    expect(help.text).toContain("/invite");
    console.log(`webhook: ${statuses.length} forged POSTs refused with 401 and nothing handled; 1 genuine update handled once despite a redelivery`);
  });

  it("refuses a body over 1 MB (413) and an update without a positive integer update_id (400) before anything is recorded", async () => {
    const { clock, url, app, fake } = await startWebhookApp();
    const founder = makeUser(5152, { language_code: "en" });
    upsertMember(app.db, { teamId: TEAM_ID, userId: founder.id, username: "olga", firstName: "Olga", role: "founder", chatId: founder.id }, clock.now());
    const handled = () => app.db.prepare("SELECT COUNT(*) FROM processed_updates").pluck().get() as number;
    const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET };
    const statusOf = async (body: string | ReadableStream<Uint8Array>) => {
      const response = await fetch(url, { method: "POST", headers, body, ...(typeof body === "string" ? {} : { duplex: "half" }) } as RequestInit);
      await response.text();
      return response.status;
    };

    // A real-looking update padded past 1 MB, sent with its length and then streamed without one.
    const huge = JSON.stringify({ ...commandUpdate(founder, "/help"), padding: "x".repeat(1024 * 1024) });
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(huge);
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });
    const tooLarge = [await statusOf(huge), await statusOf(streamed)];
    expect(tooLarge).toEqual([413, 413]);

    const help = commandUpdate(founder, "/help");
    const malformed = [
      "not json",
      "[1, 2]",
      "null",
      JSON.stringify({ ...help, update_id: -5 }),
      JSON.stringify({ ...help, update_id: 0 }),
      JSON.stringify({ ...help, update_id: 1.5 }),
      JSON.stringify({ ...help, update_id: "7" }),
      JSON.stringify({ message: help.message }),
    ];
    const statuses: number[] = [];
    for (const body of malformed) statuses.push(await statusOf(body));
    expect(statuses).toEqual(malformed.map(() => 400));
    expect(handled()).toBe(0);
    expect(fake.messagesTo(founder.id)).toHaveLength(0);

    // The same update with a proper id goes through.
    expect(await statusOf(JSON.stringify(help))).toBe(200);
    expect(handled()).toBe(1);
    expect(fake.messagesTo(founder.id).some((message) => /What you can do/.test(message.text ?? ""))).toBe(true);
    console.log(`webhook: ${tooLarge.length} bodies over 1 MB refused with 413, ${statuses.length} malformed updates refused with 400, 0 recorded; 1 valid update handled`);
  });
});
