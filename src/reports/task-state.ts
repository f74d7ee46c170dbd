import type { TaskState } from "../domain/tasks.js";
import type { Translate } from "../shared/i18n.js";

/** A state in words, e.g. "in progress". */
export function stateLabel(t: Translate, state: TaskState): string {
  return t(`task-state-${state.replace("_", "-")}`);
}
