import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { createInvite, redeemInvite } from "../../db/invites.js";
import { setMemberLocale, upsertMember, type Member, type Role } from "../../db/members.js";
import { syncMemberMenu } from "../menus.js";
import { updateTeamSetting } from "../../db/teams.js";
import { commandArgs, defineCallback, defineCommand, type Feature, type MemberCommandContext } from "../feature.js";
import { callbackData, oneOf } from "../../shared/telegram/callback-data.js";
import type { BotContext, ConvContext } from "../context.js";
import type { Locale } from "../../shared/i18n.js";
import type { MemberContext } from "../feature.js";
import { describeRole, helpText } from "../help.js";
import { waitForButton, type BotConversation } from "../conversation-tools.js";
import { removeCommand, removeCallbacks } from "./access-remove.js";
import { inviteCallbacks, inviteListCommand, tellJoined } from "./access-invites.js";

/** [Руководитель] [Менеджер] under /invite: the role of the invite. */
const inviteRoleButton = callbackData("invite", { role: oneOf(["lead", "manager"]) });
const languageButton = callbackData("lang", { locale: oneOf(["ru", "en"]) });

export function inviteLink(ctx: { me: { username: string } }, token: string): string {
  return `https://t.me/${ctx.me.username}?start=${token}`;
}

type InvitedRole = Exclude<Role, "founder">;

function invitableRoles(role: Role | undefined): InvitedRole[] {
  if (role === "founder") return ["lead", "manager"];
  if (role === "lead") return ["manager"];
  return [];
}

/** Deep links: invites and the founder claim. Runs before the stranger gate. */
export const startWithPayload = new Composer<BotContext>();
startWithPayload.command("start", async (ctx, next) => {
  const token = commandArgs(ctx);
  const from = ctx.from;
  if (!token || ctx.chat.type !== "private" || !from) return next();
  if (!/^[\w-]{1,64}$/.test(token)) return ctx.reply(ctx.t("invite-unknown"));
  if (ctx.member) {
    return ctx.reply(ctx.t("invite-already-member", { role: describeRole(ctx.t, ctx.member.role) }));
  }
  const db = ctx.deps.db;
  const result = db.transaction(() => {
    const redeemed = redeemInvite(db, token, from.id, ctx.now);
    if (!redeemed.ok || redeemed.invite.teamId !== ctx.team.id) return redeemed.ok ? ({ ok: false, reason: "unknown" } as const) : redeemed;
    const member = upsertMember(
      db,
      { teamId: ctx.team.id, userId: from.id, username: from.username ?? null, firstName: from.first_name, lastName: from.last_name ?? "", role: redeemed.invite.role, chatId: ctx.chat.id },
      ctx.now,
    );
    tellJoined(ctx, member, redeemed.invite);
    return { ok: true, member } as const;
  })();
  if (!result.ok) return ctx.reply(ctx.t(`invite-${result.reason}`));
  ctx.deps.onOutbox?.();
  ctx.member = result.member;
  ctx.log.info({ role: result.member.role }, "member joined");
  await refreshMenu(ctx, result.member);
  await ctx.reply(ctx.t("welcome-joined", { role: describeRole(ctx.t, result.member.role) }) + "\n\n" + helpText(ctx.t, result.member.role, ctx.commands));
});

/** A menu that fails to update is not worth failing the command for; the next start syncs it. */
async function refreshMenu(ctx: BotContext, member: Member): Promise<void> {
  await syncMemberMenu(ctx.api, { ...member, locale: member.locale ?? ctx.locale }, ctx.deps.translator, ctx.commands, ctx.deps.config.webAppUrl).catch((error: unknown) => ctx.log.warn({ err: error }, "menu update failed"));
}

async function welcome(ctx: MemberCommandContext): Promise<void> {
  const member = ctx.member;
  await ctx.reply(ctx.t("welcome-member", { name: member.firstName || "", role: describeRole(ctx.t, member.role) }) + "\n\n" + helpText(ctx.t, member.role, ctx.commands));
}

function inviteText(ctx: BotContext | ConvContext, role: Role, token: string): string {
  return ctx.t("invite-created", { role: describeRole(ctx.t, role), link: inviteLink(ctx, token), days: 7 });
}

async function sendInvite(ctx: BotContext, role: Role, createdBy: number): Promise<void> {
  const invite = createInvite(ctx.deps.db, ctx.team.id, role, createdBy, ctx.now);
  await ctx.reply(inviteText(ctx, role, invite.token), {
    link_preview_options: { is_disabled: true },
  });
}

/** /invite without a role asks for one; the answer may come after a restart. */
async function inviteConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  const roles = invitableRoles(ctx.member?.role);
  const keyboard = new InlineKeyboard();
  for (const role of roles) keyboard.text(describeRole(ctx.t, role), inviteRoleButton.pack({ role }));
  await ctx.reply(ctx.t("invite-choose-role"), { reply_markup: keyboard });
  const { ctx: answer, value } = await waitForButton(conversation, inviteRoleButton, (other) => other.reply(other.t("invite-choose-role"), { reply_markup: keyboard }));
  const role: Role = value.role;
  await answer.answerCallbackQuery();
  const inviter = answer.member;
  if (!inviter || !invitableRoles(inviter.role).includes(role)) {
    await answer.reply(answer.t("access-denied"));
    return;
  }
  const memberId = inviter.id;
  const token = await conversation.external(() => createInvite(ctx.deps.db, ctx.team.id, role, memberId, ctx.deps.clock.now()).token);
  await answer.reply(inviteText(answer, role, token), { link_preview_options: { is_disabled: true } });
}


async function invite(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const arg = text.toLowerCase();
  const roles = invitableRoles(ctx.member.role);
  if (!arg) {
    await ctx.conversation.exitAll();
    return ctx.conversation.enter("invite");
  }
  const role = ({ lead: "lead", manager: "manager", "роп": "lead", "руководитель": "lead", "менеджер": "manager" } as Record<string, Role>)[arg];
  if (!role) return ctx.reply(ctx.t("invite-usage"));
  if (!(roles as Role[]).includes(role)) return ctx.reply(ctx.t("access-denied"));
  await sendInvite(ctx, role, ctx.member.id);
}

async function alertsHere(ctx: MemberCommandContext, text: string): Promise<unknown> {
  if (text) return ctx.reply(ctx.t("alerts-here-usage"));
  updateTeamSetting(ctx.deps.db, ctx.team.id, "alertChatId", ctx.chat.id);
  await ctx.reply(ctx.t(ctx.chat.type === "private" ? "alerts-here-private" : "alerts-here-group"));
}

async function setLanguage(ctx: MemberContext, locale: Locale): Promise<void> {
  setMemberLocale(ctx.deps.db, ctx.member.id, locale);
  await refreshMenu(ctx, { ...ctx.member, locale });
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await ctx.reply(ctx.deps.translator.t(locale, "lang-set"));
}

async function lang(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const arg = text.toLowerCase();
  if (arg !== "ru" && arg !== "en") {
    const keyboard = new InlineKeyboard().text("Русский", languageButton.pack({ locale: "ru" })).text("English", languageButton.pack({ locale: "en" }));
    return ctx.reply(ctx.t("lang-usage"), { reply_markup: keyboard });
  }
  await setLanguage(ctx, arg);
}

const EVERYONE = ["founder", "lead", "manager"] as const;

export const accessFeature: Feature = {
  name: "access",
  conversations: [createConversation(inviteConversation, "invite")],
  dialogueRoles: { invite: ["founder", "lead"] },
  commands: [
    defineCommand({ command: "start", roles: EVERYONE, description: "cmd-start", chats: "any", handler: welcome }),
    defineCommand({ command: "help", roles: EVERYONE, description: "cmd-help", chats: "any", handler: welcome }),
    defineCommand({ command: "invite", roles: ["founder", "lead"], description: "cmd-invite", chats: "private", handler: invite }),
    inviteListCommand,
    defineCommand({ command: "remove", roles: ["founder"], description: "cmd-remove", chats: "private", handler: removeCommand }),
    defineCommand({ command: "alerts_here", roles: ["founder"], description: "cmd-alerts-here", chats: "any", handler: alertsHere }),
    defineCommand({ command: "lang", roles: EVERYONE, description: "cmd-lang", chats: "any", handler: lang }),
  ],
  callbacks: [defineCallback({ data: languageButton, chats: "any", handler: (ctx, { locale }) => setLanguage(ctx, locale) }), ...removeCallbacks, ...inviteCallbacks],
};

