/**
 * Founder alerts are about conditions, not days: a condition (plan behind for the month, a segment paused, ...)
 * is said when it starts, once more when it gets clearly worse, and, for the kinds where the news is welcome,
 * once when it is over. Pure: the caller reads the stored state of the condition and writes back what it said.
 */
import { isWorkingDay, localDate, localTime, type TeamCalendar } from "./calendar.js";

export const CONDITION_KINDS = [
  "plan-behind",
  "budget-overrun",
  "burn-high",
  "sweet-lie",
  "segment-paused",
  "missed-checkups",
  "question-unanswered",
  "delivery-failing",
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** How long [Mute this kind for a week] keeps a kind silent. */
export const MUTE_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** What the founder chose for one kind: off in /alerts, or muted until a moment. */
export interface KindControl {
  off: boolean;
  mutedUntil: number | null;
}

/** A silent kind is still followed (its conditions start and end) but nothing about it is said. */
export function isKindSilent(control: KindControl | undefined, now: number): boolean {
  return control !== undefined && (control.off || (control.mutedUntil !== null && now < control.mutedUntil));
}

/** Kinds whose end is worth a line: the founder acted on them or waits for them to pass. */
const SAYS_OVER: ReadonlySet<ConditionKind> = new Set(["plan-behind", "burn-high", "sweet-lie", "segment-paused"]);

/** How far the figure must move from what was said for "worse": 10 points of burn rate or of plan. */
export const WORSE_BY = 0.1;

/** Which way "worse" goes for a kind's figure; kinds without one never say "worse". */
const WORSE_DIRECTION: Partial<Record<ConditionKind, 1 | -1>> = { "burn-high": 1, "plan-behind": -1 };

/** The stored state of a condition that is open. */
export interface OpenCondition {
  startedAt: number;
  /** The figure said at the start (burn rate; forecast as a share of plan). */
  toldValue: number | null;
  worseTold: boolean;
}

/** What the check sees now for one condition's subject. */
export interface ConditionReading {
  holds: boolean;
  value: number | null;
  /**
   * The condition is clearly gone (default: it does not hold). A figure that hovers at its threshold would
   * otherwise start and end the condition day after day; an open one ends only past a margin (END_MARGIN).
   */
  clear?: boolean;
}

/** How far past its threshold a figure must be for an open condition to end: 5 points. */
export const END_MARGIN = 0.05;

/** Burn is clearly below the threshold: by END_MARGIN or more. */
export function burnClearlyBelow(burnRate: number | null, threshold: number): boolean {
  return burnRate !== null && burnRate < threshold - END_MARGIN;
}

/** `over-silent`: the condition ended but its end is not news (a budget overrun, a month gone by). */
export type AlertStep = "start" | "worse" | "over" | "over-silent" | null;

/** Decides what to say about one condition given what holds now and what was stored. */
export function nextAlertStep(kind: ConditionKind, reading: ConditionReading, open: OpenCondition | null): AlertStep {
  if (!open) return reading.holds ? "start" : null;
  if (!reading.holds) {
    if (!(reading.clear ?? true)) return null;
    return SAYS_OVER.has(kind) ? "over" : "over-silent";
  }
  return isClearlyWorse(kind, reading.value, open) ? "worse" : null;
}

function isClearlyWorse(kind: ConditionKind, value: number | null, open: OpenCondition): boolean {
  const direction = WORSE_DIRECTION[kind];
  if (!direction || open.worseTold || value === null || open.toldValue === null) return false;
  // Rounded to a hundredth of a point so 40% - 30% counts as 10 points despite binary fractions.
  return Math.round((value - open.toldValue) * direction * 10_000) >= WORSE_BY * 10_000;
}

/** True when a month's burn figures rest on enough contacts to judge (`min` from the team's settings). */
export function hasBurnSample(contacted: number, min: number): boolean {
  return contacted >= min;
}

/** The hours of the day the founder hears unscheduled alerts: check-up time to cut-off, on working days. */
export interface AlertHours {
  calendar: TeamCalendar;
  checkupTime: string;
  cutoffTime: string;
}

/**
 * Quiet time: a day off, or before the check-up time or from the cut-off on. Nothing unscheduled is said then;
 * the morning's checks find what came up and say it.
 */
export function isQuietTime(now: number, hours: AlertHours): boolean {
  const tz = hours.calendar.timezone;
  if (!isWorkingDay(localDate(now, tz), hours.calendar)) return true;
  const time = localTime(now, tz);
  return time < hours.checkupTime || time >= hours.cutoffTime;
}
