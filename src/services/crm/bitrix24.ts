/**
 * The Bitrix24 REST client: list methods read in pages of 50 through `start`/`next`, at most 2 requests a
 * second (the inbound webhook's documented pace), retried on QUERY_LIMIT_EXCEEDED, 5xx and network failures.
 */
import { CrmError, createCrmHttp } from "./http.js";
import type { CrmHttpOptions } from "./http.js";

export type Bitrix24Row = Record<string, unknown>;

export type Bitrix24Client = {
  /** Reads every page of a list method, handing each page over before the next is asked for. */
  list(method: string, params: Record<string, unknown>, onPage: (rows: Bitrix24Row[]) => void | Promise<void>): Promise<number>;
};

export function createBitrix24Client(webhookUrl: string, http: Partial<CrmHttpOptions> = {}): Bitrix24Client {
  const client = createCrmHttp({ minIntervalMs: 500, ...http });
  const base = webhookUrl.endsWith("/") ? webhookUrl : `${webhookUrl}/`;

  async function call(method: string, params: Record<string, unknown>) {
    const answer = await client.request(`${base}${method}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(params),
    });
    const body = answer.body as { result?: unknown; next?: unknown; error?: unknown } | null;
    if (answer.status !== 200 || !body || body.error !== undefined) {
      // The webhook's code is in the URL: the message names the method only.
      throw new CrmError(`Bitrix24 ${method}: HTTP ${answer.status} ${String(body?.error ?? "")}`.trim(), answer.status, false);
    }
    if (!Array.isArray(body.result)) throw new CrmError(`Bitrix24 ${method}: the answer has no list`, answer.status, false);
    return { rows: body.result as Bitrix24Row[], next: typeof body.next === "number" ? body.next : null };
  }

  return {
    async list(method, params, onPage) {
      let start = 0;
      let read = 0;
      for (;;) {
        const page = await call(method, { ...params, start });
        read += page.rows.length;
        await onPage(page.rows);
        if (page.next === null) return read;
        start = page.next;
      }
    },
  };
}
