import type { Db } from "./open.js";
import type { ConditionKind, KindControl } from "../domain/alerts.js";
import { prepared } from "./statements.js";

interface ControlRow {
  kind: string;
  off: number;
  muted_until: number | null;
}

/** The team's choices per alert kind; a kind without a row is on. */
export function listKindControls(db: Db, teamId: number): Map<ConditionKind, KindControl> {
  const rows = prepared(db, "SELECT kind, off, muted_until FROM alert_kind_controls WHERE team_id = ?").all(teamId) as ControlRow[];
  return new Map(rows.map((row) => [row.kind as ConditionKind, { off: row.off === 1, mutedUntil: row.muted_until }]));
}

/** Turns a kind on or off; turning it on also lifts a mute. */
export function setKindOff(db: Db, teamId: number, kind: ConditionKind, off: boolean): void {
  prepared(
    db,
    `INSERT INTO alert_kind_controls (team_id, kind, off, muted_until) VALUES (?, ?, ?, NULL)
     ON CONFLICT (team_id, kind) DO UPDATE SET off = excluded.off, muted_until = NULL`,
  ).run(teamId, kind, off ? 1 : 0);
}

export function muteKindUntil(db: Db, teamId: number, kind: ConditionKind, until: number): void {
  prepared(
    db,
    `INSERT INTO alert_kind_controls (team_id, kind, off, muted_until) VALUES (?, ?, 0, ?)
     ON CONFLICT (team_id, kind) DO UPDATE SET muted_until = excluded.muted_until`,
  ).run(teamId, kind, until);
}
