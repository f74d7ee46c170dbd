import type { Job } from "./job.js";
import { pruneJob } from "./prune.js";
import { checkupJob } from "./checkup-jobs.js";
import { planJobs } from "./monthly-summary.js";
import { burnAlertsJob } from "./burn-alerts.js";
import { calendarNoticeJob } from "./calendar-notice.js";
import { weeklySummaryJob } from "./weekly-summary.js";
import { teamSummaryJob } from "./team-summary.js";
import { deliveryAlertsJob } from "./delivery-alerts.js";
import { crmSyncJob } from "./crm-sync.js";

/** Every job the scheduler ticks, in order. */
export const JOBS: Job[] = [pruneJob, crmSyncJob, checkupJob, ...planJobs, burnAlertsJob, weeklySummaryJob, teamSummaryJob, deliveryAlertsJob, calendarNoticeJob];
