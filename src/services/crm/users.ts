/**
 * The CRM's users and the members they are: the sync notes every user it reads and links one to the member of
 * the same first and last name when exactly one member has it; the founder links the rest with /crm_link. A
 * founder's link is never replaced by a match of names.
 */
import { memberByCrmName } from "../../domain/crm-mapping.js";
import { linkCrmUser, listCrmUsers, seeCrmUser } from "../../db/crm.js";
import type { CrmKind, CrmUser } from "../../db/crm.js";
import { getMember, listActiveMemberNames } from "../../db/members.js";
import type { Member } from "../../db/members.js";
import type { Db } from "../../db/open.js";
import { inImmediateTransaction } from "../../db/statements.js";

/** Records the users a sync read and links each unlinked one whose name one member has. */
export function noteCrmUsers(db: Db, teamId: number, crm: CrmKind, users: readonly { id: string; name: string }[]): void {
  inImmediateTransaction(db, () => {
    for (const user of users) if (user.id !== "") seeCrmUser(db, teamId, crm, user.id, user.name);
    const members = listActiveMemberNames(db, teamId);
    for (const user of listCrmUsers(db, teamId, crm)) {
      if (user.memberId !== null && user.linkedBy === "founder") continue;
      const memberId = memberByCrmName(user.name, members);
      if (memberId !== null && memberId !== user.memberId) linkCrmUser(db, teamId, crm, user.crmUserId, memberId, "name");
    }
  });
}

export type CrmUserLink = CrmUser & { member: Member | null };

/** The users seen, each with its linked member (null: records of its deals count for nobody). */
export function crmUserLinks(db: Db, teamId: number, crm: CrmKind): CrmUserLink[] {
  return listCrmUsers(db, teamId, crm).map((user) => {
    const member = user.memberId === null ? undefined : getMember(db, user.memberId);
    return { ...user, member: member && member.status === "active" ? member : null };
  });
}

/** The founder's link: records of this CRM user's deals read from now on count for `memberId`. */
export function linkCrmUserToMember(db: Db, teamId: number, crm: CrmKind, crmUserId: string, memberId: number): void {
  linkCrmUser(db, teamId, crm, crmUserId, memberId, "founder");
}
