import type { Job, JobDeps } from "./job.js";
import { runCheckupMisses } from "./checkup-miss.js";
import { runCheckupPrompts } from "./checkup-prompt.js";
import { runCheckupReminders } from "./checkup-reminder.js";
import { runCheckupDigest } from "./checkup-digest.js";
import { runQuestionEscalation } from "./checkup-escalation.js";

/** Steps in the order they must run: misses before the digest that reports them. */
const STEPS: [string, (deps: JobDeps, now: number) => unknown][] = [
  ["checkup-miss", runCheckupMisses],
  ["checkup-prompt", runCheckupPrompts],
  ["checkup-reminder", runCheckupReminders],
  ["checkup-digest", runCheckupDigest],
  ["question-escalation", runQuestionEscalation],
];

/**
 * The check-up's scheduled work: misses, prompts, reminders, the digest and question
 * escalation. Each step reads the database to decide what is due at `now` and is safe to repeat;
 * one failing step is logged and does not stop the others.
 */
export const checkupJob: Job = {
  name: "checkup",
  run(deps, now) {
    for (const [name, step] of STEPS) {
      try {
        step(deps, now);
      } catch (error) {
        deps.logger.error({ err: error, step: name }, "check-up step failed");
      }
    }
  },
};
