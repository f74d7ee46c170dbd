/**
 * The burn report rendered for people: the /burn text and the chart input, both from one BurnReport
 * (computeBurnFigures in src/domain/burn.ts via loadBurnReport), the same object the JSON report prints.
 * Nothing here computes a figure of its own; percents are the fractions rounded to whole percents.
 */
import type { BurnFigures, BurnReport } from "../domain/burn.js";
import { weekday } from "../domain/calendar.js";
import type { Locale, Translate } from "../shared/i18n.js";
import { renderChartInChild, type ChartDrawer } from "./chart-process.js";
import { burnChartSpec, type BurnChartInput } from "./chart-specs.js";
import { formatDay, formatPercent, formatDecimal, formatMonth } from "../shared/format.js";

export interface BurnTextOptions {
  t: Translate;
  locale: Locale;
  /** the team's burn threshold, a fraction */
  burnThreshold: number;
  /** the team's pause threshold, a fraction */
  pauseThreshold: number;
  /** segments listed in the text, worst first (default 10); the rest are counted */
  maxSegments?: number;
}

const DEFAULT_TEXT_SEGMENTS = 10;
/** Segment names longer than this are cut in the text, so ten segments always fit one message. */
const TEXT_NAME_CHARS = 60;

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The period's month as people read it ('ноябрь 2026'). */
function monthOf(report: BurnReport, t: Translate): string {
  return formatMonth(t, report.figures.period.from.slice(0, 7));
}

/**
 * The /burn reply: the period's contacts, refusals, handled, burned (with the burn rate against the
 * threshold), lost, closed and cooling, a warning when the burn is high, then the segments worst first.
 */
export function renderBurnText(report: BurnReport, options: BurnTextOptions): string {
  const { t, locale } = options;
  const f = report.figures;
  const lines: string[] = [t("burn-title", { month: monthOf(report, t), date: formatDay(f.asOf) })];
  if (f.segments.length === 0) {
    lines.push(t("burn-empty"));
    return lines.join("\n");
  }
  lines.push(
    t("burn-contacts", { contacted: f.contacted, refused: f.refused, refusalRate: formatPercent(f.refusalRate), handled: f.handled }),
    t("burn-burned", { burned: f.burned, contacted: f.contacted, burnRate: formatPercent(f.burnRate), threshold: formatPercent(options.burnThreshold) }),
    t("burn-state", { lost: f.lost, closed: f.closed, cooling: f.coolingNow }),
  );
  if (report.alerts.burnHigh) lines.push(t("burn-warning-high"));
  if (report.alerts.pausedSegments.length > 0) {
    lines.push(t("burn-warning-paused", { count: report.alerts.pausedSegments.length, threshold: formatPercent(options.pauseThreshold) }));
  }

  const shown = f.segments.slice(0, options.maxSegments ?? DEFAULT_TEXT_SEGMENTS);
  lines.push("", t("burn-segments-title"));
  shown.forEach((segment, index) => {
    const exhaust =
      segment.weeksToExhaust === null
        ? t("burn-exhaust-none")
        : t("burn-exhaust-weeks", { weeks: formatDecimal(segment.weeksToExhaust, locale), n: Math.round(segment.weeksToExhaust * 10) / 10 });
    lines.push(
      t(segment.paused ? "burn-segment-line-paused" : "burn-segment-line", {
        rank: index + 1,
        name: shorten(segment.name, TEXT_NAME_CHARS),
        share: formatPercent(segment.burnedShare),
        size: segment.size,
        fresh: segment.fresh,
        cooling: segment.coolingNow,
        lost: segment.lost,
        closed: segment.closed,
        won: segment.won,
        exhaust,
      }),
    );
  });
  if (f.segments.length > shown.length) lines.push(t("burn-segments-more", { count: f.segments.length - shown.length }));
  return lines.join("\n");
}

/**
 * The weeks the chart shows: the period's weeks, less a partial first week (the days before the first Monday)
 * with no contacts yet — a "0%" bar dated the 1st would read as a week in which nothing burned.
 */
export function chartWeeks(report: BurnReport): BurnReport["weekly"] {
  const [first, ...rest] = report.weekly;
  if (first && weekday(first.weekStart) !== 1 && first.contacted === 0) return rest;
  return report.weekly;
}

/** The chart's input: the period's burn rate at the end of each week, and each segment's burned share. */
export function burnChartInput(report: BurnReport, options: BurnTextOptions): BurnChartInput {
  const { t } = options;
  const f = report.figures;
  return {
    title: t("burn-chart-title", { month: monthOf(report, t) }),
    subtitle: t("burn-chart-subtitle", {
      date: formatDay(f.asOf),
      burned: f.burned,
      contacted: f.contacted,
      burnRate: formatPercent(f.burnRate),
    }),
    weeks: chartWeeks(report).map((point) => ({ week: point.weekStart, burnRate: point.burnRate })),
    segments: f.segments.map((segment) => ({ name: segment.name, burnedShare: segment.burnedShare, paused: segment.paused })),
    threshold: options.burnThreshold,
    pauseThreshold: options.pauseThreshold,
    labels: {
      weeks: t("burn-chart-weeks"),
      segments: t("burn-chart-segments"),
      week: t("burn-chart-week"),
      burnRate: t("burn-chart-burn-rate"),
      burnedShare: t("burn-chart-burned-share"),
      threshold: t("burn-chart-threshold"),
      paused: t("burn-chart-paused"),
      noData: t("burn-chart-no-data"),
    },
  };
}

/** The /burn chart as PNG bytes, drawn in a short-lived child process (chart-process.ts). */
export function renderBurnChart(report: BurnReport, options: BurnTextOptions, draw: ChartDrawer = renderChartInChild): Promise<Buffer> {
  return draw(burnChartSpec(burnChartInput(report, options)));
}

/** The burn report with exactly the keys docs/figures.md lists, in that order. */
export function burnReportJson(figures: BurnFigures): BurnFigures {
  return {
    period: { from: figures.period.from, to: figures.period.to },
    asOf: figures.asOf,
    contacted: figures.contacted,
    refused: figures.refused,
    handled: figures.handled,
    burned: figures.burned,
    lost: figures.lost,
    closed: figures.closed,
    coolingNow: figures.coolingNow,
    refusalRate: figures.refusalRate,
    burnRate: figures.burnRate,
    segments: figures.segments.map((s) => ({
      name: s.name,
      size: s.size,
      fresh: s.fresh,
      coolingNow: s.coolingNow,
      lost: s.lost,
      closed: s.closed,
      won: s.won,
      burnedShare: s.burnedShare,
      paused: s.paused,
      weeksToExhaust: s.weeksToExhaust,
    })),
  };
}
