/** /lead: a company's card as chat text — who it is, its state now and its latest history. */
import type { CompanyCard } from "../../services/leads/index.js";
import { correctionReplacedBy } from "../../db/corrections.js";
import { getMember } from "../../db/members.js";
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";
import { addDays, localDate, localTime, weekday, zonedInstant } from "../../domain/calendar.js";
import { BASE_CLOSE_REASONS, REFUSAL_REASONS } from "../../domain/company-state.js";

import type { Translate } from "../../shared/i18n.js";
import { memberName, formatDay, quoted } from "../../shared/format.js";

const LABELLED_REASONS: ReadonlySet<string> = new Set([...REFUSAL_REASONS, ...BASE_CLOSE_REASONS]);

/** A refusal reason or close reason as people read it; a team's own close reason as written. */
export function reasonLabel(t: Translate, reason: string): string {
  return LABELLED_REASONS.has(reason) ? t(`base-reason-${reason}`) : reason;
}

/** 'DD.MM.YYYY HH:MM' in the team time zone. */
export function formatMoment(at: number, timezone: string): string {
  return `${formatDay(localDate(at, timezone))} ${localTime(at, timezone)}`;
}

/**
 * When a refusal is to be worked out by, for the manager: "the end of Tue 10.03.2026" when its window ends at
 * local midnight (every window since it counts working days), else the exact moment of an older window.
 */
export function formatDeadline(t: Translate, windowEndAt: number, timezone: string): string {
  const day = addDays(localDate(windowEndAt, timezone), -1);
  if (zonedInstant(addDays(day, 1), "00:00", timezone).getTime() !== windowEndAt) return formatMoment(windowEndAt, timezone);
  return t("base-deadline-end-of-day", { day: formatDay(day), weekday: t(`settings-weekday-${weekday(day)}`) });
}

/** History entries on a card and the part of each comment shown: the card stays within one message. */
export const CARD_HISTORY = 10;
const COMMENT_CHARS = 150;

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The card text of one company at the card's moment (the latest CARD_HISTORY events). */
export function renderCompanyCard(db: Db, team: Team, card: CompanyCard, t: Translate): string {
  const { company, state } = card;
  const lines = [company.name];
  const about = [t("base-card-segment", { segment: card.segmentName })];
  if (company.inn) about.push(t("base-card-inn", { inn: company.inn }));
  lines.push(about.join(" · "));
  const contacts: string[] = [];
  const owner = company.ownerMemberId === null ? undefined : getMember(db, company.ownerMemberId);
  if (owner) contacts.push(t("base-card-owner", { owner: memberName(owner) }));
  else if (company.ownerUsername) contacts.push(t("base-card-owner", { owner: `@${company.ownerUsername}` }));
  if (company.phone) contacts.push(company.phone);
  if (company.email) contacts.push(company.email);
  if (contacts.length > 0) lines.push(contacts.join(" · "));
  lines.push(
    state.state === "cooling" && state.cooldownUntil
      ? t("base-card-state-cooling", { date: formatDay(state.cooldownUntil) })
      : t("base-card-state", { state: t(`base-state-${state.state}`) }),
  );
  const pending = state.refusals.filter((r) => r.status === "pending");
  if (pending.length > 0) {
    const until = Math.min(...pending.map((r) => r.windowEndAt));
    lines.push(t("base-card-window", { until: formatDeadline(t, until, team.timezone), company: company.name }));
  }
  if (card.history.length === 0) {
    lines.push("", t("base-card-no-history"));
    return lines.join("\n");
  }
  lines.push("", t("base-card-history"));
  const names = new Map<number, string>();
  const who = (memberId: number | null): string => {
    if (memberId === null) return "—";
    let name = names.get(memberId);
    if (name === undefined) {
      const member = getMember(db, memberId);
      name = member ? memberName(member) : `#${memberId}`;
      names.set(memberId, name);
    }
    return name;
  };
  for (const event of card.history.slice(0, CARD_HISTORY)) {
    const when = formatMoment(event.at, team.timezone);
    let what: string;
    switch (event.kind) {
      case "refusal": {
        const status = event.status === null ? "" : t(`base-refusal-status-${event.status}`);
        what = t(event.lostForGood ? "base-history-refusal-lost" : "base-history-refusal", {
          reason: reasonLabel(t, event.reason ?? "other"),
          status,
        });
        break;
      }
      case "close":
        what = t("base-history-close", { reason: reasonLabel(t, event.reason ?? "") });
        break;
      case "blocked":
        what = t("base-history-blocked", { action: t(`base-action-${event.attempted ?? "touch"}`), reason: t(`base-block-${event.reason ?? "closed"}`) });
        break;
      default:
        what = t(`base-history-${event.kind}`);
    }
    // A corrected record stays on the card: the voided one marked, the one written in its place marked too.
    if (event.voidedBy !== null) what = t("corr-history-voided", { what });
    else if (correctionReplacedBy(db, team.id, "event", event.id)) what = t("corr-history-replacement", { what });
    const vars = { when, what, who: who(event.memberId) };
    lines.push(event.comment ? t("base-history-line-comment", { ...vars, comment: quoted(shorten(event.comment, COMMENT_CHARS)) }) : t("base-history-line", vars));
  }
  return lines.join("\n");
}
