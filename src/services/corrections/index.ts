/** Corrections for the bot layer: take back, void or amend a record; and the checks before a record is saved. */
export { amendRecord, voidRecord, CORRECTABLE_KINDS } from "./correct.js";
export type { Amendment, CorrectionHooks, CorrectionInput, CorrectionResult } from "./correct.js";
export { mayUndo, recordSummary, undoableRecord, UNDO_WINDOW_MS } from "./records.js";
export type { CorrectableRecord, UndoTarget } from "./records.js";
export { takeBackCompany } from "./take-back-company.js";
export type { TakeBackCompanyResult } from "./take-back-company.js";
export { dealWarnings, expenseWarnings } from "./guards.js";
export type { DealWarning, ExpenseWarning } from "./guards.js";
