/**
 * The Mini App in real Chromium against the real app: the page shows the same figures as `npm run report`,
 * each role sees its own tabs, launch data the server refuses shows no figure, a segment lists its cooling
 * companies and the what-if slider shows the server's answer. One app, one browser, a fresh context per visit
 * (a context keeps no launch data of another).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWebApp } from "../../webapp/build.js";
import { formatDay, formatMoney, formatNumber, formatPercent } from "../../webapp/src/format.js";
import { translator } from "../../webapp/src/strings.js";
import type { BurnReport, Cooling, PlanReport, Team, WhatIf } from "../../webapp/src/contract.js";
import { CHROMIUM_MISSING, chromiumInstalled, launchChromium, LIGHT_THEME, miniAppUrl, PHONE } from "../../tools/browser.js";
import { startHarness, type Harness, type TestUser } from "../helpers/harness.js";
import { freePort } from "../helpers/free-port.js";
import { signInitData } from "../helpers/init-data.js";
import { report } from "../helpers/crm-figures.js";
import { loadBase, type BaseTeam } from "../bot/base-fixture.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const ru = translator("ru");

let h: Harness;
let team: BaseTeam;
let browser: Browser;
let pageUrl: string;

beforeAll(async () => {
  // Fails the file (never skips it): without the browser these checks would silently not run.
  if (!chromiumInstalled()) throw new Error(CHROMIUM_MISSING);
  const port = await freePort();
  pageUrl = `http://127.0.0.1:${port}/app/`;
  const webAppDir = mkdtempSync(join(tmpdir(), "scb-webapp-"));
  await buildWebApp(webAppDir);
  h = await startHarness({ now: "2026-11-02T07:00:00Z", env: { WEB_APP_URL: pageUrl, WEB_PORT: String(port) }, webAppDir });
  team = {
    h,
    founder: await h.member("founder", { username: "boss", first_name: "Olga" }),
    lead: await h.member("lead", { username: "anna_lead", first_name: "Anna" }),
    ivan: await h.member("manager", { username: "ivan_m", first_name: "Ivan", last_name: "Sokolov" }),
    petr: await h.member("manager", { username: "petr_m", first_name: "Petr" }),
  };
  await seedWeek(team);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** A week of work: plan, budget, expenses, the base, touches, refusals left to burn, deals and tasks. */
async function seedWeek(team: BaseTeam): Promise<void> {
  const { h, founder, lead, ivan, petr } = team;
  await founder.send("/setplan 2026-11 10 150 000");
  await founder.send("/budget 2026-11 marketing 100 000");
  await founder.send("/budget 2026-11 salaries 500 000");
  await lead.send("/expense 15 000 marketing листовки");
  await loadBase(team);
  await ivan.send("/touch ООО Ромашка");
  await ivan.send("/touch ООО Василёк");
  await ivan.send("/refusal ООО Одуванчик; цена");
  await petr.send("/refusal ООО Мак; у конкурента");
  await petr.send("/refusal ООО Ландыш; не время");
  await lead.send("/assign @ivan_m Позвонить в Берёзу due 05.11");
  await lead.send("/assign @petr_m Отправить КП Пиону");
  h.clock.set("2026-11-06T09:00:00Z");
  await ivan.send("/deal ООО Ромашка 150 000");
  await petr.send("/deal ООО Василёк 90 000,50");
  await founder.send("/expense 2 500 tools");
  h.clock.set("2026-11-10T09:00:00Z");
  await h.runJobs();
}

function launchData(person: TestUser, authDate = h.clock.now()): string {
  return signInitData({ botToken: h.config.botToken, user: { id: person.id, first_name: person.user.first_name, language_code: "ru" }, authDate: new Date(authDate) });
}

/** Opens the page as Telegram would, in a fresh phone-sized context; resolves with the page and /api/me's answer. */
async function open(initData: string | undefined, theme?: Record<string, string>): Promise<{ page: Page; me: Response }> {
  const context = await browser.newContext(PHONE);
  // A figure that never shows fails in seconds, not after playwright's default 30 s.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const me = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/me");
  await page.goto(miniAppUrl(pageUrl, initData, theme));
  return { page, me: await me };
}

async function close(page: Page): Promise<void> {
  await page.context().close();
}

/** The text of every cell of the screen's figure grid, by figure name. */
async function figures(page: Page): Promise<Record<string, string>> {
  await page.locator(".figures [data-figure]").first().waitFor();
  return page.$$eval(".figures [data-figure]", (cells) => Object.fromEntries(cells.map((cell) => [(cell as HTMLElement).dataset.figure, cell.textContent])));
}

/** How wide the page is laid out: a phone must not have to scroll it sideways. */
function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** GETs an API path as `person`, as the page does. */
async function apiGet(person: TestUser, path: string): Promise<unknown> {
  const response = await fetch(new URL(path, pageUrl), { headers: { Authorization: `tma ${launchData(person)}` } });
  return response.json();
}

const money = (roubles: number | null) => (roubles === null ? ru("empty") : formatMoney(roubles, "ru"));

describe("the founder", () => {
  it("sees on Month the figures of `npm run report -- plan --json`, on a page as wide as a phone", async () => {
    const plan = (await report(h, "plan")) as unknown as PlanReport;
    expect(plan.revenue).toBeGreaterThan(0);
    const { page } = await open(launchData(team.founder));
    expect(await figures(page)).toEqual({
      planRevenue: money(plan.planRevenue),
      revenue: money(plan.revenue),
      forecastRevenue: money(plan.forecastRevenue),
      pace: formatPercent(plan.pace, "ru"),
      requiredDailyRevenue: money(plan.requiredDailyRevenue),
      wonClients: ru("won-of-plan", { won: plan.wonClients, plan: plan.planClients ?? 0 }),
      budget: money(plan.budget),
      expenses: money(plan.expenses),
      costPerClient: money(plan.costPerClient),
    });
    expect(await page.locator("[data-tab]").allTextContents()).toEqual(["Месяц", "База", "Команда", "Что если"]);
    expect(await page.locator(".chart canvas").count()).toBe(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.viewport.width);
    await close(page);
  });

  it("sees on Base the figures of `npm run report -- burn --json`, and a segment's cooling companies on a tap", async () => {
    const burn = (await report(h, "burn")) as unknown as BurnReport;
    expect(burn.coolingNow).toBeGreaterThan(0);
    const { page } = await open(launchData(team.founder));
    await page.locator("[data-tab=base]").click();
    expect(await figures(page)).toMatchObject({
      burnRate: formatPercent(burn.burnRate, "ru"),
      refusalRate: formatPercent(burn.refusalRate, "ru"),
      contacted: formatNumber(burn.contacted, "ru"),
      burned: formatNumber(burn.burned, "ru"),
      coolingNow: formatNumber(burn.coolingNow, "ru"),
    });
    for (const segment of burn.segments) {
      const cells = await page.locator(`tr[data-segment="${segment.name}"] td`).allTextContents();
      expect(cells.slice(1)).toEqual([
        formatNumber(segment.size, "ru"),
        formatNumber(segment.fresh, "ru"),
        formatNumber(segment.coolingNow, "ru"),
        formatPercent(segment.burnedShare, "ru"),
        segment.weeksToExhaust === null ? ru("empty") : formatNumber(segment.weeksToExhaust, "ru", 1),
      ]);
    }

    const cooling = burn.segments.find((segment) => segment.coolingNow > 0)!;
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/base/cooling");
    await page.locator(`tr[data-segment="${cooling.name}"]`).click();
    const listed = (await (await answer).json()) as Cooling;
    expect(listed.companies).toHaveLength(cooling.coolingNow);
    const rows = page.locator(`[data-cooling="${cooling.name}"] li`);
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual(listed.companies.map((company) => `${company.name}${ru("opens-on", { day: formatDay(company.opensOn) })}`));
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.viewport.width);
    await close(page);
  });

  it("moves the what-if slider and sees /api/whatif's answer", async () => {
    const { page } = await open(launchData(team.founder));
    await page.locator("[data-tab=whatif]").click();
    const before = await figures(page);
    const moved = page.waitForResponse((response) => new URL(response.url()).searchParams.has("averageCheck"));
    await page.locator("input[name=averageCheck]").focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Home");
    const whatIf = (await (await moved).json()) as WhatIf;
    const expected = {
      remainingRevenue: formatMoney(whatIf.remainingRevenue, "ru"),
      remainingWorkingDays: formatNumber(whatIf.remainingWorkingDays, "ru"),
      clientsNeeded: formatNumber(whatIf.clientsNeeded, "ru", 1),
      clientsPerDay: formatNumber(whatIf.clientsPerDay, "ru", 1),
      touchesPerDay: formatNumber(whatIf.touchesPerDay, "ru", 1),
    };
    await page.locator("[data-figure=clientsNeeded]", { hasText: expected.clientsNeeded }).waitFor();
    expect(await figures(page)).toEqual(expected);
    expect(whatIf.averageCheck).toBe(1000);
    expect(expected.clientsNeeded).not.toBe(before.clientsNeeded);
    await close(page);
  });
});

describe("a manager", () => {
  it("sees only their own row and their tasks, and no tabs, in the colours of their Telegram theme", async () => {
    const dark = { ...LIGHT_THEME, bg_color: "#17212b", text_color: "#f5f5f5", secondary_bg_color: "#232e3c", section_bg_color: "#17212b" };
    const { page, me } = await open(launchData(team.ivan), dark);
    expect(me.status()).toBe(200);
    const card = page.locator("[data-manager]");
    await page.locator("[data-tasks] li").first().waitFor();
    expect(await page.locator("[data-tab]").count()).toBe(0);
    expect(await card.count()).toBe(1);
    expect(await card.getAttribute("data-manager")).toBe(String(team.ivan.member()!.id));
    expect(await page.locator("[data-tasks] li span:first-child").allTextContents()).toEqual(["Позвонить в Берёзу"]);
    const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    expect(colours).toEqual(["rgb(35, 46, 60)", "rgb(245, 245, 245)"]);
    await close(page);
  });
});

describe("the lead", () => {
  it("sees every manager, in their own language, and no what-if tab", async () => {
    await team.lead.send("/lang en");
    const { page } = await open(launchData(team.lead));
    await page.locator("[data-tab=team]").click();
    await page.locator("[data-manager]").first().waitFor();
    expect(await page.locator("[data-tab]").allTextContents()).toEqual(["Month", "Base", "Team"]);
    const rows = (await apiGet(team.lead, "/api/team")) as Team;
    expect(rows.managers).toHaveLength(2);
    expect(await page.locator("[data-manager]").count()).toBe(2);
    await close(page);
  });
});

describe("launch data the server refuses", () => {
  it("missing, tampered or a day old: the API says 401 and the page shows no figure", async () => {
    const refused = {
      missing: undefined,
      tampered: launchData(team.founder).replace("Olga", "Oleg"),
      dayOld: launchData(team.founder, h.clock.now() - DAY_MS - 60_000),
    };
    for (const [name, initData] of Object.entries(refused)) {
      const { page, me } = await open(initData);
      expect([name, me.status()]).toEqual([name, 401]);
      await page.locator("[data-error=unauthorized]").waitFor();
      expect(await page.locator("[data-figure]").count()).toBe(0);
      expect(await page.locator("body").textContent()).not.toMatch(/\d/);
      await close(page);
    }
  });
});
