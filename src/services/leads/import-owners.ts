/**
 * Who a base file's «Ответственный» means: a member by @username (any length: a username is matched against
 * what members have, not checked against Telegram's rules), else by name as CRMs export it ("Иван Петров",
 * "петров иван", with a patronymic; ё = е, any case). A name two members share matches nobody.
 */
import { listActiveMemberNames, type MemberName } from "../../db/members.js";
import type { Db } from "../../db/open.js";

export type OwnerMatch = { memberId: number; username: string | null };

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .split(/[\s.,]+/)
    .filter((word) => word !== "");
}

/** Whether every word of the member's name is in the cell, and the name says more than a first name alone would. */
function namesMatch(memberWords: readonly string[], cellWords: readonly string[]): boolean {
  if (memberWords.length === 0) return false;
  if (memberWords.length === 1 && cellWords.length !== 1) return false;
  return memberWords.every((word) => cellWords.includes(word));
}

/** A matcher over the team's active members; results are cached per cell text (a base repeats a few names). */
export function createOwnerMatcher(db: Db, teamId: number): (cell: string) => OwnerMatch | null {
  const members = listActiveMemberNames(db, teamId);
  const byUsername = new Map<string, MemberName>();
  for (const member of members) if (member.username) byUsername.set(member.username.toLowerCase(), member);
  const named = members.map((member) => ({ member, words: words(`${member.firstName} ${member.lastName}`) }));
  const cache = new Map<string, OwnerMatch | null>();
  const match = (cell: string): OwnerMatch | null => {
    const username = /^@?([A-Za-z0-9_]+)$/.exec(cell)?.[1];
    const byName = username === undefined || !cell.startsWith("@") ? words(cell) : [];
    const member =
      (username === undefined ? undefined : byUsername.get(username.toLowerCase())) ??
      (() => {
        const hits = named.filter((entry) => namesMatch(entry.words, byName));
        return hits.length === 1 ? hits[0]!.member : undefined;
      })();
    return member ? { memberId: member.id, username: member.username } : null;
  };
  return (cell) => {
    let hit = cache.get(cell);
    if (hit === undefined) cache.set(cell, (hit = match(cell)));
    return hit;
  };
}
