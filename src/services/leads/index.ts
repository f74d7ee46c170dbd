/**
 * The lead base for the bot layer: each command is one call (all synchronous, one transaction each, with
 * typed results to turn into localized text).
 */
export { importBase, importBaseFile, IMPORT_HEADERS } from "./import.js";
export type { ImportResult, ImportBadRow, ImportRowError, ImportField, ImportWarning } from "./import.js";
export { findCompany, suggestCompanies } from "./lookup.js";
export type { CompanyLookup, CompanySuggestion } from "./lookup.js";
export { recordTouch } from "./touch.js";
export type { TouchInput, TouchResult } from "./touch.js";
export { recordRefusal, MAX_COMMENT } from "./refusal.js";
export type { RefusalInput, RefusalResult } from "./refusal.js";
export { recordHandled } from "./handled.js";
export type { HandledResult } from "./handled.js";
export { recordDeal } from "./deal.js";
export type { DealInput, DealResult } from "./deal.js";
export { closeCompany } from "./close.js";
export type { CloseInput, CloseResult } from "./close.js";
export { unfreezeCompany } from "./unfreeze.js";
export type { UnfreezeResult } from "./unfreeze.js";
export { unpauseSegment } from "./unpause.js";
export type { UnpauseInput, UnpauseResult } from "./unpause.js";
export { addCompany } from "./add.js";
export type { AddCompanyInput, AddCompanyResult } from "./add.js";
export { companyCard } from "./card.js";
export type { CompanyCard } from "./card.js";
export { finalizeDue } from "./finalize.js";
export type { FinalizeResult } from "./finalize.js";
export { loadBurnReport, resolveAsOf } from "./burn-report.js";
export type { BurnReportRequest } from "./burn-report.js";
export type { Blocked, NotFound, WriteHooks, CompanyWriteInput } from "./write.js";
export type { BlockReason } from "./enforce.js";
