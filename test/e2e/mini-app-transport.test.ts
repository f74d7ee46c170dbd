/**
 * Where the Mini App is served: in webhook mode on the webhook's own port beside the updates, in polling mode on
 * WEB_PORT; a WEB_PORT already taken ends start-up with one line naming it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { startApp, StartupError, type App } from "../../src/app.js";
import { createLogger } from "../../src/shared/logger.js";
import { createFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api.js";
import { createTestClock } from "../helpers/clock.js";
import { FAST_OUTBOX } from "../helpers/harness.js";
import { freePort } from "../helpers/free-port.js";
import { commandUpdate, makeUser } from "../helpers/updates.js";
import { launchHeader, signInitData } from "../helpers/init-data.js";
import { webGet } from "../helpers/web-api.js";
import { CONTENT_SECURITY_POLICY } from "../../src/web/static-files.js";

const SECRET = "scb_webhook-secret-0123456789";
const founder = makeUser(7401, { first_name: "Olga", language_code: "en" });

let fake: FakeBotApi | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = undefined;
  fake = undefined;
});

async function launch(env: Record<string, string>): Promise<App> {
  const clock = createTestClock("2026-11-02T07:00:00Z");
  fake = await createFakeBotApi({ now: () => clock.now() });
  const webAppDir = mkdtempSync(join(tmpdir(), "scb-webapp-"));
  writeFileSync(join(webAppDir, "index.html"), "<!doctype html><title>dashboard</title>");
  const config = createConfig({
    BOT_TOKEN: fake.token,
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "scb-miniapp-")), "bot.sqlite"),
    TELEGRAM_API_ROOT: fake.apiRoot,
    FOUNDER_IDS: String(founder.id),
    LOG_LEVEL: "silent",
    ...env,
  });
  return startApp({ config, clock, logger: createLogger("silent"), botInfo: fake.botInfo, scheduler: false, polling: false, webhookHost: "127.0.0.1", outboxLimits: FAST_OUTBOX, webAppDir });
}

describe("the Mini App's server", () => {
  it("in webhook mode answers on the webhook's port, which still takes Telegram's updates", async () => {
    const port = await freePort();
    app = await launch({ BOT_MODE: "webhook", WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`, WEBHOOK_SECRET: SECRET, PORT: String(port), WEB_APP_URL: `http://127.0.0.1:${port}/app/` });
    expect(app.webServer).toBe(app.webhookServer);
    const page = await webGet(app, "/app/");
    expect([page.status, page.headers.get("content-security-policy")]).toEqual([200, CONTENT_SECURITY_POLICY]);
    const launchData = signInitData({ botToken: fake!.token, user: { id: founder.id, first_name: "Olga" }, authDate: new Date("2026-11-02T07:00:00Z") });
    expect(((await webGet(app, "/api/me", launchHeader(launchData))).json as { role: string }).role).toBe("founder");
    expect((await webGet(app, "/api/me")).status).toBe(401);
    const update = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(commandUpdate(founder, "/dashboard")),
    });
    expect(update.status).toBe(200);
    await app.outbox.drain();
    expect(fake!.lastMessageTo(founder.id)?.text).toBe("The dashboard: the same figures and tasks as in the chat, as charts and tables.");
  });

  it("in polling mode a WEB_PORT already taken ends start-up with one line naming it", async () => {
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      const busy = await launch({ WEB_APP_URL: `http://127.0.0.1:${port}/app/`, WEB_PORT: String(port) }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(busy).toBeInstanceOf(StartupError);
      expect((busy as Error).message).toMatch(new RegExp(`^WEB_PORT ${port} cannot be used for the Mini App: .*EADDRINUSE`));
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
