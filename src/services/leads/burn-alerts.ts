/**
 * Burn alerts to the founder's alert chat (docs/figures.md): **burn high** (the month's burn rate ≥ the burn threshold)
 * and **segment paused** (a segment's burned share reached the pause threshold and no /unpause holds). The
 * "sweet lie" (forecast meets the plan while the base burns) is the plan's alert: src/jobs/plan-alerts.ts.
 *
 * `checkBurnAlerts` reads the same report /burn shows (loadBurnReport, current month, as of today) and queues
 * each alert that holds through the outbox, at most once per kind, subject (the month; the segment) and local
 * day — the idempotency key says so — so calling it again is always safe. It runs inside every lead-base write
 * of the bot (a refusal, and the window closings the write finalizes) and from the burn-alerts job during the
 * working day, for burns that happen by themselves when a handling window closes.
 */
import type { Db } from "../../db/open.js";
import { getTeam, type Team } from "../../db/teams.js";
import { enqueue } from "../../db/outbox.js";

import { localDate } from "../../domain/calendar.js";
import type { BurnReport } from "../../domain/burn.js";
import { loadBurnReport } from "./burn-report.js";
import { baseContext } from "./context.js";
import { finalizeInTransaction } from "./finalize.js";
import { burnAlertSums } from "../../db/burn-counters.js";
import { inImmediateTransaction } from "../../db/statements.js";
import { share } from "../../domain/burn.js";
import { createTranslator, type Translate, type Translator } from "../../shared/i18n.js";

import { founderAlertRecipients } from "../team/alert-recipients.js";
import { formatPercent, formatMonth } from "../../shared/format.js";

export type BurnAlertKind = "burn-high" | "segment-paused";

/** One alert that holds now: its kind, its subject (for the key) and how to say it. */
interface HoldingAlert {
  kind: BurnAlertKind;
  subject: string;
  text: (t: Translate) => string;
}

let sharedTranslator: Translator | undefined;

function holdingAlerts(report: BurnReport, team: Team): HoldingAlert[] {
  const f = report.figures;
  const period = f.period.from.slice(0, 7);
  const holding: HoldingAlert[] = [];
  if (report.alerts.burnHigh) {
    holding.push({
      kind: "burn-high",
      subject: period,
      text: (t) =>
        t("burn-alert-high", {
          month: formatMonth(t, period),
          burned: f.burned,
          contacted: f.contacted,
          burnRate: formatPercent(f.burnRate),
          threshold: formatPercent(team.burnThreshold),
          days: team.handlingDays,
        }),
    });
  }
  f.segments.forEach((segment, index) => {
    if (!segment.paused) return;
    const segmentId = report.segmentDetails[index]!.segmentId;
    holding.push({
      kind: "segment-paused",
      subject: `segment-${segmentId}`,
      text: (t) =>
        t("burn-alert-paused", {
          segment: segment.name,
          share: formatPercent(segment.burnedShare),
          threshold: formatPercent(team.pauseThreshold),
          cooling: segment.coolingNow,
          lost: segment.lost,
          size: segment.size,
        }),
    });
  });
  return holding;
}

/**
 * False when no burn alert can hold as of `now` (once what is due is finalized), read from a few counter sums
 * instead of the whole report (every lead-base write checks the alerts, so this runs with each /touch).
 * Today's report takes the month's sums up to today and each segment's totals (nothing is dated after today),
 * so "the month burns" is decided exactly and "a segment is paused" needs at least one segment at the pause
 * threshold; only then is the full report read.
 */
function mayHold(db: Db, team: Team, now: number): boolean {
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
  if (!team) return [];
  if (!options.finalized) inImmediateTransaction(db, () => finalizeInTransaction(baseContext(db, team.id, now)));
  if (!mayHold(db, team, now)) return [];
  const report = loadBurnReport(db, teamId, { now });
  const holding = holdingAlerts(report, team);
  if (holding.length === 0) return [];
  const today = report.figures.asOf;
  const translator = options.translator ?? (sharedTranslator ??= createTranslator());
  const recipients = founderAlertRecipients(db, team);
  const queued = new Set<BurnAlertKind>();
  db.transaction(() => {
    for (const alert of holding) {
      for (const recipient of recipients) {
        const fresh = enqueue(
          db,
          {
            teamId: team.id,
            chatId: recipient.chatId,
            kind: `alert-${alert.kind}`,
            key: `alert:${alert.kind}:${alert.subject}:${today}:${recipient.chatId}`,
            message: { method: "sendMessage", text: alert.text(translator.forLocale(recipient.locale)) },
          },
          now,
        );
        if (fresh) queued.add(alert.kind);
      }
    }
  })();
  return [...queued];
}
