/**
 * The Mini App's JSON API under /api/: the launch data first (401), then the member (403), then the route's roles
 * (403); only then is anything read. Every answer is JSON and never cached.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { localDate } from "../domain/calendar.js";
import { findActiveMember } from "../db/members.js";
import { getTeam } from "../db/teams.js";
import { ApiRefusal, type ApiRequest, type ApiRoute, type WebDeps } from "./api-types.js";
import { authenticateLaunchData } from "./launch-data.js";
import { API_ROUTES } from "./routes.js";

function answer(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" }).end(JSON.stringify(body));
}

function findRoute(pathname: string): { route: ApiRoute; params: string[] } | undefined {
  for (const route of API_ROUTES) {
    const match = route.path.exec(pathname);
    if (match) return { route, params: match.slice(1) };
  }
  return undefined;
}

/** Answers one /api/* request. */
export function handleApi(deps: WebDeps, req: IncomingMessage, url: URL, res: ServerResponse): void {
  const now = deps.clock.now();
  const user = authenticateLaunchData(req.headers.authorization, deps.botToken, now);
  if (user === null) return answer(res, 401, { error: "unauthorized" });
  const member = findActiveMember(deps.db, deps.teamId, user.userId);
  const team = getTeam(deps.db, deps.teamId);
  if (!member || !team) return answer(res, 403, { error: "forbidden" });
  if (req.method !== "GET") return answer(res, 405, { error: "method_not_allowed" });
  const found = findRoute(url.pathname);
  if (!found) return answer(res, 404, { error: "not_found" });
  if (!found.route.roles.includes(member.role)) return answer(res, 403, { error: "forbidden" });
  const locale = member.locale ?? team.locale;
  const request: ApiRequest = {
    deps,
    member,
    team,
    locale,
    t: deps.translator.forLocale(locale),
    now,
    today: localDate(now, team.timezone),
    query: url.searchParams,
    params: found.params,
  };
  try {
    answer(res, 200, found.route.handle(request));
  } catch (error) {
    if (error instanceof ApiRefusal) return answer(res, error.status, { error: error.code });
    deps.logger.error({ err: error, path: url.pathname }, "mini app request failed");
    answer(res, 500, { error: "internal" });
  }
}
