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

describe("webhook mode", () => {
  it("answers 401 to a POST without the right secret header, handles the right one, and ignores a redelivery", async () => {
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
    expect(fake.webhookInfo().url).toBe(url);
    const founder = makeUser(5151, { language_code: "en" });
    upsertMember(app.db, { teamId: TEAM_ID, userId: founder.id, username: "olga", firstName: "Olga", role: "founder", chatId: founder.id }, clock.now());
    const handled = () => app!.db.prepare("SELECT COUNT(*) FROM processed_updates").pluck().get() as number;
    const invites = () => app!.db.prepare("SELECT COUNT(*) FROM invites WHERE token NOT LIKE 'claim-%'").pluck().get() as number;
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
});
