import type { Db } from "../db/open.js";
import type { Translator } from "../shared/i18n.js";
import type { Logger } from "../shared/logger.js";
import type { CrmSync } from "../services/crm/index.js";
import type { ChartDrawer } from "../reports/chart-process.js";

export interface JobDeps {
  db: Db;
  teamId: number;
  translator: Translator;
  logger: Logger;
  /** Wakes the outbox worker after a job queued messages. */
  onOutbox?: () => void;
  /** The CRM sync, when CRM is set. */
  crmSync?: CrmSync;
  /** How charts are drawn; default a short-lived child process. */
  drawChart?: ChartDrawer;
}

/**
 * A scheduled job decides from the database what is due at `now` and does it once; it must be
 * safe to call at any moment and any number of times (the tick, the start-up sweep, tests).
 */
export interface Job {
  name: string;
  run(deps: JobDeps, now: number): void | Promise<void>;
}
