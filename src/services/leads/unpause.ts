/** /unpause (founder — the bot checks the role): let the team touch a paused segment again. */
import type { Db } from "../../db/open.js";
import { getSegment, insertUnpause } from "../../db/segments.js";
import { segmentPauseNow } from "./enforce.js";
import type { WriteHooks } from "./write.js";
import { runWrite } from "./write.js";

export type UnpauseInput = { teamId: number; segmentId: number; memberId?: number | null; now: number };

export type UnpauseResult =
  | { ok: true; unpauseId: number; burnedShare: number }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "not-paused"; burnedShare: number };

/**
 * Unpauses a paused segment. The unpause holds while the segment's burned share closes every day at or
 * above the pause threshold; once a day closes below it, the unpause is spent, and reaching the threshold
 * again pauses the segment again (a new /unpause is needed).
 */
export function unpauseSegment(db: Db, input: UnpauseInput, hooks?: WriteHooks<UnpauseResult>): UnpauseResult {
  return runWrite(
    db,
    input.teamId,
    input.now,
    (ctx): UnpauseResult => {
      const segment = getSegment(db, ctx.teamId, input.segmentId);
      if (!segment) return { ok: false, reason: "not-found" };
      const { burnedShare, paused } = segmentPauseNow(ctx, segment.id);
      if (!paused) return { ok: false, reason: "not-paused", burnedShare };
      const unpauseId = insertUnpause(db, {
        teamId: ctx.teamId,
        segmentId: segment.id,
        memberId: input.memberId ?? null,
        at: ctx.now,
        day: ctx.today,
      });
      return { ok: true, unpauseId, burnedShare };
    },
    hooks,
  );
}
