/**
 * What a lead-base write sends to other people, queued in the write's own transaction (the outbox rows land
 * with the event or not at all): the lead's notice of a refused attempt on a cooling, lost, closed or paused
 * company, the founder's burn alerts (src/jobs/burn-alerts.ts) and, after deals and refusals,
 * the plan alerts with the sweet lie (src/jobs/plan-alerts.ts).
 */
import type { Blocked, WriteHooks } from "./index.js";
import { segmentTotalsOf } from "../../db/burn-counters.js";
import { listMembers, type Member } from "../../db/members.js";
import type { Db } from "../../db/open.js";
import { enqueue } from "../../db/outbox.js";
import { getSegment } from "../../db/segments.js";
import type { Team } from "../../db/teams.js";
import { localDate } from "../../domain/calendar.js";
import { checkBurnAlerts } from "./burn-alerts.js";

import { checkPlanAlerts } from "../plan/plan-alerts.js";

import type { Translator } from "../../shared/i18n.js";
import { memberName, formatDay, formatPercent } from "../../shared/format.js";
import { coolingEndDays } from "../../db/companies.js";

/** What a write needs to tell others: who acted, in which team, when. */
export interface NoticeEnv {
  db: Db;
  translator: Translator;
  team: Team;
  member: Member;
  now: number;
}

/** The attempted command of a refused write. */
export type Attempted = "touch" | "refusal" | "deal";

/** A refused write's result, by its reason. */
export function isBlocked(result: { ok: boolean; reason?: string }): result is Blocked {
  return !result.ok && (result.reason === "cooling" || result.reason === "lost" || result.reason === "closed" || result.reason === "paused");
}

/** Who hears of refused attempts: the leads, else the founders — never the person who tried. */
function noticeRecipients(db: Db, team: Team, actor: Member): Member[] {
  const leads = listMembers(db, team.id, "lead").filter((m) => m.id !== actor.id);
  if (leads.length > 0) return leads;
  return listMembers(db, team.id, "founder").filter((m) => m.id !== actor.id);
}

/**
 * The first day a paused segment is expected to open by itself, if nothing else happens: the day enough of
 * its cooling companies have cooled down for the burned share to fall below the pause threshold. Null when
 * it cannot fall by itself (lost companies alone reach the threshold) — then only /unpause opens it.
 */
export function pausedSegmentOpensOn(db: Db, teamId: number, segmentId: number, pauseThreshold: number): string | null {
  const totals = segmentTotalsOf(db, teamId, segmentId);
  const size = totals.size ?? 0;
  if (size === 0) return null;
  let burned = (totals.cooling ?? 0) + (totals.lost ?? 0);
  const ends = coolingEndDays(db, teamId, segmentId);
  for (const day of ends) {
    burned--;
    if (burned / size < pauseThreshold) return day;
  }
  return null;
}

/** The words a blocked reply and notice share: the segment, its share and when it may open. */
export function pausedDetails(db: Db, team: Team, segmentId: number): { segment: string; share: string; threshold: string; date: string | null } {
  const totals = segmentTotalsOf(db, team.id, segmentId);
  const size = totals.size ?? 0;
  const share = size > 0 ? ((totals.cooling ?? 0) + (totals.lost ?? 0)) / size : 0;
  const opens = pausedSegmentOpensOn(db, team.id, segmentId, team.pauseThreshold);
  return {
    segment: getSegment(db, team.id, segmentId)?.name ?? "?",
    share: formatPercent(share),
    threshold: formatPercent(team.pauseThreshold),
    date: opens === null ? null : formatDay(opens),
  };
}

/**
 * Tells the lead that `env.member` tried to work a company the rules close (the attempt is logged
 * and the lead is told). Once per company, person and day: a manager retrying all afternoon is one notice,
 * while every attempt stays in the company's history. Returns how many messages were queued.
 */
export function notifyBlocked(env: NoticeEnv, db: Db, blocked: Blocked, attempted: Attempted): number {
  const today = localDate(env.now, env.team.timezone);
  const paused = blocked.reason === "paused" ? pausedDetails(db, env.team, blocked.segmentId) : null;
  let queued = 0;
  for (const recipient of noticeRecipients(db, env.team, env.member)) {
    const t = env.translator.forLocale(recipient.locale ?? env.team.locale);
    const vars = {
      who: memberName(env.member),
      company: blocked.companyName,
      action: t(`base-action-${attempted}`),
      date: blocked.availableFrom ? formatDay(blocked.availableFrom) : "",
      segment: paused?.segment ?? "",
      share: paused?.share ?? "",
      threshold: paused?.threshold ?? "",
    };
    const chatId = recipient.chatId ?? recipient.userId;
    const fresh = enqueue(
      db,
      {
        teamId: env.team.id,
        chatId,
        kind: "base-blocked",
        key: `base-blocked:${blocked.companyId}:${env.member.id}:${today}:${chatId}`,
        message: { method: "sendMessage", text: t(`base-notice-blocked-${blocked.reason}`, vars) },
      },
      env.now,
    );
    if (fresh) queued++;
  }
  return queued;
}

/**
 * Hooks for a lead-base write: after it (inside its transaction) the lead's notice of a refused attempt, the
 * burn alerts (the write may have closed handling windows or burned a company for good), and for deals and
 * refusals the plan alerts. `queued()` says whether anything went to the outbox.
 */
export function noticeHooks<R extends { ok: boolean; reason?: string }>(
  env: NoticeEnv,
  attempted: Attempted | null,
  planAlerts: boolean,
): WriteHooks<R> & { queued: () => boolean } {
  let count = 0;
  return {
    inTransaction(result, db) {
      if (attempted !== null && isBlocked(result)) count += notifyBlocked(env, db, result, attempted);
      // runWrite finalized what is due at env.now before the write, in this transaction.
      count += checkBurnAlerts(db, env.team.id, env.now, { translator: env.translator, finalized: true, team: env.team }).length;
      if (planAlerts && result.ok) count += checkPlanAlerts(db, env.team.id, env.now, { translator: env.translator }).length;
    },
    queued: () => count > 0,
  };
}
