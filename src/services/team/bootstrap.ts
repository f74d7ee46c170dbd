import type { Db } from "../../db/open.js";
import { countFounders, findActiveMember, upsertMember } from "../../db/members.js";
import { createInvite, findOpenClaim, newToken, closeOpenClaims } from "../../db/invites.js";

/**
 * Makes FOUNDER_IDS founders, and when nobody is founder yet returns the one-time claim token
 * (an existing unused one is reused, so a restart prints the same link).
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
    return { claimToken: findOpenClaim(db, teamId) ?? createInvite(db, teamId, "founder", null, now, null, newToken("claim-")).token };
  })();
}
