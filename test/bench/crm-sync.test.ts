/**
 * The benchmark's CRM workload on a small portal: the real app reads every row of the fake Bitrix24 or amoCRM, a second sync
 * with nothing changed writes nothing (measureCrmSync throws otherwise), and replies keep coming while it syncs.
 */
import { describe, expect, it } from "vitest";
import { measureCrmSync } from "../../bench/crm-sync.js";

describe("bench: the CRM sync", () => {
  it.each(["bitrix24", "amocrm"] as const)("%s: reads every company and deal, writes their records once, and answers members meanwhile", async (crm) => {
    const result = await measureCrmSync({ crm, companies: 100, deals: 500, idleReplies: 10 });
    expect(result.rowsRead).toBe(600);
    // Every company is new; a deal on a company already refused or won is refused by the lead base, as if typed.
    expect(result.recordsWritten).toBeGreaterThan(300);
    expect(result.recordsWritten).toBeLessThanOrEqual(600);
    expect(result.secondSyncRecords).toBe(0);
    expect(result.idleReplies).toBe(10);
    expect(result.duringSyncReplies).toBeGreaterThan(0);
  });
});
