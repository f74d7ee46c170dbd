/**
 * The Mini App's server half with WEB_APP_URL set: the real app serves the page and the JSON API on WEB_PORT
 * (127.0.0.1), every API call is checked against Telegram's launch data, and each role sees what it sees in chat.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { connect, type AddressInfo } from "node:net";
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
import { main as reportMain } from "../../src/cli/report.js";
import { runMain } from "../helpers/cli.js";
import { BASE_CSV, sendCsv } from "../bot/base-fixture.js";

const FOUNDER_ID = 700_001;
const DAY_MS = 24 * 60 * 60 * 1000;
const FIGURE_ROUTES = ["/api/me", "/api/month", "/api/base", "/api/team", "/api/whatif"];

let h: Harness;
let founder: TestUser;
let lead: TestUser;
let manager: TestUser;
let other: TestUser;
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
  manager = h.stranger({ first_name: "Max", username: "max_sales", language_code: "en" });
  await manager.send(`/start ${tokenOf((await founder.send("/invite manager"))[0]!.text)}`);
  other = h.stranger({ first_name: "Olga", username: "olga_sales", language_code: "en" });
  await other.send(`/start ${tokenOf((await founder.send("/invite manager"))[0]!.text)}`);
  // A few days of November: a plan, a budget and a cost, the base, a manager's work, a refusal left to burn
  // (it cools until 31 January) and a task now overdue.
  await founder.send("/setplan 2026-11 10 100000");
  await founder.send("/budget 2026-11 marketing 50000");
  await founder.send("/expense 20000 marketing");
  await sendCsv(h, founder, BASE_CSV);
  await manager.send("/touch АО Берёза");
  await manager.send("/refusal ООО Одуванчик; цена");
  await manager.send("/deal ООО Василёк; 120000");
  await other.send("/touch ООО Пион");
  await lead.send("/assign @max_sales Call Berezka due 03.11");
  await lead.send("/assign @olga_sales Call Pion");
  h.clock.set("2026-11-06T09:00:00Z");
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
    expect(me.json).toEqual({ memberId: founder.member()!.id, name: "Fiona", role: "founder", locale: "en", period: "2026-11", asOf: "2026-11-06" });
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

  it("sent as raw request lines: encoded climbs out of /app/ find nothing, and a line URL cannot parse is refused without harm", async () => {
    // fetch would normalise these paths before sending; a raw request line reaches the static files' own guard.
    const answers: string[] = [];
    for (const path of ["/app/..%2fpackage.json", "/app/%2e%2e%2f.env", "/app/..%5cpackage.json", "//[/app", "//[/api/me"]) {
      answers.push(`${path} ${await rawStatus(path)}`);
    }
    expect(answers).toEqual(["/app/..%2fpackage.json 404", "/app/%2e%2e%2f.env 404", "/app/..%5cpackage.json 404", "//[/app 404", "//[/api/me 404"]);
    expect((await webGet(h.app, "/app/")).status).toBe(200);
  });
});

/** The status of a GET sent as a raw request line to the Mini App's port. */
function rawStatus(path: string): Promise<number> {
  const { port } = h.app.webServer!.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let head = "";
    socket.on("data", (chunk) => (head += chunk.toString("latin1")));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)));
    socket.on("error", reject);
  });
}

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

/** `npm run report -- <kind> --json [args]` on the bot's database at the same moment. */
async function reportJson(kind: "plan" | "burn", args: string[] = []): Promise<unknown> {
  const run = await runMain(reportMain, [kind, "--json", ...args], { DATABASE_PATH: h.dbPath }, () => h.clock.now());
  expect([run.code, run.stderr]).toEqual([0, ""]);
  return JSON.parse(run.stdout);
}

type Month = { plan: { workingDaysTotal: number; forecastRevenue: number; revenue: number }; days: { date: string; plan: number | null; fact: number | null; forecast: number | null }[]; costs: unknown[]; alerts: unknown[] };

describe("the founder's figures are the reports' figures", () => {
  it("/api/month's plan is the plan report, with the month by working day and costs against the budget", async () => {
    for (const [query, args] of [["", []], ["?asOf=2026-11-03", ["--as-of", "2026-11-03"]], ["?period=2026-10", ["--period", "2026-10"]]] as const) {
      const month = (await as(founder)(`/api/month${query}`)).json as Month;
      expect(month.plan).toEqual(await reportJson("plan", [...args]));
      expect(month.days).toHaveLength(month.plan.workingDaysTotal);
    }
    const month = (await as(founder)("/api/month")).json as Month;
    expect(month.plan.revenue).toBe(120_000);
    expect(month.days[0]).toEqual({ date: "2026-11-02", plan: expect.any(Number), fact: 120_000, forecast: null });
    expect(month.days.at(-1)).toEqual({ date: "2026-11-30", plan: 1_000_000, fact: null, forecast: month.plan.forecastRevenue });
    expect(month.costs).toEqual([{ category: "marketing", label: "marketing", budget: 50_000, spent: 20_000 }]);
  });

  it("/api/month lists the open alerts as /alerts does, in the person's language", async () => {
    // The cost logged on the 2nd ran over the paced budget at once.
    const alerts = ((await as(founder)("/api/month")).json as Month).alerts;
    expect(alerts).toEqual([{ kind: "budget-overrun", since: "2026-11-02", text: "budget overrun for November 2026" }]);
  });

  it("/api/base's burn is the burn report, with the threshold and the month's weeks; a segment lists its cooling companies", async () => {
    for (const [query, args] of [["", []], ["?asOf=2026-11-03", ["--as-of", "2026-11-03"]]] as const) {
      const base = (await as(founder)(`/api/base${query}`)).json as { burn: unknown; threshold: number; weeks: { from: string; to: string; burnRate: number | null }[] };
      expect(base.burn).toEqual(await reportJson("burn", [...args]));
      expect(base.threshold).toBe(h.db.prepare("SELECT burn_threshold AS t FROM teams").pluck().get());
      expect(base.weeks[0]).toMatchObject({ from: "2026-11-01", to: "2026-11-01", burnRate: null });
    }
    const cooling = await as(lead)(`/api/base/cooling?segment=${encodeURIComponent("Опт")}`);
    expect(cooling.json).toEqual({ segment: "Опт", companies: [{ name: "ООО Одуванчик", opensOn: "2027-01-31" }] });
    expect((await as(lead)("/api/base/cooling?segment=Nope")).status).toBe(404);
  });

  it("refuses a bad period or as-of day as the reports do", async () => {
    for (const query of ["?period=2026-13", "?asOf=2026-11-31", "?asOf=2026-11-07", "?period=2026-11&asOf=2026-10-30"]) {
      for (const route of ["/api/month", "/api/base", "/api/team", "/api/whatif"]) {
        expect([route, query, (await as(founder)(`${route}${query}`)).json]).toEqual([route, query, { error: "bad_period" }]);
      }
    }
  });
});

describe("who sees what", () => {
  it("a manager gets only their own row and tasks, and 403 on the team-wide screens", async () => {
    for (const route of ["/api/month", "/api/base", `/api/base/cooling?segment=${encodeURIComponent("Опт")}`, "/api/whatif", `/api/team/${other.member()!.id}/tasks`]) {
      expect([route, (await as(manager)(route)).json]).toEqual([route, { error: "forbidden" }]);
    }
    const team = (await as(manager)("/api/team")).json as { managers: unknown[] };
    expect(team.managers).toEqual([
      {
        memberId: manager.member()!.id,
        name: "Max",
        username: "max_sales",
        planShare: 500_000,
        revenue: 120_000,
        wonClients: 1,
        touches: 3,
        refusals: 1,
        burned: expect.any(Number),
        checkinRate: expect.toBeOneOf([null, expect.any(Number)]),
        overdueTasks: 1,
        stalledTasks: 0,
      },
    ]);
    const tasks = (await as(manager)(`/api/team/${manager.member()!.id}/tasks`)).json;
    expect(tasks).toEqual({ memberId: manager.member()!.id, tasks: [{ id: expect.any(Number), title: "Call Berezka", due: "2026-11-03", state: "overdue" }] });
  });

  it("founders and leads see every manager and anyone's tasks; only the founder has the what-if", async () => {
    for (const person of [founder, lead]) {
      const team = (await as(person)("/api/team")).json as { managers: { name: string }[] };
      expect(team.managers.map((m) => m.name)).toEqual(["Max", "Olga"]);
      const tasks = (await as(person)(`/api/team/${other.member()!.id}/tasks`)).json as { tasks: { title: string; state: string }[] };
      expect(tasks.tasks).toEqual([{ id: expect.any(Number), title: "Call Pion", due: null, state: "open" }]);
    }
    expect((await as(lead)("/api/whatif")).json).toEqual({ error: "forbidden" });
    expect((await as(lead)("/api/month")).status).toBe(200);
  });
});

describe("/api/whatif", () => {
  it("starts from the month's actual check and conversion and answers what the rest of the month needs", async () => {
    const defaults = (await as(founder)("/api/whatif")).json as Record<string, unknown>;
    expect(defaults).toMatchObject({ averageCheck: 120_000, conversion: 0.25, defaults: { averageCheck: 120_000, conversion: 0.25 }, remainingRevenue: 880_000, clientsNeeded: 8 });
    const moved = (await as(founder)("/api/whatif?averageCheck=10000&conversion=0.5&period=2026-12")).json as Record<string, unknown>;
    expect(moved).toMatchObject({ averageCheck: 10_000, conversion: 0.5, remainingRevenue: 0 });
    for (const query of ["averageCheck=abc", "averageCheck=0", "averageCheck=-5", "conversion=0", "conversion=1.5", "conversion="]) {
      expect([query, (await as(founder)(`/api/whatif?${query}`)).json]).toEqual([query, { error: "bad_input" }]);
    }
  });
});

describe("a new language", () => {
  it("renames the menu button with the command menu, and /api/me follows", async () => {
    await founder.send("/lang ru");
    expect(h.fake.menuButton(founder.chatId)).toEqual({ type: "web_app", text: "Панель", web_app: { url: webAppUrl } });
    expect(((await as(founder)("/api/me")).json as { locale: string }).locale).toBe("ru");
    await founder.send("/lang en");
  });
});

describe("a removed member", () => {
  it("is refused 403 on every route at once, with launch data that was valid before", async () => {
    expect((await as(other)("/api/team")).status).toBe(200);
    await founder.send("/remove @olga_sales");
    expect(other.member()?.status).not.toBe("active");
    for (const route of FIGURE_ROUTES) expect([route, (await as(other)(route)).json]).toEqual([route, { error: "forbidden" }]);
  });
});
