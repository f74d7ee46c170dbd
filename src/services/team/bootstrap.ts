import type { Db } from "../../db/open.js";
import { countFounders, findActiveMember, upsertMember } from "../../db/members.js";
import { CLAIM_TTL_MS, createInvite, newToken, closeOpenClaims } from "../../db/invites.js";

/**
 * Makes FOUNDER_IDS founders, and when nobody is founder yet returns a one-time claim token valid for a day.
 * Only the token's hash is stored, so each start while no founder exists replaces the earlier link with a new one.
 */
export function bootstrapFounders(db: Db, teamId: number, founderIds: number[], now: number): { claimToken?: string } {
  return db.transaction(() => {
    for (const userId of founderIds) {
      const existing = findActiveMember(db, teamId, userId);
      if (existing?.role === "founder") continue;
      upsertMember(db, { teamId, userId, username: existing?.username ?? null, firstName: existing?.firstName ?? "", lastName: existing?.lastName ?? "", role: "founder", chatId: userId }, now);
    }
    if (countFounders(db, teamId) > 0) {
      // A founder exists: any claim link still lying around dies now.
      closeOpenClaims(db, teamId, now);
      return {};
    }
    closeOpenClaims(db, teamId, now);
    return { claimToken: createInvite(db, teamId, "founder", null, now, CLAIM_TTL_MS, newToken("claim-")).token };
  })();
}
