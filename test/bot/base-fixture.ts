/** Shared set-up of the lead-base and burn tests: a team, a CSV sent in chat, and the rows a write touches. */
import { startHarness, type Harness, type Replies, type TestUser } from "../helpers/harness.js";
import type { SentMessage } from "../helpers/fake-bot-api.js";

/** Monday 5 October 2026, 10:00 in Moscow. */
export const MONDAY = "2026-10-05T07:00:00Z";

export interface BaseTeam {
  h: Harness;
  founder: TestUser;
  lead: TestUser;
  ivan: TestUser;
  petr: TestUser;
}

export async function baseTeam(now: string = MONDAY): Promise<BaseTeam> {
  const h = await startHarness({ now });
  const founder = await h.member("founder", { username: "boss", first_name: "Olga" });
  const lead = await h.member("lead", { username: "anna_lead", first_name: "Anna" });
  const ivan = await h.member("manager", { username: "ivan_m", first_name: "Ivan", last_name: "Sokolov" });
  const petr = await h.member("manager", { username: "petr_m", first_name: "Petr" });
  return { h, founder, lead, ivan, petr };
}

let fileNo = 0;

/** Sends `csv` as a document (caption /import unless given) and returns the replies. */
export async function sendCsv(
  h: Harness,
  user: TestUser,
  csv: string | Uint8Array,
  options: { caption?: string | null; fileName?: string; mime?: string } = {},
): Promise<Replies> {
  const fileId = `csv-${++fileNo}`;
  const fileName = options.fileName ?? "base.csv";
  h.fake.addFile(fileId, csv, `documents/${fileId}-${fileName}`);
  const caption = options.caption === undefined ? "/import" : options.caption;
  return user.sendDocument({
    file_id: fileId,
    file_name: fileName,
    mime_type: options.mime ?? "text/csv",
    ...(caption === null ? {} : { caption }),
  });
}

/**
 * The test base: Опт (10 companies), Розница (3), Сеть (2). Ромашка has an INN, an owner and contacts.
 */
export const BASE_CSV = [
  "компания;сегмент;инн;ответственный;телефон;email",
  "ООО Ромашка;Опт;7701234567;@ivan_m;+7 495 123-45-67;info@romashka.ru",
  "ООО Василёк;Опт;;;;",
  "АО Берёза;Опт;;;;",
  "ИП Петров;Опт;;;;",
  "ООО Одуванчик;Опт;;;;",
  "ООО Мак;Опт;;;;",
  "ООО Астра;Опт;;;;",
  "ООО Пион;Опт;;;;",
  "ООО Лилия;Опт;;;;",
  "ООО Ирис;Опт;;;;",
  "ООО Ландыш;Розница;;;;",
  "ООО Клевер;Розница;;;;",
  "ООО Тюльпан;Розница;;;;",
  "ООО Гвоздика;Сеть;;;;",
  "ООО Хризантема;Сеть;;;;",
].join("\n");

/** Loads BASE_CSV through the founder's chat. */
export async function loadBase(team: BaseTeam): Promise<void> {
  const [reply] = await sendCsv(team.h, team.founder, BASE_CSV);
  if (!reply?.text?.includes("Новых компаний: 15")) throw new Error(`base not loaded: ${reply?.text}`);
}

const TABLES = [
  "segments",
  "segment_unpauses",
  "companies",
  "company_events",
  "deals",
  "burn_period_companies",
  "burn_period_days",
  "segment_days",
  "segment_months",
  "segment_totals",
  "segment_weeks",
  "outbox",
];

/** Every row the lead base writes (and the outbox), to prove that a refused command wrote nothing. */
export function baseRows(h: Harness): unknown[] {
  // Some counter tables have no rowid: compare sorted rows.
  return TABLES.map((table) => h.db.prepare(`SELECT * FROM ${table}`).all().map((row) => JSON.stringify(row)).sort());
}

/** Message text with no-break spaces made plain, so expectations read naturally. */
export function said(message: { text?: string } | undefined): string {
  return (message?.text ?? "").replace(/[\u00a0\u202f]/g, " ");
}

/** The callback data of the button whose data contains `part`. */
export function buttonData(message: SentMessage | undefined, part: string): string {
  const data = message?.buttons.map((b) => ("callback_data" in b ? b.callback_data : undefined)).find((d) => d?.includes(part));
  if (!data) throw new Error(`no button ${part} on: ${message?.text} ${JSON.stringify(message?.buttons)}`);
  return data;
}

/** Button texts of a message, in order. */
export function buttonTexts(message: SentMessage | undefined): string[] {
  return (message?.buttons ?? []).map((b) => b.text);
}

/** The team's company row by name. */
export function companyRow(h: Harness, name: string): { id: number; status: string; segment_id: number; cooling_until_day: string | null } {
  const row = h.db.prepare("SELECT id, status, segment_id, cooling_until_day FROM companies WHERE name = ?").get(name) as
    | { id: number; status: string; segment_id: number; cooling_until_day: string | null }
    | undefined;
  if (!row) throw new Error(`no company ${name}`);
  return row;
}

/** The company's events, oldest first, in a compact shape. */
export function eventsOf(h: Harness, name: string): { kind: string; reason: string | null; attempted: string | null; lost: number; comment: string | null; member: string | null }[] {
  return h.db
    .prepare(
      `SELECT e.kind, e.reason, e.attempted, e.lost, e.comment, m.username AS member
         FROM company_events e JOIN companies c ON c.id = e.company_id LEFT JOIN members m ON m.id = e.member_id
        WHERE c.name = ? ORDER BY e.id`,
    )
    .all(name) as { kind: string; reason: string | null; attempted: string | null; lost: number; comment: string | null; member: string | null }[];
}
