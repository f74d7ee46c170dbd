/**
 * CRM=bitrix24 end to end: the real bot reads a fake Bitrix24 portal, and the burn and plan reports show the
 * same figures as a twin team that typed the same work in the bot.
 */
import { afterEach, describe, expect, it } from "vitest";
import { addCompany } from "../../src/services/leads/add.js";
import type { CrmHttpOptions } from "../../src/services/crm/http.js";
import { report, restartDownThenRecover, teamPlan } from "../helpers/crm-figures.js";
import { startFakeBitrix24, type FakeBitrix24 } from "../../tools/emulator/fake-bitrix24.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const START = "2026-11-02T07:00:00Z";
const ONE_HOUR = 3600_000;

const STATUSES = [
  { ENTITY_ID: "INDUSTRY", STATUS_ID: "IT", NAME: "ИТ" },
  { ENTITY_ID: "INDUSTRY", STATUS_ID: "MANUFACTURING", NAME: "Производство" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "NEW", NAME: "Новая" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "PREPARATION", NAME: "Подготовка документов" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "WON", NAME: "Сделка успешна" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "LOSE", NAME: "Дорого" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "APOLOGY", NAME: "Не сошлись характерами" },
  { ENTITY_ID: "DEAL_STAGE_1", STATUS_ID: "C1:LOSE", NAME: "Ушли к конкуренту" },
];

const COMPANIES = [
  { ID: "1", TITLE: "ООО Ромашка", INDUSTRY: "IT", ASSIGNED_BY_ID: "1" },
  { ID: "2", TITLE: "ООО Василёк", INDUSTRY: "IT", ASSIGNED_BY_ID: "1" },
  { ID: "3", TITLE: "АО Берёза", INDUSTRY: "MANUFACTURING", ASSIGNED_BY_ID: "1" },
  { ID: "4", TITLE: "ИП Петров", INDUSTRY: "", ASSIGNED_BY_ID: "1" },
];
const SEGMENTS: Record<string, string> = { "1": "ИТ", "2": "ИТ", "3": "Производство", "4": "Без сегмента" };

function deal(id: string, companyId: string, stage: string, semantic: "P" | "S" | "F", opportunity = "0.00", category = "0") {
  return {
    ID: id,
    TITLE: `Сделка ${id}`,
    COMPANY_ID: companyId,
    CATEGORY_ID: category,
    STAGE_ID: stage,
    STAGE_SEMANTIC_ID: semantic,
    CLOSED: semantic === "P" ? "N" : "Y",
    OPPORTUNITY: opportunity,
    CURRENCY_ID: "RUB",
    CLOSEDATE: "2026-11-02T03:00:00+03:00",
    ASSIGNED_BY_ID: "1",
  };
}

let open: { close(): Promise<void> | Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.reverse()) await thing.close();
  open = [];
});

type TeamOptions = { burst?: number; leakPerSecond?: number; webhookUrl?: (url: string) => string; logs?: string[]; crmHttp?: Partial<CrmHttpOptions> };

async function crmTeam(options: TeamOptions = {}) {
  let now = () => Date.parse(START);
  const crm = await startFakeBitrix24({ now: () => now(), burst: options.burst, leakPerSecond: options.leakPerSecond });
  open.push(crm);
  const url = options.webhookUrl?.(crm.webhookUrl) ?? crm.webhookUrl;
  const h = await startHarness({ now: START, env: { CRM: "bitrix24", BITRIX24_WEBHOOK_URL: url }, logs: options.logs, crmHttp: options.crmHttp });
  open.push({ close: () => h.stop() });
  now = () => h.clock.now();
  crm.statuses.push(...STATUSES);
  for (const company of COMPANIES) crm.putCompany(company);
  return { h, crm } as { h: Harness; crm: FakeBitrix24 };
}

describe("CRM=bitrix24", () => {
  it("companies, mapped refusals, a handled refusal and a won deal count as if typed; a second sync adds nothing; an edited amount changes the plan", async () => {
    const { h, crm } = await crmTeam();
    const founder = await h.member("founder");
    crm.putDeal(deal("10", "1", "NEW", "P"));
    crm.putDeal(deal("11", "2", "LOSE", "F"));
    crm.putDeal(deal("12", "3", "C1:LOSE", "F", "0.00", "1"));
    crm.putDeal(deal("13", "4", "APOLOGY", "F"));
    await h.runJobs();
    expect(crm.calls.map((call) => call.method)).toEqual(["crm.status.list", "user.get", "crm.company.list", "crm.requisite.list", "crm.deal.list"]);

    h.clock.advance(ONE_HOUR);
    crm.putDeal(deal("11", "2", "PREPARATION", "P"));
    crm.putDeal(deal("10", "1", "WON", "S", "150000.00"));
    const synced = await founder.send("/sync");
    expect(synced.at(-1)?.text).toContain("новых записей 2");
    const refusals = h.db
      .prepare("SELECT reason, comment, status FROM company_events WHERE kind = 'refusal' ORDER BY id")
      .all() as { reason: string; comment: string | null; status: string }[];
    expect(refusals).toEqual([
      { reason: "price", comment: null, status: "handled" },
      { reason: "competitor", comment: null, status: "pending" },
      { reason: "other", comment: "Не сошлись характерами", status: "pending" },
    ]);

    // The twin types the same work at the same moments.
    const twin = await startHarness({ now: START });
    open.push({ close: () => twin.stop() });
    for (const company of COMPANIES) addCompany(twin.db, { teamId: 1, name: company.TITLE, segmentName: SEGMENTS[company.ID]!, now: twin.clock.now() });
    const ivan = await twin.member("manager");
    await ivan.send("/touch ООО Ромашка");
    await ivan.send("/refusal ООО Василёк; цена");
    await ivan.send("/refusal АО Берёза; конкурент");
    await ivan.send("/refusal ИП Петров; другое");
    twin.clock.advance(ONE_HOUR);
    await ivan.send("/handled ООО Василёк");
    await ivan.send("/deal ООО Ромашка 150 000");

    const [burn, twinBurn, plan, twinPlan] = [await report(h, "burn"), await report(twin, "burn"), await report(h, "plan"), await report(twin, "plan")];
    expect(burn).toEqual(twinBurn);
    expect(teamPlan(plan)).toEqual(teamPlan(twinPlan));
    expect(plan).toMatchObject({ wonClients: 1, revenue: 150_000 });
    expect(burn).toMatchObject({ contacted: 4, refused: 3, handled: 1 });

    // Nothing changed in the CRM: a second sync reads the same rows again and writes nothing.
    h.clock.advance(ONE_HOUR);
    const again = await founder.send("/sync");
    expect(again.at(-1)?.text).toContain("новых записей 0");
    expect(await report(h, "burn")).toEqual(await report(twin, "burn"));

    // The amount is corrected in the CRM: /plan follows, as after a correction typed in the bot.
    crm.putDeal(deal("10", "1", "WON", "S", "200000.00"));
    await founder.send("/sync");
    expect(await report(h, "plan")).toMatchObject({ wonClients: 1, revenue: 200_000 });
    const state = await founder.send("/crm");
    expect(state.at(-1)?.text).toContain("Bitrix24");
    expect(state.at(-1)?.text).toContain("Ошибок всего: 0");
  });

  it("reads pages of 50, waits out the rate limit and retries a 500 and a dropped connection, losing nothing", async () => {
    // The bucket empties slower than the client's 2 requests a second: the second request meets QUERY_LIMIT_EXCEEDED.
    const { h, crm } = await crmTeam({ burst: 1, leakPerSecond: 1 });
    for (let i = 5; i <= 64; i++) crm.putCompany({ ID: String(i), TITLE: `ООО Клиент ${i}`, INDUSTRY: "IT", ASSIGNED_BY_ID: "1" });
    crm.fail(1, "500");
    crm.fail(1, "drop");
    await h.runJobs();
    const companyPages = crm.calls.filter((call) => call.method === "crm.company.list" && call.status === 200).map((call) => call.params.start);
    expect(companyPages).toEqual([0, 50]);
    expect(crm.calls.map((call) => call.status)).toEqual(expect.arrayContaining([500, 0, 503]));
    expect(h.db.prepare("SELECT COUNT(*) FROM companies").pluck().get()).toBe(64);
    expect(h.db.prepare("SELECT COUNT(*) FROM crm_companies").pluck().get()).toBe(64);
    const founder = await h.member("founder");
    expect((await founder.send("/crm")).at(-1)?.text).toContain("Ошибок всего: 0");
  });

  it("a refused webhook (401) writes nothing, is counted in /crm, and its code is never shown or logged", async () => {
    const logs: string[] = [];
    const { h, crm } = await crmTeam({ webhookUrl: (url) => url.replace(/\/[^/]+\/$/, "/wr0ngc0dewr0ngc0de/"), logs });
    const founder = await h.member("founder");
    const reply = await founder.send("/sync");
    expect(reply.at(-1)?.text).toContain("401");
    expect(h.db.prepare("SELECT COUNT(*) FROM companies").pluck().get()).toBe(0);
    const state = (await founder.send("/crm")).at(-1)?.text ?? "";
    expect(state).toContain("Ошибок всего: 1");
    expect(crm.calls.map((call) => call.status)).toEqual([401]);
    for (const text of [...reply.map((r) => r.text ?? ""), state, ...logs]) expect(text).not.toContain("wr0ngc0dewr0ngc0de");
  });

  it("a portal down for an hour is caught up with nothing lost, and the founders are told once when it is down (a restart meanwhile changes nothing) and once when it is back", async () => {
    const { h, crm } = await crmTeam({ crmHttp: { minIntervalMs: 0, backoffMs: () => 0 } });
    const founder = await h.member("founder");
    crm.putDeal(deal("10", "1", "NEW", "P"));
    await h.runJobs();
    crm.setDown(true);
    for (let tick = 1; tick <= 7; tick++) {
      h.clock.advanceMinutes(10);
      // Deals keep moving in the CRM while the bot cannot read it.
      if (tick === 3) crm.putDeal(deal("11", "2", "LOSE", "F"));
      if (tick === 5) crm.putDeal(deal("10", "1", "WON", "S", "90000.00"));
      await h.runJobs();
    }
    const told = (words: string) => founder.messages().filter((m) => (m.text ?? "").includes(words));
    expect(told("не читается")).toHaveLength(1);
    expect(h.db.prepare("SELECT COUNT(*) FROM company_events WHERE kind IN ('refusal', 'deal')").pluck().get()).toBe(0);

    // A restart while it is still down neither repeats the alert nor forgets the outage.
    await restartDownThenRecover(h, crm, founder);
    expect(await report(h, "burn")).toMatchObject({ contacted: 2, refused: 1 });
    expect(await report(h, "plan")).toMatchObject({ wonClients: 1, revenue: 90_000 });
  });

  it("a bot stopped mid-sync ends the sync at its next row: what it stored stays, no error is counted, and the next start reads the rest once", async () => {
    const { h, crm } = await crmTeam({ burst: 1_000_000, leakPerSecond: 1_000_000, crmHttp: { minIntervalMs: 0, backoffMs: () => 0 } });
    const DEALS = 1000;
    for (let id = 1; id <= DEALS; id++) crm.putDeal(deal(String(100 + id), String((id % 4) + 1), "NEW", "P"));
    const dealPages = () => crm.calls.filter((call) => call.method === "crm.deal.list").length;
    const sync = h.app.crmSync!.run();
    while (dealPages() < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await h.restart();
    expect(await sync).toMatchObject({ ok: false, stopped: true });
    const pagesBeforeStop = dealPages();
    console.log(`crm stop: the sync ended after ${pagesBeforeStop} of ${DEALS / 50} pages of deals`);
    expect(pagesBeforeStop).toBeLessThan(DEALS / 50);
    expect(h.app.crmSync!.state()).toMatchObject({ errors: 0, lastError: null });
    const stored = h.db.prepare("SELECT COUNT(*) FROM crm_deals").pluck().get() as number;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(DEALS);

    expect(await h.app.crmSync!.run()).toMatchObject({ ok: true });
    expect(h.db.prepare("SELECT COUNT(*) FROM crm_deals").pluck().get()).toBe(DEALS);
    expect(await h.app.crmSync!.run()).toMatchObject({ ok: true, recordsWritten: 0 });
  });
});
