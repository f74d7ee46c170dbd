import { describe, expect, it } from "vitest";
import { crmSyncJob } from "../../src/jobs/crm-sync.js";
import { runJobs } from "../../src/jobs/scheduler.js";
import type { Job, JobDeps } from "../../src/jobs/job.js";
import type { CrmSync, SyncOutcome } from "../../src/services/crm/index.js";
import { openDatabase } from "../../src/db/open.js";
import { createTranslator } from "../../src/shared/i18n.js";
import { createLogger } from "../../src/shared/logger.js";

/** A CRM sync that finishes only when the test says so. */
function slowSync() {
  let finish: (outcome: SyncOutcome) => void = () => undefined;
  let running: Promise<SyncOutcome> | null = null;
  let started = 0;
  const sync: CrmSync = {
    kind: "bitrix24",
    syncMinutes: 10,
    due: () => true,
    run() {
      running ??= new Promise<SyncOutcome>((resolve) => {
        started++;
        finish = (outcome) => {
          running = null;
          resolve(outcome);
        };
      });
      return running;
    },
    inFlight: () => running,
    stop: async () => {
      await running;
    },
    state: () => ({ companiesCursor: null, dealsCursor: null, lastRunAt: null, lastOkAt: null, rowsRead: 0, recordsWritten: 0, errors: 0, lastError: null }),
  };
  return { sync, started: () => started, finish: (outcome: SyncOutcome) => finish(outcome) };
}

describe("the CRM sync job", () => {
  it("starts a sync without holding up the tick's other jobs, and starts no second one while it runs", async () => {
    const slow = slowSync();
    const db = openDatabase(":memory:");
    const deps: JobDeps = { db, teamId: 1, translator: createTranslator(), logger: createLogger("silent"), crmSync: slow.sync };
    const ran: number[] = [];
    const checkups: Job = { name: "checkups", run: (_deps, now) => void ran.push(now) };

    await runJobs([crmSyncJob, checkups], deps, 1);
    expect(slow.started()).toBe(1);
    expect(slow.sync.inFlight()).not.toBeNull();
    expect(ran).toEqual([1]);

    // A minute later the first sync (minutes long for a large CRM) still runs: the tick goes on without a second.
    await runJobs([crmSyncJob, checkups], deps, 2);
    expect(slow.started()).toBe(1);
    expect(ran).toEqual([1, 2]);

    slow.finish({ ok: true, rowsRead: 120_000, recordsWritten: 90_000 });
    await Promise.resolve();
    expect(slow.sync.inFlight()).toBeNull();
    await runJobs([crmSyncJob, checkups], deps, 3);
    expect(slow.started()).toBe(2);
    db.close();
  });
});
