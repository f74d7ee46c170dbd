import { describe, expect, it } from "vitest";
import { createCrmHttp } from "../../../src/services/crm/http.js";
import { createTestClock } from "../../helpers/clock.js";

/** A CRM that answers each request with the next status of `statuses` (200 when they run out), noting when. */
function fakeCrm(clock: { now(): number }, statuses: number[] = []) {
  const at: number[] = [];
  const fetch = (async () => {
    at.push(clock.now());
    return new Response(JSON.stringify({ result: [] }), { status: statuses.shift() ?? 200 });
  }) as typeof globalThis.fetch;
  return { at, fetch };
}

describe("the CRM client's pace", () => {
  it("keeps requests apart on the injected clock, and its pauses are the clock's to move", async () => {
    const clock = createTestClock("2026-11-02T07:00:00Z");
    const start = clock.now();
    const crm = fakeCrm(clock);
    const waits: number[] = [];
    const http = createCrmHttp({ minIntervalMs: 500, now: clock.now, wait: async (ms) => (waits.push(ms), clock.advance(ms)), fetch: crm.fetch });
    for (let i = 0; i < 3; i++) await http.request("http://127.0.0.1/rest/list", { method: "POST" });
    expect(crm.at.map((at) => at - start)).toEqual([0, 500, 1000]);
    expect(waits).toEqual([500, 500]);

    // Time that passed by itself counts toward the gap: a request a minute later goes at once.
    clock.advanceMinutes(1);
    await http.request("http://127.0.0.1/rest/list", { method: "POST" });
    expect(waits).toEqual([500, 500]);
  });

  it("retries a 503 and a 429 after its backoff on the same clock, and gives up after the last attempt", async () => {
    const clock = createTestClock("2026-11-02T07:00:00Z");
    const start = clock.now();
    const crm = fakeCrm(clock, [503, 429]);
    const wait = async (ms: number) => clock.advance(ms);
    const http = createCrmHttp({ minIntervalMs: 500, now: clock.now, wait, fetch: crm.fetch });
    const answer = await http.request("http://127.0.0.1/rest/list", { method: "POST" });
    expect(answer.status).toBe(200);
    // Backoff 500 ms, then 1 s; the pace is already kept by then.
    expect(crm.at.map((at) => at - start)).toEqual([0, 500, 1500]);

    const down = fakeCrm(clock, [500, 500, 500]);
    const failing = createCrmHttp({ minIntervalMs: 0, attempts: 3, now: clock.now, wait, fetch: down.fetch });
    await expect(failing.request("http://127.0.0.1/rest/list", { method: "POST" })).rejects.toMatchObject({ status: 500, retriable: true });
    expect(down.at).toHaveLength(3);
  });
});
