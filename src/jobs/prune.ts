import { pruneProcessedUpdates } from "../db/processed-updates.js";
import { pruneOutbox } from "../db/outbox.js";
import type { Job } from "./job.js";

/** Keeps the two tables that grow with every update and message bounded; their counts are kept. */
export const pruneJob: Job = {
  name: "prune",
  run(deps, now) {
    const updates = pruneProcessedUpdates(deps.db, now);
    const messages = pruneOutbox(deps.db, now);
    if (updates + messages > 0) deps.logger.info({ updates, messages }, "pruned old rows");
  },
};
