/**
 * /api/team and /api/team/<memberId>/tasks: each manager's month (plan share, revenue, touches, refusals, burned,
 * check-ups) and tasks. Founders and leads see every active manager; a manager only their own row and tasks.
 */
import { countTaskFlags, dashboardTaskState } from "../domain/dashboard.js";
import { kopecksToRoubles } from "../domain/money.js";
import { periodBounds } from "../domain/period.js";
import { LISTED_STATES, isOpen } from "../domain/tasks.js";
import { countMemberActivity } from "../db/company-events.js";
import { getMember, listMembers, type Member } from "../db/members.js";
import { listTasks } from "../db/tasks.js";
import { roundTo } from "../shared/format.js";
import { loadPlanReport } from "../services/plan/report.js";
import { taskFlags } from "../services/tasks/checkup-report.js";
import { ApiRefusal, type ApiRequest } from "./api-types.js";
import { reportWindowOf } from "./report-window.js";

export function teamScreen({ deps, team, member, now, today, query }: ApiRequest): object {
  const window = reportWindowOf(query, today);
  const { figures } = loadPlanReport(deps.db, team.id, { ...window, now });
  const activity = new Map(countMemberActivity(deps.db, team.id, periodBounds(window.period).from, window.asOf).map((a) => [a.memberId, a]));
  const managers = member.role === "manager" ? [member] : listMembers(deps.db, team.id, "manager");
  return {
    managers: managers.map((manager) => {
      const plan = figures.managers.find((m) => m.managerId === manager.id);
      const done = activity.get(manager.id);
      const tasks = listTasks(deps.db, team.id, LISTED_STATES, manager.id).filter((task) => isOpen(task.state));
      return {
        memberId: manager.id,
        name: nameOf(manager),
        username: manager.username,
        planShare: plan && plan.planRevenueKopecks !== null ? kopecksToRoubles(plan.planRevenueKopecks) : null,
        revenue: kopecksToRoubles(plan?.revenueKopecks ?? 0),
        wonClients: plan?.wonClients ?? 0,
        touches: done?.touches ?? 0,
        refusals: done?.refusals ?? 0,
        burned: done?.burned ?? 0,
        checkinRate: plan && plan.checkinRate !== null ? roundTo(plan.checkinRate, 4) : null,
        ...countTaskFlags(taskFlags(deps.db, team, tasks, now).values()),
      };
    }),
  };
}

export function tasksScreen({ deps, team, member, now, params }: ApiRequest): object {
  const memberId = Number(params[0]);
  if (member.role === "manager" && memberId !== member.id) throw new ApiRefusal(403, "forbidden");
  const assignee = getMember(deps.db, memberId);
  if (!assignee || assignee.teamId !== team.id || assignee.status !== "active") throw new ApiRefusal(404, "not_found");
  const tasks = listTasks(deps.db, team.id, LISTED_STATES, memberId);
  const flags = taskFlags(deps.db, team, tasks.filter((task) => isOpen(task.state)), now);
  const listed = tasks.map((task) => ({ id: task.id, title: task.text, due: task.dueDate, state: dashboardTaskState(isOpen(task.state), flags.get(task.id)) }));
  // Open tasks first, then the done ones awaiting acceptance; each in the order they were given.
  return { memberId, tasks: [...listed.filter((task) => task.state !== "done"), ...listed.filter((task) => task.state === "done")] };
}

function nameOf(member: Member): string {
  return [member.firstName, member.lastName].filter(Boolean).join(" ");
}
