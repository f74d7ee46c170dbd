/**
 * The frame of every write path: one synchronous transaction that first finalizes whatever time has made
 * due, then does the write, then lets the caller add its own rows (an outbox message to the lead, say)
 * before the commit — so the event, its counters and its consequences land together or not at all.
 * Transactions begin IMMEDIATE: the write lock is taken before the first read, so a concurrent writer
 * (the bot and a CLI on one file) makes this one wait (busy_timeout) rather than fail on a lock upgrade.
 */
import type { BurnSettings } from "../../db/burn-counters.js";
import type { Company } from "../../db/companies.js";
import { getCompany } from "../../db/companies.js";
import type { Db } from "../../db/open.js";
import { inImmediateTransaction } from "../../db/statements.js";
import type { BaseContext } from "./context.js";
import { baseContext, periodOfDay } from "./context.js";
import type { BlockReason } from "./enforce.js";
import { finalizeInTransaction } from "./finalize.js";
import { changePeriod } from "./state-change.js";

/** Optional extras a caller runs inside the write's transaction, after the write, with its result. */
export type WriteHooks<R> = { inTransaction?: (result: R, db: Db) => void };

/** The company id does not belong to the team. */
export type NotFound = { ok: false; reason: "not-found" };

/** An attempt refused by the lead-base rules (docs/figures.md); it was logged as event `attemptId`. */
export type Blocked = {
  ok: false;
  reason: BlockReason;
  /** cooling: the first local day the company may be touched again */
  availableFrom?: string;
  attemptId: number;
  companyId: number;
  companyName: string;
  segmentId: number;
};

/** Who does what to which company, when. */
export type CompanyWriteInput = {
  teamId: number;
  companyId: number;
  /** the member acting; null for scripts and imports */
  memberId?: number | null;
  /** epoch ms */
  now: number;
  /** the team's settings when the caller already has them (see burnSettingsOf); else read in the write */
  settings?: BurnSettings;
};

export function runWrite<R>(
  db: Db,
  teamId: number,
  now: number,
  write: (ctx: BaseContext) => R,
  hooks?: WriteHooks<R>,
  settings?: BurnSettings,
): R {
  return inImmediateTransaction(db, () => {
    const ctx = baseContext(db, teamId, now, settings);
    finalizeInTransaction(ctx);
    const result = write(ctx);
    hooks?.inTransaction?.(result, db);
    return result;
  });
}

export function loadCompany(ctx: BaseContext, companyId: number): Company | undefined {
  return getCompany(ctx.db, ctx.teamId, companyId);
}

/**
 * Counts a contact (touch, refusal or deal) today: the period's contacted set, and the company's first
 * contact ever. Returns the state fields to apply with the rest of the write.
 */
export function countContact(ctx: BaseContext, company: Company): { firstContactAt?: number } {
  changePeriod(ctx, periodOfDay(ctx.today), company.id, ctx.today, (row) => {
    row.contactedDay ??= ctx.today;
  });
  return company.firstContactAt === null ? { firstContactAt: ctx.now } : {};
}
