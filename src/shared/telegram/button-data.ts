/**
 * Button kinds that messages queued outside the bot carry (task cards, questions, the check-up prompt),
 * so services build them and the bot reads them with the same definitions.
 */
import { callbackData, id, oneOf, text } from "./callback-data.js";

/** `task:start|done:<id>`: the assignee's progress on a task. */
export const taskProgressButton = callbackData("task", { action: oneOf(["start", "done"]), id });

/** `task:accept|return|cancel:<id>`: the lead's review of a task. */
export const taskReviewButton = callbackData("task", { action: oneOf(["accept", "return", "cancel"]), id });

/** `task:ask:<id>`: the assignee asks a question about a task. */
export const taskQuestionButton = callbackData("task:ask", { id });

/** `task:show:<id>`: a task's card. */
export const taskCardButton = callbackData("task:show", { id });

type TaskButtonAction = "start" | "done" | "accept" | "return" | "cancel" | "ask";

/** The data of the button for `action` on task `taskId`. */
export function taskActionData(action: TaskButtonAction, taskId: number): string {
  if (action === "ask") return taskQuestionButton.pack({ id: taskId });
  if (action === "start" || action === "done") return taskProgressButton.pack({ action, id: taskId });
  return taskReviewButton.pack({ action, id: taskId });
}

/** `question:answer:<question id>`: the lead answers a question. */
export const answerButton = callbackData("question:answer", { id });

/** `checkup:start:<check-up id>`: [Start] on the check-up prompt and its reminder. */
export const checkupStartButton = callbackData("checkup:start", { id });

/** `alerts:mute:<kind>`: [Mute this kind for a week] under a founder alert (the handler checks the kind). */
export const muteAlertKindButton = callbackData("alerts:mute", { kind: text("[a-z][a-z-]{2,30}") });
