/** Shared set-up for the lead-base tests: a migrated in-memory database with team 1, and local moments. */
import { zonedInstant } from "../../../src/domain/calendar.js";
import type { Db } from "../../../src/db/open.js";
import { openMigratedDatabase } from "../../helpers/database.js";

export const TEAM = 1;

export type TeamOptions = {
  timezone?: string;
  handlingDays?: number;
  cooldownDays?: number;
  burnThreshold?: number;
  pauseThreshold?: number;
  closeReasons?: string[];
};

/** A fresh database at `path` (default in memory) with team 1 configured as asked. */
export function createBaseDb(options: TeamOptions = {}, path = ":memory:"): Db {
  const db = openMigratedDatabase(path);
  db.prepare(
    `INSERT INTO teams (id, timezone, handling_days, cooldown_days, burn_threshold, pause_threshold, close_reasons, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
  ).run(
    TEAM,
    options.timezone ?? "Europe/Moscow",
    options.handlingDays ?? 2,
    options.cooldownDays ?? 90,
    options.burnThreshold ?? 0.3,
    options.pauseThreshold ?? 0.3,
    JSON.stringify(options.closeReasons ?? []),
  );
  return db;
}

/** Epoch ms of a local wall time in the team zone. */
export function at(day: string, time = "12:00", timezone = "Europe/Moscow"): number {
  return zonedInstant(day, time, timezone).getTime();
}

/** Company id by exact name (tests only). */
export function companyId(db: Db, name: string): number {
  const row = db.prepare("SELECT id FROM companies WHERE team_id = ? AND name = ?").get(TEAM, name) as { id: number } | undefined;
  if (!row) throw new Error(`no company ${name}`);
  return row.id;
}

export function segmentId(db: Db, name: string): number {
  const row = db.prepare("SELECT id FROM segments WHERE team_id = ? AND name = ?").get(TEAM, name) as { id: number } | undefined;
  if (!row) throw new Error(`no segment ${name}`);
  return row.id;
}
