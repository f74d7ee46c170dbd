/** Every API route: its path, who may call it, and the screen it assembles. */
import { periodOf } from "../domain/period.js";
import type { ApiRoute } from "./api-types.js";
import { baseScreen, coolingScreen } from "./base-screen.js";
import { monthScreen } from "./month-screen.js";
import { tasksScreen, teamScreen } from "./team-screen.js";
import { whatIfScreen } from "./whatif-screen.js";

const me: ApiRoute = {
  path: /^\/api\/me$/,
  roles: ["founder", "lead", "manager"],
  handle: ({ member, locale, today }) => ({
    memberId: member.id,
    name: [member.firstName, member.lastName].filter(Boolean).join(" "),
    role: member.role,
    locale,
    period: periodOf(today),
    asOf: today,
  }),
};

/** Team-wide figures are for the founder and the lead, as /plan and /burn are in chat. */
export const API_ROUTES: readonly ApiRoute[] = [
  me,
  { path: /^\/api\/month$/, roles: ["founder", "lead"], handle: monthScreen },
  { path: /^\/api\/base$/, roles: ["founder", "lead"], handle: baseScreen },
  { path: /^\/api\/base\/cooling$/, roles: ["founder", "lead"], handle: coolingScreen },
  { path: /^\/api\/team$/, roles: ["founder", "lead", "manager"], handle: teamScreen },
  { path: /^\/api\/team\/(\d{1,15})\/tasks$/, roles: ["founder", "lead", "manager"], handle: tasksScreen },
  // The what-if moves the founder's own plan, as /setplan is the founder's.
  { path: /^\/api\/whatif$/, roles: ["founder"], handle: whatIfScreen },
];
