/** Every API route: its path, who may call it, and the screen it assembles. */
import { periodOf } from "../domain/period.js";
import type { ApiRoute } from "./api-types.js";

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

export const API_ROUTES: readonly ApiRoute[] = [me];
