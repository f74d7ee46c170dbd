/**
 * CRM=amocrm, the mapping beyond statuses: users read from /api/v4/users become members by name, the segment is
 * read from the field the founder names, a company is found by its «ИНН» field, a closing loss reason closes the
 * company, a won lead is dated on its closed_at (before something typed later: the base is replayed in order), and
 * a lead moved back from won is taken back.
 */
import { afterEach, expect, it } from "vitest";
import { addCompany } from "../../src/services/leads/add.js";
import { report } from "../helpers/crm-figures.js";
import { startFakeAmoCrm, type AmoLead } from "../../tools/emulator/fake-amocrm.js";
import { startHarness } from "../helpers/harness.js";

const START = "2026-11-02T07:00:00Z";
const PIPELINE = 3_300_001;
const FIRST_CONTACT = 4_100_001;

function lead(id: number, companyId: number, statusId: number, price = 0, lossReason?: string): AmoLead {
  return { id, name: `Сделка ${id}`, price, status_id: statusId, pipeline_id: PIPELINE, company_id: companyId, loss_reason: lossReason, responsible_user_id: 501 };
}

let open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.reverse()) await thing.close();
  open = [];
});

it("users by name, the founder's segment field, companies by INN, a closing loss reason, closed_at dating and a won lead taken back", async () => {
  let now = () => Date.parse(START);
  const crm = await startFakeAmoCrm({ now: () => now(), perSecond: 1000 });
  open.push(crm);
  const env = { CRM: "amocrm", AMOCRM_URL: crm.baseUrl, AMOCRM_TOKEN: crm.token };
  const h = await startHarness({ now: START, env, crmHttp: { minIntervalMs: 0, backoffMs: () => 0 } });
  open.push({ close: () => h.stop() });
  now = () => h.clock.now();
  const founder = await h.member("founder");
  const ivan = await h.member("manager", { username: "ivan", first_name: "Иван", last_name: "Петров" });
  addCompany(h.db, { teamId: 1, name: "Ромашка Групп", segmentName: "Розница", inn: "7712345678", now: h.clock.now() });
  expect((await founder.send("/settings crm_segment_field Отрасль")).at(-1)?.text).toContain("«Отрасль»");

  crm.statuses.push({ id: FIRST_CONTACT, name: "Первичный контакт" });
  crm.users.push({ id: 501, name: "Иван Петров", email: "ivan@example.com" });
  crm.putCompany({ id: 1, name: "ООО Ромашка", segment: "ИТ", segmentField: "Отрасль", inn: "7712345678" });
  crm.putCompany({ id: 2, name: "ООО Василёк", segment: "Опт", segmentField: "Отрасль" });
  crm.putLead(lead(10, 1, FIRST_CONTACT));
  crm.putLead(lead(11, 2, 143, 0, "ЛПР умер"));
  await founder.send("/sync");

  const ivanId = ivan.member()!.id;
  const companies = h.db.prepare("SELECT c.name, s.name AS segment, c.status FROM companies c JOIN segments s ON s.id = c.segment_id ORDER BY c.id").all();
  expect(companies).toEqual([
    { name: "Ромашка Групп", segment: "Розница", status: "active" },
    { name: "ООО Василёк", segment: "Опт", status: "closed" },
  ]);
  expect(h.db.prepare("SELECT reason FROM company_events WHERE kind = 'close'").pluck().all()).toEqual(["dm_died"]);
  expect(h.db.prepare("SELECT member_id FROM company_events WHERE kind = 'touch'").pluck().all()).toEqual([ivanId]);

  // Won in amoCRM on the 28th; Ivan types a touch on the 1st; the bot reads the win on the 2nd.
  h.clock.set("2026-11-28T09:00:00Z");
  crm.putLead(lead(10, 1, 142, 50_000));
  h.clock.set("2026-12-01T09:00:00Z");
  await ivan.send("/touch Ромашка Групп");
  h.clock.set("2026-12-02T09:00:00Z");
  await founder.send("/sync");
  const november = await report(h, "plan", ["--period", "2026-11"]);
  expect(november).toMatchObject({ wonClients: 1, revenue: 50_000 });
  expect(november.managers).toEqual([expect.objectContaining({ username: "ivan", wonClients: 1, revenue: 50_000 })]);
  expect(h.db.prepare("SELECT local_day FROM deals").pluck().all()).toEqual(["2026-11-28"]);
  expect((await report(h, "burn")).segments).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Розница", won: 1 })]));

  h.clock.advanceHours(1);
  crm.putLead(lead(10, 1, FIRST_CONTACT, 50_000));
  await founder.send("/sync");
  expect(await report(h, "plan", ["--period", "2026-11"])).toMatchObject({ wonClients: 0, revenue: 0 });
  expect((await report(h, "burn")).segments).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Розница", won: 0 })]));
  const last = h.db.prepare("SELECT kind, member_id AS memberId FROM company_events WHERE company_id = 1 AND voided_by IS NULL ORDER BY id DESC LIMIT 1").get();
  expect(last).toEqual({ kind: "touch", memberId: ivanId });

  // A token that is not an administrator's cannot read the users (403): the sync goes on, the links stay.
  crm.setAdmin(false);
  h.clock.advanceHours(1);
  crm.putLead(lead(10, 1, 143, 0, "Дорого"));
  expect((await founder.send("/sync")).at(-1)?.text).toContain("прочитана");
  expect(h.db.prepare("SELECT reason, member_id AS memberId FROM company_events WHERE kind = 'refusal'").all()).toEqual([{ reason: "price", memberId: ivanId }]);
});
