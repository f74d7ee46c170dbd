/**
 * The demo's CRM (`--crm bitrix24`): a fake Bitrix24 portal on 127.0.0.1 holding the base's companies, where the
 * managers move deals instead of typing /refusal, /handled and /deal. The bot reads the portal right after each
 * move, as its sync would within CRM_SYNC_MINUTES.
 */
import { bitrixTime, startFakeBitrix24, type FakeBitrix24 } from "../emulator/fake-bitrix24.js";
import type { Clock } from "../../src/shared/clock.js";
import { formatMoney } from "../../src/shared/format.js";
import { MANAGERS, type Cast, type RefusalReasonKey, type SegmentKey } from "./cast.js";
import type { DemoLocale } from "./transcript.js";

export type DemoCrmKind = "bitrix24";

/** Failure stages named the way a sales team names them; the bot maps them to its reasons by their words. */
const FAILURE_STAGES: Record<DemoLocale, Record<RefusalReasonKey, string>> = {
  ru: { price: "Дорого", need: "Нет потребности", timing: "Не сейчас", competitor: "Ушли к конкуренту", noanswer: "Не отвечает", other: "Другое" },
  en: { price: "Too expensive", need: "No need", timing: "Call back later", competitor: "Chose a competitor", noanswer: "No answer", other: "Other" },
};

const OPEN_STAGES = { ru: { NEW: "Новая", PREPARATION: "Подготовка КП" }, en: { NEW: "New", PREPARATION: "Preparing an offer" } };
const WON_STAGE = { ru: "Сделка успешна", en: "Deal won" };

const SEGMENT_KEYS: SegmentKey[] = ["W", "R", "C"];

const WORDS = {
  ru: {
    moved: (who: string, company: string, stage: string) => `${who} в Bitrix24: «${company}» → ${stage}`,
    synced: (rows: number, records: number) => `↳ бот прочитал Bitrix24: строк ${rows}, новых записей ${records}`,
  },
  en: {
    moved: (who: string, company: string, stage: string) => `${who} in Bitrix24: “${company}” → ${stage}`,
    synced: (rows: number, records: number) => `↳ the bot read Bitrix24: rows ${rows}, new records ${records}`,
  },
};

export interface DemoCrm {
  readonly webhookUrl: string;
  /** Fails the deal of `company` at the stage named for `reason`; the narrator's line. */
  refuse(who: string, company: string, reason: RefusalReasonKey): string;
  /** Moves the deal back to an open stage (the refusal worked out). */
  reopen(who: string, company: string): string;
  /** Wins the deal at `amount` roubles. */
  win(who: string, company: string, amount: number): string;
  /** The narrator's line for one sync's outcome. */
  synced(rows: number, records: number): string;
  close(): Promise<void>;
}

/** Starts the portal with the cast's companies (segments as industries) and one new deal each. */
export async function startDemoCrm(options: { locale: DemoLocale; cast: Cast; clock: Clock }): Promise<DemoCrm> {
  const { locale, cast } = options;
  const portal: FakeBitrix24 = await startFakeBitrix24({ now: () => options.clock.now() });
  const words = WORDS[locale];
  const failure = FAILURE_STAGES[locale];
  portal.statuses.push(...SEGMENT_KEYS.map((key) => ({ ENTITY_ID: "INDUSTRY", STATUS_ID: key, NAME: cast.segments[key] })));
  for (const [id, name] of Object.entries(OPEN_STAGES[locale])) portal.statuses.push({ ENTITY_ID: "DEAL_STAGE", STATUS_ID: id, NAME: name });
  portal.statuses.push({ ENTITY_ID: "DEAL_STAGE", STATUS_ID: "WON", NAME: WON_STAGE[locale] });
  for (const [reason, name] of Object.entries(failure)) portal.statuses.push({ ENTITY_ID: "DEAL_STAGE", STATUS_ID: `LOSE_${reason.toUpperCase()}`, NAME: name });

  // The managers are the portal's users under their Telegram names, so the bot links them by name.
  const userOf = new Map<string, string>();
  for (const [index, key] of MANAGERS.entries()) {
    const { name, lastName } = cast.people[key];
    const id = String(index + 2);
    portal.users.push({ ID: id, NAME: name, LAST_NAME: lastName, ACTIVE: "true" });
    userOf.set(name, id);
  }

  const idOf = new Map<string, string>();
  const names = SEGMENT_KEYS.flatMap((segment) => cast.companies[segment].map((name) => ({ segment, name })));
  for (const [index, { segment, name }] of names.entries()) {
    const id = String(index + 1);
    idOf.set(name, id);
    // Entered a minute apart before the month began: a sync re-reads only the rows of its cursor's own second.
    const entered = bitrixTime(options.clock.now() - (names.length - index) * 60_000);
    portal.companies.push({ ID: id, TITLE: name, INDUSTRY: segment, ASSIGNED_BY_ID: "1", DATE_CREATE: entered, DATE_MODIFY: entered });
  }
  // A company's deal is opened by the first move on it: a deal already open would read as a touch at the first sync.
  const move = (who: string, company: string, fields: Record<string, string>) => {
    const id = idOf.get(company);
    if (!id) throw new Error(`demo: ${company} is not in the CRM`);
    const opened = portal.deals.some((deal) => deal.ID === id);
    const deal = { ID: id, TITLE: company, COMPANY_ID: id, CATEGORY_ID: "0", OPPORTUNITY: "0.00", CURRENCY_ID: "RUB" };
    portal.putDeal({ ...(opened ? { ID: id } : deal), ASSIGNED_BY_ID: userOf.get(who) ?? "1", ...fields });
  };
  const closedNow = () => bitrixTime(options.clock.now());

  return {
    webhookUrl: portal.webhookUrl,
    refuse(who, company, reason) {
      move(who, company, { STAGE_ID: `LOSE_${reason.toUpperCase()}`, STAGE_SEMANTIC_ID: "F", CLOSED: "Y", CLOSEDATE: closedNow() });
      return words.moved(who, company, failure[reason]);
    },
    reopen(who, company) {
      move(who, company, { STAGE_ID: "PREPARATION", STAGE_SEMANTIC_ID: "P", CLOSED: "N" });
      return words.moved(who, company, OPEN_STAGES[locale].PREPARATION);
    },
    win(who, company, amount) {
      move(who, company, { STAGE_ID: "WON", STAGE_SEMANTIC_ID: "S", CLOSED: "Y", OPPORTUNITY: `${amount}.00`, CLOSEDATE: closedNow() });
      return words.moved(who, company, `${WON_STAGE[locale]} (${formatMoney(amount * 100, locale)})`);
    },
    synced: words.synced,
    close: () => portal.close(),
  };
}
