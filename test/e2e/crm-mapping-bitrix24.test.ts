/**
 * CRM=bitrix24, the mapping beyond stages: the responsible user is a member (by name, or by the founder's
 * /crm_link), a company is found by its INN before its name, a closing stage closes the company, the founder's
 * words change what a stage means, a deal is dated on the CRM's own dates, a rename and a move are followed, and
 * a deal leaving the won stage is taken back.
 */
import { afterEach, expect, it } from "vitest";
import { addCompany } from "../../src/services/leads/add.js";
import { report } from "../helpers/crm-figures.js";
import { bitrixTime, startFakeBitrix24 } from "../../tools/emulator/fake-bitrix24.js";
import { startHarness } from "../helpers/harness.js";

const START = "2026-11-02T07:00:00Z";

const STATUSES = [
  { ENTITY_ID: "INDUSTRY", STATUS_ID: "IT", NAME: "ИТ" },
  { ENTITY_ID: "INDUSTRY", STATUS_ID: "MANUFACTURING", NAME: "Производство" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "NEW", NAME: "Новая" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "WON", NAME: "Сделка успешна" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "LOSE", NAME: "Дорого" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "GONE", NAME: "Компания закрыта" },
  { ENTITY_ID: "DEAL_STAGE", STATUS_ID: "SMETA", NAME: "Не устроила смета" },
];

function deal(id: string, companyId: string, stage: string, semantic: "P" | "S" | "F", assignedTo: string, extra: Record<string, string> = {}) {
  return { ID: id, TITLE: `Сделка ${id}`, COMPANY_ID: companyId, CATEGORY_ID: "0", STAGE_ID: stage, STAGE_SEMANTIC_ID: semantic, OPPORTUNITY: "0.00", CURRENCY_ID: "RUB", ASSIGNED_BY_ID: assignedTo, ...extra };
}

let open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.reverse()) await thing.close();
  open = [];
});

it("members from CRM users, companies by INN, closing stages, the founder's words, the CRM's dates, renames, moves and a won deal taken back", async () => {
  let now = () => Date.parse(START);
  const crm = await startFakeBitrix24({ now: () => now() });
  open.push(crm);
  const h = await startHarness({ now: START, env: { CRM: "bitrix24", BITRIX24_WEBHOOK_URL: crm.webhookUrl }, crmHttp: { minIntervalMs: 0, backoffMs: () => 0 } });
  open.push({ close: () => h.stop() });
  now = () => h.clock.now();
  const founder = await h.member("founder");
  await h.member("manager", { username: "ivan", first_name: "Иван", last_name: "Петров" });
  await h.member("manager", { username: "anna", first_name: "Анна", last_name: "Смирнова" });
  // Typed in the bot before the CRM was connected, with its INN.
  addCompany(h.db, { teamId: 1, name: "ООО Альфа", segmentName: "Опт", inn: "7701234567", now: h.clock.now() });

  crm.statuses.push(...STATUSES);
  crm.users.push({ ID: "7", NAME: "Иван", LAST_NAME: "Петров", ACTIVE: "true" }, { ID: "8", NAME: "Мария", LAST_NAME: "Кузнецова", ACTIVE: "true" });
  crm.putCompany({ ID: "1", TITLE: "ООО Ромашка", INDUSTRY: "IT" });
  crm.putCompany({ ID: "2", TITLE: "ООО Василёк", INDUSTRY: "IT" });
  crm.putCompany({ ID: "3", TITLE: "АО Берёза", INDUSTRY: "MANUFACTURING" });
  crm.putCompany({ ID: "21", TITLE: "Альфа (головной офис)", INDUSTRY: "IT" });
  crm.putRequisite("21", "7701234567");
  crm.putDeal(deal("30", "1", "NEW", "P", "7"));
  crm.putDeal(deal("31", "2", "NEW", "P", "8"));
  crm.putDeal(deal("32", "21", "NEW", "P", "7"));
  crm.putDeal(deal("33", "3", "GONE", "F", "7"));
  await h.runJobs();

  const memberOf = (username: string) => h.db.prepare("SELECT id FROM members WHERE username = ?").pluck().get(username) as number;
  const [ivan, anna] = [memberOf("ivan"), memberOf("anna")];
  // Found by its INN: no second company, and the CRM's name and segment do not overwrite the bot's.
  expect(h.db.prepare("SELECT name FROM companies ORDER BY id").pluck().all()).toEqual(["ООО Альфа", "ООО Ромашка", "ООО Василёк", "АО Берёза"]);
  const touches = h.db.prepare("SELECT c.name, e.member_id AS memberId FROM company_events e JOIN companies c ON c.id = e.company_id WHERE e.kind = 'touch' ORDER BY e.id").all();
  expect(touches).toEqual([
    { name: "ООО Ромашка", memberId: ivan },
    { name: "ООО Василёк", memberId: null },
    { name: "ООО Альфа", memberId: ivan },
  ]);
  // «Компания закрыта» closes the company as /close would.
  expect(h.db.prepare("SELECT status FROM companies WHERE name = 'АО Берёза'").pluck().get()).toBe("closed");
  expect(h.db.prepare("SELECT reason FROM company_events WHERE kind = 'close'").pluck().all()).toEqual(["business_closed"]);

  const links = (await founder.send("/crm_link")).at(-1)?.text ?? "";
  expect(links).toContain("7 «Иван Петров» → Иван Петров (@ivan)");
  expect(links).toMatch(/без участника \(1\)[^]*8 «Мария Кузнецова»/);
  const usersBefore = h.db.prepare("SELECT * FROM crm_users ORDER BY crm_user_id").all();
  expect((await founder.send("/crm_link @nobody 8")).at(-1)?.text).toContain("нет в команде");
  expect((await founder.send("/crm_link @anna восемь")).at(-1)?.text).toContain("не id пользователя CRM");
  expect((await founder.send("/crm_link anna")).at(-1)?.text).toContain("/crm_link @username");
  expect(h.db.prepare("SELECT * FROM crm_users ORDER BY crm_user_id").all()).toEqual(usersBefore);
  expect((await founder.send("/crm_link @anna 8")).at(-1)?.text).toContain("Анна Смирнова (@anna)");

  expect((await founder.send("/settings crm_reasons цена смета, дорог")).at(-1)?.text).toContain("смета, дорог");
  expect((await founder.send("/settings crm_reasons")).at(-1)?.text).toContain("компания закрыта (closed): лпр умер");
  const wordsBefore = h.db.prepare("SELECT crm_reasons FROM teams").pluck().get();
  expect((await founder.send("/settings crm_reasons шум слова")).at(-1)?.text).toContain("/settings crm_reasons <причина>");
  expect(h.db.prepare("SELECT crm_reasons FROM teams").pluck().get()).toBe(wordsBefore);

  // On the 28th the deal is won and another refused in the CRM, a company renamed and moved; the bot reads it all on the 2nd.
  h.clock.set("2026-11-28T09:00:00Z");
  crm.putDeal(deal("31", "2", "WON", "S", "8", { OPPORTUNITY: "100000.00", CLOSEDATE: bitrixTime(h.clock.now()) }));
  crm.putDeal(deal("30", "1", "SMETA", "F", "7"));
  crm.putCompany({ ID: "2", TITLE: "ООО Василёк Плюс", INDUSTRY: "MANUFACTURING" });
  h.clock.set("2026-12-02T09:00:00Z");
  await h.runJobs();

  const november = await report(h, "plan", ["--period", "2026-11"]);
  expect(november).toMatchObject({ wonClients: 1, revenue: 100_000 });
  expect(november.managers).toEqual(expect.arrayContaining([expect.objectContaining({ username: "anna", wonClients: 1, revenue: 100_000 })]));
  expect(await report(h, "plan", ["--period", "2026-12"])).toMatchObject({ wonClients: 0, revenue: 0 });
  const refusal = h.db.prepare("SELECT reason, member_id AS memberId, local_day AS day FROM company_events WHERE kind = 'refusal'").get();
  expect(refusal).toEqual({ reason: "price", memberId: ivan, day: "2026-11-28" });
  const renamed = h.db.prepare("SELECT c.name, s.name AS segment FROM companies c JOIN segments s ON s.id = c.segment_id WHERE c.id = 3").get();
  expect(renamed).toEqual({ name: "ООО Василёк Плюс", segment: "Производство" });
  // The segment's counters follow the move from the day it was read.
  const burn = await report(h, "burn");
  expect(burn.segments).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Производство", size: 2, won: 1 })]));

  // The deal leaves the won stage: it is taken back as a correction would, and the failure counts as a refusal.
  h.clock.advanceHours(1);
  crm.putDeal(deal("31", "2", "LOSE", "F", "8", { OPPORTUNITY: "100000.00" }));
  await founder.send("/sync");
  expect(await report(h, "plan", ["--period", "2026-11"])).toMatchObject({ wonClients: 0, revenue: 0 });
  expect(h.db.prepare("SELECT COUNT(*) FROM corrections").pluck().get()).toBe(1);
  const last = h.db.prepare("SELECT kind, reason, member_id AS memberId FROM company_events WHERE company_id = 3 ORDER BY id DESC LIMIT 1").get();
  expect(last).toEqual({ kind: "refusal", reason: "price", memberId: anna });

  // The founder's link stands: the next sync's match of names does not take user 7 back to Ivan.
  await founder.send("/crm_link @anna 7");
  h.clock.advanceHours(1);
  await founder.send("/sync");
  expect(h.db.prepare("SELECT member_id AS memberId, linked_by AS linkedBy FROM crm_users WHERE crm_user_id = '7'").get()).toEqual({ memberId: anna, linkedBy: "founder" });

  // A rename onto the name another company of the base holds is refused and not remembered, so the company's next
  // change in the CRM tries it again.
  h.clock.advanceHours(1);
  crm.putCompany({ ID: "1", TITLE: "АО Берёза", INDUSTRY: "IT" });
  await founder.send("/sync");
  expect(h.db.prepare("SELECT COUNT(*) FROM companies WHERE name = 'АО Берёза'").pluck().get()).toBe(1);
  expect(h.db.prepare("SELECT crm_name FROM crm_companies WHERE crm_id = '1'").pluck().get()).toBe("ООО Ромашка");
});

it("a webhook without the user scope still syncs: nobody is matched by name, and /crm_link links by id", async () => {
  let now = () => Date.parse(START);
  const crm = await startFakeBitrix24({ now: () => now(), scopes: ["crm"] });
  open.push(crm);
  const h = await startHarness({ now: START, env: { CRM: "bitrix24", BITRIX24_WEBHOOK_URL: crm.webhookUrl }, crmHttp: { minIntervalMs: 0, backoffMs: () => 0 } });
  open.push({ close: () => h.stop() });
  now = () => h.clock.now();
  const founder = await h.member("founder");
  const ivan = await h.member("manager", { username: "ivan", first_name: "Иван", last_name: "Петров" });
  crm.statuses.push(...STATUSES);
  crm.users.push({ ID: "7", NAME: "Иван", LAST_NAME: "Петров", ACTIVE: "true" });
  crm.putCompany({ ID: "1", TITLE: "ООО Ромашка", INDUSTRY: "IT" });
  crm.putDeal(deal("30", "1", "NEW", "P", "7"));
  expect((await founder.send("/sync")).at(-1)?.text).toContain("прочитана");
  expect(crm.calls.find((call) => call.method === "user.get")?.status).toBe(401);
  expect((await founder.send("/crm_link")).at(-1)?.text).toMatch(/без участника \(1\)[^]*\n7\n/);

  await founder.send("/crm_link @ivan 7");
  h.clock.advanceHours(1);
  crm.putDeal(deal("30", "1", "LOSE", "F", "7"));
  await founder.send("/sync");
  expect(h.db.prepare("SELECT kind, member_id AS memberId FROM company_events ORDER BY id").all()).toEqual([
    { kind: "touch", memberId: null },
    { kind: "refusal", memberId: ivan.member()!.id },
  ]);
});
