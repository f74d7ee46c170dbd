/**
 * Rebuilding the lead base's counters and company states from the events, after a correction voided or moved
 * one. The counters are kept incrementally by the write paths, so a past event cannot simply be taken out: its
 * consequences (a first contact, a refusal that burned, a cooling it started) run through everything after it.
 * Instead the team's counters are cleared and every event nothing voided is applied again, in the order it
 * happened, through the same apply functions the write paths use and with the same finalization between them —
 * so the result is what the counters would be had the voided record never been entered.
 */
import { bumpSegment } from "../../db/burn-counters.js";
import { getCompany } from "../../db/companies.js";
import type { CompanyEventRecord } from "../../db/company-events.js";
import { settleRefusal } from "../../db/company-events.js";
import type { Db } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { applyClose } from "./close.js";
import type { BaseContext } from "./context.js";
import { applyDeal } from "./deal.js";
import { finalizeInTransaction } from "./finalize.js";
import { handleOpenRefusals } from "./handled.js";
import { applyRefusal } from "./refusal.js";
import { changeCompany } from "./state-change.js";
import { applyTouch } from "./touch.js";

const COUNTER_TABLES = ["burn_period_companies", "burn_period_days", "segment_days", "segment_months", "segment_totals", "segment_weeks"];

type Step =
  | { kind: "created"; at: number; day: string; companyId: number; segmentId: number }
  | { kind: "event"; at: number; event: Pick<CompanyEventRecord, "id" | "companyId" | "segmentId" | "kind" | "at" | "localDay" | "lostForGood"> };

interface EventRow {
  id: number;
  company_id: number;
  segment_id: number;
  kind: CompanyEventRecord["kind"];
  at: number;
  local_day: string;
  lost: number;
}

/** Clears the team's counters and company states, then applies every event nothing voided again (inside the caller's transaction). */
export function rebuildLeadBase(ctx: BaseContext): void {
  const { db, teamId } = ctx;
  resetTeam(db, teamId);
  const companies = prepared(db, "SELECT id, created_at, created_day, segment_id FROM companies WHERE team_id = ? AND removed_at IS NULL ORDER BY created_at, id").all(
    teamId,
  ) as { id: number; created_at: number; created_day: string; segment_id: number }[];
  const events = prepared(
    db,
    `SELECT id, company_id, segment_id, kind, at, local_day, lost FROM company_events
      WHERE team_id = ? AND voided_by IS NULL AND kind NOT IN ('blocked') ORDER BY at, id`,
  ).all(teamId) as EventRow[];
  let c = 0;
  let e = 0;
  // A company exists before anything happens to it, so a creation goes first on a tie.
  while (c < companies.length || e < events.length) {
    const company = companies[c];
    const event = events[e];
    if (company && (!event || company.created_at <= event.at)) {
      c++;
      apply(ctx, { kind: "created", at: company.created_at, day: company.created_day, companyId: company.id, segmentId: company.segment_id });
    } else if (event) {
      e++;
      apply(ctx, {
        kind: "event",
        at: event.at,
        event: {
          id: event.id,
          companyId: event.company_id,
          segmentId: event.segment_id,
          kind: event.kind,
          at: event.at,
          localDay: event.local_day,
          lostForGood: event.lost === 1,
        },
      });
    }
  }
  finalizeInTransaction(ctx);
}

/** Counters gone, every company as it was created, every refusal not yet logged. */
function resetTeam(db: Db, teamId: number): void {
  for (const table of COUNTER_TABLES) prepared(db, `DELETE FROM ${table} WHERE team_id = ?`).run(teamId);
  prepared(db, "UPDATE segment_unpauses SET checked_through = NULL, spent_day = NULL WHERE team_id = ?").run(teamId);
  // Status NULL keeps a refusal out of finalization until the replay reaches it; a voided one stays so.
  prepared(db, "UPDATE company_events SET status = NULL, settled_at = NULL WHERE team_id = ? AND kind = 'refusal'").run(teamId);
  prepared(
    db,
    `UPDATE companies SET status = 'active', cooling_until_day = NULL, cooling_until_at = NULL, first_contact_at = NULL, won_at = NULL,
       segment_id = COALESCE((SELECT e.from_segment_id FROM company_events e WHERE e.company_id = companies.id AND e.kind = 'moved'
                                 AND e.voided_by IS NULL ORDER BY e.at, e.id LIMIT 1), segment_id)
     WHERE team_id = ?`,
  ).run(teamId);
}

function apply(base: BaseContext, step: Step): void {
  const ctx: BaseContext = { ...base, now: step.at, today: step.kind === "created" ? step.day : step.event.localDay };
  finalizeInTransaction(ctx);
  if (step.kind === "created") {
    bumpSegment(ctx.db, ctx.teamId, step.segmentId, "size", ctx.today, 1);
    bumpSegment(ctx.db, ctx.teamId, step.segmentId, "fresh", ctx.today, 1);
    return;
  }
  const { event } = step;
  const company = getCompany(ctx.db, ctx.teamId, event.companyId);
  if (!company) return;
  switch (event.kind) {
    case "touch":
      applyTouch(ctx, company);
      break;
    case "refusal":
      if (event.lostForGood) settleRefusal(ctx.db, event.id, "lost", event.at);
      else prepared(ctx.db, "UPDATE company_events SET status = 'pending' WHERE id = ?").run(event.id);
      applyRefusal(ctx, company, event.lostForGood);
      break;
    case "handled":
      handleOpenRefusals(ctx, company.id);
      break;
    case "deal":
      applyDeal(ctx, company);
      break;
    case "close":
      if (company.status !== "closed") applyClose(ctx, company);
      break;
    case "unfreeze":
      if (company.status === "cooling" || company.status === "lost") {
        changeCompany(ctx, company, ctx.today, { status: "active", coolingUntilDay: null, coolingUntilAt: null });
      }
      break;
    case "moved":
      if (company.segmentId !== event.segmentId) changeCompany(ctx, company, ctx.today, { segmentId: event.segmentId });
      break;
    case "blocked":
      break;
  }
}
