/** Month: plan against fact, the chart, pace, what each day still needs, costs against budget, open alerts. */
import type { Api, ReportWindow } from "../api.js";
import type { Locale, Month } from "../contract.js";
import { MonthChart } from "../chart.js";
import { formatDay, formatMoney, formatNumber, formatPercent } from "../format.js";
import type { Translate } from "../strings.js";
import { Figure, Loading, Section, useLoad } from "../ui.js";

type Props = { api: Api; reportWindow: ReportWindow; locale: Locale; t: Translate };

export function MonthScreen({ api, reportWindow, locale, t }: Props) {
  const [loaded, retry] = useLoad(() => api.month(reportWindow), [reportWindow.period, reportWindow.asOf]);
  return (
    <Loading loaded={loaded} t={t} retry={retry}>
      {(month) => <MonthFigures month={month} locale={locale} t={t} />}
    </Loading>
  );
}

function MonthFigures({ month, locale, t }: { month: Month; locale: Locale; t: Translate }) {
  const { plan } = month;
  const money = (roubles: number | null) => (roubles === null ? t("empty") : formatMoney(roubles, locale));
  const behind = plan.planRevenue !== null && plan.forecastRevenue < plan.planRevenue;
  return (
    <>
      {plan.planRevenue === null ? <p class="hint">{t("no-plan")}</p> : null}
      <div class="figures">
        <Figure name="planRevenue" label={t("plan-revenue")} value={money(plan.planRevenue)} />
        <Figure name="revenue" label={t("revenue")} value={money(plan.revenue)} />
        <Figure name="forecastRevenue" label={t("forecast-revenue")} value={money(plan.forecastRevenue)} tone={behind ? "bad" : undefined} />
        <Figure
          name="pace"
          label={t("pace")}
          value={formatPercent(plan.pace, locale)}
          note={t("pace-days", { elapsed: plan.workingDaysElapsed, total: plan.workingDaysTotal })}
        />
        <Figure name="requiredDailyRevenue" label={t("required-daily")} value={money(plan.requiredDailyRevenue)} />
        <Figure
          name="wonClients"
          label={t("won-clients")}
          value={plan.planClients === null ? formatNumber(plan.wonClients, locale) : t("won-of-plan", { won: formatNumber(plan.wonClients, locale), plan: formatNumber(plan.planClients, locale) })}
        />
        <Figure name="budget" label={t("budget")} value={money(plan.budget)} />
        <Figure name="expenses" label={t("expenses")} value={money(plan.expenses)} tone={plan.budget > 0 && plan.expenses > plan.budget ? "bad" : undefined} />
        <Figure name="costPerClient" label={t("cost-per-client")} value={money(plan.costPerClient)} />
      </div>
      <Section title={t("chart-title")}>
        <MonthChart days={month.days} locale={locale} t={t} />
      </Section>
      <Section title={t("costs-title")}>
        <table class="table costs">
          <thead>
            <tr>
              <th>{t("cost-category")}</th>
              <th class="number">{t("cost-spent")}</th>
              <th class="number">{t("cost-budget")}</th>
            </tr>
          </thead>
          <tbody>
            {month.costs.map((line) => (
              <tr key={line.category} data-category={line.category} class={line.budget !== null && line.spent > line.budget ? "over" : undefined}>
                <td>
                  {line.label}
                  {line.budget ? <div class="bar"><div class="bar-fill" style={{ width: `${Math.min(100, (line.spent / line.budget) * 100)}%` }} /></div> : null}
                </td>
                <td class="number">{money(line.spent)}</td>
                <td class="number">{money(line.budget)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t("alerts-title")}>
        {month.alerts.length === 0 ? (
          <p class="hint">{t("alerts-none")}</p>
        ) : (
          <ul class="alerts">
            {month.alerts.map((alert) => (
              <li key={alert.kind} data-alert={alert.kind}>
                <span>{alert.text}</span>
                <span class="hint"> {t("alert-since", { day: formatDay(alert.since) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
