/** The buttons of corrections and of held entries, one definition per kind (see shared/telegram/callback-data.ts). */
import { callbackData, id, oneOf, text } from "../../shared/telegram/callback-data.js";
import type { CorrectedRecord } from "../../db/corrections.js";
import type { UndoTarget } from "../../services/corrections/index.js";

/** A record in callback data: e (an event of the lead base) or x (an expense). */
const record = {
  pattern: "e|x",
  read: (value: string): CorrectedRecord => (value === "e" ? "event" : "expense"),
  write: (value: CorrectedRecord): string => (value === "event" ? "e" : "x"),
};

/** What /undo takes back: e, x, or c (a company added by hand). */
const undoTarget = {
  pattern: "e|x|c",
  read: (value: string): UndoTarget => (value === "c" ? "company" : record.read(value)),
  write: (value: UndoTarget): string => (value === "company" ? "c" : record.write(value)),
};

/** `undo:<e|x|c>:<id>`: yes, take my record back. */
export const undoButton = callbackData("undo", { record: undoTarget, id });
/** `undo:no`. */
export const undoCancelButton = callbackData("undo:no");
/** `cor:<e|x>:<id>`: open a record's menu. */
export const recordButton = callbackData("cor", { record, id });
/** `cor:<e|x>:<id>:<action>`: delete it, or type a new amount, company or day. */
export const recordActionButton = callbackData("cor", { record, id, action: oneOf(["void", "amount", "company", "day"]) });
/** `gok:<nonce>` / `gno:<nonce>`: save or drop a held deal or expense. */
export const saveHeldButton = callbackData("gok", { nonce: text("[0-9a-z]{1,12}") });
export const dropHeldButton = callbackData("gno", { nonce: text("[0-9a-z]{1,12}") });
