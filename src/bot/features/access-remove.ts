/**
 * /remove: by @username, by name, or from a list of buttons — removal itself works by member id, so a member
 * without a @username (or one who changed it) can still be removed, and a name two people share is never guessed.
 */
import { InlineKeyboard } from "grammy";
import { countFounders, getMember, findMemberByUsername, listMembers, removeMember, type Member } from "../../db/members.js";
import { getTeam, updateTeamSetting } from "../../db/teams.js";
import { markFailed, pendingForChat } from "../../db/outbox.js";
import { closeQuestionsOf } from "../../db/questions.js";
import { listTasks } from "../../db/tasks.js";
import { cancelInvitesBy } from "../../db/invites.js";
import { createKvStore } from "../../db/kv.js";
import { OPEN_STATES } from "../../domain/tasks.js";
import { callbackData, id } from "../../shared/telegram/callback-data.js";
import { memberName } from "../../shared/format.js";
import { defineCallback, type MemberCommandContext, type MemberContext } from "../feature.js";
import type { BotContext } from "../context.js";
import { describeRole } from "../help.js";
import { syncMemberMenu } from "../menus.js";
import { dialogueKeyPrefix } from "../conversation-tools.js";
import { pendingKey as basePickKey } from "./base.js";
import { pendingKey as entryConfirmKey } from "./entry-confirm.js";

/** [Name @username — role] under /remove: removes that member. */
const removeButton = callbackData("rm", { member: id });

const USERNAME = /^@?[A-Za-z0-9_]{4,32}$/;

/** «Ivan Petrov (@ivan_sales) — sales manager»: enough to tell two Ivans apart. */
function memberLabel(ctx: BotContext, member: Member): string {
  return `${memberName(member)} — ${describeRole(ctx.t, member.role)}`;
}

function removalKeyboard(ctx: BotContext, members: Member[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const member of members) keyboard.text(memberLabel(ctx, member).slice(0, 64), removeButton.pack({ member: member.id })).row();
  return keyboard;
}

/** Members whose first name, or first and last name, is exactly `typed` (any case). */
function byName(members: Member[], typed: string): Member[] {
  const wanted = typed.toLocaleLowerCase().replace(/\s+/g, " ");
  return members.filter((member) => {
    const first = member.firstName.toLocaleLowerCase();
    const full = `${first} ${member.lastName.toLocaleLowerCase()}`.trim();
    return wanted === first || wanted === full;
  });
}

export async function removeCommand(ctx: MemberCommandContext, arg: string): Promise<unknown> {
  const others = listMembers(ctx.deps.db, ctx.team.id).filter((member) => member.id !== ctx.member.id);
  if (!arg) {
    if (others.length === 0) return ctx.reply(ctx.t("remove-nobody"));
    return ctx.reply(ctx.t("remove-choose"), { reply_markup: removalKeyboard(ctx, others) });
  }
  if (USERNAME.test(arg)) {
    const target = findMemberByUsername(ctx.deps.db, ctx.team.id, arg);
    if (target) return removeAndReport(ctx, target);
    if (arg.startsWith("@")) return ctx.reply(ctx.t("member-not-found", { username: arg.replace(/^@/, "") }));
  }
  const matches = byName(others, arg);
  if (matches.length === 1) return removeAndReport(ctx, matches[0]!);
  if (matches.length > 1) return ctx.reply(ctx.t("remove-ambiguous", { name: arg, count: matches.length }), { reply_markup: removalKeyboard(ctx, matches) });
  if (others.length === 0) return ctx.reply(ctx.t("remove-usage"));
  return ctx.reply(ctx.t("remove-not-found", { name: arg }), { reply_markup: removalKeyboard(ctx, others) });
}

async function removePressed(ctx: MemberContext, memberId: number): Promise<unknown> {
  await ctx.answerCallbackQuery();
  const target = getMember(ctx.deps.db, memberId);
  if (!target || target.teamId !== ctx.team.id || target.status !== "active") return ctx.reply(ctx.t("remove-gone"));
  return removeAndReport(ctx, target);
}

async function removeAndReport(ctx: MemberContext, target: Member): Promise<unknown> {
  if (target.id === ctx.member.id) return ctx.reply(ctx.t("remove-self"));
  if (target.role === "founder" && countFounders(ctx.deps.db, ctx.team.id) <= 1) return ctx.reply(ctx.t("remove-last-founder"));
  const { openTasks, closedQuestions, cancelledInvites } = removeFromTeam(ctx, target);
  ctx.log.info({ removed: target.id, openTasks: openTasks.length, closedQuestions, cancelledInvites }, "member removed");
  await syncMemberMenu(ctx.api, { ...target, status: "removed" }, ctx.deps.translator, ctx.commands, ctx.deps.config.webAppUrl).catch((error: unknown) => ctx.log.warn({ err: error }, "menu update failed"));
  const username = memberName(target);
  const lines = [ctx.t("remove-done", { username })];
  if (openTasks.length > 0) lines.push(ctx.t("remove-open-tasks", { username, count: openTasks.length, ids: openTasks.map((task) => `#${task}`).join(", ") }));
  if (closedQuestions > 0) lines.push(ctx.t("remove-questions-closed", { username, count: closedQuestions }));
  if (cancelledInvites > 0) lines.push(ctx.t("remove-invites-cancelled", { username, count: cancelledInvites }));
  return ctx.reply(lines.join("\n"));
}

/**
 * Removal in one transaction: the member becomes a stranger and keeps nothing that acts for them — their
 * unused invite links are cancelled, their open dialogues and pending picks deleted (an old prompt cannot be
 * answered after a rejoin), their open questions closed, messages still queued to their private chat dropped,
 * and founder alerts routed to that chat go back to the founders' private chats. Their open tasks stay for the
 * remover to give to another manager (/reassign) or cancel; their ids are returned.
 */
function removeFromTeam(ctx: BotContext, target: Member): { openTasks: number[]; closedQuestions: number; cancelledInvites: number } {
  const db = ctx.deps.db;
  const privateChat = target.chatId ?? target.userId;
  return db.transaction(() => {
    removeMember(db, target.id, ctx.now);
    const cancelledInvites = cancelInvitesBy(db, ctx.team.id, target.id, ctx.now);
    const kv = createKvStore(db);
    kv.deleteLike(`${dialogueKeyPrefix(ctx.team.id)}%:${target.userId}`);
    kv.delete(basePickKey(ctx.team.id, target.userId));
    kv.delete(entryConfirmKey(ctx.team.id, target.id));
    const closedQuestions = closeQuestionsOf(db, ctx.team.id, target.id, ctx.now);
    const alertChat = getTeam(db, ctx.team.id)?.alertChatId;
    if (alertChat === privateChat) updateTeamSetting(db, ctx.team.id, "alertChatId", null);
    for (const item of pendingForChat(db, privateChat)) markFailed(db, item.id, "member removed");
    return { openTasks: listTasks(db, ctx.team.id, OPEN_STATES, target.id).map((task) => task.id), closedQuestions, cancelledInvites };
  })();
}

export const removeCallbacks = [
  defineCallback({ data: removeButton, roles: ["founder"], chats: "private", handler: (ctx, { member }) => removePressed(ctx, member) }),
];
