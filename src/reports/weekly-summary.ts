/**
 * The founder's weekly summary: where the month stands (plan vs forecast, burn), the conditions still open
 * (the week's only reminder of them), the worst segment and the manager most behind. Pure: figures in, text out.
 */
import type { ConditionKind } from "../domain/alerts.js";
import type { PlanFigures } from "../domain/plan.js";
import type { BurnFigures } from "../domain/burn.js";
import { formatDay, formatMoney, formatMonth, formatPercent } from "../shared/format.js";
import type { Locale, Translate } from "../shared/i18n.js";

/** An open condition as the summary names it: its kind, what it is about (a month, a segment's name) and since when. */
export interface OpenConditionLine {
  kind: ConditionKind;
  subject: string;
  /** local day it started, 'YYYY-MM-DD' */
  since: string;
}

export interface WeeklySummaryInput {
  plan: PlanFigures;
  burn: BurnFigures;
  burnThreshold: number;
  open: OpenConditionLine[];
}

export interface WeeklySummaryOptions {
  t: Translate;
  locale: Locale;
  currency: string;
}

/** The manager furthest behind their share of the plan (lowest revenue / planned revenue), or null. */
function managerMostBehind(plan: PlanFigures): { name: string; completion: number } | null {
  const planned = plan.managers.filter((m) => m.planRevenueKopecks !== null && m.planRevenueKopecks > 0);
  if (planned.length === 0) return null;
  const ranked = planned.map((m) => ({ name: m.name ?? `@${m.username}`, completion: m.revenueKopecks / m.planRevenueKopecks! }));
  return ranked.reduce((worst, m) => (m.completion < worst.completion ? m : worst));
}

export function renderWeeklySummaryText(input: WeeklySummaryInput, { t, locale, currency }: WeeklySummaryOptions): string {
  const { plan, burn } = input;
  const money = (kopecks: number) => formatMoney(kopecks, locale, currency);
  const month = formatMonth(t, plan.period.from.slice(0, 7));
  const lines = [t("weekly-title", { month })];
  lines.push(
    plan.planRevenueKopecks === null
      ? t("weekly-no-plan", { revenue: money(plan.revenueKopecks) })
      : t("weekly-plan", {
          revenue: money(plan.revenueKopecks),
          forecast: money(plan.forecastRevenueKopecks),
          plan: money(plan.planRevenueKopecks),
          completion: formatPercent(plan.forecastCompletion ?? 0),
        }),
  );
  lines.push(t("weekly-burn", { burn: formatPercent(burn.burnRate), contacted: burn.contacted, threshold: formatPercent(input.burnThreshold) }));
  const worst = burn.segments.reduce<BurnFigures["segments"][number] | null>((w, s) => (w === null || s.burnedShare > w.burnedShare ? s : w), null);
  if (worst && worst.burnedShare > 0) lines.push(t("weekly-worst-segment", { segment: worst.name, share: formatPercent(worst.burnedShare) }));
  const behind = managerMostBehind(plan);
  if (behind) lines.push(t("weekly-manager-behind", { manager: behind.name, completion: formatPercent(behind.completion) }));
  if (input.open.length === 0) lines.push(t("weekly-open-none"));
  else {
    lines.push(t("weekly-open-title"));
    for (const line of input.open) lines.push(t("weekly-open-line", { condition: t(`weekly-kind-${line.kind}`, { subject: line.subject }), since: formatDay(line.since) }));
  }
  lines.push(t("weekly-footer"));
  return lines.join("\n");
}
