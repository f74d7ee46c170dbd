/**
 * Team settings (/settings): one validator per setting, shared by the text subcommands
 * (`/settings cutoff 18:00`) and, later, by the inline menu. Pure: no SQL, no grammY; "today" is passed in.
 *
 * Every parser returns a `SettingResult`: either the complete new value to store (`SettingChange`) or an
 * error code the bot turns into a clear message. Nothing here writes anything.
 */
import { canonicalTimeZone, parseHm, type TeamCalendar } from "./calendar.js";
import { CRM_REASON_KEYS, parseCrmReasonKey, parseCrmWords } from "./crm-reasons.js";
import type { CrmReasonOverrides } from "./crm-reasons.js";
import { parseUserDate } from "./period.js";

/** The settings a team can change, as the validators see them (db Team extends it). */
export type TeamSettings = {
  timezone: string;
  locale: "ru" | "en";
  checkupTime: string;
  cutoffTime: string;
  /** ISO weekdays, Monday = 1 … Sunday = 7. */
  workingDays: number[];
  /** 'YYYY-MM-DD', sorted. */
  holidays: string[];
  /** ISO country code whose public holidays apply, e.g. 'RU'. */
  country: string;
  /** Days worked on top of the working weekdays (a working Saturday), 'YYYY-MM-DD', sorted. */
  extraWorkdays: string[];
  /** The handling window: whole working days after the refusal's day. */
  handlingDays: number;
  cooldownDays: number;
  /** Fractions in (0, 1]. */
  burnThreshold: number;
  pauseThreshold: number;
  /** Reasons the founder added on top of the built-in ones. */
  closeReasons: string[];
  /** The most data rows one /import file may have. */
  importRowCap: number;
  /** Companies contacted in a month before burn high or the sweet lie is judged. */
  minContacted: number;
  /** The founder's weekly summary is sent. */
  founderSummary: boolean;
  /** The lead's weekly team summary is sent. */
  leadSummary: boolean;
  /** The founder's words for the CRM's failure stages and loss reasons (src/domain/crm-reasons.ts). */
  crmReasons: CrmReasonOverrides;
  /** amoCRM's company field that carries the segment. */
  crmSegmentField: string;
};

/** A validated change, ready to be stored. List settings carry the whole new list. */
export type SettingChange =
  | { setting: "timezone"; value: string }
  | { setting: "checkupTime"; value: string }
  | { setting: "cutoffTime"; value: string }
  | { setting: "workingDays"; value: number[] }
  | { setting: "holidays"; value: string[] }
  | { setting: "extraWorkdays"; value: string[] }
  | { setting: "country"; value: string }
  | { setting: "handlingDays"; value: number }
  | { setting: "cooldownDays"; value: number }
  | { setting: "burnThreshold"; value: number }
  | { setting: "pauseThreshold"; value: number }
  | { setting: "closeReasons"; value: string[] }
  | { setting: "importRowCap"; value: number }
  | { setting: "locale"; value: "ru" | "en" }
  | { setting: "minContacted"; value: number }
  | { setting: "founderSummary"; value: boolean }
  | { setting: "leadSummary"; value: boolean }
  | { setting: "crmReasons"; value: CrmReasonOverrides }
  | { setting: "crmSegmentField"; value: string };

export type SettingName = SettingChange["setting"];

/**
 * Why a value was refused:
 * - `unknown-setting`: the first word names no setting;
 * - `invalid`: the value does not parse for this setting (the reply shows the setting's usage);
 * - `cutoff-not-after-checkup`: the check-up time would not be before the cut-off;
 * - `builtin-reason`: that close reason is always allowed and cannot be added or removed;
 * - `reason-exists` / `reason-missing`: adding a reason that is there, removing one that is not;
 * - `holiday-missing`: removing a day that is not in the list;
 * - `workday-missing`: removing an extra working day that is not in the list.
 */
export type SettingErrorCode =
  | "unknown-setting"
  | "invalid"
  | "cutoff-not-after-checkup"
  | "builtin-reason"
  | "reason-exists"
  | "reason-missing"
  | "holiday-missing"
  | "workday-missing";

export type SettingResult =
  | { ok: true; change: SettingChange }
  | { ok: false; code: SettingErrorCode; /** the setting the text was about, when known */ key?: SettingKey; detail?: string };

/** Close reasons that are always allowed; the founder adds others in settings. */
export const BUILTIN_CLOSE_REASONS = ["dm_died", "business_closed"] as const;

export const HANDLING_DAYS = { min: 1, max: 30 } as const;
/** Rows one /import file may have: enough for any real base, and a bound on the memory one import takes. */
export const IMPORT_ROW_CAP = { min: 100, max: 500_000, default: 200_000 } as const;
export const COOLDOWN_DAYS = { min: 1, max: 3650 } as const;
/** Thresholds are whole or fractional percents from 1% to 100%. */
export const THRESHOLD_BP = { min: 100, max: 10_000 } as const;
/** Most holidays a team keeps; enough for several years of public holidays. */
export const MAX_HOLIDAYS = 200;
export const MAX_CLOSE_REASONS = 30;
/** The sample burn verdicts wait for: from 1 company contacted in the month to 10 000. */
export const MIN_CONTACTED = { min: 1, max: 10_000 } as const;

/** Validates an IANA time zone typed in any case; returns its canonical spelling or null. */
export function parseTimezoneSetting(text: string): string | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(trimmed)) return null;
  const canonical = canonicalTimeZone(trimmed);
  // Intl accepts offsets like "+03:00" and a few aliases; only named zones are useful for a team.
  return canonical !== null && (canonical.includes("/") || canonical === "UTC") ? canonical : null;
}

/** Validates a wall time 'H:MM' / 'HH:MM' (also 'H.MM'); returns 'HH:MM' or null. */
export function parseTimeSetting(text: string): string | null {
  const hm = parseHm(text.trim().replace(".", ":"));
  return hm ? `${String(hm.hour).padStart(2, "0")}:${String(hm.minute).padStart(2, "0")}` : null;
}

const WEEKDAY_NAMES: Record<string, number> = {
  mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7,
  mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6, su: 7,
  пн: 1, вт: 2, ср: 3, чт: 4, пт: 5, сб: 6, вс: 7,
};

function weekdayOf(token: string): number | null {
  const t = token.trim().toLowerCase();
  if (/^[1-7]$/.test(t)) return Number(t);
  return WEEKDAY_NAMES[t] ?? null;
}

/**
 * Validates working weekdays: ISO numbers or short names, single days and ranges separated by commas or
 * spaces — `1-5`, `1,2,3,4,5`, `1-3 5`, `mon-fri`, `пн-пт`, `пн,ср,пт`. Returns the sorted distinct days or
 * null; an empty week, a reversed range (`5-1`) and anything but 1..7 are refused.
 */
export function parseWorkingDaysSetting(text: string): number[] | null {
  const parts = text.trim().split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const days = new Set<number>();
  for (const part of parts) {
    const range = /^([^-–]+)[-–]([^-–]+)$/.exec(part);
    if (range) {
      const from = weekdayOf(range[1]!);
      const to = weekdayOf(range[2]!);
      if (from === null || to === null || from > to) return null;
      for (let d = from; d <= to; d++) days.add(d);
    } else {
      const day = weekdayOf(part);
      if (day === null) return null;
      days.add(day);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * Parses one or more days for the holiday list, separated by commas or spaces, each `dd.mm` (in the year of
 * `today`), `dd.mm.yyyy` or `yyyy-mm-dd`. Returns the sorted distinct days or null when any is not a real day.
 */
export function parseHolidayDates(text: string, today: string): string[] | null {
  const parts = text.trim().split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_HOLIDAYS) return null;
  const days = new Set<string>();
  for (const part of parts) {
    const day = parseUserDate(part, today);
    if (day === null) return null;
    days.add(day);
  }
  return [...days].sort();
}

/** Validates a country as an ISO 3166 alpha-2 code (`RU`, `kz`; also `россия`); returns it upper-cased or null. */
export function parseCountrySetting(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (t === "россия" || t === "рф" || t === "russia") return "RU";
  return /^[a-z]{2}$/.test(t) ? t.toUpperCase() : null;
}

/** The team's working-day calendar: weekdays, country, and the founder's days off and extra working days. */
export function teamCalendar(team: TeamCalendar & Pick<TeamSettings, "country" | "extraWorkdays">): TeamCalendar {
  return {
    timezone: team.timezone,
    workingDays: team.workingDays,
    holidays: team.holidays,
    country: team.country,
    extraWorkdays: team.extraWorkdays,
  };
}

/**
 * Edits a list of days with `add <days>` / `remove <days>`, or replaces it with `<days>`, or clears it with
 * `none`. Returns the new sorted list, or the error: `invalid`, or the first removed day that is not listed.
 */
function editDayList(text: string, current: string[], today: string): string[] | { invalid: true } | { missing: string } {
  const [first = "", ...rest] = text.split(/\s+/);
  const op = first.toLowerCase();
  if (CLEAR_WORDS.includes(op) && rest.length === 0) return [];
  const isAdd = ADD_WORDS.includes(op);
  const isRemove = REMOVE_WORDS.includes(op);
  const days = parseHolidayDates(isAdd || isRemove ? rest.join(" ") : text, today);
  if (!days) return { invalid: true };
  let next: string[];
  if (isAdd) next = [...new Set([...current, ...days])].sort();
  else if (isRemove) {
    const missing = days.find((day) => !current.includes(day));
    if (missing) return { missing };
    next = current.filter((day) => !days.includes(day));
  } else next = days;
  return next.length > MAX_HOLIDAYS ? { invalid: true } : next;
}

function parseWholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim().replace(/\s*(h|ч|час(а|ов)?|d|д|дн(я|ей)?|days?|hours?)$/iu, "");
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/**
 * Validates the handling window in whole working days (`2`, `2d`, `2 дня`, `2 рабочих дня`), 1..30. Hours are
 * refused rather than read as days: the window used to be set in hours, and `48` days is never meant.
 */
export function parseHandlingDaysSetting(text: string): number | null {
  const t = text.trim().replace(/\s*(рабочих\s+|рабочий\s+|working\s+)?(d|д|дн(я|ей)?|день|days?)$/iu, "");
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = Number(t);
  return n >= HANDLING_DAYS.min && n <= HANDLING_DAYS.max ? n : null;
}

/** Validates the cooldown in whole days (`90`, `90d`, `90 дней`), 1..3650. */
export function parseCooldownSetting(text: string): number | null {
  return parseWholeNumber(text, COOLDOWN_DAYS.min, COOLDOWN_DAYS.max);
}

/**
 * Parses a percentage into basis points (1% = 100): `30%`, `30`, `12.5%`, `12,5 %`; a number below 1 with a
 * decimal point and no percent sign is read as a fraction (`0.3` = 30%). At most two decimals of a percent.
 * Returns null for anything else or outside `min..max` basis points (default 0..10 000).
 */
export function parsePercentBp(text: string, min = 0, max = 10_000): number | null {
  const t = text.trim().replace(",", ".");
  const percent = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%$/.exec(t) ?? /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(t);
  if (!percent) return null;
  let bp: number;
  if (!t.endsWith("%") && percent[1] === "0" && percent[2] !== undefined) {
    // "0.3" → 30%; "0.05" → 5%.
    bp = Number(percent[2].padEnd(2, "0")) * 100;
  } else {
    bp = Number(percent[1]) * 100 + Number((percent[2] ?? "").padEnd(2, "0"));
  }
  return bp >= min && bp <= max ? bp : null;
}

/** Validates a burn or pause threshold: a percentage from 1% to 100%, returned as a fraction (0.3). */
export function parseThresholdSetting(text: string): number | null {
  const bp = parsePercentBp(text, THRESHOLD_BP.min, THRESHOLD_BP.max);
  return bp === null ? null : bp / 10_000;
}

/**
 * Validates a close reason key: 2..40 letters, digits or underscores (any alphabet), lower-cased; spaces and
 * dashes become underscores (`ЛПР уволен` → `лпр_уволен`). Returns null for anything else.
 */
export function parseCloseReasonKey(text: string): string | null {
  const key = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return /^[\p{L}\p{N}_]{2,40}$/u.test(key) && /[\p{L}\p{N}]/u.test(key) ? key : null;
}

/** Validates the team language: `ru`/`en` (also `русский`, `english`). */
export function parseLanguageSetting(text: string): "ru" | "en" | null {
  const t = text.trim().toLowerCase();
  if (t === "ru" || t === "русский" || t === "рус") return "ru";
  if (t === "en" || t === "english" || t === "английский" || t === "eng") return "en";
  return null;
}

/** Validates on/off (`on`, `off`, `вкл`, `выкл`, `да`, `нет`). */
export function parseSwitchSetting(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (["on", "yes", "вкл", "включить", "да"].includes(t)) return true;
  if (["off", "no", "выкл", "выключить", "нет"].includes(t)) return false;
  return null;
}

/** The words that name each setting in `/settings <word> <value>` (English keys plus Russian aliases). */
export const SETTING_KEYS = {
  timezone: ["timezone", "tz", "часовой_пояс", "пояс"],
  checkup: ["checkup", "чекап", "опрос"],
  cutoff: ["cutoff", "отсечка", "срез"],
  workdays: ["workdays", "working_days", "рабочие_дни"],
  country: ["country", "страна"],
  holidays: ["holidays", "праздники", "выходные"],
  window: ["handling_days", "window", "handling_window", "окно", "дни_отработки"],
  cooldown: ["cooldown", "охлаждение"],
  burn: ["burn", "burn_threshold", "выжигание"],
  pause: ["pause", "pause_threshold", "пауза"],
  close_reasons: ["close_reasons", "close", "причины_закрытия", "причины"],
  language: ["language", "lang", "язык"],
  min_contacted: ["min_contacted", "мин_контактов"],
  weekly_summary: ["weekly_summary", "сводка"],
  team_summary: ["team_summary", "сводка_команды"],
  import_rows: ["import_rows", "import_limit", "строк_импорта", "импорт"],
  crm_reasons: ["crm_reasons", "причины_crm"],
  crm_segment_field: ["crm_segment_field", "поле_сегмента"],
} as const;

export type SettingKey = keyof typeof SETTING_KEYS;

/** The setting a typed word names, or null. */
export function settingKeyOf(word: string): SettingKey | null {
  const w = word.trim().toLowerCase();
  for (const [key, words] of Object.entries(SETTING_KEYS) as [SettingKey, readonly string[]][]) {
    if (words.includes(w)) return key;
  }
  return null;
}

const ADD_WORDS = ["add", "+", "добавить"];
const REMOVE_WORDS = ["remove", "delete", "del", "-", "удалить", "убрать"];
const CLEAR_WORDS = ["none", "clear", "нет", "очистить"];
const RESET_WORDS = ["reset", "default", "сброс", "сбросить", "по_умолчанию"];
/** The longest name of amoCRM's segment field. */
export const MAX_SEGMENT_FIELD = 100;

/**
 * Validates `value` for the setting `key` against the current settings and returns the complete new value.
 * This is the one place the text command and the inline menu both go through.
 *
 * - `holidays`: `add <days>` / `remove <days>` edit the list; `<days>` alone replaces it; `none` clears it;
 * - `workdays`: weekdays (`1-5`) set the working week; dates edit the extra working days like `holidays`;
 * - `close_reasons`: `add <key>` / `remove <key>`; built-in reasons cannot be added or removed;
 * - `checkup` must stay before `cutoff` and vice versa;
 * - `crm_reasons`: `<reason> <word, word…>` replaces one reason's words, `<reason> reset` restores them, `reset`
 *   restores all.
 */
export function validateSetting(key: SettingKey, value: string, current: TeamSettings, today: string): SettingResult {
  const fail = (code: SettingErrorCode, detail?: string): SettingResult => ({ ok: false, code, key, ...(detail ? { detail } : {}) });
  const ok = (change: SettingChange): SettingResult => ({ ok: true, change });
  const text = value.trim();
  if (text === "") return fail("invalid");
  switch (key) {
    case "timezone": {
      const tz = parseTimezoneSetting(text);
      return tz ? ok({ setting: "timezone", value: tz }) : fail("invalid");
    }
    case "checkup":
    case "cutoff": {
      const time = parseTimeSetting(text);
      if (!time) return fail("invalid");
      const checkup = key === "checkup" ? time : current.checkupTime;
      const cutoff = key === "cutoff" ? time : current.cutoffTime;
      if (cutoff <= checkup) return fail("cutoff-not-after-checkup");
      return ok(key === "checkup" ? { setting: "checkupTime", value: time } : { setting: "cutoffTime", value: time });
    }
    case "workdays": {
      const days = parseWorkingDaysSetting(text);
      if (days) return ok({ setting: "workingDays", value: days });
      // Dates rather than weekdays: the founder's extra working days (`add 06.06`, `remove 06.06`, `none`).
      const next = editDayList(text, current.extraWorkdays, today);
      if ("invalid" in next) return fail("invalid");
      if ("missing" in next) return fail("workday-missing", next.missing);
      return ok({ setting: "extraWorkdays", value: next });
    }
    case "holidays": {
      const next = editDayList(text, current.holidays, today);
      if ("invalid" in next) return fail("invalid");
      if ("missing" in next) return fail("holiday-missing", next.missing);
      return ok({ setting: "holidays", value: next });
    }
    case "country": {
      const country = parseCountrySetting(text);
      return country ? ok({ setting: "country", value: country }) : fail("invalid");
    }
    case "window": {
      const days = parseHandlingDaysSetting(text);
      return days === null ? fail("invalid") : ok({ setting: "handlingDays", value: days });
    }
    case "cooldown": {
      const days = parseCooldownSetting(text);
      return days === null ? fail("invalid") : ok({ setting: "cooldownDays", value: days });
    }
    case "burn":
    case "pause": {
      const fraction = parseThresholdSetting(text);
      if (fraction === null) return fail("invalid");
      return ok(key === "burn" ? { setting: "burnThreshold", value: fraction } : { setting: "pauseThreshold", value: fraction });
    }
    case "close_reasons": {
      const [first = "", ...rest] = text.split(/\s+/);
      const op = first.toLowerCase();
      const isAdd = ADD_WORDS.includes(op);
      const isRemove = REMOVE_WORDS.includes(op);
      if (!isAdd && !isRemove) return fail("invalid");
      const reason = parseCloseReasonKey(rest.join(" "));
      if (!reason) return fail("invalid");
      if ((BUILTIN_CLOSE_REASONS as readonly string[]).includes(reason)) return fail("builtin-reason", reason);
      if (isAdd) {
        if (current.closeReasons.includes(reason)) return fail("reason-exists", reason);
        if (current.closeReasons.length >= MAX_CLOSE_REASONS) return fail("invalid");
        return ok({ setting: "closeReasons", value: [...current.closeReasons, reason] });
      }
      if (!current.closeReasons.includes(reason)) return fail("reason-missing", reason);
      return ok({ setting: "closeReasons", value: current.closeReasons.filter((r) => r !== reason) });
    }
    case "language": {
      const locale = parseLanguageSetting(text);
      return locale ? ok({ setting: "locale", value: locale }) : fail("invalid");
    }
    case "import_rows": {
      const digits = text.replace(/[\s\u00a0\u202f_]/g, "");
      const rows = /^\d{1,7}$/.test(digits) ? Number(digits) : NaN;
      return rows >= IMPORT_ROW_CAP.min && rows <= IMPORT_ROW_CAP.max ? ok({ setting: "importRowCap", value: rows }) : fail("invalid");
    }
    case "min_contacted": {
      const count = parseWholeNumber(text, MIN_CONTACTED.min, MIN_CONTACTED.max);
      return count === null ? fail("invalid") : ok({ setting: "minContacted", value: count });
    }
    case "weekly_summary":
    case "team_summary": {
      const on = parseSwitchSetting(text);
      if (on === null) return fail("invalid");
      return ok(key === "weekly_summary" ? { setting: "founderSummary", value: on } : { setting: "leadSummary", value: on });
    }
    case "crm_reasons":
      return parseCrmReasonsSetting(text, current.crmReasons) ?? fail("invalid");
    case "crm_segment_field": {
      const field = text.replace(/\s+/g, " ");
      return field.length <= MAX_SEGMENT_FIELD ? ok({ setting: "crmSegmentField", value: field }) : fail("invalid");
    }
  }
}

function parseCrmReasonsSetting(text: string, current: CrmReasonOverrides): SettingResult | null {
  if (RESET_WORDS.includes(text.toLowerCase())) return { ok: true, change: { setting: "crmReasons", value: {} } };
  const match = /^(\S+)\s+([\s\S]+)$/.exec(text);
  const reason = match ? parseCrmReasonKey(match[1]!) : null;
  if (!match || reason === null) return null;
  const next: CrmReasonOverrides = {};
  // Kept in the map's own order, so the stored JSON does not depend on the order of edits.
  for (const key of CRM_REASON_KEYS) if (key !== reason && current[key]) next[key] = current[key];
  if (RESET_WORDS.includes(match[2]!.trim().toLowerCase())) return { ok: true, change: { setting: "crmReasons", value: next } };
  const words = parseCrmWords(match[2]!);
  if (words === null) return null;
  next[reason] = words;
  return { ok: true, change: { setting: "crmReasons", value: next } };
}

/**
 * Parses the text after `/settings`: `<setting> <value...>`. An unknown first word gives `unknown-setting`;
 * a known one without a value gives `invalid` with the key (the reply shows that setting's usage).
 */
export function parseSettingsCommand(args: string, current: TeamSettings, today: string): SettingResult {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
  if (!match) return { ok: false, code: "unknown-setting" };
  const key = settingKeyOf(match[1]!);
  if (!key) return { ok: false, code: "unknown-setting", detail: match[1]! };
  return validateSetting(key, match[2] ?? "", current, today);
}

/** Formats ISO weekdays compactly with ranges: [1,2,3,4,5] → '1-5', [1,2,3,5] → '1-3,5'. */
export function formatWorkingDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(","));
    i = j + 1;
  }
  return parts.join(",");
}

