/**
 * The texts of the team settings — the settings message, a saved change, a refused value — and saving a
 * validated change. The /settings command and its inline menu both use them.
 */
import type { Translate } from "../../shared/i18n.js";
import type { Db } from "../../db/open.js";
import { setCloseReasons, setCrmReasons, setExtraWorkdays, setHolidays, setWorkingDays, updateTeamSetting, type Team } from "../../db/teams.js";
import { localDate, localTime } from "../../domain/calendar.js";
import { CRM_REASON_KEYS, crmReasonWords, type CrmReasonOverrides } from "../../domain/crm-reasons.js";
import { BUILTIN_CLOSE_REASONS, type SettingChange, type SettingKey, type SettingResult } from "../../domain/settings.js";
import { formatDay, formatPercent } from "../../shared/format.js";

/** Stores a validated change. */
export function saveSetting(db: Db, teamId: number, change: SettingChange): void {
  switch (change.setting) {
    case "workingDays":
      return setWorkingDays(db, teamId, change.value);
    case "holidays":
      return setHolidays(db, teamId, change.value);
    case "extraWorkdays":
      return setExtraWorkdays(db, teamId, change.value);
    case "closeReasons":
      return setCloseReasons(db, teamId, change.value);
    case "crmReasons":
      return setCrmReasons(db, teamId, change.value);
    default:
      return updateTeamSetting(db, teamId, change.setting, change.value);
  }
}

/** Weekdays by name: [1,2,3,4,5] → 'пн, вт, ср, чт, пт'. */
export function weekdaysText(t: Translate, days: number[]): string {
  return days.map((d) => t(`settings-weekday-${d}`)).join(", ");
}

const SHOWN_HOLIDAYS = 20;

/** Upcoming holidays (from `today`), at most 20, with a count of the rest. */
export function holidaysText(t: Translate, holidays: string[], today: string): string {
  const upcoming = holidays.filter((h) => h >= today);
  const past = holidays.length - upcoming.length;
  const parts: string[] = [];
  if (upcoming.length === 0) parts.push(t("settings-holidays-none"));
  else parts.push(upcoming.slice(0, SHOWN_HOLIDAYS).map(formatDay).join(", "));
  if (upcoming.length > SHOWN_HOLIDAYS) parts.push(t("settings-holidays-more", { count: upcoming.length - SHOWN_HOLIDAYS }));
  if (past > 0) parts.push(t("settings-holidays-past", { count: past }));
  return parts.join(" ");
}

/** The team's country by what its calendar holds. */
export function countryText(t: Translate, country: string): string {
  return country === "RU" ? t("settings-country-ru") : t("settings-country-other", { country });
}

/** Extra working days from `today` on, or 'none'. */
export function extraWorkdaysText(t: Translate, days: string[], today: string): string {
  const upcoming = days.filter((d) => d >= today);
  return upcoming.length === 0 ? t("settings-extra-workdays-none") : upcoming.map(formatDay).join(", ");
}

/** Built-in close reasons by their labels (ЛПР умер…; the keys are for typing), then the team's own as added. */
export function closeReasonsText(t: Translate, reasons: string[]): string {
  return [...BUILTIN_CLOSE_REASONS.map((key) => t(`base-reason-${key}`)), ...reasons].join(", ");
}

/** The CRM word map, one reason a line: "цена: цен, дорог, бюджет". */
export function crmReasonsText(t: Translate, overrides: CrmReasonOverrides): string {
  const words = crmReasonWords(overrides);
  return CRM_REASON_KEYS.map((key) => `${t(`settings-crm-reason-${key}`)}: ${words[key].join(", ")}`).join("\n");
}

export function switchText(t: Translate, on: boolean): string {
  return t(on ? "settings-switch-on" : "settings-switch-off");
}

/** The alert settings' line of the settings message. */
export function alertSettingsText(t: Translate, team: Team): string {
  return t("settings-alerts", { min: team.minContacted, founder: switchText(t, team.founderSummary), lead: switchText(t, team.leadSummary) });
}

/** Every setting with its current value and how to change it. */
export function settingsText(t: Translate, team: Team, now: number): string {
  const today = localDate(now, team.timezone);
  return t("settings-show", {
    timezone: team.timezone,
    localTime: localTime(now, team.timezone),
    checkup: team.checkupTime,
    cutoff: team.cutoffTime,
    workdays: weekdaysText(t, team.workingDays),
    holidays: holidaysText(t, team.holidays, today),
    window: team.handlingDays,
    cooldown: team.cooldownDays,
    burn: formatPercent(team.burnThreshold, 2),
    pause: formatPercent(team.pauseThreshold, 2),
    reasons: closeReasonsText(t, team.closeReasons),
    language: t(`settings-language-${team.locale}`),
  }) + `\n\n${t("settings-calendar", { country: countryText(t, team.country), extra: extraWorkdaysText(t, team.extraWorkdays, today) })}\n\n${alertSettingsText(t, team)}` +
    `\n${t("settings-import-rows", { value: team.importRowCap })}\n${t("settings-crm", { field: team.crmSegmentField })}`;
}

/** The confirmation after a change, naming the setting and its new value. */
export function settingSavedText(t: Translate, change: SettingChange, team: Team, now: number): string {
  const today = localDate(now, team.timezone);
  switch (change.setting) {
    case "timezone":
      return t("settings-saved-timezone", { value: change.value, localTime: localTime(now, change.value) });
    case "checkupTime":
      return t("settings-saved-checkup", { value: change.value });
    case "cutoffTime":
      return t("settings-saved-cutoff", { value: change.value });
    case "workingDays":
      return t("settings-saved-workdays", { value: weekdaysText(t, change.value) });
    case "holidays":
      return t("settings-saved-holidays", { value: holidaysText(t, change.value, today) });
    case "extraWorkdays":
      return t("settings-saved-extra-workdays", { value: extraWorkdaysText(t, change.value, today) });
    case "country":
      return t("settings-saved-country", { value: countryText(t, change.value) });
    case "handlingDays":
      return t("settings-saved-window", { value: change.value });
    case "cooldownDays":
      return t("settings-saved-cooldown", { value: change.value });
    case "burnThreshold":
      return t("settings-saved-burn", { value: formatPercent(change.value, 2) });
    case "pauseThreshold":
      return t("settings-saved-pause", { value: formatPercent(change.value, 2) });
    case "closeReasons":
      return t("settings-saved-close-reasons", { value: closeReasonsText(t, change.value) });
    case "locale":
      return t("settings-saved-language", { value: t(`settings-language-${change.value}`) });
    case "importRowCap":
      return t("settings-saved-import-rows", { value: change.value });
    case "minContacted":
      return t("settings-saved-min-contacted", { value: change.value });
    case "founderSummary":
      return t("settings-saved-weekly-summary", { value: switchText(t, change.value) });
    case "leadSummary":
      return t("settings-saved-team-summary", { value: switchText(t, change.value) });
    case "crmReasons":
      return t("settings-saved-crm-reasons", { value: crmReasonsText(t, change.value) });
    case "crmSegmentField":
      return t("settings-saved-crm-segment-field", { value: change.value });
  }
}

function usageOf(t: Translate, key: SettingKey): string {
  return t(`settings-usage-${key.replaceAll("_", "-")}`);
}

/** The reply to a refused value: why, then how to write that setting (or the list of settings). */
export function settingErrorText(t: Translate, result: Extract<SettingResult, { ok: false }>, team: Team): string {
  const usage = result.key ? usageOf(t, result.key) : t("settings-usage");
  switch (result.code) {
    case "unknown-setting":
      return result.detail ? `${t("settings-error-unknown", { name: result.detail })}\n${usage}` : usage;
    case "invalid":
      return `${t("settings-error-invalid")}\n${usage}`;
    case "cutoff-not-after-checkup":
      return t("settings-error-cutoff", { checkup: team.checkupTime, cutoff: team.cutoffTime });
    case "builtin-reason":
      return t("settings-error-builtin-reason", { reason: result.detail ?? "" });
    case "reason-exists":
      return t("settings-error-reason-exists", { reason: result.detail ?? "" });
    case "reason-missing":
      return t("settings-error-reason-missing", { reason: result.detail ?? "" });
    case "holiday-missing":
      return t("settings-error-holiday-missing", { date: formatDay(result.detail ?? "") });
    case "workday-missing":
      return t("settings-error-workday-missing", { date: formatDay(result.detail ?? "") });
  }
}
