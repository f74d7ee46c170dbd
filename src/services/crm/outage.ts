/**
 * The founders hear once when the CRM has not been read for an hour, and once when it is read again. The
 * outage (since when, whether it was told) is kept in the database, so a restart neither repeats nor forgets it.
 */
import { createKvStore } from "../../db/kv.js";
import type { CrmKind } from "../../db/crm.js";
import type { Db } from "../../db/open.js";
import { enqueue } from "../../db/outbox.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { getTeam } from "../../db/teams.js";
import { localDate, localTime } from "../../domain/calendar.js";
import { formatDay } from "../../shared/format.js";
import type { Translator } from "../../shared/i18n.js";
import { founderAlertRecipients } from "../team/alert-recipients.js";

/** How long the CRM may stay unread before the founders are told. */
export const OUTAGE_ALERT_MS = 3600_000;

const CRM_NAMES: Record<CrmKind, string> = { bitrix24: "Bitrix24", amocrm: "amoCRM" };

type Outage = { since: number; told: boolean };

/** Notes a sync's outcome; queues the one alert an outage deserves. Returns what was queued, if anything. */
export function noteSyncOutcome(
  db: Db,
  input: { teamId: number; crm: CrmKind; ok: boolean; error: string | null; now: number; translator: Translator },
): "down" | "up" | null {
  return inImmediateTransaction(db, () => noteInTransaction(db, input));
}

function noteInTransaction(db: Db, input: { teamId: number; crm: CrmKind; ok: boolean; error: string | null; now: number; translator: Translator }): "down" | "up" | null {
  const kv = createKvStore(db);
  const key = `crm:outage:${input.teamId}`;
  const outage = kv.read<Outage>(key);
  if (input.ok) {
    if (!outage) return null;
    kv.delete(key);
    if (!outage.told) return null;
    tell(db, input, "crm-up", `crm:up:${outage.since}`, outage.since);
    return "up";
  }
  if (!outage) {
    kv.write(key, { since: input.now, told: false } satisfies Outage, input.now);
    return null;
  }
  if (outage.told || input.now - outage.since < OUTAGE_ALERT_MS) return null;
  kv.write(key, { ...outage, told: true } satisfies Outage, input.now);
  tell(db, input, "crm-down", `crm:down:${outage.since}`, outage.since);
  return "down";
}

function tell(db: Db, input: { teamId: number; crm: CrmKind; error: string | null; now: number; translator: Translator }, textKey: string, key: string, since: number) {
  const team = getTeam(db, input.teamId);
  if (!team) return;
  const sinceText = `${formatDay(localDate(since, team.timezone))} ${localTime(since, team.timezone)}`;
  for (const recipient of founderAlertRecipients(db, team)) {
    const text = input.translator.forLocale(recipient.locale)(textKey, { crm: CRM_NAMES[input.crm], since: sinceText, error: input.error ?? "" });
    enqueue(db, { teamId: team.id, chatId: recipient.chatId, kind: "crm-outage", key: `${key}:${recipient.chatId}`, message: { method: "sendMessage", text } }, input.now);
  }
}
