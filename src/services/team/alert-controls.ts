/**
 * What /alerts shows and changes: the open conditions named the way the founder knows them, and each kind on,
 * off or muted for a week. The weekly summary names the open conditions the same way.
 */
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";
import { listOpenConditions } from "../../db/alert-conditions.js";
import { listKindControls, muteKindUntil, setKindOff } from "../../db/alert-controls.js";
import { getSegment } from "../../db/segments.js";
import { getMember } from "../../db/members.js";
import { localDate } from "../../domain/calendar.js";
import { CONDITION_KINDS, isKindSilent, MUTE_FOR_MS, type ConditionKind, type KindControl } from "../../domain/alerts.js";
import { formatMonth, memberName } from "../../shared/format.js";
import type { Translate } from "../../shared/i18n.js";
import type { OpenConditionLine } from "../../reports/weekly-summary.js";


/** A kind's state in /alerts. */
export interface KindState {
  kind: ConditionKind;
  on: boolean;
  /** set while a week's mute lasts */
  mutedUntil: number | null;
}

const SUBJECT = /^(segment|member|question)-(\d+)$/;

/** The subject's name: a month, a segment, a manager, a question's number, or the alert chat. */
function subjectName(db: Db, team: Team, subject: string, t: Translate): string {
  if (/^\d{4}-\d{2}$/.test(subject)) return formatMonth(t, subject);
  const match = SUBJECT.exec(subject);
  // A delivery subject is "chat-<id>": a group's id is negative, a person's private chat positive.
  if (!match) return Number(/^chat-(-?\d+)$/.exec(subject)?.[1] ?? -1) > 0 ? t("alert-subject-private-chat") : t("alert-subject-alert-chat");
  const id = Number(match[2]);
  if (match[1] === "segment") return getSegment(db, team.id, id)?.name ?? subject;
  if (match[1] === "member") {
    const member = getMember(db, id);
    return member ? memberName(member) : subject;
  }
  return `#${id}`;
}

/** The open conditions, oldest first; named in a recipient's language when `t` is called. */
export function openConditionLines(db: Db, team: Team): (t: Translate) => OpenConditionLine[] {
  const conditions = listOpenConditions(db, team.id);
  return (t) => conditions.map((c) => ({ kind: c.kind, subject: subjectName(db, team, c.subject, t), since: localDate(c.startedAt, team.timezone) }));
}

/** Every kind with whether it is said now. */
export function kindStates(db: Db, teamId: number, now: number): KindState[] {
  const controls = listKindControls(db, teamId);
  return CONDITION_KINDS.map((kind) => {
    const control: KindControl | undefined = controls.get(kind);
    const on = !(control?.off ?? false);
    return { kind, on, mutedUntil: on && isKindSilent(control, now) ? control!.mutedUntil : null };
  });
}

export function isConditionKind(text: string): text is ConditionKind {
  return (CONDITION_KINDS as readonly string[]).includes(text);
}

/** Turns a kind on (lifting any mute) or off. */
export function switchAlertKind(db: Db, teamId: number, kind: ConditionKind, on: boolean): void {
  setKindOff(db, teamId, kind, !on);
}

/** Mutes a kind for a week from `now`; returns when the mute ends. */
export function muteAlertKind(db: Db, teamId: number, kind: ConditionKind, now: number): number {
  const until = now + MUTE_FOR_MS;
  muteKindUntil(db, teamId, kind, until);
  return until;
}
