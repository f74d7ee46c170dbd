import type { Job } from "./job.js";

/**
 * Reads the CRM when the last sync is `CRM_SYNC_MINUTES` old; the database keeps the cursor, the tick only asks.
 * The sync is started, not awaited: a first sync of a large CRM takes minutes at the CRM's pace, and the
 * check-ups and alerts of the same tick must not wait for it (app.runJobsNow waits for it, for tests).
 */
export const crmSyncJob: Job = {
  name: "crm-sync",
  run(deps, now) {
    const sync = deps.crmSync;
    if (!sync || sync.inFlight() || !sync.due(now)) return;
    void sync.run().then(
      (outcome) => {
        if (!outcome.ok) deps.logger.warn({ error: outcome.error }, "CRM sync failed; the next tick retries");
        else deps.logger.info({ rowsRead: outcome.rowsRead, recordsWritten: outcome.recordsWritten }, "CRM sync done");
      },
      (error: unknown) => deps.logger.error({ err: error }, "CRM sync crashed"),
    );
  },
};
