import type { Db } from "./open.js";
import { prepared } from "./statements.js";

export interface AwayPeriod {
  id: number;
  memberId: number;
  fromDate: string;
  toDate: string;
}

interface AwayRow {
  id: number;
  member_id: number;
  from_date: string;
  to_date: string;
}

function toAway(row: AwayRow): AwayPeriod {
  return { id: row.id, memberId: row.member_id, fromDate: row.from_date, toDate: row.to_date };
}

export function addAway(db: Db, input: { teamId: number; memberId: number; fromDate: string; toDate: string; createdBy: number }, now: number): AwayPeriod {
  const row = prepared(db, "INSERT INTO away_periods (team_id, member_id, from_date, to_date, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *")
    .get(input.teamId, input.memberId, input.fromDate, input.toDate, input.createdBy, now) as AwayRow;
  return toAway(row);
}

/** Away periods that end on or after local day `fromDate` (of one member, or of everyone). */
export function listAway(db: Db, teamId: number, fromDate: string, memberId?: number): AwayPeriod[] {
  const rows = (
    memberId === undefined
      ? prepared(db, "SELECT * FROM away_periods WHERE team_id = ? AND to_date >= ? ORDER BY member_id, from_date").all(teamId, fromDate)
      : prepared(db, "SELECT * FROM away_periods WHERE team_id = ? AND member_id = ? AND to_date >= ? ORDER BY from_date").all(teamId, memberId, fromDate)
  ) as AwayRow[];
  return rows.map(toAway);
}

/**
 * /back on local day `today`: periods not begun yet are dropped, the current one ends yesterday
 * (so today is a working day again). Returns how many periods changed.
 */
export function endAway(db: Db, teamId: number, memberId: number, today: string, yesterday: string): number {
  const dropped = prepared(db, "DELETE FROM away_periods WHERE team_id = ? AND member_id = ? AND from_date >= ?").run(teamId, memberId, today).changes;
  const cut = prepared(db, "UPDATE away_periods SET to_date = ? WHERE team_id = ? AND member_id = ? AND from_date < ? AND to_date >= ?")
    .run(yesterday, teamId, memberId, today, today).changes;
  return dropped + cut;
}
