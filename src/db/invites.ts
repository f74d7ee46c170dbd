import { randomBytes } from "node:crypto";
import type { Db } from "./open.js";
import { prepared } from "./statements.js";
import type { Role } from "./members.js";

export interface Invite {
  token: string;
  teamId: number;
  role: Role;
  createdBy: number | null;
  expiresAt: number | null;
  usedBy: number | null;
}

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Deep-link payloads allow A-Z, a-z, 0-9, _ and - up to 64 chars. */
export function newToken(prefix = ""): string {
  return prefix + randomBytes(12).toString("base64url");
}

export function createInvite(db: Db, teamId: number, role: Role, createdBy: number | null, now: number, ttlMs: number | null = INVITE_TTL_MS, token = newToken()): Invite {
  const expiresAt = ttlMs === null ? null : now + ttlMs;
  prepared(db, "INSERT INTO invites (token, team_id, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)").run(
    token,
    teamId,
    role,
    createdBy,
    now,
    expiresAt,
  );
  return { token, teamId, role, createdBy, expiresAt, usedBy: null };
}

export type RedeemResult = { ok: true; invite: Invite } | { ok: false; reason: "unknown" | "used" | "expired" };

/** Marks the token used by this user; a token admits exactly one person, once. */
export function redeemInvite(db: Db, token: string, userId: number, now: number): RedeemResult {
  const row = prepared(db, "SELECT token, team_id, role, created_by, expires_at, used_by FROM invites WHERE token = ?").get(token) as
    | { token: string; team_id: number; role: Role; created_by: number | null; expires_at: number | null; used_by: number | null }
    | undefined;
  if (!row) return { ok: false, reason: "unknown" };
  if (row.used_by !== null) return { ok: false, reason: "used" };
  if (row.expires_at !== null && row.expires_at <= now) return { ok: false, reason: "expired" };
  const claimed = prepared(db, "UPDATE invites SET used_by = ?, used_at = ? WHERE token = ? AND used_by IS NULL").run(userId, now, token);
  if (claimed.changes !== 1) return { ok: false, reason: "used" };
  return {
    ok: true,
    invite: { token: row.token, teamId: row.team_id, role: row.role, createdBy: row.created_by, expiresAt: row.expires_at, usedBy: userId },
  };
}

/** An unused founder claim token, if one is waiting. */
export function findOpenClaim(db: Db, teamId: number): string | undefined {
  const row = prepared(db, "SELECT token FROM invites WHERE team_id = ? AND role = 'founder' AND used_by IS NULL AND token LIKE 'claim-%' ORDER BY created_at LIMIT 1")
    .get(teamId) as { token: string } | undefined;
  return row?.token;
}

/** Ends every founder claim token still unused (once a founder exists, a claim link must not work). */
export function closeOpenClaims(db: Db, teamId: number, now: number): void {
  prepared(db, "UPDATE invites SET used_at = ?, used_by = 0 WHERE team_id = ? AND token LIKE 'claim-%' AND used_by IS NULL").run(now, teamId);
}
