import type { Job } from "./job.js";

/** Reads the CRM when the last sync is `CRM_SYNC_MINUTES` old; the database keeps the cursor, the tick only asks. */
export const crmSyncJob: Job = {
  name: "crm-sync",
  async run(deps, now) {
    if (!deps.crmSync?.due(now)) return;
    const outcome = await deps.crmSync.run();
    if (!outcome.ok) deps.logger.warn({ error: outcome.error }, "CRM sync failed; the next tick retries");
    else deps.logger.info({ rowsRead: outcome.rowsRead, recordsWritten: outcome.recordsWritten }, "CRM sync done");
  },
};
