/** The page: who is looking (/api/me), the tabs their role has, the month and day picked, the screen. */
import { useState } from "preact/hooks";
import type { Api, ReportWindow } from "./api.js";
import type { Locale, Me, Role } from "./contract.js";
import { formatMonth, shiftMonth } from "./format.js";
import { translator, type StringKey, type Translate } from "./strings.js";
import { ErrorView, useLoad } from "./ui.js";
import { MonthScreen } from "./screens/month.js";
import { BaseScreen } from "./screens/base.js";
import { TeamScreen } from "./screens/team.js";
import { WhatIfScreen } from "./screens/whatif.js";

type Tab = "month" | "base" | "team" | "whatif";
const TABS: Record<Role, Tab[]> = { founder: ["month", "base", "team", "whatif"], lead: ["month", "base", "team"], manager: ["team"] };
const TAB_LABEL: Record<Tab, StringKey> = { month: "tab-month", base: "tab-base", team: "tab-team", whatif: "tab-whatif" };

/** The language before the server names one: Telegram's, else the browser's. */
export function guessLocale(languageCode: string | undefined): Locale {
  return (languageCode ?? navigator.language).toLowerCase().startsWith("ru") ? "ru" : "en";
}

export function App({ api, fallbackLocale }: { api: Api; fallbackLocale: Locale }) {
  const [me, retry] = useLoad(() => api.me(), []);
  const t = translator(me.state === "ok" ? me.value.locale : fallbackLocale);
  if (me.state === "loading") return <p class="loading">{t("loading")}</p>;
  if (me.state === "error") return <ErrorView error={me.error} t={t} retry={retry} />;
  return <Dashboard api={api} me={me.value} t={t} />;
}

function lastDay(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, "0")}`;
}

function Dashboard({ api, me, t }: { api: Api; me: Me; t: Translate }) {
  const tabs = TABS[me.role];
  const [tab, setTab] = useState<Tab>(tabs[0]!);
  const [reportWindow, setReportWindow] = useState<ReportWindow>({});
  const period = reportWindow.period ?? me.period;
  const latest = period === me.period ? me.asOf : lastDay(period);
  const props = { api, reportWindow, locale: me.locale, t };
  return (
    <div class="page" data-role={me.role}>
      {tabs.length > 1 ? (
        <nav class="tabs">
          {tabs.map((name) => (
            <button type="button" key={name} data-tab={name} class={name === tab ? "active" : undefined} onClick={() => setTab(name)}>
              {t(TAB_LABEL[name])}
            </button>
          ))}
        </nav>
      ) : null}
      <div class="window">
        <button type="button" aria-label={t("month-prev")} onClick={() => setReportWindow({ period: shiftMonth(period, -1) })}>
          ‹
        </button>
        <span class="window-month" data-period={period}>
          {formatMonth(period, me.locale)}
        </span>
        <button type="button" aria-label={t("month-next")} disabled={period >= me.period} onClick={() => setReportWindow({ period: shiftMonth(period, 1) })}>
          ›
        </button>
        <label class="window-day">
          {t("as-of")}{" "}
          <input
            type="date"
            name="asOf"
            min={`${period}-01`}
            max={latest}
            value={reportWindow.asOf ?? latest}
            onChange={(event) => {
              const day = event.currentTarget.value;
              setReportWindow({ period, ...(day && day !== latest ? { asOf: day } : {}) });
            }}
          />
        </label>
      </div>
      <main>
        {tab === "month" ? <MonthScreen {...props} /> : null}
        {tab === "base" ? <BaseScreen {...props} /> : null}
        {tab === "team" ? <TeamScreen {...props} ownId={me.role === "manager" ? me.memberId : null} /> : null}
        {tab === "whatif" ? <WhatIfScreen {...props} /> : null}
      </main>
    </div>
  );
}
