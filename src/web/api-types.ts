/** What every API handler receives and may answer. */
import type { Db } from "../db/open.js";
import type { Member, Role } from "../db/members.js";
import type { Team } from "../db/teams.js";
import type { Clock } from "../shared/clock.js";
import type { Locale, Translate, Translator } from "../shared/i18n.js";
import type { Logger } from "../shared/logger.js";

export interface WebDeps {
  db: Db;
  teamId: number;
  botToken: string;
  clock: Clock;
  translator: Translator;
  logger: Logger;
  /** The built page (dist/webapp/). */
  assetsDir: string;
}

export interface ApiRequest {
  deps: WebDeps;
  member: Member;
  team: Team;
  locale: Locale;
  t: Translate;
  now: number;
  /** The team's local day at `now`. */
  today: string;
  query: URLSearchParams;
  /** The route's captured path parts. */
  params: string[];
}

/** A refusal the API answers with a status and `{ "error": code }`. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly code: string,
  ) {
    super(code);
  }
}

export interface ApiRoute {
  path: RegExp;
  roles: readonly Role[];
  handle(request: ApiRequest): object;
}
