/**
 * The member-update benchmark compares the bot with a minimal bot that must write exactly the same rows
 * (bench/bot-workload.ts); `npm run bench` refuses a run where they differ. This keeps the two in step as the
 * bot changes, on a short stream, without timing anything.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertRepliesOk, buildWorkload, countMismatches, createApiStub, runBaselineBot, runRealBot } from "../../bench/bot-workload.js";

describe("bench: the bot and its baseline", () => {
  it("write the same rows for the same stream of member updates, and the bot refuses none of them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scb-bench-"));
    const workload = buildWorkload(1_000);
    expect(Object.values(workload.counts).every((n) => n > 0)).toBe(true);
    const stub = createApiStub(true);
    const real = await runRealBot(join(dir, "real.sqlite"), workload, stub);
    assertRepliesOk(stub, workload);
    const baseline = await runBaselineBot(join(dir, "baseline.sqlite"), workload, createApiStub());
    expect(countMismatches(real.counts, baseline.counts)).toEqual([]);
    expect(real.counts.company_events).toBe(workload.counts.touch);
    expect(real.counts.expenses).toBe(workload.counts.expense);
    // No per-day marker for expenses any more: an expense checks only the budget condition.
    expect(real.counts.kv).toBe(0);
  });
});
