/**
 * The CRM sync: the real app (startApp with CRM=bitrix24 or amocrm, long polling) reads a fake Bitrix24 portal or
 * amoCRM account on 127.0.0.1 holding `deals` deals over `companies` companies. The portal's rate limit is off and the client's pace is 0, so
 * the time is the bot's own work. Meanwhile managers send /tasks through the fake Bot API one after another, and
 * the time to each reply is compared with the same stream while nothing syncs. A second sync (nothing changed)
 * must write nothing.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { User } from "grammy/types";
import { createConfig } from "../src/config.js";
import { startApp, TEAM_ID, type App } from "../src/app.js";
import { readCrmSync, type CrmKind } from "../src/db/crm.js";
import { setMemberLocale, upsertMember } from "../src/db/members.js";
import { createLogger } from "../src/shared/logger.js";
import { createFakeBotApi, type FakeBotApi } from "../tools/emulator/fake-bot-api.js";
import { startFakeAmoCrm } from "../tools/emulator/fake-amocrm.js";
import { bitrixTime, startFakeBitrix24, type FakeBitrix24 } from "../tools/emulator/fake-bitrix24.js";
import { commandUpdate, makeUser } from "../tools/emulator/updates.js";
import { seededRandom } from "../tools/seeded-random.js";
import { percentile, scratchDir } from "./stats.js";

/** A Sunday noon in Moscow: no check-up job sends anything into the managers' chats meanwhile. */
const SYNC_MOMENT = Date.parse("2026-11-08T09:00:00Z");
const DAY = 86_400_000;
const PROBE_MANAGERS = 20;
/** Gap between one reply and the next update: 20 a second at most, 1 a second per manager (under the flood limit). */
const PROBE_GAP_MS = 50;

/** The reply p99 while a sync runs may be this many times the p99 without one, and no more than the limit. */
export const CRM_SYNC_P99_RATIO = 5;
export const CRM_SYNC_P99_LIMIT_MS = 250;

export interface CrmSyncResult {
  companies: number;
  deals: number;
  rowsRead: number;
  recordsWritten: number;
  seconds: number;
  rowsPerSec: number;
  /** CPU time of the whole process (bot, fake portal, fake Bot API) while the first sync ran. */
  cpuSeconds: number;
  secondSyncSeconds: number;
  secondSyncRecords: number;
  idleP99Ms: number;
  duringSyncP99Ms: number;
  idleReplies: number;
  duringSyncReplies: number;
}

const INDUSTRIES = [
  ["IT", "ИТ"],
  ["MANUFACTURING", "Производство"],
  ["DELIVERY", "Логистика"],
  ["BANKING", "Финансы"],
  ["OTHER", "Другое"],
];
const OPEN = ["NEW", "PREPARATION", "PREPAYMENT_INVOICE", "EXECUTING"];
const FAILED: [string, string][] = [
  ["LOSE", "Дорого"],
  ["C1:LOSE", "Ушли к конкуренту"],
  ["APOLOGY", "Не дозвонились"],
  ["C1:APOLOGY", "Не сошлись характерами"],
];

/** A fake CRM filled for the run: the settings that point the bot at it. */
type Portal = { env: Record<string, string>; close(): Promise<unknown> };

/** A Bitrix24 portal; the first sync's lists sorted before the clock starts (a real portal has indexes). */
async function bitrixPortal(now: () => number, companies: number, deals: number): Promise<Portal> {
  const crm = await startFakeBitrix24({ now, rateLimit: false });
  fillBitrix(crm, companies, deals);
  for (const method of ["crm.company.list", "crm.deal.list"]) {
    await fetch(`${crm.webhookUrl}${method}`, { method: "POST", body: JSON.stringify({ order: { DATE_MODIFY: "ASC", ID: "ASC" }, filter: {} }) });
  }
  return { env: { CRM: "bitrix24", BITRIX24_WEBHOOK_URL: crm.webhookUrl }, close: () => crm.close() };
}

const AMO_OPEN = [4_100_001, 4_100_002];
const AMO_LOSS = ["Дорого", "Выбрали конкурента", "Не дозвонились", "Не сошлись характерами"];

/** An amoCRM account with the same mix: 142 won, 143 lost with a loss reason, two open statuses. */
async function amoPortal(now: () => number, companies: number, deals: number): Promise<Portal> {
  let fillAt: number | null = null;
  const crm = await startFakeAmoCrm({ now: () => fillAt ?? now(), rateLimit: false });
  const random = seededRandom(17);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  crm.statuses.push({ id: AMO_OPEN[0]!, name: "Первичный контакт" }, { id: AMO_OPEN[1]!, name: "Отправлено КП" });
  const since = SYNC_MOMENT - 30 * DAY;
  const step = (29 * DAY) / (companies + deals);
  for (let i = 1; i <= companies; i++) {
    fillAt = since + i * step;
    crm.putCompany({ id: i, name: `ООО «Клиент ${i}»`, segment: pick(INDUSTRIES)[1]! });
  }
  for (let i = 1; i <= deals; i++) {
    fillAt = since + (companies + i) * step;
    const roll = random();
    const status = roll < 0.6 ? pick(AMO_OPEN) : roll < 0.85 ? 143 : 142;
    const price = status === 142 ? 10_000 + Math.floor(random() * 490_000) : 0;
    crm.putLead({ id: i, name: `Сделка ${i}`, price, status_id: status, pipeline_id: 3_300_001, company_id: 1 + Math.floor(random() * companies), ...(status === 143 ? { loss_reason: pick(AMO_LOSS) } : {}) });
  }
  fillAt = null;
  const headers = { authorization: `Bearer ${crm.token}` };
  await fetch(`${crm.baseUrl}/api/v4/companies?order%5Bupdated_at%5D=asc&page=1&limit=250`, { headers });
  await fetch(`${crm.baseUrl}/api/v4/leads?with=loss_reason%2Ccompanies&order%5Bupdated_at%5D=asc&page=1&limit=250`, { headers });
  return { env: { CRM: "amocrm", AMOCRM_URL: crm.baseUrl, AMOCRM_TOKEN: crm.token }, close: () => crm.close() };
}

/** Puts the seeded companies and deals straight into the portal's tables (putDeal would look each one up). */
function fillBitrix(crm: FakeBitrix24, companies: number, deals: number): void {
  const random = seededRandom(17);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  crm.statuses.push(...INDUSTRIES.map(([id, name]) => ({ ENTITY_ID: "INDUSTRY", STATUS_ID: id!, NAME: name! })));
  crm.statuses.push(...OPEN.map((id) => ({ ENTITY_ID: "DEAL_STAGE", STATUS_ID: id, NAME: id })));
  crm.statuses.push({ ENTITY_ID: "DEAL_STAGE", STATUS_ID: "WON", NAME: "Сделка успешна" });
  crm.statuses.push(...FAILED.map(([id, name]) => ({ ENTITY_ID: id.startsWith("C1:") ? "DEAL_STAGE_1" : "DEAL_STAGE", STATUS_ID: id, NAME: name })));
  // A month of the CRM's work before the sync, in the order it happened.
  const since = SYNC_MOMENT - 30 * DAY;
  const step = (29 * DAY) / (companies + deals);
  for (let i = 1; i <= companies; i++) {
    const at = bitrixTime(since + i * step);
    crm.companies.push({ ID: String(i), TITLE: `ООО «Клиент ${i}»`, INDUSTRY: pick(INDUSTRIES)[0]!, ASSIGNED_BY_ID: "1", DATE_CREATE: at, DATE_MODIFY: at });
  }
  for (let i = 1; i <= deals; i++) {
    const at = bitrixTime(since + (companies + i) * step);
    const roll = random();
    const [stage, semantic] = roll < 0.6 ? [pick(OPEN), "P"] : roll < 0.85 ? [pick(FAILED)[0], "F"] : ["WON", "S"];
    crm.deals.push({
      ID: String(i),
      TITLE: `Сделка ${i}`,
      COMPANY_ID: String(1 + Math.floor(random() * companies)),
      CATEGORY_ID: stage.startsWith("C1:") ? "1" : "0",
      STAGE_ID: stage,
      STAGE_SEMANTIC_ID: semantic,
      CLOSED: semantic === "P" ? "N" : "Y",
      OPPORTUNITY: semantic === "S" ? `${10_000 + Math.floor(random() * 490_000)}.00` : "0.00",
      CURRENCY_ID: "RUB",
      CLOSEDATE: at,
      DATE_CREATE: at,
      DATE_MODIFY: at,
      ASSIGNED_BY_ID: "1",
    });
  }
}

/** Sends /tasks from the managers in turn until `more()` says stop; the milliseconds from each update to its reply. */
async function replyTimes(fake: FakeBotApi, managers: User[], more: (sent: number) => boolean): Promise<number[]> {
  const times: number[] = [];
  for (let sent = 0; more(sent); sent++) {
    const manager = managers[sent % managers.length]!;
    const since = fake.mark();
    const began = performance.now();
    fake.pushUpdate(commandUpdate(manager, "/tasks"));
    // A blocked event loop shows as a long time here, not as a failure.
    await fake.waitForMessage(manager.id, undefined, { since, timeoutMs: 60_000 });
    times.push(performance.now() - began);
    await new Promise((resolve) => setTimeout(resolve, PROBE_GAP_MS));
  }
  return times;
}

function addManagers(app: App, now: number): User[] {
  const managers: User[] = [];
  app.db.transaction(() => {
    for (let i = 0; i < PROBE_MANAGERS; i++) {
      const user = makeUser(820_000 + i, { username: `crm_bench_${i}` });
      const member = upsertMember(app.db, { teamId: TEAM_ID, userId: user.id, username: user.username!, firstName: user.first_name, role: "manager", chatId: user.id }, now);
      setMemberLocale(app.db, member.id, "ru");
      managers.push(user);
    }
  })();
  return managers;
}

export async function measureCrmSync(sizes: { crm: CrmKind; companies: number; deals: number; idleReplies: number }): Promise<CrmSyncResult> {
  let offset = SYNC_MOMENT - Date.now();
  const clock = { now: () => Date.now() + offset };
  const portal = await (sizes.crm === "bitrix24" ? bitrixPortal : amoPortal)(clock.now, sizes.companies, sizes.deals);
  const fake = await createFakeBotApi();
  const dir = scratchDir("crm-sync");
  const config = createConfig({
    BOT_TOKEN: fake.token,
    DATABASE_PATH: join(dir, "bot.sqlite"),
    TELEGRAM_API_ROOT: fake.apiRoot,
    DEFAULT_TIMEZONE: "Europe/Moscow",
    LOG_LEVEL: "silent",
    ...portal.env,
  });
  // No scheduler: the sync is run by hand (app.runJobsNow); long polling carries the managers' updates.
  const app = await startApp({ config, clock, logger: createLogger("silent"), botInfo: fake.botInfo, scheduler: false, crmHttp: { minIntervalMs: 0 } });
  try {
    const managers = addManagers(app, clock.now());
    await replyTimes(fake, managers, (sent) => sent < Math.min(50, sizes.idleReplies));
    const idle = await replyTimes(fake, managers, (sent) => sent < sizes.idleReplies);

    let syncing = true;
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    const sync = app.runJobsNow().finally(() => (syncing = false));
    const during = await replyTimes(fake, managers, () => syncing);
    await sync;
    const seconds = (performance.now() - began) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const first = readCrmSync(app.db, TEAM_ID, sizes.crm);
    if (first.lastError !== null || first.rowsRead !== sizes.companies + sizes.deals) {
      throw new Error(`the first sync read ${first.rowsRead} of ${sizes.companies + sizes.deals} rows (error: ${first.lastError})`);
    }

    offset += 10 * 60_000;
    const againBegan = performance.now();
    await app.runJobsNow();
    const secondSyncSeconds = (performance.now() - againBegan) / 1000;
    const second = readCrmSync(app.db, TEAM_ID, sizes.crm);
    if (second.lastRunAt === first.lastRunAt) throw new Error("the second sync did not run");
    if (second.recordsWritten !== 0) throw new Error(`the second sync, with nothing changed in the CRM, wrote ${second.recordsWritten} records`);

    return {
      companies: sizes.companies,
      deals: sizes.deals,
      rowsRead: first.rowsRead,
      recordsWritten: first.recordsWritten,
      seconds,
      rowsPerSec: first.rowsRead / seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      secondSyncSeconds,
      secondSyncRecords: second.recordsWritten,
      idleP99Ms: percentile(idle, 99),
      duringSyncP99Ms: percentile(during, 99),
      idleReplies: idle.length,
      duringSyncReplies: during.length,
    };
  } finally {
    await app.stop();
    await fake.close();
    await portal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npx tsx bench/crm-sync.ts [bitrix24|amocrm] [deals] [companies]`: only this part of the benchmark, printed. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const crm = process.argv[2] === "amocrm" ? "amocrm" : "bitrix24";
  const deals = Number(process.argv[3] ?? 100_000);
  const companies = Number(process.argv[4] ?? deals / 5);
  console.log(await measureCrmSync({ crm, companies, deals, idleReplies: 300 }));
}
