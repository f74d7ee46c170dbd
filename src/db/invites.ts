import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./open.js";
import { prepared } from "./statements.js";
import type { Role } from "./members.js";

/** An invite as stored: the link's token itself is never kept, only its hash. */
export interface Invite {
  id: number;
  teamId: number;
  role: Role;
  createdBy: number | null;
  createdAt: number;
  expiresAt: number | null;
  usedBy: number | null;
}

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The founder's claim link is printed at start-up, where logs may linger: it dies after a day. */
export const CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
const CLAIM_PREFIX = "claim-";

/** Deep-link payloads allow A-Z, a-z, 0-9, _ and - up to 64 chars. */
export function newToken(prefix = ""): string {
  return prefix + randomBytes(12).toString("base64url");
}

/**
 * What the invites table keeps of a token: its SHA-256, so a backup or a stolen file holds no link that works.
 * A claim keeps its prefix, so a claim row stays recognisable without the secret.
 */
export function hashToken(token: string): string {
  const prefix = token.startsWith(CLAIM_PREFIX) ? CLAIM_PREFIX : "";
  return prefix + createHash("sha256").update(token).digest("base64url");
}

interface InviteRow {
  id: number;
  team_id: number;
  role: Role;
  created_by: number | null;
  created_at: number;
  expires_at: number | null;
  used_by: number | null;
  cancelled_at: number | null;
}

const COLUMNS = "rowid AS id, team_id, role, created_by, created_at, expires_at, used_by, cancelled_at";

function toInvite(row: InviteRow): Invite {
  return { id: row.id, teamId: row.team_id, role: row.role, createdBy: row.created_by, createdAt: row.created_at, expiresAt: row.expires_at, usedBy: row.used_by };
}

/** Stores a new invite; the returned `token` is the only copy of the link's secret. */
export function createInvite(
  db: Db,
  teamId: number,
  role: Role,
  createdBy: number | null,
  now: number,
  ttlMs: number | null = INVITE_TTL_MS,
  token = newToken(),
): Invite & { token: string } {
  const expiresAt = ttlMs === null ? null : now + ttlMs;
  const result = prepared(db, "INSERT INTO invites (token, team_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)").run(
    hashToken(token),
    teamId,
    role,
    createdBy,
    now,
    expiresAt,
  );
  return { id: Number(result.lastInsertRowid), token, teamId, role, createdBy, createdAt: now, expiresAt, usedBy: null };
}

export type RedeemResult = { ok: true; invite: Invite } | { ok: false; reason: "unknown" | "used" | "expired" | "cancelled" };

/**
 * Marks the token used by this user; a token admits exactly one person, once, and only while the member who
 * made it is still in the team (a removed lead's links die with their access).
 */
export function redeemInvite(db: Db, token: string, userId: number, now: number): RedeemResult {
  const hash = hashToken(token);
  const row = prepared(db, `SELECT ${COLUMNS} FROM invites WHERE token = ?`).get(hash) as InviteRow | undefined;
  if (!row) return { ok: false, reason: "unknown" };
  if (row.cancelled_at !== null) return { ok: false, reason: "cancelled" };
  if (row.used_by !== null) return { ok: false, reason: "used" };
  if (row.expires_at !== null && row.expires_at <= now) return { ok: false, reason: "expired" };
  if (row.created_by !== null && !creatorActive(db, row.created_by)) return { ok: false, reason: "cancelled" };
  const claimed = prepared(db, "UPDATE invites SET used_by = ?, used_at = ? WHERE token = ? AND used_by IS NULL AND cancelled_at IS NULL").run(userId, now, hash);
  if (claimed.changes !== 1) return { ok: false, reason: "used" };
  return { ok: true, invite: { ...toInvite(row), usedBy: userId } };
}

function creatorActive(db: Db, memberId: number): boolean {
  return prepared(db, "SELECT status FROM members WHERE id = ?").pluck().get(memberId) === "active";
}

/** Links nobody has used yet that still work, oldest first; `createdBy` narrows them to one member's. */
export function listOpenInvites(db: Db, teamId: number, now: number, createdBy?: number): Invite[] {
  const rows = prepared(
    db,
    `SELECT ${COLUMNS} FROM invites WHERE team_id = ? AND role != 'founder' AND used_by IS NULL AND cancelled_at IS NULL
       AND (expires_at IS NULL OR expires_at > ?) AND (? IS NULL OR created_by = ?) ORDER BY created_at, rowid`,
  ).all(teamId, now, createdBy ?? null, createdBy ?? null) as InviteRow[];
  return rows.map(toInvite);
}

export function getInvite(db: Db, teamId: number, id: number): Invite | undefined {
  const row = prepared(db, `SELECT ${COLUMNS} FROM invites WHERE team_id = ? AND rowid = ?`).get(teamId, id) as InviteRow | undefined;
  return row && toInvite(row);
}

/** Cancels one unused link; false when it was used or cancelled meanwhile. */
export function cancelInvite(db: Db, id: number, now: number): boolean {
  return prepared(db, "UPDATE invites SET cancelled_at = ? WHERE rowid = ? AND used_by IS NULL AND cancelled_at IS NULL").run(now, id).changes === 1;
}

/** Cancels every unused link a member made (they are being removed); returns how many. */
export function cancelInvitesBy(db: Db, teamId: number, memberId: number, now: number): number {
  return prepared(db, "UPDATE invites SET cancelled_at = ? WHERE team_id = ? AND created_by = ? AND used_by IS NULL AND cancelled_at IS NULL").run(now, teamId, memberId).changes;
}

/** Ends every founder claim still unused: once a founder exists, or when a new claim replaces it. */
export function closeOpenClaims(db: Db, teamId: number, now: number): void {
  prepared(db, "UPDATE invites SET cancelled_at = ? WHERE team_id = ? AND role = 'founder' AND used_by IS NULL AND cancelled_at IS NULL").run(now, teamId);
}
