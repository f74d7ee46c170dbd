/** The buttons of corrections and of held entries, one definition per kind (see shared/telegram/callback-data.ts). */
import { callbackData, id, oneOf, text } from "../../shared/telegram/callback-data.js";
import type { CorrectedRecord } from "../../db/corrections.js";

/** A record in callback data: e (an event of the lead base) or x (an expense). */
const record = {
  pattern: "e|x",
  read: (value: string): CorrectedRecord => (value === "e" ? "event" : "expense"),
  write: (value: CorrectedRecord): string => (value === "event" ? "e" : "x"),
};

/** `undo:<e|x>:<id>`: yes, take my record back. */
export const undoButton = callbackData("undo", { record, id });
/** `undo:no`. */
export const undoCancelButton = callbackData("undo:no");
/** `cor:<e|x>:<id>`: open a record's menu. */
export const recordButton = callbackData("cor", { record, id });
/** `cor:<e|x>:<id>:<action>`: delete it, or type a new amount, company or day. */
export const recordActionButton = callbackData("cor", { record, id, action: oneOf(["void", "amount", "company", "day"]) });
/** `gok:<nonce>` / `gno:<nonce>`: save or drop a held deal or expense. */
export const saveHeldButton = callbackData("gok", { nonce: text("[0-9a-z]{1,12}") });
export const dropHeldButton = callbackData("gno", { nonce: text("[0-9a-z]{1,12}") });
