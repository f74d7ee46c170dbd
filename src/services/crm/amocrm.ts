/**
 * The amoCRM API v4 client: GET with the long-lived token as `Authorization: Bearer`, lists in pages of up to
 * 250 through `page`, 204 for an empty list, at most 7 requests a second (429 past it, retried).
 */
import { CrmError, createCrmHttp } from "./http.js";
import type { CrmHttpOptions } from "./http.js";
import { nextTurn, ROWS_PER_TURN } from "./turns.js";

export type AmoRow = Record<string, unknown>;

export type AmoCrmClient = {
  /** Reads every page of `path` (the rows under `_embedded[key]`), handing each over in parts of 10 rows, other work running between them. */
  list(path: string, key: string, query: Record<string, string>, onPage: (rows: AmoRow[]) => void | Promise<void>): Promise<number>;
  /** One GET of `path`, its body. */
  get(path: string): Promise<unknown>;
};

export const AMO_PAGE = 250;

export function createAmoCrmClient(baseUrl: string, token: string, http: Partial<CrmHttpOptions> = {}): AmoCrmClient {
  const client = createCrmHttp({ minIntervalMs: Math.ceil(1000 / 7), ...http });
  const root = baseUrl.replace(/\/+$/, "");

  async function get(path: string, query: Record<string, string> = {}) {
    const search = new URLSearchParams(query).toString();
    const answer = await client.request(`${root}${path}${search ? `?${search}` : ""}`, {
      method: "GET",
      headers: { authorization: `Bearer ${token}`, accept: "application/hal+json" },
    });
    if (answer.status === 204) return null;
    if (answer.status !== 200) throw new CrmError(`amoCRM ${path}: HTTP ${answer.status}`, answer.status, false);
    return answer.body;
  }

  return {
    get: (path) => get(path),
    async list(path, key, query, onPage) {
      let read = 0;
      for (let page = 1; ; page++) {
        const body = (await get(path, { ...query, page: String(page), limit: String(AMO_PAGE) })) as
          | { _embedded?: Record<string, unknown>; _links?: { next?: unknown } }
          | null;
        const rows = body?._embedded?.[key];
        if (!Array.isArray(rows) || rows.length === 0) return read;
        read += rows.length;
        for (let at = 0; at < rows.length; at += ROWS_PER_TURN) {
          // A whole page of 250 written at once held members' replies up (bench: amoSyncP99Ms).
          if (at > 0) await nextTurn(http.signal);
          await onPage((rows as AmoRow[]).slice(at, at + ROWS_PER_TURN));
        }
        if (!body?._links?.next) return read;
      }
    },
  };
}
