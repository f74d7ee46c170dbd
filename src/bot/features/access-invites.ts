/**
 * Invite links after they are made: who hears of a join, and /invites, which lists the links nobody has used
 * yet with [Cancel] under each. The links themselves cannot be shown again: only their hashes are stored.
 */
import { InlineKeyboard } from "grammy";
import { cancelInvite, getInvite, listOpenInvites, type Invite } from "../../db/invites.js";
import { getMember, listMembers, type Member } from "../../db/members.js";
import { enqueue } from "../../db/outbox.js";
import { localDate, localTime } from "../../domain/calendar.js";
import { callbackData, id } from "../../shared/telegram/callback-data.js";
import { formatDay, memberName } from "../../shared/format.js";
import { defineCallback, defineCommand, type MemberCommandContext, type MemberContext } from "../feature.js";
import type { BotContext } from "../context.js";
import { describeRole } from "../help.js";

/** [Cancel #12] under /invites. */
const cancelInviteButton = callbackData("invcancel", { invite: id });

/**
 * Queues "X joined as Y" for every active founder and for the member who made the link if still active,
 * inside the caller's transaction. A removed inviter hears nothing; the founders always do.
 */
export function tellJoined(ctx: BotContext, joined: Member, invite: Invite): void {
  const db = ctx.deps.db;
  const recipients = new Map<number, Member>();
  for (const founder of listMembers(db, ctx.team.id, "founder")) recipients.set(founder.id, founder);
  const inviter = invite.createdBy === null ? undefined : getMember(db, invite.createdBy);
  if (inviter?.status === "active") recipients.set(inviter.id, inviter);
  recipients.delete(joined.id);
  for (const recipient of recipients.values()) {
    const t = ctx.deps.translator.forLocale(recipient.locale ?? ctx.team.locale);
    const via = inviter && inviter.id !== recipient.id ? t("invite-joined-via", { inviter: memberName(inviter) }) : "";
    enqueue(
      db,
      {
        teamId: ctx.team.id,
        chatId: recipient.chatId ?? recipient.userId,
        kind: "member-joined",
        key: `joined:${invite.id}:${recipient.id}`,
        message: { method: "sendMessage", text: t("invite-joined-notice", { name: memberName(joined), role: describeRole(t, joined.role) }) + via },
      },
      ctx.now,
    );
  }
}

/** The founder sees every open link; a lead only their own. */
function visibleTo(member: Member, invite: Invite): boolean {
  return member.role === "founder" || invite.createdBy === member.id;
}

function inviteLine(ctx: BotContext, invite: Invite): string {
  const creator = invite.createdBy === null ? undefined : getMember(ctx.deps.db, invite.createdBy);
  const until = invite.expiresAt === null ? "—" : `${formatDay(localDate(invite.expiresAt, ctx.team.timezone))} ${localTime(invite.expiresAt, ctx.team.timezone)}`;
  return ctx.t("invites-line", { id: invite.id, role: describeRole(ctx.t, invite.role), creator: creator ? memberName(creator) : "—", until });
}

async function listInvites(ctx: MemberCommandContext, text: string): Promise<unknown> {
  if (text) return ctx.reply(ctx.t("invites-usage"));
  const invites = listOpenInvites(ctx.deps.db, ctx.team.id, ctx.now, ctx.member.role === "founder" ? undefined : ctx.member.id);
  if (invites.length === 0) return ctx.reply(ctx.t("invites-none"));
  const shown = invites.slice(0, 30);
  const keyboard = new InlineKeyboard();
  for (const invite of shown) keyboard.text(ctx.t("invites-cancel-button", { id: invite.id }), cancelInviteButton.pack({ invite: invite.id })).row();
  const lines = [ctx.t("invites-title", { count: invites.length }), ...shown.map((invite) => inviteLine(ctx, invite))];
  return ctx.reply(lines.join("\n"), { reply_markup: keyboard });
}

async function cancelPressed(ctx: MemberContext, inviteId: number): Promise<unknown> {
  await ctx.answerCallbackQuery();
  const invite = getInvite(ctx.deps.db, ctx.team.id, inviteId);
  if (!invite || !visibleTo(ctx.member, invite)) return ctx.reply(ctx.t("invites-cancel-gone", { id: inviteId }));
  if (!cancelInvite(ctx.deps.db, invite.id, ctx.now)) return ctx.reply(ctx.t("invites-cancel-gone", { id: inviteId }));
  ctx.log.info({ invite: invite.id }, "invite cancelled");
  return ctx.reply(ctx.t("invites-cancelled", { id: inviteId }));
}

export const inviteListCommand = defineCommand({ command: "invites", roles: ["founder", "lead"], description: "cmd-invites", chats: "private", handler: listInvites });

export const inviteCallbacks = [
  defineCallback({ data: cancelInviteButton, roles: ["founder", "lead"], chats: "private", handler: (ctx, { invite }) => cancelPressed(ctx, invite) }),
];
