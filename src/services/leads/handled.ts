/** /handled: the objection behind the company's open refusals was worked out, next step agreed. */
import { insertCompanyEvent, openRefusals, settleRefusal } from "../../db/company-events.js";
import type { Db } from "../../db/open.js";
import type { BaseContext } from "./context.js";
import { periodOfDay } from "./context.js";
import { changePeriod } from "./state-change.js";
import type { CompanyWriteInput, NotFound, WriteHooks } from "./write.js";
import { loadCompany, runWrite } from "./write.js";

export type HandledResult =
  | { ok: true; eventId: number; handledRefusals: number }
  | NotFound
  /** no refusal of the company is inside its handling window (none, or the window already closed) */
  | { ok: false; reason: "nothing-to-handle" | "closed" };

/**
 * Marks every refusal of the company still inside its window as handled (the latest one included — a
 * company with two open refusals had one conversation). A refusal handled in its window never burns.
 */
export function recordHandled(db: Db, input: CompanyWriteInput, hooks?: WriteHooks<HandledResult>): HandledResult {
  return runWrite(
    db,
    input.teamId,
    input.now,
    (ctx): HandledResult => {
      const company = loadCompany(ctx, input.companyId);
      if (!company) return { ok: false, reason: "not-found" };
      if (company.status === "closed") return { ok: false, reason: "closed" };
      const open = openRefusals(db, company.id, ctx.now);
      if (open.length === 0) return { ok: false, reason: "nothing-to-handle" };
      const eventId = insertCompanyEvent(db, {
        teamId: ctx.teamId,
        companyId: company.id,
        segmentId: company.segmentId,
        kind: "handled",
        at: ctx.now,
        localDay: ctx.today,
        memberId: input.memberId ?? null,
      });
      handleOpenRefusals(ctx, company.id);
      return { ok: true, eventId, handledRefusals: open.length };
    },
    hooks,
    input.settings,
  );
}

/** Settles the company's open refusals as handled now; returns how many. */
export function handleOpenRefusals(ctx: BaseContext, companyId: number): number {
  const open = openRefusals(ctx.db, companyId, ctx.now);
  for (const refusal of open) {
    settleRefusal(ctx.db, refusal.id, "handled", ctx.now);
    changePeriod(ctx, periodOfDay(refusal.localDay), companyId, ctx.today, (row) => {
      row.openRefusals--;
    });
  }
  return open.length;
}
