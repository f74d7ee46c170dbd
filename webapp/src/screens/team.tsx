/** Team: one card per manager (a manager sees only their own); tapping one lists that manager's tasks. */
import { useState } from "preact/hooks";
import type { Api, ReportWindow } from "../api.js";
import type { Locale, ManagerRow, TaskState } from "../contract.js";
import { formatDay, formatMoney, formatNumber, formatPercent } from "../format.js";
import type { StringKey, Translate } from "../strings.js";
import { Loading, Section, useLoad } from "../ui.js";

type Props = { api: Api; reportWindow: ReportWindow; locale: Locale; t: Translate; ownId: number | null };

export function TeamScreen({ api, reportWindow, locale, t, ownId }: Props) {
  const [loaded, retry] = useLoad(() => api.team(reportWindow), [reportWindow.period, reportWindow.asOf]);
  // A manager has only their own row, so their tasks open at once.
  const [picked, setPicked] = useState<number | null>(ownId);
  return (
    <Loading loaded={loaded} t={t} retry={retry}>
      {(team) => (
        <Section title={t("team-title")}>
          {team.managers.length === 0 ? <p class="hint">{t("team-none")}</p> : null}
          {team.managers.map((manager) => (
            <div key={manager.memberId}>
              <ManagerCard manager={manager} locale={locale} t={t} picked={picked === manager.memberId} onPick={() => setPicked(picked === manager.memberId ? null : manager.memberId)} />
              {picked === manager.memberId ? <TaskList api={api} reportWindow={reportWindow} manager={manager} t={t} /> : null}
            </div>
          ))}
        </Section>
      )}
    </Loading>
  );
}

function ManagerCard(props: { manager: ManagerRow; locale: Locale; t: Translate; picked: boolean; onPick: () => void }) {
  const { manager: m, locale, t } = props;
  const money = (roubles: number | null) => (roubles === null ? t("empty") : formatMoney(roubles, locale));
  const cell = (name: string, label: StringKey, value: string, bad = false) => (
    <div class={`cell${bad ? " bad" : ""}`}>
      <span class="hint">{t(label)}</span>
      <span data-figure={name}>{value}</span>
    </div>
  );
  return (
    <button type="button" class={`card tappable${props.picked ? " picked" : ""}`} data-manager={m.memberId} onClick={props.onPick}>
      <div class="card-title">
        {m.name}
        {m.username ? <span class="hint"> @{m.username}</span> : null}
      </div>
      <div class="cells">
        {cell("revenue", "manager-revenue", money(m.revenue))}
        {cell("planShare", "plan-share", money(m.planShare))}
        {cell("wonClients", "won-clients", formatNumber(m.wonClients, locale))}
        {cell("touches", "touches", formatNumber(m.touches, locale))}
        {cell("refusals", "refusals", formatNumber(m.refusals, locale))}
        {cell("burned", "burned", formatNumber(m.burned, locale))}
        {cell("checkinRate", "checkin-rate", m.checkinRate === null ? t("empty") : formatPercent(m.checkinRate, locale))}
        {cell("overdueTasks", "overdue", formatNumber(m.overdueTasks, locale), m.overdueTasks > 0)}
        {cell("stalledTasks", "stalled", formatNumber(m.stalledTasks, locale), m.stalledTasks > 0)}
      </div>
    </button>
  );
}

const STATE_LABEL: Record<TaskState, StringKey> = { open: "task-open", overdue: "task-overdue", stalled: "task-stalled", done: "task-done" };

function TaskList(props: { api: Api; reportWindow: ReportWindow; manager: ManagerRow; t: Translate }) {
  const { api, reportWindow, manager, t } = props;
  const [loaded, retry] = useLoad(() => api.tasks(manager.memberId, reportWindow), [manager.memberId, reportWindow.period, reportWindow.asOf]);
  return (
    <section class="panel" data-tasks={manager.memberId}>
      <h3>{t("tasks-title", { name: manager.name })}</h3>
      <Loading loaded={loaded} t={t} retry={retry}>
        {(tasks) =>
          tasks.tasks.length === 0 ? (
            <p class="hint">{t("tasks-none")}</p>
          ) : (
            <ul class="list">
              {tasks.tasks.map((task) => (
                <li key={task.id} data-task={task.id} class={`task-${task.state}`}>
                  <span>{task.title}</span>
                  <span class="hint">
                    {t(STATE_LABEL[task.state])}
                    {task.due ? ` · ${t("task-due", { day: formatDay(task.due) })}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}
