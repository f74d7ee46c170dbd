/**
 * /crm_link (founder): which member each CRM user is. `/crm_link @member <CRM user id>` links them, so the
 * records of that user's deals read from then on count for the member; `/crm_link` alone lists the links and
 * the CRM users the sync has seen without a member.
 */
import { findMemberByUsername } from "../../db/members.js";
import { crmUserLinks, linkCrmUserToMember } from "../../services/crm/users.js";
import { memberName, oneLine } from "../../shared/format.js";
import { defineCommand, type MemberCommandContext } from "../feature.js";

/** CRM user ids are whole numbers in Bitrix24 and amoCRM alike. */
const CRM_USER_ID = /^\d{1,20}$/;

function userLine(id: string, name: string): string {
  return name === "" ? id : `${id} «${oneLine(name)}»`;
}

function listText(ctx: MemberCommandContext, kind: "bitrix24" | "amocrm"): string {
  const users = crmUserLinks(ctx.deps.db, ctx.team.id, kind);
  const linked = users.filter((user) => user.member !== null).map((user) => `${userLine(user.crmUserId, user.name)} → ${memberName(user.member!)}`);
  const unlinked = users.filter((user) => user.member === null).map((user) => userLine(user.crmUserId, user.name));
  return [
    ctx.t("crm-link-linked", { count: linked.length }),
    ...linked,
    "",
    ctx.t("crm-link-unlinked", { count: unlinked.length }),
    ...unlinked,
    "",
    ctx.t("crm-link-usage"),
  ].join("\n");
}

async function crmLink(ctx: MemberCommandContext, text: string): Promise<unknown> {
  const sync = ctx.deps.crmSync;
  if (!sync) return ctx.reply(ctx.t("crm-not-set"));
  if (text === "") return ctx.reply(listText(ctx, sync.kind));
  const match = /^@?(\S+)\s+(\S+)$/.exec(text.trim());
  if (!match) return ctx.reply(ctx.t("crm-link-usage"));
  const member = findMemberByUsername(ctx.deps.db, ctx.team.id, match[1]!);
  if (!member) return ctx.reply(ctx.t("crm-link-no-member", { username: oneLine(match[1]!) }));
  if (!CRM_USER_ID.test(match[2]!)) return ctx.reply(ctx.t("crm-link-bad-id", { id: oneLine(match[2]!) }));
  linkCrmUserToMember(ctx.deps.db, ctx.team.id, sync.kind, match[2]!, member.id);
  ctx.log.info({ crmUserId: match[2], memberId: member.id }, "crm user linked");
  return ctx.reply(ctx.t("crm-link-done", { id: match[2]!, member: memberName(member) }));
}

export const crmLinkCommand = defineCommand({ command: "crm_link", roles: ["founder"], description: "cmd-crm-link", chats: "private", handler: crmLink });
