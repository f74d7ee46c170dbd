/**
 * The Mini App's server half with WEB_APP_URL set: the real app serves the page and the JSON API on WEB_PORT
 * (127.0.0.1), every API call is checked against Telegram's launch data, and each role sees what it sees in chat.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { makeUser } from "../helpers/updates.js";
import { tokenOf } from "../helpers/invites.js";
import { freePort } from "../helpers/free-port.js";
import { launchHeader, signInitData } from "../helpers/init-data.js";
import { apiAs, webGet } from "../helpers/web-api.js";
import { CONTENT_SECURITY_POLICY } from "../../src/web/static-files.js";

const FOUNDER_ID = 700_001;
const DAY_MS = 24 * 60 * 60 * 1000;
const FIGURE_ROUTES = ["/api/me", "/api/month", "/api/base", "/api/team", "/api/whatif"];

let h: Harness;
let founder: TestUser;
let lead: TestUser;
let manager: TestUser;
let webAppUrl: string;
const page = "<!doctype html><html><head><script src=\"app.js\"></script></head><body></body></html>";

beforeAll(async () => {
  const port = await freePort();
  webAppUrl = `http://127.0.0.1:${port}/app/`;
  const webAppDir = mkdtempSync(join(tmpdir(), "scb-webapp-"));
  writeFileSync(join(webAppDir, "index.html"), page);
  writeFileSync(join(webAppDir, "app.js"), "console.log('page');");
  h = await startHarness({ founderIds: [FOUNDER_ID], locale: "en", env: { WEB_APP_URL: webAppUrl, WEB_PORT: String(port) }, webAppDir });
  founder = h.userFor(makeUser(FOUNDER_ID, { first_name: "Fiona", language_code: "en" }));
  lead = h.stranger({ first_name: "Lena", language_code: "en" });
  await lead.send(`/start ${tokenOf((await founder.send("/invite lead"))[0]!.text)}`);
  manager = h.stranger({ first_name: "Max", username: "max", language_code: "en" });
  await manager.send(`/start ${tokenOf((await founder.send("/invite manager"))[0]!.text)}`);
});

afterAll(async () => {
  await h?.stop();
});

const as = (person: TestUser) => apiAs(h.app, h.config.botToken, () => h.clock.now(), { id: person.id, first_name: person.user.first_name });

describe("launch data", () => {
  it("refuses missing, tampered and day-old launch data with 401 and no figure", async () => {
    const signed = (authDate: number) => signInitData({ botToken: h.config.botToken, user: { id: FOUNDER_ID, first_name: "Fiona" }, authDate: new Date(authDate) });
    const tampered = signed(h.clock.now()).replace(String(FOUNDER_ID), String(manager.id));
    const otherBot = signInitData({ botToken: "999:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", user: { id: FOUNDER_ID, first_name: "Fiona" }, authDate: new Date(h.clock.now()) });
    const refused = [{}, { authorization: `tma ${tampered}` }, launchHeader(otherBot), launchHeader(signed(h.clock.now() - DAY_MS - 1000)), { authorization: signed(h.clock.now()) }];
    for (const route of FIGURE_ROUTES) {
      for (const headers of refused) {
        const answer = await webGet(h.app, route, headers);
        expect([route, answer.status, answer.json]).toEqual([route, 401, { error: "unauthorized" }]);
        expect(answer.headers.get("cache-control")).toBe("no-store");
      }
    }
    // The same launch data a little under a day old still opens the dashboard.
    expect((await webGet(h.app, "/api/me", launchHeader(signed(h.clock.now() - DAY_MS + 60_000)))).status).toBe(200);
  });

  it("answers someone who is not a member 403 and nothing else", async () => {
    const stranger = h.stranger({ first_name: "Sam" });
    for (const route of FIGURE_ROUTES) expect((await as(stranger)(route)).json).toEqual({ error: "forbidden" });
  });
});

describe("/api/me", () => {
  it("tells who is asking, in their language, with today's period", async () => {
    const me = await as(founder)("/api/me");
    expect(me.status).toBe(200);
    expect(me.headers.get("content-type")).toBe("application/json");
    expect(me.json).toEqual({ memberId: founder.member()!.id, name: "Fiona", role: "founder", locale: "en", period: "2026-11", asOf: "2026-11-02" });
    expect(((await as(manager)("/api/me")).json as { role: string }).role).toBe("manager");
  });
});

describe("the page", () => {
  it("is served under /app/ with the strict Content-Security-Policy", async () => {
    const index = await webGet(h.app, "/app/");
    expect([index.status, index.text]).toEqual([200, page]);
    expect(index.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors https://web.telegram.org https://*.telegram.org");
    const script = await webGet(h.app, "/app/app.js");
    expect([script.status, script.headers.get("content-type"), script.headers.get("content-security-policy")]).toEqual([200, "text/javascript; charset=utf-8", CONTENT_SECURITY_POLICY]);
    for (const outside of ["/app/../package.json", "/app/%2e%2e/package.json", "/app/missing.js", "/app/%E0%A4%A"]) {
      expect((await webGet(h.app, outside)).status).toBe(404);
    }
  });
});

describe("the bot side", () => {
  it("/dashboard answers with a web_app button to WEB_APP_URL", async () => {
    for (const person of [founder, lead, manager]) {
      const [reply] = await person.send("/dashboard");
      expect(reply!.reply_markup).toEqual({ inline_keyboard: [[{ text: "Open dashboard", web_app: { url: webAppUrl } }]] });
    }
  });

  it("sets the chat menu button of founders and leads to the dashboard; managers keep the default", async () => {
    const dashboardButton = { type: "web_app", text: "Dashboard", web_app: { url: webAppUrl } };
    expect(h.fake.menuButton(founder.chatId)).toEqual(dashboardButton);
    expect(h.fake.menuButton(lead.chatId)).toEqual(dashboardButton);
    expect(h.fake.menuButton(manager.chatId)).toEqual({ type: "default" });
  });
});
