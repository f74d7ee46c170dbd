/** /dashboard without WEB_APP_URL: the dashboard is not set up, and no menu button is touched. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ locale: "en" });
});
afterAll(async () => {
  await h?.stop();
});

describe("/dashboard without WEB_APP_URL", () => {
  it("says the dashboard is not set up, with no button, and never sets a menu button", async () => {
    const founder = await h.member("founder", { language_code: "en" });
    await h.member("lead");
    await h.restart();
    const [reply] = await founder.send("/dashboard");
    expect(reply!.text).toBe("The dashboard is not set up: the administrator has to set WEB_APP_URL (see docs/mini-app.md).");
    expect(reply!.reply_markup).toBeUndefined();
    expect(h.fake.callsTo("setChatMenuButton")).toEqual([]);
  });
});
