import type { Config, TopLevelSpec } from "vega-lite";
import { formatPercent } from "../shared/format.js";

// Chart specs for /plan and /burn. They take figures already computed in domain/ and the caller's
// localized labels, and return Vega-Lite specs for renderChartPng. No DB rows, no i18n lookups here.

/** One calendar day of the plan chart; all amounts are cumulative roubles since the period start. */
export interface PlanChartDay {
  /** Local calendar day, 'YYYY-MM-DD'. */
  date: string;
  /** Revenue won so far; null for days after the as-of day. */
  fact: number | null;
  /** Where the revenue should be by the end of the day to meet the plan. */
  plan: number;
  /** Projected revenue at the current pace; null where there is no forecast (typically before the as-of day). */
  forecast: number | null;
}

export interface PlanChartLabels {
  fact: string;
  plan: string;
  forecast: string;
  /** X axis title. */
  date: string;
  /** Y axis title, e.g. "Выручка, ₽". */
  revenue: string;
  /** Shown across the plot when there is nothing to draw; omitted when not given. */
  noData?: string;
}

export interface PlanChartInput {
  days: readonly PlanChartDay[];
  title: string;
  subtitle?: string;
  labels: PlanChartLabels;
}

export interface BurnChartWeek {
  /** First day of the week, 'YYYY-MM-DD'. */
  week: string;
  /** burned / contacted for the week, a fraction in [0, 1]. */
  burnRate: number;
}

export interface BurnChartSegment {
  name: string;
  /** (cooling now + lost) / size, a fraction in [0, 1]. */
  burnedShare: number;
  paused: boolean;
}

export interface BurnChartLabels {
  /** Title of the upper panel, e.g. "Выжигание по неделям". */
  weeks: string;
  /** Title of the lower panel, e.g. "Выжжено по сегментам". */
  segments: string;
  /** X axis title of the upper panel, e.g. "Неделя с". */
  week: string;
  /** Y axis title of the upper panel, e.g. "Доля выжженных". */
  burnRate: string;
  /** X axis title of the lower panel, e.g. "Выжжено от сегмента". */
  burnedShare: string;
  /** Word before the threshold value on its rule, e.g. "порог". */
  threshold: string;
  /** Marker after the share of a paused segment, e.g. "пауза". */
  paused: string;
  /** Shown in an empty panel; omitted when not given. */
  noData?: string;
}

export interface BurnChartInput {
  weeks: readonly BurnChartWeek[];
  segments: readonly BurnChartSegment[];
  /** Burn threshold, a fraction: weeks at or above it are drawn red. */
  threshold: number;
  /** Pause threshold for segments' burned share; defaults to `threshold`. */
  pauseThreshold?: number;
  title: string;
  subtitle?: string;
  labels: BurnChartLabels;
  /** The lower panel shows at most this many segments, worst first. Default 12. */
  maxSegments?: number;
}

const COLOR = {
  fact: "#1f6feb",
  plan: "#57606a",
  forecast: "#e36209",
  bad: "#cf222e",
  ok: "#2f81f7",
  text: "#1f2328",
  muted: "#57606a",
  grid: "#e6e9ed",
} as const;

// Sizes are chosen for a phone: Telegram shows a photo ~360–400 px wide, so a ~600 px chart (rendered at 2×) is
// shrunk by a third and 15 px text ends up ~10 px on screen, the smallest that still reads comfortably.
const FONT_SIZE = {
  title: 21,
  subtitle: 15,
  panelTitle: 17,
  label: 15,
  axisTitle: 15,
  annotation: 15,
  value: 14,
} as const;

/** Height of one segment's row: its name above, its bar below. */
const SEGMENT_ROW = 48;
const SEGMENT_BAR = 20;
/** Shifts the bar below the middle of its row to leave room for the name. */
const SEGMENT_BAR_OFFSET = 8;
const EMPTY_SEGMENTS_HEIGHT = 80;
/** About the plot's width at the label font. Cut here rather than by vega's text limit, whose layout still
 * reserves the uncut width. */
const SEGMENT_NAME_CHARS = 48;

const PERCENT = ".0%";
const ROUBLES = ",.0f";

function chartConfig(): Config {
  return {
    // Digits grouped with a no-break space reads right in Russian and English alike ("1 500 000").
    locale: {
      number: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0₽"] },
    },
    padding: 16,
    view: { stroke: null },
    title: {
      fontSize: FONT_SIZE.title,
      subtitleFontSize: FONT_SIZE.subtitle,
      subtitleColor: COLOR.muted,
      anchor: "start",
      color: COLOR.text,
      offset: 12,
    },
    axis: {
      labelFontSize: FONT_SIZE.label,
      titleFontSize: FONT_SIZE.axisTitle,
      titleFontWeight: "normal",
      titleColor: COLOR.muted,
      labelColor: COLOR.text,
      gridColor: COLOR.grid,
      domainColor: "#8c959f",
      tickColor: "#8c959f",
      labelPadding: 4,
    },
    legend: {
      labelFontSize: FONT_SIZE.label,
      orient: "top",
      symbolStrokeWidth: 3,
      symbolSize: 300,
      labelColor: COLOR.text,
    },
    concat: { spacing: 28 },
  };
}

function titleOf(title: string, subtitle: string | undefined) {
  return subtitle === undefined ? { text: title } : { text: title, subtitle };
}

/** Epoch ms of a 'YYYY-MM-DD' day at UTC midnight, the way vega-lite reads such a string. */
function utcDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Vega-Lite spec for the /plan chart: cumulative revenue (roubles) by day — the fact line, the plan line and the
 * forecast line — with the latest fact figure written next to its point.
 */
export function planChartSpec(input: PlanChartInput): TopLevelSpec {
  const { labels } = input;
  const series = [labels.fact, labels.plan, labels.forecast];
  const rows = input.days.flatMap((day) => {
    const points: { date: string; series: string; value: number }[] = [];
    const fact = finiteOrNull(day.fact);
    const plan = finiteOrNull(day.plan);
    const forecast = finiteOrNull(day.forecast);
    if (fact !== null) points.push({ date: day.date, series: labels.fact, value: fact });
    if (plan !== null) points.push({ date: day.date, series: labels.plan, value: plan });
    if (forecast !== null) points.push({ date: day.date, series: labels.forecast, value: forecast });
    return points;
  });
  const dates = [...new Set(input.days.map((day) => day.date))].sort();
  const latestFact = rows
    .filter((row) => row.series === labels.fact)
    .reduce<(typeof rows)[number] | undefined>(
      (latest, row) => (latest !== undefined && latest.date > row.date ? latest : row),
      undefined,
    );
  // The figure goes left of its point, over the line it ends, unless that would push it onto the y axis.
  const factPosition = latestFact === undefined ? 1 : dates.indexOf(latestFact.date) / Math.max(1, dates.length - 1);
  const factLabelOnLeft = factPosition > 0.3;

  const mondays = input.days.map((day) => utcDay(day.date)).filter((day) => new Date(day).getUTCDay() === 1);

  // Dates are calendar days, not instants: UTC time units keep them off the machine's time zone.
  const x = {
    field: "date",
    type: "temporal" as const,
    timeUnit: "utcyearmonthdate" as const,
    title: labels.date,
    axis: {
      format: "%d.%m",
      labelOverlap: true,
      grid: false,
      // A tick per week, on Mondays, reads like the sales calendar; short spans keep vega's own ticks.
      ...(mondays.length >= 2 ? { values: mondays } : { tickCount: 6 }),
    },
  };
  const y = {
    field: "value",
    type: "quantitative" as const,
    title: labels.revenue,
    axis: { format: ROUBLES, tickCount: 5 },
    scale: { zero: true, nice: true },
  };

  const layers: Extract<TopLevelSpec, { layer: unknown }>["layer"] = [
    {
      mark: { type: "line", strokeWidth: 3 },
      encoding: {
        x,
        y,
        color: {
          field: "series",
          type: "nominal",
          title: null,
          scale: { domain: series, range: [COLOR.fact, COLOR.plan, COLOR.forecast] },
          legend: { symbolType: "stroke" },
        },
        strokeDash: {
          field: "series",
          type: "nominal",
          title: null,
          scale: { domain: series, range: [[1, 0], [8, 5], [2, 4]] },
        },
        order: { field: "date", type: "temporal" },
      },
    },
  ];
  if (latestFact !== undefined) {
    layers.push(
      {
        data: { values: [latestFact] },
        mark: { type: "point", filled: true, opacity: 1, size: 90, color: COLOR.fact },
        encoding: { x, y },
      },
      ...withHalo({
        data: { values: [latestFact] },
        mark: {
          type: "text" as const,
          align: factLabelOnLeft ? ("right" as const) : ("left" as const),
          dx: factLabelOnLeft ? -8 : 8,
          dy: -14,
          fontSize: FONT_SIZE.annotation,
          fontWeight: "bold" as const,
          color: COLOR.fact,
        },
        encoding: { x, y, text: { field: "value", type: "quantitative" as const, format: ROUBLES } },
      }),
    );
  }
  if (rows.length === 0 && labels.noData !== undefined) layers.push(noDataLayer(labels.noData));

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: titleOf(input.title, input.subtitle),
    config: chartConfig(),
    data: { values: rows },
    layer: layers,
  };
}

/**
 * Vega-Lite spec for the /burn chart, two panels: burn rate by week against the burn threshold, and burned share by
 * segment (worst first) against the pause threshold, paused segments in red and marked. Rates are fractions; axes
 * show percents.
 */
export function burnChartSpec(input: BurnChartInput): TopLevelSpec {
  const { labels, threshold } = input;
  const pauseThreshold = input.pauseThreshold ?? threshold;
  const maxSegments = input.maxSegments ?? 12;

  const weeks = input.weeks
    .filter((week) => Number.isFinite(week.burnRate))
    .map((week) => ({ week: week.week, burnRate: week.burnRate }))
    .sort((a, b) => compareText(a.week, b.week));
  const segments = input.segments
    .filter((segment) => Number.isFinite(segment.burnedShare))
    .map((segment) => ({
      name: segment.name,
      label: shorten(segment.name, SEGMENT_NAME_CHARS),
      burnedShare: segment.burnedShare,
      status: segment.paused ? "paused" : "active",
      note: segment.paused
        ? `${formatPercent(segment.burnedShare)} · ${labels.paused}`
        : formatPercent(segment.burnedShare),
    }))
    .sort((a, b) => b.burnedShare - a.burnedShare || compareText(a.name, b.name))
    .slice(0, maxSegments)
    // Rows are keyed by rank, so two segments that share a name (or its shortened form) still get a bar each.
    .map((segment, rank) => ({ ...segment, key: String(rank) }));

  const ruleMark = { type: "rule" as const, color: COLOR.bad, strokeDash: [6, 4], strokeWidth: 2 };
  const ruleLabelMark = { type: "text" as const, color: COLOR.bad, fontSize: FONT_SIZE.annotation };
  const thresholdField = { field: "threshold", type: "quantitative" as const };
  const thresholdLabel = { field: "label", type: "nominal" as const };
  const thresholdData = (value: number) => ({
    data: { values: [{ threshold: value, label: `${labels.threshold} ${formatPercent(value)}` }] },
  });

  // Room above the threshold, so its rule never sits on the plot's edge, even with no data at all.
  const rateMax = scaleMax(weeks.map((week) => week.burnRate), threshold);
  const weekAxisLabel = "substring(datum.value, 8, 10) + '.' + substring(datum.value, 5, 7)";
  const rateY = {
    field: "burnRate",
    type: "quantitative" as const,
    title: labels.burnRate,
    axis: { format: PERCENT, tickCount: 5 },
    scale: { domainMin: 0, domainMax: rateMax, nice: true },
  };
  const weekX = {
    field: "week",
    type: "ordinal" as const,
    title: labels.week,
    sort: "ascending" as const,
    axis: { labelExpr: weekAxisLabel, labelAngle: weeks.length > 8 ? -45 : 0, labelOverlap: true },
  };
  const overThreshold = { test: `datum.burnRate >= ${threshold}` };
  const weeksPanel = {
    title: { text: labels.weeks, fontSize: FONT_SIZE.panelTitle, frame: "group" as const },
    // The threshold goes first so bars and their figures are drawn over it, not crossed out by it.
    layer: [
      {
        ...thresholdData(threshold),
        layer: [
          { mark: ruleMark, encoding: { y: thresholdField } },
          // Outside the plot on the right, where no bar can cover it.
          {
            mark: { ...ruleLabelMark, align: "left" as const, baseline: "middle" as const, x: "width" as const, dx: 6 },
            encoding: { y: thresholdField, text: thresholdLabel },
          },
        ],
      },
      {
        data: { values: weeks },
        mark: { type: "bar" as const, cornerRadiusEnd: 3, width: { band: 0.7 } },
        encoding: {
          x: weekX,
          y: rateY,
          color: { condition: { ...overThreshold, value: COLOR.bad }, value: COLOR.ok },
        },
      },
      // Figures on the bars while they fit; with many weeks the axis is enough.
      ...(weeks.length > 0 && weeks.length <= 12
        ? [
            ...withHalo({
              data: { values: weeks },
              mark: { type: "text" as const, baseline: "bottom" as const, dy: -3, fontSize: FONT_SIZE.value },
              encoding: {
                x: weekX,
                y: rateY,
                text: { field: "burnRate", type: "quantitative" as const, format: PERCENT },
                color: { condition: { ...overThreshold, value: COLOR.bad }, value: COLOR.text },
              },
            }),
          ]
        : []),
      ...(weeks.length === 0 && labels.noData !== undefined
        ? [noDataLayer(labels.noData, { datum: rateMax / 2, type: "quantitative" as const })]
        : []),
    ],
  };

  const shareMax = scaleMax(segments.map((segment) => segment.burnedShare), pauseThreshold);
  // Names sit above their bars rather than on a y axis: on a phone the width is better spent on the bars.
  const segmentX = {
    field: "burnedShare",
    type: "quantitative" as const,
    title: labels.burnedShare,
    axis: { format: PERCENT, tickCount: 5 },
    scale: { domainMin: 0, domainMax: shareMax, nice: true },
  };
  const pausedTest = "datum.status === 'paused'";
  const segmentsPanel = {
    title: { text: labels.segments, fontSize: FONT_SIZE.panelTitle, frame: "group" as const },
    height: segments.length === 0 ? EMPTY_SEGMENTS_HEIGHT : { step: SEGMENT_ROW },
    layer: [
      {
        ...thresholdData(pauseThreshold),
        layer: [
          { mark: ruleMark, encoding: { x: thresholdField } },
          {
            mark: { ...ruleLabelMark, align: "left" as const, baseline: "bottom" as const, y: 0, dx: 4, dy: -4 },
            encoding: { x: thresholdField, text: thresholdLabel },
          },
        ],
      },
      {
        data: { values: segments },
        encoding: {
          y: { field: "key", type: "nominal" as const, sort: null, axis: null },
        },
        layer: [
          {
            mark: { type: "bar" as const, cornerRadiusEnd: 3, height: SEGMENT_BAR, yOffset: SEGMENT_BAR_OFFSET },
            encoding: {
              x: segmentX,
              color: { condition: { test: pausedTest, value: COLOR.bad }, value: COLOR.ok },
            },
          },
          ...withHalo({
            mark: {
              type: "text" as const,
              align: "left" as const,
              baseline: "middle" as const,
              dx: 5,
              yOffset: SEGMENT_BAR_OFFSET,
              fontSize: FONT_SIZE.annotation,
            },
            encoding: {
              x: segmentX,
              text: { field: "note", type: "nominal" as const },
              color: { condition: { test: pausedTest, value: COLOR.bad }, value: COLOR.text },
            },
          }),
          ...withHalo({
            mark: {
              type: "text" as const,
              align: "left" as const,
              baseline: "bottom" as const,
              x: 0,
              yOffset: SEGMENT_BAR_OFFSET - SEGMENT_BAR / 2 - 3,
              fontSize: FONT_SIZE.label,
              color: COLOR.text,
            },
            encoding: { text: { field: "label", type: "nominal" as const } },
          }),
        ],
      },
      ...(segments.length === 0 && labels.noData !== undefined
        ? [noDataLayer(labels.noData, { value: EMPTY_SEGMENTS_HEIGHT / 2 })]
        : []),
    ],
  };

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: titleOf(input.title, input.subtitle),
    config: chartConfig(),
    vconcat: [weeksPanel, segmentsPanel],
  };
}

/**
 * The text layer twice: first outlined in white, then as is, so a line or rule passing under it does not cross the
 * letters out.
 */
function withHalo<Layer extends { mark: object }>(layer: Layer): [Layer, Layer] {
  const halo = { ...layer, mark: { ...layer.mark, stroke: "white", strokeWidth: 4, strokeJoin: "round" as const } };
  return [halo, layer];
}

/** Upper end of a rate axis: the data and a margin above the threshold, never below 5%. */
function scaleMax(rates: readonly number[], threshold: number): number {
  return Math.max(0.05, threshold * 1.2, ...rates);
}

/**
 * A centred "no data" note. `y` is given per chart: inside vconcat panels the `height` signal is the whole
 * chart's, so the middle has to come from the panel's own scale or fixed height.
 */
function noDataLayer(
  text: string,
  y: { value: number } | { datum: number; type: "quantitative" } | { expr: string } = { expr: "height / 2" },
) {
  return {
    data: { values: [{ text }] },
    mark: { type: "text" as const, fontSize: FONT_SIZE.panelTitle, color: COLOR.muted },
    encoding: {
      x: { value: { expr: "width / 2" } },
      y: "expr" in y ? { value: y } : y,
      text: { field: "text", type: "nominal" as const },
    },
  };
}

/** Code point order: unlike localeCompare, the same on every machine whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function shorten(text: string, maxChars: number): string {
  const chars = [...text.trim()];
  return chars.length <= maxChars ? chars.join("") : `${chars.slice(0, maxChars - 1).join("").trimEnd()}…`;
}

