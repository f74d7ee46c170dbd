/**
 * The demo's Mini App screenshots: after the played month, the founder opens the dashboard (launch data signed
 * with the demo bot's token, as Telegram would) and each screen is saved in both languages, e.g.
 * demo-output/miniapp-month-ru.png. The founder's language is switched in the database for each set (the
 * demo's database is thrown away right after).
 */
import { join } from "node:path";
import { sign } from "@telegram-apps/init-data-node";
import type { Db } from "../../src/db/open.js";
import { listMembers, setMemberLocale } from "../../src/db/members.js";
import { TEAM_ID } from "../../src/app.js";
import { launchChromium, miniAppUrl, PHONE } from "../browser.js";

export const MINI_APP_SCREENS = ["month", "base", "team", "whatif"] as const;

export interface MiniAppShotOptions {
  db: Db;
  botToken: string;
  pageUrl: string;
  now: number;
  /** The day the screens are shown as of (the month still running makes the forecast and what-if worth a look). */
  asOf: string;
  outDir: string;
}

/** Saves one PNG per screen and language; returns the file names. */
export async function saveMiniAppShots(options: MiniAppShotOptions): Promise<string[]> {
  const member = listMembers(options.db, TEAM_ID, "founder")[0];
  if (!member) throw new Error("demo: the team has no founder");
  const initData = sign({ user: { id: member.userId, first_name: member.firstName }, query_id: "demo" }, options.botToken, new Date(options.now));
  const browser = await launchChromium();
  const saved: string[] = [];
  try {
    for (const locale of ["ru", "en"] as const) {
      setMemberLocale(options.db, member.id, locale);
      // The browser speaks the language of the set, as a phone set to it would.
      const context = await browser.newContext({ ...PHONE, locale: locale === "ru" ? "ru-RU" : "en-GB" });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await page.goto(miniAppUrl(options.pageUrl, initData));
      await page.locator("input[name=asOf]").fill(options.asOf);
      for (const screen of MINI_APP_SCREENS) {
        await page.locator(`[data-tab=${screen}]`).click();
        if (screen === "base") await page.locator("tr[data-segment]").first().click();
        if (screen === "team") await page.locator("[data-manager]").first().click();
        const ready = screen === "base" ? "[data-cooling] li, [data-cooling] .hint" : screen === "team" ? "[data-tasks] li, [data-tasks] .hint" : ".figures [data-figure]";
        await page.locator(ready).first().waitFor();
        // The chart draws on the next frame, and the last answer may still be rendering.
        await page.waitForLoadState("networkidle");
        const name = `miniapp-${screen}-${locale}.png`;
        await page.screenshot({ path: join(options.outDir, name), fullPage: true });
        saved.push(name);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return saved;
}
