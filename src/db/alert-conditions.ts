import type { Db } from "./open.js";
import type { ConditionKind, OpenCondition } from "../domain/alerts.js";
import { prepared } from "./statements.js";

/** An open condition with what it is about. */
export interface StoredCondition extends OpenCondition {
  kind: ConditionKind;
  subject: string;
}

interface ConditionRow {
  kind: string;
  subject: string;
  started_at: number;
  told_value: number | null;
  worse_told: number;
}

function toCondition(row: ConditionRow): StoredCondition {
  return {
    kind: row.kind as ConditionKind,
    subject: row.subject,
    startedAt: row.started_at,
    toldValue: row.told_value,
    worseTold: row.worse_told === 1,
  };
}

/** The team's open conditions, oldest first. */
export function listOpenConditions(db: Db, teamId: number): StoredCondition[] {
  const rows = prepared(db, "SELECT kind, subject, started_at, told_value, worse_told FROM alert_conditions WHERE team_id = ? ORDER BY started_at, kind, subject").all(
    teamId,
  ) as ConditionRow[];
  return rows.map(toCondition);
}

export function openCondition(db: Db, teamId: number, kind: ConditionKind, subject: string, startedAt: number, toldValue: number | null): void {
  prepared(db, "INSERT INTO alert_conditions (team_id, kind, subject, started_at, told_value) VALUES (?, ?, ?, ?, ?)").run(
    teamId,
    kind,
    subject,
    startedAt,
    toldValue,
  );
}

export function markConditionWorse(db: Db, teamId: number, kind: ConditionKind, subject: string): void {
  prepared(db, "UPDATE alert_conditions SET worse_told = 1 WHERE team_id = ? AND kind = ? AND subject = ?").run(teamId, kind, subject);
}

export function closeCondition(db: Db, teamId: number, kind: ConditionKind, subject: string): void {
  prepared(db, "DELETE FROM alert_conditions WHERE team_id = ? AND kind = ? AND subject = ?").run(teamId, kind, subject);
}
