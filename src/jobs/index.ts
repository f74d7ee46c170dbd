import type { Job } from "./job.js";
import { pruneJob } from "./prune.js";

/** Every job the scheduler ticks, in order. */
export const JOBS: Job[] = [pruneJob];
