/** Paced, retried HTTP for the CRM clients: the CRMs limit requests per second and fail now and then. */

/** A CRM answered with an error that retrying will not fix (401, a bad method, a malformed answer). */
export class CrmError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retriable: boolean,
  ) {
    super(message);
  }
}

export type CrmHttpOptions = {
  /** Shortest gap between two requests, ms (Bitrix24: 2 a second → 500). */
  minIntervalMs: number;
  /** Attempts of one request before the sync gives up until the next run. */
  attempts?: number;
  /** Backoff before retry n (1-based), ms. */
  backoffMs?: (attempt: number) => number;
  /** The clock the pace is kept by (the app's injected clock); default Date.now. */
  now?: () => number;
  /** Waits `ms`; tests pass one that moves their clock instead. */
  wait?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** Abort a request that hangs this long, ms. */
  timeoutMs?: number;
  /** Aborted when the bot stops: no request is sent or retried after it. */
  signal?: AbortSignal;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type CrmHttp = { request(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> };

/**
 * Sends requests one at a time, at least `minIntervalMs` apart. A network failure, 429 or 5xx is retried with
 * a doubling backoff; anything else is the caller's to judge. Throws CrmError after the last attempt.
 */
export function createCrmHttp(options: CrmHttpOptions): CrmHttp {
  const wait = options.wait ?? sleep;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  const attempts = options.attempts ?? 5;
  const backoff = options.backoffMs ?? ((attempt: number) => 500 * 2 ** (attempt - 1));
  let lastAt = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function once(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
    const gap = lastAt + options.minIntervalMs - now();
    if (gap > 0) await wait(gap);
    lastAt = now();
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const response = await doFetch(url, { ...init, signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout });
    const text = await response.text();
    let body: unknown = null;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    return { status: response.status, body };
  }

  async function withRetries(url: string, init: RequestInit) {
    let failure: CrmError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await wait(backoff(attempt - 1));
      options.signal?.throwIfAborted();
      try {
        const answer = await once(url, init);
        if (answer.status !== 429 && answer.status < 500) return answer;
        failure = new CrmError(`HTTP ${answer.status}${errorCode(answer.body)}`, answer.status, true);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        failure = new CrmError(`network: ${error instanceof Error ? error.message : String(error)}`, null, true);
      }
    }
    throw failure!;
  }

  return {
    request(url, init) {
      const run = queue.then(() => withRetries(url, init));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

function errorCode(body: unknown): string {
  if (body && typeof body === "object" && "error" in body) return ` ${String((body as { error: unknown }).error)}`;
  return "";
}
