/** Base: the burn rate week by week against the threshold, the segments (sortable), a segment's cooling companies. */
import { useState } from "preact/hooks";
import type { Api, ReportWindow } from "../api.js";
import type { Base, Locale, SegmentBurn } from "../contract.js";
import { formatDay, formatNumber, formatPercent, formatShortDay } from "../format.js";
import type { StringKey, Translate } from "../strings.js";
import { Figure, Loading, Section, useLoad } from "../ui.js";

type Props = { api: Api; reportWindow: ReportWindow; locale: Locale; t: Translate };

export function BaseScreen({ api, reportWindow, locale, t }: Props) {
  const [loaded, retry] = useLoad(() => api.base(reportWindow), [reportWindow.period, reportWindow.asOf]);
  const [segment, setSegment] = useState<string | null>(null);
  return (
    <Loading loaded={loaded} t={t} retry={retry}>
      {(base) => (
        <>
          <BurnFigures base={base} locale={locale} t={t} />
          <Segments segments={base.burn.segments} locale={locale} t={t} onPick={setSegment} picked={segment} />
          {segment !== null ? <CoolingList api={api} reportWindow={reportWindow} segment={segment} t={t} onClose={() => setSegment(null)} /> : null}
        </>
      )}
    </Loading>
  );
}

function BurnFigures({ base, locale, t }: { base: Base; locale: Locale; t: Translate }) {
  const { burn, threshold } = base;
  const percent = (fraction: number) => formatPercent(fraction, locale);
  // The bars' full width is twice the threshold, so the threshold mark sits in the middle.
  const scale = Math.max(threshold * 2, ...base.weeks.map((week) => week.burnRate ?? 0));
  return (
    <>
      <div class="figures">
        <Figure name="burnRate" label={t("burn-rate")} value={percent(burn.burnRate)} tone={burn.contacted > 0 && burn.burnRate >= threshold ? "bad" : undefined} />
        <Figure name="threshold" label={t("threshold")} value={percent(threshold)} />
        <Figure name="refusalRate" label={t("refusal-rate")} value={percent(burn.refusalRate)} />
        <Figure name="contacted" label={t("contacted")} value={formatNumber(burn.contacted, locale)} />
        <Figure name="burned" label={t("burned")} value={formatNumber(burn.burned, locale)} />
        <Figure name="coolingNow" label={t("cooling-now")} value={formatNumber(burn.coolingNow, locale)} />
      </div>
      <Section title={t("weeks-title")}>
        <ul class="weeks">
          {base.weeks.map((week) => {
            const over = week.burnRate !== null && week.burnRate >= threshold;
            return (
              <li key={week.from} class={over ? "over" : undefined}>
                <span class="week-range">{t("week-range", { from: formatShortDay(week.from), to: formatShortDay(week.to) })}</span>
                <span class="bar">
                  <span class="bar-fill" style={{ width: `${scale > 0 ? ((week.burnRate ?? 0) / scale) * 100 : 0}%` }} />
                  <span class="bar-mark" style={{ left: `${scale > 0 ? (threshold / scale) * 100 : 50}%` }} />
                </span>
                <span class="number" data-week={week.from}>
                  {week.burnRate === null ? t("empty") : percent(week.burnRate)}
                </span>
              </li>
            );
          })}
        </ul>
      </Section>
    </>
  );
}

type SortKey = "name" | "size" | "fresh" | "coolingNow" | "burnedShare" | "weeksToExhaust";
const COLUMNS: { key: SortKey; label: StringKey }[] = [
  { key: "name", label: "segment-name" },
  { key: "size", label: "segment-size" },
  { key: "fresh", label: "segment-fresh" },
  { key: "coolingNow", label: "segment-cooling" },
  { key: "burnedShare", label: "segment-burned" },
  { key: "weeksToExhaust", label: "segment-weeks" },
];

function compare(a: SegmentBurn, b: SegmentBurn, key: SortKey): number {
  const left = a[key];
  const right = b[key];
  if (typeof left === "string" && typeof right === "string") return left.localeCompare(right);
  // A segment that never runs out (null weeks) sorts after every number.
  return (left ?? Infinity) === (right ?? Infinity) ? 0 : (left ?? Infinity) < (right ?? Infinity) ? -1 : 1;
}

function Segments(props: { segments: SegmentBurn[]; locale: Locale; t: Translate; picked: string | null; onPick: (name: string) => void }) {
  const { locale, t } = props;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "burnedShare", descending: true });
  const rows = [...props.segments].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key));
  const sortBy = (key: SortKey) => setSort((current) => ({ key, descending: current.key === key ? !current.descending : key !== "name" }));
  return (
    <Section title={t("segments-title")}>
      <div class="scroll">
        <table class="table segments">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column.key} class={column.key === "name" ? undefined : "number"}>
                  <button type="button" class="sort" data-sort={column.key} onClick={() => sortBy(column.key)}>
                    {t(column.label)}
                    {sort.key === column.key ? (sort.descending ? " ↓" : " ↑") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((segment) => (
              <tr key={segment.name} data-segment={segment.name} class={`tappable${props.picked === segment.name ? " picked" : ""}`} onClick={() => props.onPick(segment.name)}>
                <td>
                  {segment.name}
                  {segment.paused ? <span class="tag">{t("segment-paused")}</span> : null}
                </td>
                <td class="number">{formatNumber(segment.size, locale)}</td>
                <td class="number">{formatNumber(segment.fresh, locale)}</td>
                <td class="number">{formatNumber(segment.coolingNow, locale)}</td>
                <td class="number">{formatPercent(segment.burnedShare, locale)}</td>
                <td class="number">{segment.weeksToExhaust === null ? t("empty") : formatNumber(segment.weeksToExhaust, locale, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function CoolingList(props: { api: Api; reportWindow: ReportWindow; segment: string; t: Translate; onClose: () => void }) {
  const { api, reportWindow, segment, t } = props;
  const [loaded, retry] = useLoad(() => api.cooling(segment, reportWindow), [segment, reportWindow.period, reportWindow.asOf]);
  return (
    <section class="section panel" data-cooling={segment}>
      <h2>
        {t("cooling-title", { segment })}
        <button type="button" class="close" onClick={props.onClose} aria-label={t("close")}>
          ×
        </button>
      </h2>
      <Loading loaded={loaded} t={t} retry={retry}>
        {(cooling) =>
          cooling.companies.length === 0 ? (
            <p class="hint">{t("cooling-none")}</p>
          ) : (
            <ul class="list">
              {cooling.companies.map((company) => (
                <li key={company.name} data-company={company.name}>
                  <span>{company.name}</span>
                  <span class="hint">{t("opens-on", { day: formatDay(company.opensOn) })}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}
