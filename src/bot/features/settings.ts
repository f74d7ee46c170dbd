/**
 * /settings (founder): shows every team setting with an inline menu under it (settings-menu.ts) and
 * changes one with a text subcommand, `/settings <setting> <value>`. Validation lives in src/domain/settings.ts;
 * the text command and the menu both go through validateSetting + saveSetting + settingSavedText.
 */
import { defineCommand, type Feature, type MemberCommandContext } from "../feature.js";
import { menuKeyboard, settingsCallbacks, settingsMenuConversations, SETTINGS_INPUT } from "./settings-menu.js";
import { localDate } from "../../domain/calendar.js";
import { parseSettingsCommand, settingKeyOf } from "../../domain/settings.js";
import { crmReasonsText, saveSetting, settingErrorText, settingSavedText, settingsText } from "./settings-text.js";

async function settingsCommand(ctx: MemberCommandContext, args: string): Promise<unknown> {
  if (args === "") return ctx.reply(settingsText(ctx.t, ctx.team, ctx.now), { reply_markup: menuKeyboard(ctx.t) });
  // The word map is too long for the settings message: it is shown on its own.
  if (settingKeyOf(args) === "crm_reasons") return ctx.reply(ctx.t("settings-crm-reasons-show", { value: crmReasonsText(ctx.t, ctx.team.crmReasons) }));
  const result = parseSettingsCommand(args, ctx.team, localDate(ctx.now, ctx.team.timezone));
  if (!result.ok) return ctx.reply(settingErrorText(ctx.t, result, ctx.team));
  saveSetting(ctx.deps.db, ctx.team.id, result.change);
  ctx.log.info({ setting: result.change.setting, value: result.change.value }, "setting changed");
  await ctx.reply(settingSavedText(ctx.t, result.change, ctx.team, ctx.now));
}

export const settingsFeature: Feature = {
  name: "settings",
  commands: [defineCommand({ command: "settings", roles: ["founder"], description: "cmd-settings", chats: "private", handler: settingsCommand })],
  callbacks: settingsCallbacks,
  conversations: settingsMenuConversations,
  dialogueRoles: { [SETTINGS_INPUT]: ["founder"] },
};
