import { createHash } from "node:crypto";
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Db } from "../db/open.js";
import { listMembers, type Member, type Role } from "../db/members.js";
import { createKvStore } from "../db/kv.js";
import type { Logger } from "../shared/logger.js";
import type { Command } from "./feature.js";
import { syncMemberMenuButton } from "./menu-button.js";
import { LOCALES, type Translate, type Translator } from "../shared/i18n.js";

/** The menu a role sees in a private chat, in one language; descriptions get `$role` (as in /help). */
export function menuFor(role: Role, t: Translate, commands: readonly Command[]): BotCommand[] {
  return commands
    .filter((spec) => spec.roles.includes(role))
    .map((spec) => ({ command: spec.command, description: t(spec.description, { role }).slice(0, 256) }));
}

/**
 * Sets one member's menu (chat scope) in their language, and the dashboard button when WEB_APP_URL is set; a
 * removed member gets the default menu and button back.
 */
export async function syncMemberMenu(api: Api, member: Member, translator: Translator, commands: readonly Command[], webAppUrl?: string): Promise<void> {
  const scope = { type: "chat" as const, chat_id: member.chatId ?? member.userId };
  if (member.status === "removed") await api.deleteMyCommands({ scope });
  else await api.setMyCommands(menuFor(member.role, translator.forLocale(member.locale ?? "ru"), commands), { scope });
  await syncMemberMenuButton(api, member, translator, webAppUrl);
}

/**
 * Default menus for strangers (only /start) in both languages, and every member's menu when the
 * command list changed since the last start (remembered by a hash), so a restart costs no calls.
 */
export async function syncCommandMenus(
  api: Api,
  db: Db,
  teamId: number,
  logger: Logger,
  commands: readonly Command[],
  translator?: Translator,
): Promise<void> {
  const kv = createKvStore(db);
  const members = listMembers(db, teamId);
  const signature = createHash("sha1")
    .update(JSON.stringify([commands, members.map((m) => [m.id, m.role, m.locale, m.chatId])]))
    .digest("hex");
  if (kv.read<string>(`menus:${teamId}`) === signature) return;
  for (const locale of LOCALES) {
    const description = translator ? translator.t(locale, "cmd-start") : "start";
    await api.setMyCommands([{ command: "start", description }], locale === "ru" ? {} : { language_code: locale });
  }
  if (translator) for (const member of members) await syncMemberMenu(api, member, translator, commands);
  kv.write(`menus:${teamId}`, signature);
  logger.debug({ members: members.length }, "command menus synced");
}
