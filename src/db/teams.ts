import type { Db } from "./open.js";
import { crmOverridesOf } from "../domain/crm-reasons.js";
import type { CrmReasonOverrides } from "../domain/crm-reasons.js";
import type { TeamSettings } from "../domain/settings.js";
import { prepared } from "./statements.js";

/** A team row: the settings the founder changes, plus identity and where alerts go. */
export interface Team extends TeamSettings {
  id: number;
  name: string;
  currency: string;
  alertChatId: number | null;
}

export interface TeamRow {
  id: number;
  name: string;
  timezone: string;
  locale: string;
  currency: string;
  checkup_time: string;
  cutoff_time: string;
  working_days: string;
  holidays: string;
  country: string;
  extra_workdays: string;
  handling_days: number;
  cooldown_days: number;
  burn_threshold: number;
  pause_threshold: number;
  close_reasons: string;
  import_row_cap: number;
  crm_reasons: string | null;
  crm_segment_field: string;
  alert_chat_id: number | null;
  min_contacted: number;
  founder_summary: number;
  lead_summary: number;
}

function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    locale: row.locale === "en" ? "en" : "ru",
    currency: row.currency,
    checkupTime: row.checkup_time,
    cutoffTime: row.cutoff_time,
    workingDays: row.working_days.split(",").filter(Boolean).map(Number),
    holidays: JSON.parse(row.holidays) as string[],
    country: row.country,
    extraWorkdays: JSON.parse(row.extra_workdays) as string[],
    handlingDays: row.handling_days,
    cooldownDays: row.cooldown_days,
    burnThreshold: row.burn_threshold,
    pauseThreshold: row.pause_threshold,
    closeReasons: JSON.parse(row.close_reasons) as string[],
    importRowCap: row.import_row_cap,
    crmReasons: crmOverridesOf(row.crm_reasons),
    crmSegmentField: row.crm_segment_field,
    alertChatId: row.alert_chat_id,
    minContacted: row.min_contacted,
    founderSummary: row.founder_summary === 1,
    leadSummary: row.lead_summary === 1,
  };
}

/** The team this process serves; created with the configured defaults on first start. */
export function ensureTeam(
  db: Db,
  id: number,
  defaults: { timezone: string; locale: string; country?: string },
  now: number,
): Team {
  prepared(db, "INSERT OR IGNORE INTO teams (id, timezone, locale, country, created_at) VALUES (?, ?, ?, ?, ?)").run(
    id,
    defaults.timezone,
    defaults.locale,
    defaults.country ?? "RU",
    now,
  );
  return getTeam(db, id)!;
}

export function getTeam(db: Db, id: number): Team | undefined {
  const row = prepared(db, "SELECT * FROM teams WHERE id = ?").get(id) as TeamRow | undefined;
  return row && toTeam(row);
}

const SETTING_COLUMNS = {
  timezone: "timezone",
  locale: "locale",
  currency: "currency",
  country: "country",
  checkupTime: "checkup_time",
  cutoffTime: "cutoff_time",
  handlingDays: "handling_days",
  cooldownDays: "cooldown_days",
  burnThreshold: "burn_threshold",
  pauseThreshold: "pause_threshold",
  importRowCap: "import_row_cap",
  crmSegmentField: "crm_segment_field",
  alertChatId: "alert_chat_id",
  minContacted: "min_contacted",
  founderSummary: "founder_summary",
  leadSummary: "lead_summary",
} as const;

export type ScalarSetting = keyof typeof SETTING_COLUMNS;

export function updateTeamSetting(db: Db, teamId: number, key: ScalarSetting, value: string | number | boolean | null): void {
  prepared(db, `UPDATE teams SET ${SETTING_COLUMNS[key]} = ? WHERE id = ?`).run(typeof value === "boolean" ? Number(value) : value, teamId);
}

export function setWorkingDays(db: Db, teamId: number, days: number[]): void {
  prepared(db, "UPDATE teams SET working_days = ? WHERE id = ?").run([...new Set(days)].sort().join(","), teamId);
}

export function setHolidays(db: Db, teamId: number, holidays: string[]): void {
  prepared(db, "UPDATE teams SET holidays = ? WHERE id = ?").run(JSON.stringify([...new Set(holidays)].sort()), teamId);
}

export function setExtraWorkdays(db: Db, teamId: number, days: string[]): void {
  prepared(db, "UPDATE teams SET extra_workdays = ? WHERE id = ?").run(JSON.stringify([...new Set(days)].sort()), teamId);
}

export function setCloseReasons(db: Db, teamId: number, reasons: string[]): void {
  prepared(db, "UPDATE teams SET close_reasons = ? WHERE id = ?").run(JSON.stringify([...new Set(reasons)]), teamId);
}

/** The founder's words for the CRM's stage names; an empty map is stored as NULL (all built in). */
export function setCrmReasons(db: Db, teamId: number, overrides: CrmReasonOverrides): void {
  const json = Object.keys(overrides).length === 0 ? null : JSON.stringify(overrides);
  prepared(db, "UPDATE teams SET crm_reasons = ? WHERE id = ?").run(json, teamId);
}
