/**
 * A fake amoCRM account on 127.0.0.1, written from the API v4 documentation: GET /api/v4/companies,
 * /api/v4/leads (with=loss_reason,companies embeds them), /api/v4/leads/pipelines and /api/v4/users (id, name:
 * the full name, email; 403 unless the token is an administrator's); the long-lived token
 * as `Authorization: Bearer` (else 401); pages through `page` and `limit` (at most 250) with `_links.next`, 204
 * for a page with no rows; `filter[updated_at][from]` (seconds, inclusive) and `order[updated_at]`; more than
 * `perSecond` requests in a second of the injected clock get 429 (unless `rateLimit: false`). Faults are
 * injected per request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { closeFakeServer, createCrmFaults, type CrmFault } from "./crm-faults.js";

/** A company; `segment` goes in the field named `segmentField` (default «Сегмент»), `inn` in the field «ИНН». */
export type AmoCompany = { id: number; name: string; segment?: string; segmentField?: string; inn?: string };
export type AmoLead = {
  id: number;
  name: string;
  price: number;
  status_id: number;
  pipeline_id: number;
  company_id: number | null;
  loss_reason?: string;
  /** default 1 */
  responsible_user_id?: number;
};
export type AmoUser = { id: number; name: string; email: string };
export type AmoStatus = { id: number; name: string };

export type FakeAmoCrm = {
  readonly baseUrl: string;
  readonly token: string;
  readonly calls: { path: string; query: Record<string, string>; status: number }[];
  /** The main pipeline's statuses (142 and 143 are there already). */
  readonly statuses: AmoStatus[];
  readonly users: AmoUser[];
  /** The token is not an administrator's: /api/v4/users answers 403. */
  setAdmin(admin: boolean): void;
  putCompany(company: AmoCompany): void;
  putLead(lead: AmoLead): void;
  fail(count: number, how: CrmFault): void;
  /** Drop every request as if the account were unreachable (true), or answer again (false). */
  setDown(down: boolean): void;
  close(): Promise<void>;
};

const PIPELINE = 3_300_001;

export type FakeAmoCrmOptions = {
  /** The account's clock, for updated_at and the rate limit. */
  now: () => number;
  perSecond?: number;
  /** `false`: no rate limit (the benchmark measures the bot's work, not the account's pace). */
  rateLimit?: boolean;
};

export async function startFakeAmoCrm(options: FakeAmoCrmOptions): Promise<FakeAmoCrm> {
  const token = "amo-long-lived-token-0123456789abcdef";
  const perSecond = options.perSecond ?? 7;
  const statuses: AmoStatus[] = [
    { id: 142, name: "Успешно реализовано" },
    { id: 143, name: "Закрыто и не реализовано" },
  ];
  const companies = new Map<number, Record<string, unknown>>();
  const leads = new Map<number, AmoLead & { created_at: number; updated_at: number; closed_at: number | null }>();
  const lossReasons = new Map<string, number>();
  const calls: FakeAmoCrm["calls"] = [];
  const users: AmoUser[] = [];
  let admin = true;
  const faults = createCrmFaults();
  let windowStart = 0;
  let inWindow = 0;
  const seconds = () => Math.floor(options.now() / 1000);

  function send(res: ServerResponse, status: number, body: unknown, path: string, query: Record<string, string>) {
    calls.push({ path, query, status });
    if (status === 204) return res.writeHead(204).end();
    const type = status === 200 ? "application/hal+json" : "application/problem+json";
    res.writeHead(status, { "content-type": type }).end(JSON.stringify(body));
  }

  // The pages of one list read the same filtered, sorted rows: kept until a company or lead is put.
  let version = 0;
  const lists = new Map<string, { key: string; rows: Record<string, unknown>[] }>();
  function listed(path: string, rows: () => Record<string, unknown>[], query: Record<string, string>) {
    const from = query["filter[updated_at][from]"];
    const order = query["order[updated_at]"];
    const key = JSON.stringify([version, from, order]);
    const cached = lists.get(path);
    if (cached?.key === key) return cached.rows;
    let found = from === undefined ? rows() : rows().filter((row) => Number(row.updated_at) >= Number(from));
    if (order) found = [...found].sort((a, b) => (Number(a.updated_at) - Number(b.updated_at)) * (order === "desc" ? -1 : 1));
    lists.set(path, { key, rows: found });
    return found;
  }

  function page(path: string, key: string, rows: () => Record<string, unknown>[], query: Record<string, string>, shown = (row: Record<string, unknown>) => row) {
    const found = path === "/api/v4/users" ? rows() : listed(path, rows, query);
    const limit = Math.min(250, Number(query.limit ?? 50) || 50);
    const number = Math.max(1, Number(query.page ?? 1) || 1);
    const slice = found.slice((number - 1) * limit, number * limit).map(shown);
    if (slice.length === 0) return null;
    const links: Record<string, unknown> = { self: { href: `${path}?page=${number}` } };
    if (number * limit < found.length) links.next = { href: `${path}?page=${number + 1}` };
    return { _page: number, _links: links, _embedded: { [key]: slice } };
  }

  function leadRow(lead: AmoLead & { created_at: number; updated_at: number; closed_at: number | null }, withs: string[]) {
    const { company_id, loss_reason, ...fields } = lead;
    const embedded: Record<string, unknown> = {};
    if (withs.includes("companies")) embedded.companies = company_id === null ? [] : [{ id: company_id, _links: { self: { href: `/api/v4/companies/${company_id}` } } }];
    if (withs.includes("loss_reason") && loss_reason !== undefined) {
      embedded.loss_reason = [{ id: lossReasons.get(loss_reason), name: loss_reason }];
    }
    return { responsible_user_id: 1, ...fields, loss_reason_id: loss_reason === undefined ? null : lossReasons.get(loss_reason), _embedded: embedded };
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const query = Object.fromEntries(url.searchParams);
    const path = url.pathname;
    const fault = faults.next();
    if (fault === "drop") {
      calls.push({ path, query, status: 0 });
      return req.socket.destroy();
    }
    if (fault === "500") return send(res, 500, { title: "Internal Server Error", status: 500 }, path, query);
    const now = options.now();
    if (now - windowStart >= 1000) [windowStart, inWindow] = [now, 0];
    if (++inWindow > perSecond && options.rateLimit !== false) return send(res, 429, { title: "Too Many Requests", status: 429 }, path, query);
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { title: "Unauthorized", status: 401, detail: "Invalid token" }, path, query);
    if (path === "/api/v4/leads/pipelines") {
      const pipeline = { id: PIPELINE, name: "Воронка", is_main: true, _embedded: { statuses: statuses.map((s) => ({ ...s, pipeline_id: PIPELINE })) } };
      return send(res, 200, { _embedded: { pipelines: [pipeline] } }, path, query);
    }
    if (path === "/api/v4/users") {
      if (!admin) return send(res, 403, { title: "Forbidden", status: 403 }, path, query);
      const body = page(path, "users", () => users.map((user) => ({ ...user, lang: "ru", rights: {} })), query);
      return body === null ? send(res, 204, null, path, query) : send(res, 200, body, path, query);
    }
    const withs = (query.with ?? "").split(",");
    const body =
      path === "/api/v4/companies"
        ? page(path, "companies", () => [...companies.values()], query)
        : path === "/api/v4/leads"
          ? page(path, "leads", () => [...leads.values()], query, (lead) => leadRow(lead as Parameters<typeof leadRow>[0], withs))
          : undefined;
    if (body === undefined) return send(res, 404, { title: "Not Found", status: 404 }, path, query);
    return body === null ? send(res, 204, null, path, query) : send(res, 200, body, path, query);
  }

  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    calls,
    statuses,
    users,
    setAdmin(value) {
      admin = value;
    },
    putCompany(company) {
      const fields = [];
      if (company.segment !== undefined) {
        fields.push({ field_id: 501, field_name: company.segmentField ?? "Сегмент", field_code: null, field_type: "select", values: [{ value: company.segment }] });
      }
      if (company.inn !== undefined) fields.push({ field_id: 502, field_name: "ИНН", field_code: null, field_type: "text", values: [{ value: company.inn }] });
      version++;
      const before = companies.get(company.id);
      companies.set(company.id, { id: company.id, name: company.name, created_at: before?.created_at ?? seconds(), updated_at: seconds(), custom_fields_values: fields.length === 0 ? null : fields });
    },
    putLead(lead) {
      if (lead.loss_reason !== undefined && !lossReasons.has(lead.loss_reason)) lossReasons.set(lead.loss_reason, 9000 + lossReasons.size);
      version++;
      const before = leads.get(lead.id);
      const closed = lead.status_id === 142 || lead.status_id === 143 ? seconds() : null;
      leads.set(lead.id, { ...lead, created_at: before?.created_at ?? seconds(), updated_at: seconds(), closed_at: closed });
    },
    fail: faults.fail,
    setDown: faults.setDown,
    close: () => closeFakeServer(server),
  };
}
