/**
 * What if (the founder's): move the average check and the conversion and see what each remaining working day
 * needs and how long each segment's fresh base lasts. The server computes every figure; the sliders only ask.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Api, ReportWindow } from "../api.js";
import type { Locale, WhatIf } from "../contract.js";
import { formatMoney, formatNumber, formatPercent } from "../format.js";
import type { Translate } from "../strings.js";
import { Figure, Loading, Section, useLoad } from "../ui.js";

type Props = { api: Api; reportWindow: ReportWindow; locale: Locale; t: Translate };
type Input = { averageCheck?: number; conversion?: number };

/** Quiet time after the last slider move before the server is asked, so a drag sends one request. */
const DEBOUNCE_MS = 300;

/** Where the sliders start when the month has no deal or touch yet to start from (the server then asks for both). */
const STARTING_INPUT = { averageCheck: 100_000, conversion: 0.1 };

export function WhatIfScreen({ api, reportWindow, locale, t }: Props) {
  const [input, setInput] = useState<Input>({});
  const [asked, setAsked] = useState<Input>({});
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setAsked(input), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [input.averageCheck, input.conversion]);
  const [loaded, retry] = useLoad(() => api.whatIf(asked, reportWindow), [asked.averageCheck, asked.conversion, reportWindow.period, reportWindow.asOf]);
  const [last, setLast] = useState<WhatIf | null>(null);
  useEffect(() => {
    if (loaded.state === "ok") setLast(loaded.value);
  }, [loaded]);
  const nothingToStartFrom = loaded.state === "error" && loaded.error.code === "bad_input" && asked.averageCheck === undefined && asked.conversion === undefined;
  useEffect(() => {
    if (!nothingToStartFrom) return;
    setInput(STARTING_INPUT);
    setAsked(STARTING_INPUT);
  }, [nothingToStartFrom]);
  // The sliders stay on screen while a new answer loads; they start from the month's own figures.
  const shown = loaded.state === "ok" ? loaded.value : last;
  if (shown === null)
    return (
      <Loading loaded={loaded} t={t} retry={retry}>
        {() => null}
      </Loading>
    );
  const averageCheck = input.averageCheck ?? shown.averageCheck;
  const conversion = input.conversion ?? shown.conversion;
  const checkMax = Math.max(100_000, Math.ceil(((shown.defaults.averageCheck ?? shown.averageCheck) * 3) / 1000) * 1000);
  return (
    <>
      <Section title={t("whatif-title")}>
        {shown.defaults.averageCheck === null || shown.defaults.conversion === null ? <p class="hint">{t("whatif-no-actual")}</p> : null}
        <Slider
          name="averageCheck"
          label={t("average-check")}
          value={averageCheck}
          range={[1000, checkMax, 1000]}
          actual={shown.defaults.averageCheck}
          format={(value) => formatMoney(value, locale)}
          onChange={(value) => setInput({ ...input, averageCheck: value })}
          t={t}
        />
        <Slider
          name="conversion"
          label={t("conversion")}
          value={conversion}
          range={[0.01, 1, 0.01]}
          actual={shown.defaults.conversion}
          format={(value) => formatPercent(value, locale)}
          onChange={(value) => setInput({ ...input, conversion: value })}
          t={t}
        />
      </Section>
      {loaded.state === "error" ? <Loading loaded={loaded} t={t} retry={retry}>{() => null}</Loading> : <WhatIfFigures whatIf={shown} locale={locale} t={t} />}
    </>
  );
}

type SliderProps = {
  name: keyof Input;
  label: string;
  value: number;
  /** min, max and step */
  range: [number, number, number];
  /** The month's own value, shown under the slider; null when the month has none. */
  actual: number | null;
  format: (value: number) => string;
  onChange: (value: number) => void;
  t: Translate;
};

function Slider({ name, label, value, range: [min, max, step], actual, format, onChange, t }: SliderProps) {
  return (
    <label class="slider">
      <span>
        {label}: <b data-input={name}>{format(value)}</b>
      </span>
      <input type="range" name={name} min={min} max={max} step={step} value={value} onInput={(event) => onChange(Number(event.currentTarget.value))} />
      {actual !== null ? <span class="hint">{t("month-actual", { value: format(actual) })}</span> : null}
    </label>
  );
}

function WhatIfFigures({ whatIf, locale, t }: { whatIf: WhatIf; locale: Locale; t: Translate }) {
  return (
    <>
      <div class="figures">
        <Figure name="remainingRevenue" label={t("remaining-revenue")} value={formatMoney(whatIf.remainingRevenue, locale)} />
        <Figure name="remainingWorkingDays" label={t("remaining-days")} value={formatNumber(whatIf.remainingWorkingDays, locale)} />
        <Figure name="clientsNeeded" label={t("clients-needed")} value={formatNumber(whatIf.clientsNeeded, locale, 1)} />
        <Figure name="clientsPerDay" label={t("clients-per-day")} value={formatNumber(whatIf.clientsPerDay, locale, 1)} />
        <Figure name="touchesPerDay" label={t("touches-per-day")} value={formatNumber(whatIf.touchesPerDay, locale, 1)} />
      </div>
      <Section title={t("fresh-base-title")}>
        <ul class="list">
          {whatIf.segments.map((segment) => (
            <li key={segment.name} data-segment={segment.name}>
              <span>
                {segment.name} <span class="hint">({formatNumber(segment.fresh, locale)})</span>
              </span>
              <span data-figure="weeksOfFreshBase">
                {segment.weeksOfFreshBase === null ? t("empty") : formatNumber(segment.weeksOfFreshBase, locale, 1)}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
