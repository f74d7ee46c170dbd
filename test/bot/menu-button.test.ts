/** The chat menu buttons at start: the dashboard for founders and leads, set once, taken back when the address goes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncMenuButtons } from "../../src/bot/menu-button.js";
import { TEAM_ID } from "../../src/app.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const URL = "https://bot.example.com/app/";
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ locale: "en" });
});
afterAll(async () => {
  await h?.stop();
});

describe("syncMenuButtons", () => {
  it("gives founders and leads the dashboard, managers the default, once per change, and the default to all when the address is gone", async () => {
    const founder = await h.member("founder");
    const lead = await h.member("lead");
    const manager = await h.member("manager");
    const translator = createTranslator();
    const sync = (url: string | undefined) => syncMenuButtons(h.app.bot.api, h.db, TEAM_ID, translator, url);
    const calls = () => h.fake.callsTo("setChatMenuButton").length;

    await sync(undefined);
    expect(calls()).toBe(0); // never set: nothing to take back

    await sync(URL);
    const dashboard = { type: "web_app", text: "Dashboard", web_app: { url: URL } };
    expect([founder, lead, manager].map((person) => h.fake.menuButton(person.chatId))).toEqual([dashboard, dashboard, { type: "default" }]);
    const afterFirst = calls();
    await sync(URL);
    expect(calls()).toBe(afterFirst); // nothing changed: no call

    await sync(undefined);
    expect([founder, lead, manager].map((person) => h.fake.menuButton(person.chatId))).toEqual([{ type: "default" }, { type: "default" }, { type: "default" }]);
    const afterRemoval = calls();
    await sync(undefined);
    expect(calls()).toBe(afterRemoval);
  });
});
