/**
 * /alerts (founder): the open conditions and since when, and a button per alert kind to turn it on or off.
 * [Mute this kind for a week] under every alert (services/team/alert-conditions.ts) is handled here too.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import { defineCallback, defineCommand, type Feature, type MemberCallbackContext, type MemberCommandContext } from "../feature.js";
import type { Team } from "../../db/teams.js";
import type { Db } from "../../db/open.js";
import { localDate, localTime } from "../../domain/calendar.js";
import { isConditionKind, kindStates, muteAlertKind, openConditionLines, switchAlertKind } from "../../services/team/alert-controls.js";
import { formatDay } from "../../shared/format.js";
import type { Translate } from "../../shared/i18n.js";
import { callbackData, oneOf, text } from "../../shared/telegram/callback-data.js";
import { muteAlertKindButton } from "../../shared/telegram/button-data.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { isNotModified } from "../../shared/telegram/pager.js";

/** `alerts:kind:on|off:<kind>`: a kind's switch in /alerts (the handler checks the kind). */
const switchKindButton = callbackData("alerts:kind", { to: oneOf(["on", "off"]), kind: text("[a-z][a-z-]{2,30}") });

/** The /alerts message: open conditions, then each kind's state; the buttons switch the kinds. */
function alertsView(db: Db, team: Team, t: Translate, now: number): { text: string; markup: InlineKeyboardMarkup } {
  const open = openConditionLines(db, team)(t);
  const lines = [t("alerts-title"), ""];
  if (open.length === 0) lines.push(t("weekly-open-none"));
  else {
    lines.push(t("weekly-open-title"));
    for (const line of open) lines.push(t("weekly-open-line", { condition: t(`weekly-kind-${line.kind}`, { subject: line.subject }), since: formatDay(line.since) }));
  }
  const states = kindStates(db, team.id, now);
  lines.push("", t("alerts-kinds-title"));
  for (const state of states) {
    const name = t(`alerts-kind-${state.kind}`);
    if (!state.on) lines.push(t("alerts-kind-off", { kind: name }));
    else if (state.mutedUntil !== null) {
      const day = formatDay(localDate(state.mutedUntil, team.timezone));
      lines.push(t("alerts-kind-muted", { kind: name, until: `${day} ${localTime(state.mutedUntil, team.timezone)}` }));
    } else lines.push(t("alerts-kind-on", { kind: name }));
  }
  const rows = states.map((state) => [
    button(t(state.on ? "alerts-btn-off" : "alerts-btn-on", { kind: t(`alerts-kind-${state.kind}`) }), switchKindButton.pack({ to: state.on ? "off" : "on", kind: state.kind })),
  ]);
  return { text: lines.join("\n"), markup: keyboard(rows) };
}

async function alertsCommand(ctx: MemberCommandContext, args: string): Promise<unknown> {
  if (args !== "") return ctx.reply(ctx.t("alerts-usage"));
  const view = alertsView(ctx.deps.db, ctx.team, ctx.t, ctx.now);
  return ctx.reply(view.text, { reply_markup: view.markup });
}

async function switchKind(ctx: MemberCallbackContext, to: "on" | "off", kind: string): Promise<void> {
  if (!isConditionKind(kind)) {
    await ctx.answerCallbackQuery({ text: ctx.t("alerts-unknown-kind") });
    return;
  }
  switchAlertKind(ctx.deps.db, ctx.team.id, kind, to === "on");
  ctx.log.info({ kind, to }, "alert kind switched");
  await ctx.answerCallbackQuery({ text: ctx.t(to === "on" ? "alerts-switched-on" : "alerts-switched-off", { kind: ctx.t(`alerts-kind-${kind}`) }) });
  const view = alertsView(ctx.deps.db, ctx.team, ctx.t, ctx.now);
  try {
    await ctx.editMessageText(view.text, { reply_markup: view.markup });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

async function muteKind(ctx: MemberCallbackContext, kind: string): Promise<void> {
  if (!isConditionKind(kind)) {
    await ctx.answerCallbackQuery({ text: ctx.t("alerts-unknown-kind") });
    return;
  }
  const until = muteAlertKind(ctx.deps.db, ctx.team.id, kind, ctx.now);
  ctx.log.info({ kind, until }, "alert kind muted");
  const day = formatDay(localDate(until, ctx.team.timezone));
  await ctx.answerCallbackQuery({ text: ctx.t("alerts-muted", { kind: ctx.t(`alerts-kind-${kind}`), until: day }) });
  try {
    // The button goes: pressing it again would only move the week.
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

export const alertsFeature: Feature = {
  name: "alerts",
  commands: [defineCommand({ command: "alerts", roles: ["founder"], description: "cmd-alerts", chats: "alerts", handler: alertsCommand })],
  callbacks: [
    defineCallback({ data: switchKindButton, roles: ["founder"], chats: "alerts", handler: (ctx, { to, kind }) => switchKind(ctx, to, kind) }),
    defineCallback({ data: muteAlertKindButton, roles: ["founder"], chats: "alerts", handler: (ctx, { kind }) => muteKind(ctx, kind) }),
  ],
};
