import { pruneProcessedUpdates } from "../db/processed-updates.js";
import type { Job } from "./job.js";

export const pruneJob: Job = {
  name: "prune-processed-updates",
  run(deps, now) {
    pruneProcessedUpdates(deps.db, now);
  },
};
