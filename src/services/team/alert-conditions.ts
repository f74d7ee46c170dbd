/**
 * Says founder alerts as conditions: each check reports what holds now for each subject of its kinds, and this
 * compares it with the stored state (db/alert-conditions.ts) to say a start, a "worse" or an end once. The
 * state and the messages are written in one transaction, and every message's outbox key names the condition's
 * start, so a repeated check, a restart or a catch-up sweep never says anything twice. A kind the founder turned
 * off or muted is still followed, so nothing old is said when it is back on.
 */
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";
import { enqueue } from "../../db/outbox.js";
import { closeCondition, listOpenConditions, markConditionWorse, openCondition, type StoredCondition } from "../../db/alert-conditions.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { listKindControls } from "../../db/alert-controls.js";
import { isKindSilent, nextAlertStep, type ConditionKind, type ConditionReading } from "../../domain/alerts.js";
import type { Locale, Translate, Translator } from "../../shared/i18n.js";
import { muteAlertKindButton } from "../../shared/telegram/button-data.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { founderAlertRecipients, type AlertRecipient } from "./alert-recipients.js";

export type SpokenStep = "start" | "worse" | "over";

/** What a check sees for one subject of a kind, and how to say each step of it. */
export interface ConditionCheck {
  kind: ConditionKind;
  subject: string;
  reading: ConditionReading;
  text: (step: SpokenStep, t: Translate, locale: Locale) => string;
  /** The outbox kind of the start message (default `alert-<kind>`). */
  outboxKind?: string;
  /** Who hears it (default: the founder's alert chat). */
  recipients?: AlertRecipient[];
}

/** The start says the full alert; "worse" says it again under a "worse" line; the end is one line. */
export function stepText(step: SpokenStep, full: string, kind: string, t: Translate, subject: string): string {
  if (step === "start") return full;
  if (step === "worse") return `${t("alert-worse")}\n${full}`;
  return t(`alert-over-${kind}`, { subject });
}

const key = (kind: string, subject: string) => `${kind}\u0000${subject}`;

/**
 * Applies `checks` for the `kinds` they cover and queues what is news; returns the kinds newly queued. An open
 * condition of those kinds that no check mentions (last month's, a segment gone) is closed without a word.
 */
export function sayConditions(db: Db, team: Team, now: number, kinds: readonly ConditionKind[], checks: ConditionCheck[], translator: Translator): ConditionKind[] {
  // Without a founder to tell, nothing is decided: the condition starts when someone can hear it.
  if (founderAlertRecipients(db, team).length === 0) return [];
  const covered = new Set<string>(kinds);
  return inImmediateTransaction(db, () => {
    const open = new Map<string, StoredCondition>();
    for (const condition of listOpenConditions(db, team.id)) if (covered.has(condition.kind)) open.set(key(condition.kind, condition.subject), condition);
    const queued = new Set<ConditionKind>();
    const controls = listKindControls(db, team.id);
    for (const check of checks) {
      const id = key(check.kind, check.subject);
      const stored = open.get(id) ?? null;
      open.delete(id);
      const step = nextAlertStep(check.kind, check.reading, stored);
      if (step === null) continue;
      if (step === "start") openCondition(db, team.id, check.kind, check.subject, now, check.reading.value);
      else if (step === "worse") markConditionWorse(db, team.id, check.kind, check.subject);
      else closeCondition(db, team.id, check.kind, check.subject);
      if (step === "over-silent" || isKindSilent(controls.get(check.kind), now)) continue;
      const startedAt = stored?.startedAt ?? now;
      if (say(db, team, now, check, step, startedAt, translator)) queued.add(check.kind);
    }
    for (const gone of open.values()) closeCondition(db, team.id, gone.kind, gone.subject);
    return [...queued];
  });
}

function say(db: Db, team: Team, now: number, check: ConditionCheck, step: SpokenStep, startedAt: number, translator: Translator): boolean {
  let fresh = false;
  for (const recipient of check.recipients ?? founderAlertRecipients(db, team)) {
    const t = translator.forLocale(recipient.locale);
    const text = check.text(step, t, recipient.locale);
    const queued = enqueue(
      db,
      {
        teamId: team.id,
        chatId: recipient.chatId,
        kind: step === "start" ? (check.outboxKind ?? `alert-${check.kind}`) : `alert-${check.kind}-${step}`,
        key: `alert:${check.kind}:${check.subject}:${startedAt}:${step}:${recipient.chatId}`,
        message: { method: "sendMessage", text, replyMarkup: muteKeyboard(t, check.kind) },
      },
      now,
    );
    fresh ||= queued;
  }
  return fresh;
}

/** [Mute this kind for a week] under every alert. */
export function muteKeyboard(t: Translate, kind: ConditionKind) {
  return keyboard([[button(t("alert-btn-mute"), muteAlertKindButton.pack({ kind }))]]);
}
