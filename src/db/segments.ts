import type { Db } from "./open.js";
import { prepared } from "./statements.js";

/** A layer of the lead base (industry, region, list). */
export interface Segment {
  id: number;
  teamId: number;
  name: string;
  createdDay: string;
}

/** A manual /unpause and what the finalizer has found out about it since. */
export interface SegmentUnpause {
  id: number;
  segmentId: number;
  at: number;
  day: string;
  /** last complete day known to have closed at or above the pause threshold */
  checkedThrough: string | null;
  /** first day the share closed below the threshold: the unpause holds no longer from then */
  spentDay: string | null;
}

interface SegmentRow {
  id: number;
  team_id: number;
  name: string;
  created_day: string;
}

interface UnpauseRow {
  id: number;
  segment_id: number;
  at: number;
  local_day: string;
  checked_through: string | null;
  spent_day: string | null;
}

const toSegment = (row: SegmentRow): Segment => ({ id: row.id, teamId: row.team_id, name: row.name, createdDay: row.created_day });
const toUnpause = (row: UnpauseRow): SegmentUnpause => ({
  id: row.id,
  segmentId: row.segment_id,
  at: row.at,
  day: row.local_day,
  checkedThrough: row.checked_through,
  spentDay: row.spent_day,
});

/** The module's SQL texts; each runs through the connection's statement cache (prepared). */
const SQL = {
  insert: "INSERT INTO segments (team_id, name, name_key, created_at, created_day) VALUES (?, ?, ?, ?, ?) ON CONFLICT (team_id, name_key) DO NOTHING",
  byKey: "SELECT id, team_id, name, created_day FROM segments WHERE team_id = ? AND name_key = ?",
  byId: "SELECT id, team_id, name, created_day FROM segments WHERE team_id = ? AND id = ?",
  list: "SELECT id, team_id, name, created_day FROM segments WHERE team_id = ? ORDER BY id",
  insertUnpause: "INSERT INTO segment_unpauses (team_id, segment_id, member_id, at, local_day) VALUES (?, ?, ?, ?, ?)",
  latestUnpause: "SELECT id, segment_id, at, local_day, checked_through, spent_day FROM segment_unpauses WHERE segment_id = ? ORDER BY at DESC, id DESC LIMIT 1",
  latestUnpausesAsOf: `SELECT u.id, u.segment_id, u.at, u.local_day, u.checked_through, u.spent_day
       FROM segment_unpauses u
      WHERE u.team_id = ? AND u.id = (
        SELECT v.id FROM segment_unpauses v WHERE v.segment_id = u.segment_id AND v.local_day <= ?
         ORDER BY v.at DESC, v.id DESC LIMIT 1)`,
  openUnpauses: "SELECT id, segment_id, at, local_day, checked_through, spent_day FROM segment_unpauses WHERE team_id = ? AND spent_day IS NULL",
  check: "UPDATE segment_unpauses SET checked_through = ?, spent_day = ? WHERE id = ?",
} as const;

/** The team's segment with this name key, creating it when missing; `created` tells which. */
export function getOrCreateSegment(
  db: Db,
  input: { teamId: number; name: string; nameKey: string; now: number; day: string },
): { segment: Segment; created: boolean } {
  const created = prepared(db, SQL.insert).run(input.teamId, input.name, input.nameKey, input.now, input.day).changes === 1;
  return { segment: toSegment(prepared(db, SQL.byKey).get(input.teamId, input.nameKey) as SegmentRow), created };
}

export function findSegmentByKey(db: Db, teamId: number, nameKey: string): Segment | undefined {
  const row = prepared(db, SQL.byKey).get(teamId, nameKey) as SegmentRow | undefined;
  return row && toSegment(row);
}

export function getSegment(db: Db, teamId: number, id: number): Segment | undefined {
  const row = prepared(db, SQL.byId).get(teamId, id) as SegmentRow | undefined;
  return row && toSegment(row);
}

export function listSegments(db: Db, teamId: number): Segment[] {
  return (prepared(db, SQL.list).all(teamId) as SegmentRow[]).map(toSegment);
}

export function insertUnpause(db: Db, input: { teamId: number; segmentId: number; memberId: number | null; at: number; day: string }): number {
  return Number(prepared(db, SQL.insertUnpause).run(input.teamId, input.segmentId, input.memberId, input.at, input.day).lastInsertRowid);
}

/** The segment's most recent unpause, if any. */
export function latestUnpause(db: Db, segmentId: number): SegmentUnpause | undefined {
  const row = prepared(db, SQL.latestUnpause).get(segmentId) as UnpauseRow | undefined;
  return row && toUnpause(row);
}

/** Per segment of the team, its most recent unpause made on or before `day`. */
export function latestUnpausesAsOf(db: Db, teamId: number, day: string): SegmentUnpause[] {
  return (prepared(db, SQL.latestUnpausesAsOf).all(teamId, day) as UnpauseRow[]).map(toUnpause);
}

/** Unpauses not known to be spent yet. */
export function openUnpauses(db: Db, teamId: number): SegmentUnpause[] {
  return (prepared(db, SQL.openUnpauses).all(teamId) as UnpauseRow[]).map(toUnpause);
}

export function recordUnpauseCheck(db: Db, id: number, checkedThrough: string | null, spentDay: string | null): void {
  prepared(db, SQL.check).run(checkedThrough, spentDay, id);
}
