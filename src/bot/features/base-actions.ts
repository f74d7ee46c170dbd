/**
 * The lead-base commands as actions on one company: finding the company a line means, doing the write
 * (src/services/leads, one transaction with its notices and alerts) and saying what happened. Used by the commands,
 * by the buttons that continue a command once an unknown name was resolved, and by the refusal dialogue —
 * so every path writes and answers the same way.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import {
  closeCompany,
  companyCard,
  recordDeal,
  recordHandled,
  recordRefusal,
  recordTouch,
  suggestCompanies,
  unfreezeCompany,
  type Blocked,
  type CompanySuggestion,
} from "../../services/leads/index.js";
import { baseContext, burnSettingsOf } from "../../services/leads/context.js";
import { blockFor } from "../../services/leads/enforce.js";
import { finalizeInTransaction } from "../../services/leads/finalize.js";
import { readBurnSettings } from "../../db/burn-counters.js";
import { getCompany, type Company } from "../../db/companies.js";
import type { Member, Role } from "../../db/members.js";
import { callbackData, id } from "../../shared/telegram/callback-data.js";
import type { Db } from "../../db/open.js";
import type { Team } from "../../db/teams.js";

import { allowedCloseReasons, type RefusalReason } from "../../domain/company-state.js";

import type { Locale, Translate, Translator } from "../../shared/i18n.js";
import type { Reading } from "./base-args.js";
import { CARD_HISTORY, formatDeadline, reasonLabel, renderCompanyCard } from "./base-card.js";
import { CORRECTABLE_KINDS, dealWarnings, recordSummary } from "../../services/corrections/index.js";
import { recordLabel } from "./correction-text.js";
import { recordButton } from "./correction-buttons.js";
import { dealWarningText, holdEntry } from "./entry-confirm.js";
import { isBlocked, noticeHooks, pausedDetails, type Attempted, type NoticeEnv } from "../../services/leads/notify.js";
import { button, keyboard } from "../../shared/telegram/keyboard.js";
import { localDate } from "../../domain/calendar.js";
import { formatDay, formatMoney } from "../../shared/format.js";
import { findExactCompany } from "../../services/leads/lookup.js";

/** What a command asks to do with the company it names. */
export type BaseAction =
  | { cmd: "touch"; comment: string | null }
  | { cmd: "refusal"; reason: RefusalReason | null; lostForGood: boolean; comment: string | null }
  | { cmd: "handled" }
  /** confirmed: the sender pressed [Yes, save it] on a deal that looked like a slip */
  | { cmd: "deal"; amountKopecks: number; confirmed?: boolean }
  | { cmd: "close"; reason: string | null }
  | { cmd: "unfreeze" }
  | { cmd: "lead" };

export type BaseCommand = BaseAction["cmd"];

/** `bclose:<company id>:<index of the team's close reason>`. */
export const closeReasonButton = callbackData("bclose", { company: id, reason: { pattern: "\\d{1,3}", read: Number, write: String } });

/** Who corrects anyone's record (on the card, in /deals and /expenses); everyone takes back their own with /undo. */
export const EDITOR_ROLES: Role[] = ["founder", "lead"];

/** Actions an unknown name may be added for with [Add as new] (a new company has nothing to handle or unfreeze). */
export const ADDABLE: ReadonlySet<BaseCommand> = new Set<BaseCommand>(["touch", "refusal", "deal", "lead"]);

/** Everything an action needs, read at the moment it runs. */
export interface ActionEnv extends NoticeEnv {
  t: Translate;
  locale: Locale;
}

/** What to answer the person who acted. */
export interface ActionOutcome {
  text: string;
  markup?: InlineKeyboardMarkup;
  /** messages went to the outbox: wake it */
  queued: boolean;
  /** the refusal needs its reason: start the dialogue for this company */
  dialogue?: { companyId: number; companyName: string };
  /** a refusal was recorded: its event (the dialogue adds the comment to it) */
  refusalEventId?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Which company a line means

export type Resolution<T> =
  | { kind: "found"; reading: Reading<T>; company: Company }
  /** more than one reading names an existing company: the user must separate with `;` */
  | { kind: "ambiguous" }
  | { kind: "not-found"; reading: Reading<T>; suggestions: CompanySuggestion[] };

/** The company a name means; a match without the legal form is weaker than a full name or INN. */
function exactCompany(db: Db, teamId: number, text: string): { company: Company; strong: boolean } | null {
  const hit = findExactCompany(db, teamId, text);
  return hit && { company: hit.company, strong: hit.matchedBy !== "core" };
}

/**
 * The first reading whose company exists; a full-name or INN match beats a match without the legal form.
 * Two readings naming different companies are ambiguous. None: the closest names to the preferred reading.
 */
export function resolveReadings<T>(db: Db, teamId: number, readings: Reading<T>[]): Resolution<T> {
  const hits = readings.flatMap((reading) => {
    const hit = exactCompany(db, teamId, reading.company);
    return hit ? [{ reading, ...hit }] : [];
  });
  const strong = hits.filter((hit) => hit.strong);
  const best = strong.length > 0 ? strong : hits;
  if (best.length > 0) {
    if (new Set(best.map((hit) => hit.company.id)).size > 1) return { kind: "ambiguous" };
    return { kind: "found", reading: best[0]!.reading, company: best[0]!.company };
  }
  const reading = readings[0]!;
  return { kind: "not-found", reading, suggestions: suggestCompanies(db, teamId, reading.company, 5) };
}

// ---------------------------------------------------------------------------------------------------------
// Doing it

/** The reply to a refused attempt: why, and when the company opens again. */
export function blockedText(env: ActionEnv, blocked: Blocked, attempted: Attempted): string {
  const action = env.t(`base-action-${attempted}`);
  switch (blocked.reason) {
    case "cooling":
      return env.t("base-blocked-cooling", { company: blocked.companyName, action, date: formatDay(blocked.availableFrom ?? "") });
    case "lost":
      return env.t("base-blocked-lost", { company: blocked.companyName, action });
    case "closed":
      return env.t("base-blocked-closed", { company: blocked.companyName, action });
    case "paused": {
      const details = pausedDetails(env.db, env.team, blocked.segmentId);
      const vars = { company: blocked.companyName, action, segment: details.segment, share: details.share, threshold: details.threshold };
      return details.date === null
        ? env.t("base-blocked-paused-no-date", vars)
        : env.t("base-blocked-paused", { ...vars, date: details.date });
    }
  }
}

/** The team's close reasons as people read them, with the keys to type. */
export function allowedCloseList(t: Translate, team: Team): string {
  return allowedCloseReasons(team.closeReasons)
    .map((reason) => {
      const label = reasonLabel(t, reason);
      return label === reason ? reason : `${label} (${reason})`;
    })
    .join(", ");
}

/** [ЛПР умер] [Бизнес закрылся] [...]: the team's close reasons as buttons for one company. */
export function closeReasonButtons(t: Translate, team: Team, companyId: number): InlineKeyboardMarkup {
  const reasons = allowedCloseReasons(team.closeReasons);
  return keyboard(reasons.map((reason, index) => [button(reasonLabel(t, reason).slice(0, 60), closeReasonButton.pack({ company: companyId, reason: index }))]));
}

function money(env: ActionEnv, kopecks: number): string {
  return formatMoney(kopecks, env.locale, env.team.currency);
}

/** Why a refusal on a client is not logged: the company bought, on that day. */
function clientText(env: ActionEnv, company: string, wonAt: number): string {
  return env.t("base-refusal-client", { company, day: formatDay(localDate(wonAt, env.team.timezone)) });
}

/** Whether a write on the company would be refused now (after what time has made due). */
function blockedNow(db: Db, teamId: number, now: number, companyId: number): boolean {
  const ctx = baseContext(db, teamId, now);
  finalizeInTransaction(ctx);
  const company = getCompany(db, teamId, companyId);
  return company !== undefined && blockFor(ctx, company) !== null;
}

/** Does `action` on `company` for `env.member` and says what happened. */
export function performAction(env: ActionEnv, action: BaseAction, company: Company): ActionOutcome {
  const { db, t } = env;
  const input = { teamId: env.team.id, companyId: company.id, memberId: env.member.id, now: env.now, settings: burnSettingsOf(env.team) };
  const name = company.name;
  const gone: ActionOutcome = { text: t("base-company-gone", { company: name }), queued: false };
  switch (action.cmd) {
    case "touch": {
      const hooks = noticeHooks(env, "touch", false);
      const result = recordTouch(db, { ...input, comment: action.comment }, hooks);
      if (result.ok) return { text: t(result.firstContact ? "base-touch-first" : "base-touch-done", { company: name }), queued: hooks.queued() };
      if (isBlocked(result)) return { text: blockedText(env, result, "touch"), queued: hooks.queued() };
      return { ...gone, queued: hooks.queued() };
    }
    case "refusal": {
      if (company.wonAt !== null && action.reason === null) return { text: clientText(env, name, company.wonAt), queued: false };
      if (action.reason === null) {
        // Asking three questions only to refuse at the end helps nobody: a closed company is refused (and
        // the attempt logged) now. Checked and refused in one transaction, so the check cannot go stale.
        const refused = db.transaction(() =>
          blockedNow(db, env.team.id, env.now, company.id) ? performAction(env, { ...action, reason: "other" }, company) : null,
        ).immediate();
        return refused ?? { text: "", queued: false, dialogue: { companyId: company.id, companyName: name } };
      }
      const hooks = noticeHooks(env, "refusal", true);
      const result = recordRefusal(db, { ...input, reason: action.reason, lostForGood: action.lostForGood, comment: action.comment }, hooks);
      const reason = reasonLabel(t, action.reason);
      if (result.ok) {
        const text = result.lostForGood
          ? t("base-refusal-lost", { company: name, reason })
          : t("base-refusal-done", {
              company: name,
              reason,
              until: formatDeadline(t, result.windowEndAt!, env.team.timezone),
              cooldown: formatDay(result.cooldownUntil!),
            });
        return { text, queued: hooks.queued(), refusalEventId: result.eventId };
      }
      if (isBlocked(result)) return { text: blockedText(env, result, "refusal"), queued: hooks.queued() };
      if (result.reason === "client") return { text: clientText(env, name, result.wonAt), queued: hooks.queued() };
      if (result.reason === "comment-too-long") return { text: t("base-error-comment-too-long", { max: 1000 }), queued: false };
      if (result.reason === "invalid-reason") return { text: t("base-error-reason", { text: action.reason }), queued: false };
      return { ...gone, queued: hooks.queued() };
    }
    case "handled": {
      const hooks = noticeHooks(env, null, false);
      const result = recordHandled(db, input, hooks);
      if (result.ok) return { text: t("base-handled-done", { company: name, count: result.handledRefusals }), queued: hooks.queued() };
      if (result.reason === "nothing-to-handle") {
        return { text: t("base-handled-nothing", { company: name, days: env.team.handlingDays }), queued: hooks.queued() };
      }
      if (result.reason === "closed") return { text: t("base-company-closed", { company: name }), queued: hooks.queued() };
      return { ...gone, queued: hooks.queued() };
    }
    case "deal": {
      if (action.confirmed !== true) {
        const entry = { teamId: env.team.id, memberId: env.member.id, companyId: company.id, amountKopecks: action.amountKopecks };
        const warnings = dealWarnings(db, { ...entry, now: env.now, timezone: env.team.timezone });
        if (warnings.length > 0) {
          return {
            text: dealWarningText(warnings, { company: name, amountKopecks: action.amountKopecks }, { t, locale: env.locale, currency: env.team.currency }),
            markup: holdEntry(db, env.team.id, env.member.id, { kind: "deal", companyId: company.id, amountKopecks: action.amountKopecks }, env.now, t),
            queued: false,
          };
        }
      }
      const hooks = noticeHooks(env, "deal", true);
      const result = recordDeal(db, { ...input, amountKopecks: action.amountKopecks }, hooks);
      if (result.ok) {
        const lines = [t("base-deal-done", { company: name, amount: money(env, action.amountKopecks) })];
        if (result.firstWin) lines.push(t("base-deal-first-win"));
        if (result.handledRefusals > 0) lines.push(t("base-deal-handled", { count: result.handledRefusals }));
        return { text: lines.join("\n"), queued: hooks.queued() };
      }
      if (isBlocked(result)) return { text: blockedText(env, result, "deal"), queued: hooks.queued() };
      if (result.reason === "invalid-amount") return { text: t("base-error-amount", { text: String(action.amountKopecks / 100) }), queued: false };
      return { ...gone, queued: hooks.queued() };
    }
    case "close": {
      if (action.reason === null) {
        return { text: t("base-close-ask", { company: name }), markup: closeReasonButtons(t, env.team, company.id), queued: false };
      }
      const hooks = noticeHooks(env, null, false);
      const result = closeCompany(db, { ...input, reason: action.reason }, hooks);
      if (result.ok) return { text: t("base-close-done", { company: name, reason: reasonLabel(t, result.reason) }), queued: hooks.queued() };
      if (result.reason === "reason-not-allowed") {
        return {
          text: `${t("base-close-not-allowed", { reason: action.reason, allowed: allowedCloseList(t, env.team) })}\n${t("base-usage-close")}`,
          queued: hooks.queued(),
        };
      }
      if (result.reason === "closed") return { text: t("base-company-closed", { company: name }), queued: hooks.queued() };
      return { ...gone, queued: hooks.queued() };
    }
    case "unfreeze": {
      const hooks = noticeHooks(env, null, false);
      const result = unfreezeCompany(db, input, hooks);
      if (result.ok) return { text: t(result.was === "lost" ? "base-unfreeze-lost" : "base-unfreeze-done", { company: name }), queued: hooks.queued() };
      if (result.reason === "not-frozen") return { text: t("base-unfreeze-not-frozen", { company: name }), queued: hooks.queued() };
      if (result.reason === "closed") return { text: t("base-company-closed", { company: name }), queued: hooks.queued() };
      return { ...gone, queued: hooks.queued() };
    }
    case "lead": {
      const card = companyCard(db, env.team.id, company.id, env.now);
      if (!card) return gone;
      const text = renderCompanyCard(db, env.team, card, t);
      if (!EDITOR_ROLES.includes(env.member.role)) return { text, queued: false };
      // The lead and the founder correct a record from the card: one button per recent record still counting.
      const format = { t, locale: env.locale, currency: env.team.currency, timezone: env.team.timezone };
      const rows = card.history
        .slice(0, CARD_HISTORY)
        .filter((event) => event.voidedBy === null && CORRECTABLE_KINDS.has(event.kind))
        .flatMap((event) => recordSummary(db, env.team.id, "event", event.id) ?? [])
        .map((record) => [button(`✏️ ${recordLabel(record, format, 50)}`, recordButton.pack({ record: "event", id: record.id }))]);
      return { text, markup: rows.length > 0 ? keyboard(rows) : undefined, queued: false };
    }
  }
}

/** The team's close reasons, as stored now (the settings may change between a reply and a button press). */
export function currentCloseReasons(db: Db, teamId: number): string[] {
  return allowedCloseReasons(readBurnSettings(db, teamId).closeReasons);
}

/** The environment of an action by `member`. */
export function actionEnv(
  deps: { db: Db; translator: Translator },
  team: Team,
  member: Member,
  now: number,
  locale: Locale,
): ActionEnv {
  return { db: deps.db, translator: deps.translator, team, member, now, t: deps.translator.forLocale(locale), locale };
}
