/**
 * CRM=amocrm end to end: the real bot reads a fake amoCRM account, and the burn and plan reports show the same
 * figures as a twin team that typed the same work in the bot.
 */
import { afterEach, describe, expect, it } from "vitest";
import { addCompany } from "../../src/services/leads/add.js";
import type { CrmHttpOptions } from "../../src/services/crm/http.js";
import { report, restartDownThenRecover, teamPlan } from "../helpers/crm-figures.js";
import { startFakeAmoCrm, type AmoLead, type FakeAmoCrm } from "../../tools/emulator/fake-amocrm.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const START = "2026-11-02T07:00:00Z";
const ONE_HOUR = 3600_000;
const PIPELINE = 3_300_001;
const FIRST_CONTACT = 4_100_001;
const PROPOSAL = 4_100_002;

const COMPANIES = [
  { id: 1, name: "ООО Ромашка", segment: "ИТ" },
  { id: 2, name: "ООО Василёк", segment: "ИТ" },
  { id: 3, name: "АО Берёза", segment: "Производство" },
  { id: 4, name: "ИП Петров" },
];

function lead(id: number, companyId: number, statusId: number, price = 0, lossReason?: string): AmoLead {
  return { id, name: `Сделка ${id}`, price, status_id: statusId, pipeline_id: PIPELINE, company_id: companyId, loss_reason: lossReason };
}

let open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.reverse()) await thing.close();
  open = [];
});

async function crmTeam(options: { token?: string; perSecond?: number; crmHttp?: Partial<CrmHttpOptions> } = {}): Promise<{ h: Harness; crm: FakeAmoCrm }> {
  let now = () => Date.parse(START);
  const crm = await startFakeAmoCrm({ now: () => now(), perSecond: options.perSecond });
  open.push(crm);
  const env = { CRM: "amocrm", AMOCRM_URL: crm.baseUrl, AMOCRM_TOKEN: options.token ?? crm.token };
  const h = await startHarness({ now: START, env, crmHttp: options.crmHttp });
  open.push({ close: () => h.stop() });
  now = () => h.clock.now();
  crm.statuses.push({ id: FIRST_CONTACT, name: "Первичный контакт" }, { id: PROPOSAL, name: "Отправлено КП" });
  for (const company of COMPANIES) crm.putCompany(company);
  return { h, crm };
}

describe("CRM=amocrm", () => {
  it("companies, loss reasons, a reopened lead and a won lead count as if typed; a second sync adds nothing; an edited price changes the plan", async () => {
    const { h, crm } = await crmTeam();
    const founder = await h.member("founder");
    crm.putLead(lead(10, 1, FIRST_CONTACT));
    crm.putLead(lead(11, 2, 143, 0, "Дорого"));
    crm.putLead(lead(12, 3, 143, 0, "Выбрали конкурента"));
    crm.putLead(lead(13, 4, 143, 0, "Не сошлись характерами"));
    await h.runJobs();
    expect(crm.calls.map((call) => call.path)).toEqual(["/api/v4/leads/pipelines", "/api/v4/users", "/api/v4/companies", "/api/v4/leads"]);
    expect(crm.calls[3]!.query).toMatchObject({ with: "loss_reason,companies", page: "1", limit: "250" });

    h.clock.advance(ONE_HOUR);
    crm.putLead(lead(11, 2, PROPOSAL));
    crm.putLead(lead(10, 1, 142, 150_000));
    expect((await founder.send("/sync")).at(-1)?.text).toContain("новых записей 2");
    expect(crm.calls.filter((call) => call.path === "/api/v4/leads").at(-1)!.query["filter[updated_at][from]"]).toBe(String(Date.parse(START) / 1000));
    const refusals = h.db.prepare("SELECT reason, comment, status FROM company_events WHERE kind = 'refusal' ORDER BY id").all();
    expect(refusals).toEqual([
      { reason: "price", comment: null, status: "handled" },
      { reason: "competitor", comment: null, status: "pending" },
      { reason: "other", comment: "Не сошлись характерами", status: "pending" },
    ]);
    expect(h.db.prepare("SELECT s.name FROM companies c JOIN segments s ON s.id = c.segment_id ORDER BY c.id").pluck().all()).toEqual([
      "ИТ",
      "ИТ",
      "Производство",
      "Без сегмента",
    ]);

    const twin = await startHarness({ now: START });
    open.push({ close: () => twin.stop() });
    for (const company of COMPANIES) addCompany(twin.db, { teamId: 1, name: company.name, segmentName: company.segment ?? "Без сегмента", now: twin.clock.now() });
    const ivan = await twin.member("manager");
    await ivan.send("/touch ООО Ромашка");
    await ivan.send("/refusal ООО Василёк; цена");
    await ivan.send("/refusal АО Берёза; конкурент");
    await ivan.send("/refusal ИП Петров; другое");
    twin.clock.advance(ONE_HOUR);
    await ivan.send("/handled ООО Василёк");
    await ivan.send("/deal ООО Ромашка 150 000");

    expect(await report(h, "burn")).toEqual(await report(twin, "burn"));
    const plan = await report(h, "plan");
    expect(teamPlan(plan)).toEqual(teamPlan(await report(twin, "plan")));
    expect(plan).toMatchObject({ wonClients: 1, revenue: 150_000 });

    h.clock.advance(ONE_HOUR);
    expect((await founder.send("/sync")).at(-1)?.text).toContain("новых записей 0");
    expect(await report(h, "burn")).toEqual(await report(twin, "burn"));

    crm.putLead(lead(10, 1, 142, 200_000));
    await founder.send("/sync");
    expect(await report(h, "plan")).toMatchObject({ wonClients: 1, revenue: 200_000 });
  });

  it("reads pages of 250 until 204, and retries 429, a 500 and a dropped connection, losing nothing", async () => {
    const { h, crm } = await crmTeam({ perSecond: 2 });
    for (let id = 5; id <= 254; id++) crm.putCompany({ id, name: `ООО Клиент ${id}`, segment: "ИТ" });
    crm.fail(1, "500");
    crm.fail(1, "drop");
    await h.runJobs();
    const pages = crm.calls.filter((call) => call.path === "/api/v4/companies" && call.status !== 0 && call.status < 300);
    expect(pages.map((call) => [call.query.page, call.status])).toEqual([
      ["1", 200],
      ["2", 200],
    ]);
    expect(crm.calls.map((call) => call.status)).toEqual(expect.arrayContaining([500, 0, 429, 204]));
    expect(h.db.prepare("SELECT COUNT(*) FROM companies").pluck().get()).toBe(254);
  });

  it("a refused token (401) writes nothing, is counted in /crm, and the token is never shown", async () => {
    const { h, crm } = await crmTeam({ token: "wrong-token-wrong-token-wrong-token" });
    const founder = await h.member("founder");
    const reply = await founder.send("/sync");
    expect(reply.at(-1)?.text).toContain("401");
    expect(h.db.prepare("SELECT COUNT(*) FROM companies").pluck().get()).toBe(0);
    const state = (await founder.send("/crm")).at(-1)?.text ?? "";
    expect(state).toContain("amoCRM");
    expect(state).toContain("Ошибок всего: 1");
    expect(crm.calls.map((call) => call.status)).toEqual([401]);
    for (const text of [...reply.map((r) => r.text ?? ""), state]) expect(text).not.toContain("wrong-token");
  });

  it("an account unreachable for an hour is caught up with nothing lost, and the founders are told once when it is down (a restart meanwhile changes nothing) and once when it is back", async () => {
    // Unpaced and without pauses, syncs back to back would meet the 7-a-second limit, which is not what this test is about.
    const { h, crm } = await crmTeam({ perSecond: 1000, crmHttp: { minIntervalMs: 0, backoffMs: () => 0 } });
    const founder = await h.member("founder");
    crm.putLead(lead(10, 1, FIRST_CONTACT));
    await h.runJobs();
    crm.setDown(true);
    for (let tick = 1; tick <= 7; tick++) {
      h.clock.advanceMinutes(10);
      if (tick === 3) crm.putLead(lead(11, 2, 143, 0, "Дорого"));
      if (tick === 5) crm.putLead(lead(10, 1, 142, 90_000));
      await h.runJobs();
    }
    const told = (words: string) => founder.messages().filter((m) => (m.text ?? "").includes(words));
    expect(told("не читается")).toHaveLength(1);
    // A restart while it is still down neither repeats the alert nor forgets the outage.
    await restartDownThenRecover(h, crm, founder);
    expect(await report(h, "burn")).toMatchObject({ contacted: 2, refused: 1 });
    expect(await report(h, "plan")).toMatchObject({ wonClients: 1, revenue: 90_000 });
  });
});
