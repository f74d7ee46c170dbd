/**
 * Read side of tasks and check-ups, shared by /tasks, /discipline and the lead's digest: which tasks are stalled
 * or overdue, task lines, the digest text and the discipline figures — figures computed once
 * (domain) and only rendered here.
 */
import type { Db } from "../../db/open.js";
import { getMember, listMembers, type Member } from "../../db/members.js";
import type { Team } from "../../db/teams.js";
import { listTasks, listReviewEvents, type Task } from "../../db/tasks.js";
import { closedPromptTimes, closedPromptTimesByMember, listCheckupsOfDay, listCheckupsSince, listNotStartedAnswers, recentStatuses } from "../../db/checkups.js";
import { listOpenQuestions, listQuestionsSince } from "../../db/questions.js";
import { listAway } from "../../db/away.js";
import type { Translate } from "../../shared/i18n.js";
import { addDays, localDate, localTime, zonedInstant } from "../../domain/calendar.js";
import { LISTED_STATES, OPEN_STATES, isOverdue, isStalled, type TaskState } from "../../domain/tasks.js";
import { computeDiscipline, isAwayOn, isOnTime, missedStreak, splitDuration, type DisciplineFigures } from "../../domain/checkup.js";
import { dueSuffix } from "./notify.js";
import { formatShortDay, memberName, formatPercent, oneLine, quoted } from "../../shared/format.js";
import type { TaskFlags } from "../../domain/tasks.js";
import { stateLabel } from "../../reports/task-state.js";

/** Stalled and overdue for each task, from the assignees' check-ups that are over. */
export function taskFlags(db: Db, team: Team, tasks: readonly Task[], now: number): Map<number, TaskFlags> {
  const today = localDate(now, team.timezone);
  const flags = new Map<number, TaskFlags>();
  if (tasks.length === 0) return flags;
  // One query for all assignees (a lead's list has dozens); each task only looks at prompts after its own
  // last change (isStalled), so reading from the earliest change of all is the same as reading per assignee.
  let since = Infinity;
  for (const task of tasks) since = Math.min(since, task.stateChangedAt);
  const promptsOf = tasks.length === 1 ? null : closedPromptTimesByMember(db, team.id, since);
  for (const task of tasks) {
    const prompts = promptsOf ? (promptsOf.get(task.assigneeId) ?? []) : closedPromptTimes(db, team.id, task.assigneeId, since);
    flags.set(task.id, { stalled: isStalled(task, prompts), overdue: isOverdue(task, today) });
  }
  return flags;
}

/** One line about a task: "#12 [in progress] Call Romashka (due 05.11) — stalled, overdue". */
export function taskLine(t: Translate, task: Task, flags: TaskFlags | undefined, today: string): string {
  const marks: string[] = [];
  if (flags?.overdue) marks.push(t("task-flag-overdue"));
  if (flags?.stalled) marks.push(t("task-flag-stalled"));
  return t("task-line", {
    id: String(task.id),
    state: stateLabel(t, task.state),
    text: oneLine(task.text.length > 200 ? `${task.text.slice(0, 199)}…` : task.text),
    due: dueSuffix(t, task, today),
    flags: marks.length ? ` — ${marks.join(", ")}` : "",
  });
}

/** Managers by id, including removed ones (their tasks still need a name). */
function memberLookup(db: Db) {
  const cache = new Map<number, Member | undefined>();
  return (id: number): Member | undefined => {
    if (!cache.has(id)) cache.set(id, getMember(db, id));
    return cache.get(id);
  };
}

/**
 * The lead's digest of local day `date`: who answered (with the numbers and notes), who
 * missed (and how many in a row) or is away, every listed task by manager, then stalled, overdue,
 * returned and open questions. Returns lines; the sender splits them into messages.
 */
export function digestLines(db: Db, team: Team, t: Translate, date: string, now: number): string[] {
  const member = memberLookup(db);
  const managers = listMembers(db, team.id, "manager");
  const checkups = new Map(listCheckupsOfDay(db, team.id, date).map((row) => [row.memberId, row]));
  const away = listAway(db, team.id, date);
  const lines: string[] = [t("checkup-digest-title", { date: formatShortDay(date) })];

  const answered = managers.filter((m) => checkups.get(m.id)?.status === "answered");
  const due = managers.filter((m) => checkups.has(m.id));
  lines.push("", t("checkup-digest-answered", { answered: answered.length, total: due.length }));
  for (const manager of managers) {
    const row = checkups.get(manager.id);
    const name = memberName(manager);
    if (!row) {
      const period = away.find((p) => p.memberId === manager.id && isAwayOn(date, [p]));
      lines.push(period ? t("checkup-digest-away", { name, until: formatShortDay(period.toDate) }) : t("checkup-digest-no-checkup", { name }));
      continue;
    }
    if (row.status === "answered") {
      const numbers = row.numbers ?? { calls: 0, meetings: 0, proposals: 0 };
      const key = isOnTime(row) ? "checkup-digest-done" : "checkup-digest-done-late";
      lines.push(t(key, { name, time: localTime(row.answeredAt!, team.timezone), ...numbers }));
      if (row.note) lines.push(t("checkup-digest-note", { note: quoted(row.note) }));
    } else if (row.status === "missed") {
      const streak = missedStreak(recentStatuses(db, team.id, manager.id));
      lines.push(t("checkup-digest-missed", { name, streak }));
    } else {
      lines.push(t("checkup-digest-open", { name }));
    }
  }

  const tasks = listTasks(db, team.id, LISTED_STATES);
  const flags = taskFlags(db, team, tasks, now);
  const count = (state: TaskState) => tasks.filter((task) => task.state === state).length;
  lines.push(
    "",
    t("checkup-digest-tasks", {
      new: count("new"),
      progress: count("in_progress"),
      done: count("done"),
      returned: count("returned"),
      blocked: count("blocked"),
    }),
  );
  let lastAssignee = -1;
  for (const task of tasks) {
    if (task.assigneeId !== lastAssignee) {
      const assignee = member(task.assigneeId);
      lines.push(t("task-group", { name: assignee ? memberName(assignee) : `#${task.assigneeId}` }));
      lastAssignee = task.assigneeId;
    }
    lines.push(`  ${taskLine(t, task, flags.get(task.id), date)}`);
  }

  const section = (title: string, items: string[]) => {
    if (items.length) lines.push("", title, ...items.map((item) => `  ${item}`));
  };
  const who = (task: Task) => {
    const assignee = member(task.assigneeId);
    return assignee ? memberName(assignee) : `#${task.assigneeId}`;
  };
  const short = (text: string) => oneLine(text.length > 120 ? `${text.slice(0, 119)}…` : text);
  section(
    t("checkup-digest-stalled-title"),
    tasks.filter((task) => flags.get(task.id)?.stalled).map((task) => t("checkup-digest-task-item", { id: String(task.id), name: who(task), text: short(task.text) })),
  );
  section(
    t("checkup-digest-overdue-title"),
    tasks
      .filter((task) => flags.get(task.id)?.overdue)
      .map((task) => t("checkup-digest-overdue-item", { id: String(task.id), name: who(task), text: short(task.text), date: formatShortDay(task.dueDate!) })),
  );
  section(
    t("checkup-digest-returned-title"),
    tasks
      .filter((task) => task.state === "returned")
      .map((task) => t("checkup-digest-returned-item", { id: String(task.id), name: who(task), text: short(task.text), comment: short(task.returnComment ?? "") })),
  );
  section(
    t("checkup-digest-questions-title"),
    listOpenQuestions(db, team.id).map((question) => {
      const asker = member(question.memberId);
      const { hours, minutes } = splitDuration(now - question.askedAt);
      return t("checkup-digest-question-item", { id: String(question.id), name: asker ? memberName(asker) : "?", text: short(question.text), hours, minutes });
    }),
  );
  const streaks = managers
    .map((manager) => ({ manager, streak: missedStreak(recentStatuses(db, team.id, manager.id)) }))
    .filter((entry) => entry.streak >= 2);
  section(
    t("checkup-digest-streaks-title"),
    streaks.map((entry) => t("checkup-digest-streak-item", { name: memberName(entry.manager), streak: entry.streak })),
  );
  return lines;
}

/** Default window of /discipline, in days up to and including today. */
export const DISCIPLINE_DAYS = 30;

/** Discipline figures of every active manager over the last `days` local days. */
export function disciplineFigures(db: Db, team: Team, now: number, days = DISCIPLINE_DAYS): { managers: Member[]; figures: DisciplineFigures[]; fromDate: string } {
  const today = localDate(now, team.timezone);
  const fromDate = addDays(today, -(days - 1));
  const since = zonedInstant(fromDate, "00:00", team.timezone).getTime();
  const managers = listMembers(db, team.id, "manager");
  const openTasks = listTasks(db, team.id, OPEN_STATES);
  const flags = taskFlags(db, team, openTasks, now);
  const figures = computeDiscipline({
    memberIds: managers.map((m) => m.id),
    checkups: listCheckupsSince(db, team.id, fromDate).filter((row) => row.localDate <= today),
    reviews: listReviewEvents(db, team.id, since),
    notStartedAnswers: listNotStartedAnswers(db, team.id, fromDate),
    stalledTasks: openTasks.filter((task) => flags.get(task.id)?.stalled).map((task) => ({ memberId: task.assigneeId })),
    questions: listQuestionsSince(db, team.id, since),
  });
  return { managers, figures, fromDate };
}

/** The discipline figures as text lines for the lead. */
export function disciplineLines(t: Translate, managers: readonly Member[], figures: readonly DisciplineFigures[], fromDate: string): string[] {
  const lines = [t("checkup-discipline-title", { from: formatShortDay(fromDate) })];
  if (managers.length === 0) return [...lines, t("checkup-discipline-none")];
  figures.forEach((figure, index) => {
    const manager = managers[index]!;
    const answerTime = figure.answerTimeMs === null ? "—" : t("checkup-duration", splitDuration(figure.answerTimeMs));
    lines.push(
      "",
      memberName(manager),
      t("checkup-discipline-checkups", { rate: formatPercent(figure.checkupRate), answered: figure.answered, total: figure.checkups, ontime: formatPercent(figure.onTimeRate) }),
      t("checkup-discipline-tasks", { accepted: figure.accepted, returned: figure.returned, notstarted: figure.notStarted, stalled: figure.stalled }),
      t("checkup-discipline-questions", { questions: figure.questions, open: figure.openQuestions, time: answerTime }),
    );
  });
  return lines;
}
