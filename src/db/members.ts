import type { Db } from "./open.js";
import { prepared } from "./statements.js";

export type Role = "founder" | "lead" | "manager";

export interface Member {
  id: number;
  teamId: number;
  userId: number;
  username: string | null;
  firstName: string;
  /** Telegram's last name, '' when the person has none */
  lastName: string;
  role: Role;
  status: "active" | "removed";
  locale: "ru" | "en" | null;
  chatId: number | null;
  unreachable: boolean;
}

interface MemberRow {
  id: number;
  team_id: number;
  user_id: number;
  username: string | null;
  first_name: string;
  last_name: string;
  role: Role;
  status: "active" | "removed";
  locale: "ru" | "en" | null;
  chat_id: number | null;
  unreachable: number;
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    teamId: row.team_id,
    userId: row.user_id,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    status: row.status,
    locale: row.locale,
    chatId: row.chat_id,
    unreachable: row.unreachable === 1,
  };
}

/** The module's SQL texts; each runs through the connection's statement cache (prepared). */
const SQL = {
  byUser: "SELECT * FROM members WHERE team_id = ? AND user_id = ? AND status = 'active'",
  /** A @username belongs to whoever showed it last: everyone else in the team loses it. */
  releaseUsername: "UPDATE members SET username = NULL WHERE team_id = ? AND user_id != ? AND username = ? COLLATE NOCASE",
  upsert: `INSERT INTO members (team_id, user_id, username, first_name, last_name, role, chat_id, joined_at)
     VALUES (@teamId, @userId, @username, @firstName, @lastName, @role, @chatId, @now)
     ON CONFLICT (team_id, user_id) DO UPDATE SET
       username = excluded.username, first_name = excluded.first_name, last_name = excluded.last_name, role = excluded.role,
       chat_id = COALESCE(excluded.chat_id, members.chat_id), status = 'active', removed_at = NULL,
       joined_at = CASE WHEN members.status = 'removed' THEN excluded.joined_at ELSE members.joined_at END,
       unreachable = 0`,
  touch:
    "UPDATE members SET username = ?, first_name = ?, last_name = ?, chat_id = COALESCE(chat_id, ?) WHERE id = ? AND (username IS NOT ? OR first_name IS NOT ? OR last_name IS NOT ? OR chat_id IS NULL)",
} as const;

/** The active member for a Telegram user, or undefined for a stranger (removed members included). */
export function findActiveMember(db: Db, teamId: number, userId: number): Member | undefined {
  const row = prepared(db, SQL.byUser).get(teamId, userId) as MemberRow | undefined;
  return row && toMember(row);
}

/** Keeps @username and name current; a no-op write is skipped so most updates stay read-only. */
export function refreshProfile(
  db: Db,
  member: Member,
  profile: { username: string | null; firstName: string; lastName: string },
  privateChatId: number | null,
): void {
  const { username, firstName, lastName } = profile;
  db.transaction(() => {
    if (username !== null && username !== member.username) prepared(db, SQL.releaseUsername).run(member.teamId, member.userId, username);
    prepared(db, SQL.touch).run(username, firstName, lastName, privateChatId, member.id, username, firstName, lastName);
  })();
  member.username = username;
  member.firstName = firstName;
  member.lastName = lastName;
  if (member.chatId === null) member.chatId = privateChatId;
}

export function findMemberByUsername(db: Db, teamId: number, username: string): Member | undefined {
  const row = prepared(db, "SELECT * FROM members WHERE team_id = ? AND username = ? COLLATE NOCASE AND status = 'active'")
    .get(teamId, username.replace(/^@/, "")) as MemberRow | undefined;
  return row && toMember(row);
}

export function getMember(db: Db, id: number): Member | undefined {
  const row = prepared(db, "SELECT * FROM members WHERE id = ?").get(id) as MemberRow | undefined;
  return row && toMember(row);
}

export function listMembers(db: Db, teamId: number, role?: Role): Member[] {
  const rows = (
    role
      ? prepared(db, "SELECT * FROM members WHERE team_id = ? AND status = 'active' AND role = ? ORDER BY id").all(teamId, role)
      : prepared(db, "SELECT * FROM members WHERE team_id = ? AND status = 'active' ORDER BY id").all(teamId)
  ) as MemberRow[];
  return rows.map(toMember);
}

export function countFounders(db: Db, teamId: number): number {
  const row = prepared(db, "SELECT COUNT(*) AS n FROM members WHERE team_id = ? AND role = 'founder' AND status = 'active'").get(teamId) as { n: number };
  return row.n;
}

/** Adds or re-activates a member; a person has one row per team and the newest role wins, and their @username is theirs alone. */
export function upsertMember(
  db: Db,
  input: { teamId: number; userId: number; username: string | null; firstName: string; lastName?: string; role: Role; chatId: number | null },
  now: number,
): Member {
  db.transaction(() => {
    if (input.username !== null) prepared(db, SQL.releaseUsername).run(input.teamId, input.userId, input.username);
    prepared(db, SQL.upsert).run({ ...input, lastName: input.lastName ?? "", now });
  })();
  return findActiveMember(db, input.teamId, input.userId)!;
}

export function removeMember(db: Db, memberId: number, now: number): void {
  prepared(db, "UPDATE members SET status = 'removed', removed_at = ? WHERE id = ?").run(now, memberId);
}

export function setMemberLocale(db: Db, memberId: number, locale: "ru" | "en"): void {
  prepared(db, "UPDATE members SET locale = ? WHERE id = ?").run(locale, memberId);
}

export function setUnreachable(db: Db, teamId: number, chatId: number, unreachable: boolean): Member | undefined {
  const row = prepared(db, "UPDATE members SET unreachable = ? WHERE team_id = ? AND COALESCE(chat_id, user_id) = ? AND unreachable != ? RETURNING *")
    .get(unreachable ? 1 : 0, teamId, chatId, unreachable ? 1 : 0) as MemberRow | undefined;
  return row && toMember(row);
}

/** A member as an import's owner column may name them: by username, or by first and last name. */
export type MemberName = { id: number; username: string | null; firstName: string; lastName: string };

/** The team's active members, by id: owners named in an import are matched against them. */
export function listActiveMemberNames(db: Db, teamId: number): MemberName[] {
  return prepared(
    db,
    "SELECT id, username, first_name AS firstName, last_name AS lastName FROM members WHERE team_id = ? AND status = 'active' ORDER BY id",
  ).all(teamId) as MemberName[];
}
