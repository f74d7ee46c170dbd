import cron from "node-cron";
import type { Clock } from "../shared/clock.js";
import type { Job, JobDeps } from "./job.js";

/** Runs every job once; each has its own try/catch so one failing job does not stop the rest. */
export async function runJobs(jobs: Job[], deps: JobDeps, now: number): Promise<void> {
  for (const job of jobs) {
    try {
      await job.run(deps, now);
    } catch (error) {
      deps.logger.error({ err: error, job: job.name }, "job failed");
    }
  }
  deps.onOutbox?.();
}

/**
 * node-cron is only the tick: every minute it asks the jobs what is due. The start-up sweep does
 * the same at once, so what came due while the bot was down is sent when it is back.
 */
export function startScheduler(jobs: Job[], deps: JobDeps, clock: Clock) {
  let busy: Promise<void> | null = null;
  const tick = () => {
    if (busy) return busy;
    busy = runJobs(jobs, deps, clock.now()).finally(() => {
      busy = null;
    });
    return busy;
  };
  const task = cron.schedule("* * * * *", () => void tick(), { noOverlap: true });
  void tick();
  return {
    tick,
    async stop(): Promise<void> {
      await task.stop();
      await busy;
    },
  };
}
