/**
 * The alert channel failing: a message to the alert chat (or a founder's private chat that takes the alerts) still
 * pending after three failed tries is a condition, subject the chat. It is said at once, quiet
 * hours or not, to the founders' private chats other than the failing one, and ends silently when the chat takes
 * messages again. Runs on every tick; the alert chat lost for good is handed to the founders by the outbox worker.
 */
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";
import { chatIsFailing } from "../../db/outbox.js";
import type { Translator } from "../../shared/i18n.js";
import { sayConditions, type ConditionCheck } from "./alert-conditions.js";
import { founderAlertRecipients, founderPrivateRecipients } from "./alert-recipients.js";

/** How many failed tries of one message make its chat "failing". */
export const FAILING_AFTER_TRIES = 3;

export function checkAlertDelivery(db: Db, team: Team, now: number, translator: Translator): number {
  const founders = founderPrivateRecipients(db, team);
  const checks = founderAlertRecipients(db, team).map(
    (chat): ConditionCheck => ({
      kind: "delivery-failing",
      subject: `chat-${chat.chatId}`,
      reading: { holds: chatIsFailing(db, chat.chatId, FAILING_AFTER_TRIES), value: null },
      recipients: founders.filter((founder) => founder.chatId !== chat.chatId),
      text: (_step, t) => t("alert-delivery-failing", { chat: chat.chatId < 0 ? t("alert-subject-alert-chat") : t("alert-subject-private-chat") }),
    }),
  );
  return sayConditions(db, team, now, ["delivery-failing"], checks, translator).length;
}
