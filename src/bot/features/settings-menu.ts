/**
 * The /settings inline menu (founder): the settings message carries a button per setting; a button turns
 * the same message into a small step — choices as buttons where there are few, toggles for working days,
 * remove-buttons for holidays and close reasons, or a typed value asked for in a short dialogue.
 *
 * Every change goes through validateSetting and saveSetting exactly like `/settings <what> <value>`: a value
 * that does not fit gets that setting's usage and writes nothing; a saved one is confirmed and the menu message
 * is edited to show the new values. Only the founder's presses do anything.
 */
import { createConversation } from "@grammyjs/conversations";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { getTeam, type Team } from "../../db/teams.js";
import { localDate, localTime } from "../../domain/calendar.js";
import { validateSetting, type SettingChange, type SettingKey, type SettingResult, type TeamSettings } from "../../domain/settings.js";
import { defineCallback, type Callback, type MemberCallbackContext, type MemberContext } from "../feature.js";
import type { ConvContext } from "../context.js";
import type { Translate } from "../../shared/i18n.js";
import { rejectAnswer, waitOrLeave, type BotConversation } from "../conversation-tools.js";
import { isNotModified, pageOf, pagerRow } from "../../shared/telegram/pager.js";
import { callbackData, digit, oneOf, optional, page, text, type CallbackData } from "../../shared/telegram/callback-data.js";
import { closeReasonsText, countryText, crmReasonsText, holidaysText, saveSetting, settingErrorText, settingSavedText, settingsText, switchText, weekdaysText } from "./settings-text.js";
import { formatDay, formatPercent } from "../../shared/format.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";

/** What the menu message shows: its text and its buttons. */
export interface MenuView {
  text: string;
  markup: InlineKeyboardMarkup;
}

/** The main menu's buttons, two settings a row. */
const MENU_ROWS: SettingKey[][] = [
  ["timezone", "language"],
  ["checkup", "cutoff"],
  ["workdays", "holidays"],
  ["window", "cooldown"],
  ["burn", "pause"],
  ["close_reasons"],
];

/** Common values offered as buttons; each goes through the validator like a typed one. */
const CHOICES: Partial<Record<SettingKey, readonly string[]>> = {
  timezone: [
    "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk",
    "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Europe/Minsk", "Asia/Almaty",
    "Asia/Tashkent", "Europe/Berlin", "Europe/London", "UTC",
  ],
  checkup: ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "12:00"],
  cutoff: ["16:00", "17:00", "17:30", "18:00", "18:30", "19:00", "20:00", "21:00"],
  window: ["1", "2", "3", "5"],
  cooldown: ["30", "60", "90", "120", "180", "365"],
  burn: ["10%", "20%", "25%", "30%", "40%", "50%"],
  pause: ["10%", "20%", "25%", "30%", "40%", "50%"],
  language: ["ru", "en"],
};

/** Settings that may be typed in the dialogue; holidays and close reasons are typed to be added. */
const TYPED: readonly SettingKey[] = ["timezone", "checkup", "cutoff", "holidays", "window", "cooldown", "burn", "pause", "close_reasons"];
const ADDED_WHEN_TYPED: readonly SettingKey[] = ["holidays", "close_reasons"];

const HOLIDAY_PAGE = { maxItems: 8 };
const SETTING_KEYS: readonly SettingKey[] = ["timezone", "checkup", "cutoff", "workdays", "holidays", "window", "cooldown", "burn", "pause", "close_reasons", "language"];
const settingKey = oneOf(SETTING_KEYS);

const homeButton = callbackData("set:home");
const doneButton = callbackData("set:done");
/** A setting's step; `page` pages the holidays' remove-buttons. */
const openButton = callbackData("set:open", { key: settingKey, page: optional(page) });
/** A value chosen with a button, validated like a typed one. */
const pickButton = callbackData("set:pick", { key: settingKey, value: text(".{1,40}") });
const weekdayButton = callbackData("set:wd", { day: { ...digit, pattern: "[1-7]" } });
/** Close reasons by a short tag: a reason may be 40 Cyrillic letters, too long for callback data. */
const removeReasonButton = callbackData("set:rr", { tag: text("[0-9a-z]{1,8}") });
const typeButton = callbackData("set:type", { key: settingKey });
const SETTINGS_BUTTONS: CallbackData<unknown>[] = [homeButton, doneButton, openButton, pickButton, weekdayButton, removeReasonButton, typeButton];

function rowsOf<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

function keyName(key: SettingKey): string {
  return key.replace("_", "-");
}

/** A short stable tag of a close reason: its key may be 40 Cyrillic letters, too long for callback data. */
export function reasonTag(reason: string): string {
  let hash = 0x811c9dc5;
  for (const char of reason) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function backRow(t: Translate, back: string): InlineKeyboardButton[] {
  return [button(t("settings-btn-back"), back), button(t("settings-btn-done"), doneButton.pack({}))];
}

/** The main menu's buttons. */
export function menuKeyboard(t: Translate): InlineKeyboardMarkup {
  const rows = MENU_ROWS.map((row) => row.map((key) => button(t(`settings-btn-${keyName(key)}`), openButton.pack({ key }))));
  rows.push([button(t("settings-btn-done"), doneButton.pack({}))]);
  return keyboard(rows);
}

/** The settings message with the menu under it; `notice` (a confirmation) goes on top. */
export function homeView(t: Translate, team: Team, now: number, notice?: string): MenuView {
  const text = settingsText(t, team, now);
  return { text: notice ? `${notice}\n\n${text}` : text, markup: menuKeyboard(t) };
}

/** The value a step shows as current. */
function currentValue(t: Translate, key: SettingKey, team: Team, now: number): string {
  switch (key) {
    case "timezone":
      return t("settings-value-timezone", { timezone: team.timezone, localTime: localTime(now, team.timezone) });
    case "checkup":
      return team.checkupTime;
    case "cutoff":
      return team.cutoffTime;
    case "workdays":
      return weekdaysText(t, team.workingDays);
    case "holidays":
      return holidaysText(t, team.holidays, localDate(now, team.timezone));
    case "window":
      return t("settings-choice-workdays", { value: team.handlingDays });
    case "cooldown":
      return t("settings-choice-days", { value: team.cooldownDays });
    case "burn":
      return formatPercent(team.burnThreshold, 2);
    case "pause":
      return formatPercent(team.pauseThreshold, 2);
    case "close_reasons":
      return closeReasonsText(t, team.closeReasons);
    case "language":
      return t(`settings-language-${team.locale}`);
    case "country":
      return countryText(t, team.country);
    case "import_rows":
      return String(team.importRowCap);
    case "min_contacted":
      return String(team.minContacted);
    case "weekly_summary":
      return switchText(t, team.founderSummary);
    case "team_summary":
      return switchText(t, team.leadSummary);
    case "crm_reasons":
      return crmReasonsText(t, team.crmReasons);
    case "crm_segment_field":
      return team.crmSegmentField;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.round(a * 10_000) === Math.round(b * 10_000);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when choosing `value` would change nothing (the button gets a ✓). */
function isCurrent(key: SettingKey, value: string, team: Team, today: string): boolean {
  const result = validateSetting(key, value, team, today);
  return result.ok && sameValue(result.change.value, (team as TeamSettings)[result.change.setting]);
}

function choiceLabel(t: Translate, key: SettingKey, value: string, now: number): string {
  switch (key) {
    case "timezone":
      return `${value} · ${localTime(now, value)}`;
    case "window":
      return t("settings-choice-workdays", { value });
    case "cooldown":
      return t("settings-choice-days", { value });
    case "language":
      return value === "ru" ? "Русский" : "English";
    default:
      return value;
  }
}

/** The step for one setting; `page` matters only for the holidays' remove-buttons. */
export function stepView(t: Translate, key: SettingKey, team: Team, now: number, page = 0, notice?: string): MenuView {
  const today = localDate(now, team.timezone);
  const lines = [t(`settings-step-${keyName(key)}`, { value: currentValue(t, key, team, now) })];
  const rows: InlineKeyboardButton[][] = [];
  if (key === "workdays") {
    lines.push(t("settings-hint-workdays"));
    const days = [1, 2, 3, 4, 5, 6, 7].map((d) => button(`${team.workingDays.includes(d) ? "✓" : "·"} ${t(`settings-weekday-${d}`)}`, weekdayButton.pack({ day: d })));
    rows.push(days.slice(0, 4), days.slice(4));
    rows.push([button(t("settings-btn-weekdays-1-5"), pickButton.pack({ key: "workdays", value: "1-5" })), button(t("settings-btn-weekdays-1-6"), pickButton.pack({ key: "workdays", value: "1-6" }))]);
  } else if (key === "holidays") {
    lines.push(t("settings-hint-holidays"));
    const upcoming = team.holidays.filter((day) => day >= today);
    const shown = pageOf(upcoming, page, HOLIDAY_PAGE);
    const removes = shown.items.map((day) => button(`✖ ${formatDay(day)}`, pickButton.pack({ key: "holidays", value: `remove ${day}` })));
    rows.push(...rowsOf(removes, 2));
    rows.push(pagerRow(shown, (to) => openButton.pack({ key: "holidays", page: to })));
    rows.push([button(t("settings-btn-add-holidays"), typeButton.pack({ key: "holidays" }))]);
  } else if (key === "close_reasons") {
    lines.push(t("settings-hint-close-reasons"));
    rows.push(...rowsOf(team.closeReasons.map((reason) => button(`✖ ${reason}`, removeReasonButton.pack({ tag: reasonTag(reason) }))), 2));
    rows.push([button(t("settings-btn-add-reason"), typeButton.pack({ key: "close_reasons" }))]);
  } else {
    const choices = CHOICES[key] ?? [];
    const mark = (value: string) => (isCurrent(key, value, team, today) ? "✓ " : "");
    // Zone names are long; times and numbers fit four to a row.
    const perRow = key === "timezone" || key === "language" ? 2 : 4;
    rows.push(...rowsOf(choices.map((value) => button(`${mark(value)}${choiceLabel(t, key, value, now)}`, pickButton.pack({ key, value }))), perRow));
    if (TYPED.includes(key)) {
      lines.push(t("settings-hint-choose"));
      rows.push([button(t("settings-btn-type"), typeButton.pack({ key }))]);
    } else {
      lines.push(t(`settings-hint-${keyName(key)}`));
    }
  }
  rows.push(backRow(t, homeButton.pack({})));
  const text = lines.join("\n");
  return { text: notice ? `${notice}\n\n${text}` : text, markup: keyboard(rows) };
}

/** The prompt of the typed-value dialogue. */
export function promptView(t: Translate, key: SettingKey, team: Team, now: number): MenuView {
  const text = [t(`settings-step-${keyName(key)}`, { value: currentValue(t, key, team, now) }), "", t(`settings-prompt-${keyName(key)}`), t("settings-prompt-footer")].join("\n");
  return { text, markup: keyboard([backRow(t, openButton.pack({ key }))]) };
}

/** After a saved change: the same step for settings changed one press at a time, the main menu for the rest. */
function viewAfterSave(t: Translate, key: SettingKey, team: Team, now: number, notice: string): MenuView {
  return key === "workdays" || key === "holidays" || key === "close_reasons" ? stepView(t, key, team, now, 0, notice) : homeView(t, team, now, notice);
}

async function show(ctx: MemberContext, view: MenuView): Promise<void> {
  try {
    await ctx.editMessageText(view.text, { reply_markup: view.markup });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

const short = (text: string) => (text.split("\n")[0] ?? "").slice(0, 190);

/** Validates and stores a value chosen with a button; a refusal gets the setting's usage and writes nothing. */
async function applyChoice(ctx: MemberCallbackContext, key: SettingKey, value: string): Promise<void> {
  const team = ctx.team;
  const result: SettingResult = validateSetting(key, value, team, localDate(ctx.now, team.timezone));
  if (!result.ok) {
    const error = settingErrorText(ctx.t, result, team);
    await ctx.answerCallbackQuery({ text: short(error) });
    await ctx.reply(error);
    return;
  }
  const saved = saveChange(ctx, result.change);
  await ctx.answerCallbackQuery({ text: short(saved.notice) });
  await show(ctx, viewAfterSave(ctx.t, key, saved.team, ctx.now, saved.notice));
}

function saveChange(ctx: MemberContext, change: SettingChange): { team: Team; notice: string } {
  saveSetting(ctx.deps.db, ctx.team.id, change);
  ctx.log.info({ setting: change.setting, value: change.value, via: "menu" }, "setting changed");
  return { team: getTeam(ctx.deps.db, ctx.team.id)!, notice: settingSavedText(ctx.t, change, ctx.team, ctx.now) };
}

// ---------------------------------------------------------------------------------------------
// The typed-value dialogue

/**
 * Asks for a typed value of `key` in the menu message (`messageId`; 0 = send the prompt as a new message),
 * then validates each text until one fits: a refusal gets the usage and the wait goes on (up to the wrong
 * answers a dialogue allows); a settings button or a command ends the dialogue and does its own thing;
 * other buttons keep working meanwhile.
 */
async function settingsInputConversation(conversation: BotConversation, ctx: ConvContext, key: SettingKey, chatId: number, messageId: number): Promise<void> {
  const prompt = await conversation.external(() => promptView(ctx.t, key, getTeam(ctx.deps.db, ctx.deps.teamId)!, ctx.deps.clock.now()));
  let menuId = messageId;
  if (menuId === 0) menuId = (await ctx.reply(prompt.text, { reply_markup: prompt.markup })).message_id;
  else await editMenu(ctx, chatId, menuId, prompt);

  // A wrong answer is skipped (rejectAnswer), so the wait below is the only one: the dialogue's log stays small.
  const reply = await waitOrLeave(conversation);
  const data = reply.callbackQuery?.data;
  if (data !== undefined) {
    if (SETTINGS_BUTTONS.some((kind) => kind.unpack(data) !== undefined)) await conversation.halt({ next: true });
    await conversation.skip({ next: true });
  }
  const text = reply.message?.text;
  if (text === undefined) return rejectAnswer(conversation, reply, () => reply.reply(reply.t("settings-input-hint")));
  const outcome = await conversation.external(() => {
    const { db, teamId, clock } = ctx.deps;
    const team = getTeam(db, teamId)!;
    const now = clock.now();
    const value = ADDED_WHEN_TYPED.includes(key) ? `add ${text}` : text;
    const result = validateSetting(key, value, team, localDate(now, team.timezone));
    if (!result.ok) return { ok: false as const, error: settingErrorText(ctx.t, result, team) };
    saveSetting(db, teamId, result.change);
    ctx.log.info({ setting: result.change.setting, value: result.change.value, via: "menu" }, "setting changed");
    const notice = settingSavedText(ctx.t, result.change, team, now);
    return { ok: true as const, notice, view: viewAfterSave(ctx.t, key, getTeam(db, teamId)!, now, notice) };
  });
  if (!outcome.ok) return rejectAnswer(conversation, reply, () => reply.reply(outcome.error));
  await editMenu(reply, chatId, menuId, outcome.view);
  await reply.reply(outcome.notice);
}

async function editMenu(ctx: ConvContext, chatId: number, messageId: number, view: MenuView): Promise<void> {
  try {
    await ctx.api.editMessageText(chatId, messageId, view.text, { reply_markup: view.markup });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

export const SETTINGS_INPUT = "settings-input";

/** The dialogue's middleware, for the Feature's `conversations`. */
export const settingsMenuConversations = [createConversation(settingsInputConversation, SETTINGS_INPUT)];

// ---------------------------------------------------------------------------------------------
// Buttons: only the founder's presses do anything.

const ROLES = ["founder"] as const;

export const settingsCallbacks: Callback[] = [
  defineCallback({
    data: homeButton,
    roles: ROLES,
    chats: "private",
    handler: async (ctx) => {
      await ctx.answerCallbackQuery();
      await show(ctx, homeView(ctx.t, ctx.team, ctx.now));
    },
  }),
  defineCallback({
    data: doneButton,
    roles: ROLES,
    chats: "private",
    handler: async (ctx) => {
      await ctx.answerCallbackQuery();
      try {
        // Without reply_markup the buttons go away; the message keeps the settings as they are now.
        await ctx.editMessageText(settingsText(ctx.t, ctx.team, ctx.now));
      } catch (error) {
        if (!isNotModified(error)) throw error;
      }
    },
  }),
  defineCallback({
    data: openButton,
    roles: ROLES,
    chats: "private",
    handler: async (ctx, { key, page }) => {
      await ctx.answerCallbackQuery();
      await show(ctx, stepView(ctx.t, key, ctx.team, ctx.now, page ?? 0));
    },
  }),
  defineCallback({ data: pickButton, roles: ROLES, chats: "private", handler: (ctx, { key, value }) => applyChoice(ctx, key, value) }),
  defineCallback({
    data: weekdayButton,
    roles: ROLES,
    chats: "private",
    /** A working-day toggle: the week with that day switched, validated as a whole (an empty week is refused). */
    handler: async (ctx, { day }) => {
      const current = ctx.team.workingDays;
      const next = current.includes(day) ? current.filter((d) => d !== day) : [...current, day].sort((a, b) => a - b);
      await applyChoice(ctx, "workdays", next.join(","));
    },
  }),
  defineCallback({
    data: removeReasonButton,
    roles: ROLES,
    chats: "private",
    /** Removes a close reason named by its tag; a tag that matches none (the menu is stale) shows the list again. */
    handler: async (ctx, { tag }) => {
      const reason = ctx.team.closeReasons.find((r) => reasonTag(r) === tag);
      if (reason === undefined) {
        await ctx.answerCallbackQuery({ text: ctx.t("settings-stale") });
        await show(ctx, stepView(ctx.t, "close_reasons", ctx.team, ctx.now));
        return;
      }
      await applyChoice(ctx, "close_reasons", `remove ${reason}`);
    },
  }),
  defineCallback({
    data: typeButton,
    roles: ROLES,
    chats: "private",
    handler: async (ctx, { key }) => {
      if (!TYPED.includes(key)) return ctx.answerCallbackQuery();
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(SETTINGS_INPUT, key, ctx.chat?.id ?? ctx.from.id, ctx.callbackQuery.message?.message_id ?? 0);
    },
  }),
];
