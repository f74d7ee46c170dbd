import type { Db } from "../../db/open.js";
import { listMembers } from "../../db/members.js";
import type { Team } from "../../db/teams.js";
import type { Locale } from "../../shared/i18n.js";

/** Where founder alerts go and in which language. */
export interface AlertRecipient {
  chatId: number;
  locale: Locale;
  /** The founder this chat belongs to; null for a group. */
  memberId: number | null;
}

/** Every active founder's private chat, each in that founder's language. */
export function founderPrivateRecipients(db: Db, team: Team): AlertRecipient[] {
  return listMembers(db, team.id, "founder").map((f) => ({ chatId: f.chatId ?? f.userId, locale: f.locale ?? team.locale, memberId: f.id }));
}

/**
 * The alert chat set by /alerts_here, else every active founder's private chat. A private alert
 * chat that belongs to a founder is read in that founder's language; a group in the team's. A private chat
 * that is no active founder's (a founder since removed) is never used: the active founders get the alerts.
 */
export function founderAlertRecipients(db: Db, team: Team): AlertRecipient[] {
  const founders = founderPrivateRecipients(db, team);
  if (team.alertChatId === null) return founders;
  const owner = founders.find((f) => f.chatId === team.alertChatId);
  if (owner) return [owner];
  return team.alertChatId > 0 ? founders : [{ chatId: team.alertChatId, locale: team.locale, memberId: null }];
}

/**
 * For alerts that quote what a manager wrote privately (a question's text): the alert chat when it is
 * a private chat, else the founders' private chats, so nothing private is posted into a group.
 */
export function founderConfidentialRecipients(db: Db, team: Team): AlertRecipient[] {
  const recipients = founderAlertRecipients(db, team);
  return recipients.every((r) => r.chatId > 0) ? recipients : founderPrivateRecipients(db, team);
}
