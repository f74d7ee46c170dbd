/**
 * A fake Bitrix24 portal on 127.0.0.1, written from the REST documentation: an inbound webhook
 * /rest/<user>/<code>/<method> taking a JSON body; list methods answer { result, total, next } in pages of
 * 50 through `start`; `filter` keys may carry =, >, >=, <, <=, !=, @ (IN a list; dates compared as moments);
 * `select` and `order` apply; user.get sorts by `sort` in `order` (ASC, DESC), filters by FILTER and pages the
 * same way; crm.requisite.list lists requisites (ENTITY_TYPE_ID 4 for a company, ENTITY_ID, RQ_INN); a wrong code
 * is 401, and so is a method outside the webhook's scopes (insufficient_scope); the request rate is a leaky bucket on the injected clock (the counter drops by `leakPerSecond` every
 * second, and past `burst` a request gets 503 QUERY_LIMIT_EXCEEDED). Faults are injected per request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { closeFakeServer, createCrmFaults, type CrmFault } from "./crm-faults.js";

export type Row = Record<string, string>;

export type FakeBitrix24 = {
  readonly webhookUrl: string;
  readonly statuses: Row[];
  readonly companies: Row[];
  readonly deals: Row[];
  /** Portal users for user.get: ID, NAME, LAST_NAME, ACTIVE. */
  readonly users: Row[];
  /** Requisites for crm.requisite.list. */
  readonly requisites: Row[];
  /** Every call: method and parameters, in order (429/503/faults included). */
  readonly calls: { method: string; params: Record<string, unknown>; status: number }[];
  /** Adds or changes a company, stamping DATE_MODIFY with the fake's clock. */
  putCompany(fields: Row): void;
  /** Adds or changes a deal, stamping DATE_MODIFY with the fake's clock. */
  putDeal(fields: Row): void;
  /** Gives a company a requisite with this INN (the way a portal user fills the company's details). */
  putRequisite(companyId: string, inn: string): void;
  /** The next `count` requests fail: 500 with an error body, or the connection is dropped without an answer. */
  fail(count: number, how: CrmFault): void;
  /** Refuse every request as if the portal were down (true) or answer again (false). */
  setDown(down: boolean): void;
  close(): Promise<void>;
};

export type FakeBitrix24Options = {
  /** The CRM's clock, for DATE_MODIFY and the rate limit (the test's injected clock). */
  now: () => number;
  code?: string;
  burst?: number;
  leakPerSecond?: number;
  /** `false`: no rate limit (the benchmark measures the bot's work, not the portal's pace). */
  rateLimit?: boolean;
  /** The webhook's scopes (default crm and user); a method outside them gets 401 insufficient_scope. */
  scopes?: string[];
};

const PAGE = 50;

/** Bitrix24 writes moments in the portal's zone with its offset; the fake uses Moscow time. */
export function bitrixTime(at: number): string {
  return `${new Date(at + 3 * 3600_000).toISOString().slice(0, 19)}+03:00`;
}

function compare(a: string | undefined, b: unknown): number {
  const left = a ?? "";
  const right = String(b);
  const [x, y] = [Date.parse(left), Date.parse(right)];
  if (/^\d{4}-\d{2}-\d{2}T/.test(left) && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  if (/^-?\d+(\.\d+)?$/.test(left) && /^-?\d+(\.\d+)?$/.test(right)) return Number(left) - Number(right);
  return left < right ? -1 : left > right ? 1 : 0;
}

function matches(row: Row, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, value]) => {
    const m = /^(>=|<=|>|<|=|!=|@)?(.+)$/.exec(key)!;
    const op = m[1] ?? "=";
    const c = compare(row[m[2]!], value);
    if (op === ">=") return c >= 0;
    if (op === "<=") return c <= 0;
    if (op === ">") return c > 0;
    if (op === "<") return c < 0;
    if (op === "!=") return c !== 0;
    if (op === "@") return Array.isArray(value) && value.map(String).includes(row[m[2]!] ?? "");
    return Array.isArray(value) ? value.map(String).includes(row[m[2]!] ?? "") : c === 0;
  });
}

/** A value as `order` sorts it: a moment, a number or text, worked out once per row rather than per comparison. */
function sortKey(value: string | undefined): number | string {
  const text = value ?? "";
  const at = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isNaN(at)) return at;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** user.get takes `sort` (a field), `order` (ASC or DESC) and FILTER, unlike the crm.* lists. */
function userListParams(params: Record<string, unknown>): Record<string, unknown> {
  const sort = typeof params.sort === "string" ? params.sort : "ID";
  const order = typeof params.order === "string" ? params.order : "ASC";
  return { filter: params.FILTER ?? {}, order: { [sort]: order } };
}

/** The rows a list call matches, in its order. */
function matching(rows: Row[], params: Record<string, unknown>): Row[] {
  const filter = (params.filter ?? {}) as Record<string, unknown>;
  const order = Object.entries((params.order ?? {}) as Record<string, string>);
  const dirs = order.map(([, dir]) => (String(dir).toUpperCase() === "DESC" ? -1 : 1));
  const keyed = rows.filter((row) => matches(row, filter)).map((row) => ({ row, keys: order.map(([field]) => sortKey(row[field])) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < dirs.length; i++) {
      const [x, y] = [a.keys[i]!, b.keys[i]!];
      if (x === y) continue;
      const before = typeof x === typeof y ? x < y : String(x) < String(y);
      return before ? -dirs[i]! : dirs[i]!;
    }
    return 0;
  });
  return keyed.map(({ row }) => row);
}

function pageOf(found: Row[], params: Record<string, unknown>) {
  const select = Array.isArray(params.select) && params.select.length > 0 ? (params.select as string[]) : null;
  const start = Number(params.start ?? 0) || 0;
  const page = found.slice(start, start + PAGE).map((row) => (select ? Object.fromEntries(select.map((f) => [f, row[f] ?? null])) : { ...row }));
  const body: Record<string, unknown> = { result: page, total: found.length, time: { start: 0, finish: 0 } };
  if (start + PAGE < found.length) body.next = start + PAGE;
  return body;
}

export async function startFakeBitrix24(options: FakeBitrix24Options): Promise<FakeBitrix24> {
  const code = options.code ?? "k3y9wq2x7fakecode";
  const burst = options.burst ?? 50;
  const leak = options.leakPerSecond ?? 2;
  const statuses: Row[] = [];
  const companies: Row[] = [];
  const deals: Row[] = [];
  const users: Row[] = [];
  const requisites: Row[] = [];
  const calls: FakeBitrix24["calls"] = [];
  const faults = createCrmFaults();
  let bucket = 0;
  let bucketAt = options.now();
  // The pages of one list read the same filtered, sorted rows: kept until a row is put or added.
  let version = 0;
  const lists = new Map<Row[], { key: string; rows: Row[] }>();
  function listed(table: Row[], params: Record<string, unknown>): Row[] {
    const key = JSON.stringify([version, table.length, params.filter ?? {}, params.order ?? {}]);
    const cached = lists.get(table);
    if (cached?.key === key) return cached.rows;
    const rows = matching(table, params);
    lists.set(table, { key, rows });
    return rows;
  }

  function answer(res: ServerResponse, status: number, body: unknown, method: string, params: Record<string, unknown>) {
    calls.push({ method, params, status });
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const m = /^\/rest\/(\d+)\/([^/]+)\/([\w.]+?)(?:\.json)?$/.exec(req.url ?? "");
    let params: Record<string, unknown> = {};
    try {
      params = raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>);
    } catch {
      return answer(res, 400, { error: "INVALID_REQUEST", error_description: "Bad JSON" }, "?", {});
    }
    const method = m?.[3] ?? "?";
    const fault = faults.next();
    if (fault === "drop") {
      calls.push({ method, params, status: 0 });
      return req.socket.destroy();
    }
    if (fault === "500") return answer(res, 500, { error: "INTERNAL_SERVER_ERROR", error_description: "Internal server error" }, method, params);
    const now = options.now();
    bucket = Math.max(0, bucket - ((now - bucketAt) / 1000) * leak);
    bucketAt = now;
    if (options.rateLimit !== false && bucket + 1 > burst) return answer(res, 503, { error: "QUERY_LIMIT_EXCEEDED", error_description: "Too many requests" }, method, params);
    bucket += 1;
    if (!m || m[2] !== code) return answer(res, 401, { error: "INVALID_CREDENTIALS", error_description: "Invalid request credentials" }, method, params);
    const scopes = options.scopes ?? ["crm", "user"];
    const scope = method === "user.get" ? ["user", "user_basic", "user_brief"] : ["crm"];
    if (!scope.some((name) => scopes.includes(name))) {
      const description = "The request requires higher privileges than provided by the webhook token";
      return answer(res, 401, { error: "insufficient_scope", error_description: description }, method, params);
    }
    if (method === "user.get") return answer(res, 200, pageOf(listed(users, userListParams(params)), params), method, params);
    const table = { "crm.status.list": statuses, "crm.company.list": companies, "crm.deal.list": deals, "crm.requisite.list": requisites }[method];
    if (!table) return answer(res, 404, { error: "ERROR_METHOD_NOT_FOUND", error_description: "Method not found!" }, method, params);
    return answer(res, 200, pageOf(listed(table, params), params), method, params);
  }

  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const put = (rows: Row[]) => (fields: Row) => {
    version++;
    const stamped = { ...fields, DATE_MODIFY: bitrixTime(options.now()) };
    const at = rows.findIndex((row) => row.ID === fields.ID);
    if (at === -1) rows.push({ DATE_CREATE: stamped.DATE_MODIFY, ...stamped });
    else rows[at] = { ...rows[at], ...stamped };
  };

  return {
    webhookUrl: `http://127.0.0.1:${port}/rest/1/${code}/`,
    statuses,
    companies,
    deals,
    users,
    requisites,
    calls,
    putCompany: put(companies),
    putDeal: put(deals),
    putRequisite(companyId, inn) {
      version++;
      const stamp = bitrixTime(options.now());
      const id = String(requisites.length + 1);
      requisites.push({ ID: id, ENTITY_TYPE_ID: "4", ENTITY_ID: companyId, PRESET_ID: "1", NAME: "Организация", RQ_INN: inn, DATE_CREATE: stamp, DATE_MODIFY: stamp });
    },
    fail: faults.fail,
    setDown: faults.setDown,
    close: () => closeFakeServer(server),
  };
}
