/**
 * The chat menu button that opens the Mini App: founders and leads get it in their private chat, everyone else
 * Telegram's default. Nothing is called while WEB_APP_URL was never set.
 */
import { createHash } from "node:crypto";
import type { Api } from "grammy";
import type { MenuButton } from "grammy/types";
import type { Db } from "../db/open.js";
import { listMembers, type Member } from "../db/members.js";
import { createKvStore } from "../db/kv.js";
import { getTeam } from "../db/teams.js";
import type { Locale, Translator } from "../shared/i18n.js";

/** The button a member's private chat should show: the dashboard for founders and leads, else the default. */
export function menuButtonFor(member: Member, translator: Translator, webAppUrl: string | undefined, teamLocale: Locale = "ru"): MenuButton {
  if (webAppUrl === undefined || member.status === "removed" || member.role === "manager") return { type: "default" };
  return { type: "web_app", text: translator.t(member.locale ?? teamLocale, "dashboard-menu-button"), web_app: { url: webAppUrl } };
}

/** Sets one member's chat menu button (after joining, a role change or removal); no call without WEB_APP_URL. */
export async function syncMemberMenuButton(api: Api, member: Member, translator: Translator, webAppUrl: string | undefined): Promise<void> {
  if (webAppUrl === undefined) return;
  await api.setChatMenuButton({ chat_id: member.chatId ?? member.userId, menu_button: menuButtonFor(member, translator, webAppUrl) });
}

/**
 * Every member's button at start, when the address or the members changed since the last start (remembered by a
 * hash, so a restart costs no calls). An address removed since gives everyone the default button back once.
 */
export async function syncMenuButtons(api: Api, db: Db, teamId: number, translator: Translator, webAppUrl: string | undefined): Promise<void> {
  const kv = createKvStore(db);
  const key = `menu-button:${teamId}`;
  const previous = kv.read<string>(key);
  if (webAppUrl === undefined && previous === undefined) return;
  const members = listMembers(db, teamId);
  const teamLocale = getTeam(db, teamId)?.locale;
  const signature = createHash("sha1")
    .update(JSON.stringify([webAppUrl ?? null, members.map((m) => [m.id, m.role, m.locale, m.chatId])]))
    .digest("hex");
  if (previous === signature) return;
  for (const member of members) {
    await api.setChatMenuButton({ chat_id: member.chatId ?? member.userId, menu_button: menuButtonFor(member, translator, webAppUrl, teamLocale) });
  }
  if (webAppUrl === undefined) kv.delete(key);
  else kv.write(key, signature);
}
