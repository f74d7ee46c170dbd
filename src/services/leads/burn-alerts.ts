/**
 * Burn alerts to the founder's alert chat: **burn high** (the month's burn rate ≥ the burn threshold, with at
 * least the team's minimum of companies contacted) and **segment paused** (a segment's burned share reached the
 * pause threshold and no /unpause holds). The "sweet lie" is the plan's alert: services/plan/plan-alerts.ts.
 *
 * `checkBurnAlerts` reads the same report /burn shows (current month, as of today) and says each condition's
 * start, clear worsening and end once (services/team/alert-conditions.ts), so calling it again is always safe.
 * It runs inside every lead-base write of the bot and from the burn-alerts job during the working day, for
 * burns that happen by themselves when a handling window closes; in quiet time it checks nothing.
 */
import type { Db } from "../../db/open.js";
import { getTeam, type Team } from "../../db/teams.js";
import { listOpenConditions } from "../../db/alert-conditions.js";

import { localDate } from "../../domain/calendar.js";
import type { BurnReport } from "../../domain/burn.js";
import { loadBurnReport } from "./burn-report.js";
import { baseContext } from "./context.js";
import { finalizeInTransaction } from "./finalize.js";
import { burnAlertSums } from "../../db/burn-counters.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { share } from "../../domain/burn.js";
import { createTranslator, type Translator } from "../../shared/i18n.js";

import { sayConditions, stepText, type ConditionCheck } from "../team/alert-conditions.js";
import { burnClearlyBelow, hasBurnSample, isQuietTime } from "../../domain/alerts.js";
import { teamCalendar } from "../../domain/settings.js";
import { formatPercent, formatMonth } from "../../shared/format.js";

export type BurnAlertKind = "burn-high" | "segment-paused";

let sharedTranslator: Translator | undefined;

/** Burn high for the month and segment paused for every segment, as condition checks. */
function burnChecks(report: BurnReport, team: Team): ConditionCheck[] {
  const f = report.figures;
  const period = f.period.from.slice(0, 7);
  const high: ConditionCheck = {
    kind: "burn-high",
    subject: period,
    reading: {
      holds: report.alerts.burnHigh && hasBurnSample(f.contacted, team.minContacted),
      value: f.burnRate,
      clear: burnClearlyBelow(f.burnRate, team.burnThreshold),
    },
    text: (step, t) =>
      stepText(
        step,
        t("burn-alert-high", {
          month: formatMonth(t, period),
          burned: f.burned,
          contacted: f.contacted,
          burnRate: formatPercent(f.burnRate),
          threshold: formatPercent(team.burnThreshold),
          days: team.handlingDays,
        }),
        "burn-high",
        t,
        formatMonth(t, period),
      ),
  };
  const paused = f.segments.map(
    (segment, index): ConditionCheck => ({
      kind: "segment-paused",
      subject: `segment-${report.segmentDetails[index]!.segmentId}`,
      reading: { holds: segment.paused, value: segment.burnedShare },
      text: (step, t) =>
        stepText(
          step,
          t("burn-alert-paused", {
            segment: segment.name,
            share: formatPercent(segment.burnedShare),
            threshold: formatPercent(team.pauseThreshold),
            cooling: segment.coolingNow,
            lost: segment.lost,
            size: segment.size,
          }),
          "segment-paused",
          t,
          segment.name,
        ),
    }),
  );
  return [high, ...paused];
}

/**
 * False when no burn alert can hold as of `now` (once what is due is finalized), read from a few counter sums
 * instead of the whole report (every lead-base write checks the alerts, so this runs with each /touch).
 * Today's report takes the month's sums up to today and each segment's totals (nothing is dated after today),
 * so "the month burns" is decided exactly and "a segment is paused" needs at least one segment at the pause
 * threshold; only then is the full report read.
 */
function mayHold(db: Db, team: Team, now: number): boolean {
  if (listOpenConditions(db, team.id).some((c) => c.kind === "burn-high" || c.kind === "segment-paused")) return true;
  const today = localDate(now, team.timezone);
  const sums = burnAlertSums(db, team.id, today.slice(0, 7), today);
  if (sums.contacted > 0 && share(sums.burned, sums.contacted) >= team.burnThreshold) return true;
  return sums.maxSegmentShare >= team.pauseThreshold;
}

/**
 * Queues every burn alert that holds as of `now` (team-local day) to the founder's alert chat; returns the
 * kinds newly queued (the caller wakes the outbox when any). Safe inside the caller's transaction.
 */
export function checkBurnAlerts(
  db: Db,
  teamId: number,
  now: number,
  options: {
    translator?: Translator;
    /** the caller's transaction already finalized what is due at `now` (a lead-base write) */
    finalized?: boolean;
    /** the team's settings when the caller has them (the bot reads them once per update) */
    team?: Team;
  } = {},
): BurnAlertKind[] {
  const team = options.team?.id === teamId ? options.team : getTeam(db, teamId);
  if (!team || isQuietTime(now, { calendar: teamCalendar(team), checkupTime: team.checkupTime, cutoffTime: team.cutoffTime })) return [];
  if (!options.finalized) inImmediateTransaction(db, () => finalizeInTransaction(baseContext(db, team.id, now)));
  if (!mayHold(db, team, now)) return [];
  const report = loadBurnReport(db, teamId, { now });
  const translator = options.translator ?? (sharedTranslator ??= createTranslator());
  return sayConditions(db, team, now, BURN_KINDS, burnChecks(report, team), translator) as BurnAlertKind[];
}

const BURN_KINDS: readonly BurnAlertKind[] = ["burn-high", "segment-paused"];
