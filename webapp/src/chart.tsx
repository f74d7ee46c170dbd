/** The month's cumulative plan, fact and forecast by working day (uPlot); the legend reads the tapped day. */
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import type { Locale, MonthDay } from "./contract.js";
import { formatMoney, formatShortDay } from "./format.js";
import type { Translate } from "./strings.js";

const COLOURS = { plan: "#8e8e93", fact: "#2481cc", forecast: "#e67e22" };

export function MonthChart(props: { days: MonthDay[]; locale: Locale; t: Translate }) {
  const { days, locale, t } = props;
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element || days.length === 0) return;
    const money = (_: uPlot, value: number | null) => (value === null || value === undefined ? t("empty") : formatMoney(value, locale));
    // The canvas cannot read CSS variables; the theme's hint colour is resolved once per drawing.
    const axis = getComputedStyle(element).getPropertyValue("--tg-theme-hint-color").trim() || "#8e8e93";
    const size = () => ({ width: Math.max(element.clientWidth, 280), height: 220 });
    const chart = new uPlot(
      {
        ...size(),
        series: [
          { label: t("chart-day"), value: (_, index) => (index === null ? "" : formatShortDay(days[index]?.date ?? "")) },
          { label: t("series-plan"), stroke: COLOURS.plan, dash: [6, 4], width: 2, value: money },
          { label: t("series-fact"), stroke: COLOURS.fact, width: 3, value: money },
          { label: t("series-forecast"), stroke: COLOURS.forecast, dash: [2, 3], width: 2, value: money },
        ],
        scales: { x: { time: false } },
        axes: [
          { stroke: axis, incrs: [1, 2, 5, 10], space: 44, values: (_, ticks) => ticks.map((tick) => formatShortDay(days[tick]?.date ?? "")) },
          { stroke: axis, size: 72, values: (_, ticks) => ticks.map((tick) => compactMoney(tick, locale)) },
        ],
        cursor: { drag: { x: false, y: false } },
      },
      [days.map((_, index) => index), days.map((day) => day.plan), days.map((day) => day.fact), days.map((day) => day.forecast)],
      element,
    );
    const resize = () => chart.setSize(size());
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.destroy();
    };
  }, [days, locale, t]);
  return <div class="chart" ref={holder} />;
}

/** Axis labels short enough for a phone: 1,2 млн / 1.2M, 350 тыс. / 350K. */
function compactMoney(roubles: number, locale: Locale): string {
  const units = locale === "ru" ? { million: " млн", thousand: " тыс." } : { million: "M", thousand: "K" };
  const decimal = (value: number) => String(Math.round(value * 10) / 10).replace(".", locale === "ru" ? "," : ".");
  if (Math.abs(roubles) >= 1_000_000) return `${decimal(roubles / 1_000_000)}${units.million}`;
  if (Math.abs(roubles) >= 1_000) return `${decimal(roubles / 1_000)}${units.thousand}`;
  return String(roubles);
}
