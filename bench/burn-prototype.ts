/**
 * Burn report and import measurements for the lead base (issues 4 and 7). Run directly:
 *   npx tsx bench/burn-prototype.ts [--quick] [--dir /tmp/burn-bench]
 * It generates seeded bases of 10,000 and 1,000,000 companies with 3 events each through the real write
 * paths (cached as SQLite files in --dir, default /tmp/burn-bench — never in the repo), then prints the
 * median burn report time on each, and the CSV import rate against plain inserts of the same parsed rows.
 * `npm run bench` can import the exported functions instead of running this file.
 */
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importBase } from "../src/base/import.js";
import { loadBurnReport } from "../src/base/burn-report.js";
import { recordDeal } from "../src/base/deal.js";
import { recordHandled } from "../src/base/handled.js";
import { recordRefusal } from "../src/base/refusal.js";
import { recordTouch } from "../src/base/touch.js";
import { zonedInstant } from "../src/domain/calendar.js";
import { coreKey, nameKey } from "../src/domain/company-name.js";
import { REFUSAL_REASONS } from "../src/domain/company-state.js";
import { migrate } from "../src/db/migrate.js";
import { openDatabase } from "../src/db/open.js";
import type { Db } from "../src/db/open.js";

const TEAM = 1;
const SEGMENTS = 20;
/** Generated events run from this day for half a year; reports are asked on the last day. */
const START_DAY = "2026-01-12";
const SPAN_MS = 180 * 86_400_000;

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function createTeamDb(path: string): Db {
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  const db = openDatabase(path);
  migrate(db);
  db.prepare("INSERT INTO teams (id, timezone, created_at) VALUES (?, 'Europe/Moscow', 0)").run(TEAM);
  return db;
}

/** A seeded CSV of `rows` companies over 20 segments, half with an INN, some with phone and email. */
export function generateCsv(rows: number, seed: number): string {
  const random = seededRandom(seed);
  const lines = ["company;segment;inn;owner;phone;email"];
  for (let i = 0; i < rows; i++) {
    const segment = `Сегмент ${Math.floor(random() * SEGMENTS) + 1}`;
    const inn = random() < 0.5 ? String(7_700_000_000 + i) : "";
    const phone = random() < 0.3 ? `+7 495 ${String(1_000_000 + i).slice(-7)}` : "";
    const email = random() < 0.2 ? `info${i}@example.ru` : "";
    lines.push(`"ООО «Компания ${i}»";${segment};${inn};;${phone};${email}`);
  }
  return lines.join("\n");
}

export const startInstant = (): number => zonedInstant(START_DAY, "09:00", "Europe/Moscow").getTime();

/**
 * Builds (or reuses) a base of `companies` companies with 3 events each through the real write paths,
 * at `path`. Events are spread evenly over half a year: touches, refusals (some lost for good, a third
 * handled in time), deals. Returns the moment of the last event.
 */
export function generateBurnBase(path: string, companies: number, seed = 1): { end: number; seconds: number } {
  const start = startInstant();
  const end = start + SPAN_MS;
  if (existsSync(path)) return { end, seconds: 0 };
  const building = `${path}.building`;
  const began = performance.now();
  const db = createTeamDb(building);
  const imported = importBase(db, TEAM, generateCsv(companies, seed), start - 86_400_000);
  if (!imported.ok || imported.created !== companies) throw new Error(`import failed: ${JSON.stringify(imported).slice(0, 200)}`);
  const firstId = (db.prepare("SELECT MIN(id) AS id FROM companies").get() as { id: number }).id;
  const random = seededRandom(seed + 1);
  const events = companies * 3;
  const step = SPAN_MS / events;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const now = Math.floor(start + i * step);
      const input = { teamId: TEAM, companyId: firstId + Math.floor(random() * companies), memberId: null, now };
      const roll = random();
      if (roll < 0.55) recordTouch(db, input);
      else if (roll < 0.8) {
        recordRefusal(db, { ...input, reason: REFUSAL_REASONS[Math.floor(random() * 6)]!, lostForGood: random() < 0.08 });
      } else if (roll < 0.93) recordHandled(db, input);
      else recordDeal(db, { ...input, amountKopecks: 1_000_00 + Math.floor(random() * 1_000_000_00) });
    }
  });
  for (let i = 0; i < events; i += 20_000) batch(i, Math.min(events, i + 20_000));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  renameSync(building, path);
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  return { end, seconds: (performance.now() - began) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median ms of the burn report (current period, all segments) on the base at `path`. */
export function measureBurnReport(path: string, end: number, runs = 51): { medianMs: number; rows: number } {
  const db = openDatabase(path);
  try {
    loadBurnReport(db, TEAM, { now: end }); // finalizes whatever the generator left due, warms the statements
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const began = performance.now();
      const report = loadBurnReport(db, TEAM, { now: end + i });
      times.push(performance.now() - began);
      rows = report.figures.segments.length;
    }
    return { medianMs: median(times), rows };
  } finally {
    db.close();
  }
}

/**
 * The CSV import of `rows` rows (parse, validate, upsert) against plain inserts of the same rows, already
 * parsed and normalized, into the same table with the same indexes in one transaction. Each on a fresh
 * database in `dir`; the best of `runs`.
 */
export function measureImport(dir: string, rows: number, runs = 3): { importRowsPerSec: number; rawInsertRowsPerSec: number } {
  const csv = generateCsv(rows, 7);
  let best = { importRowsPerSec: 0, rawInsertRowsPerSec: 0 };
  for (let run = 0; run < runs; run++) {
    const importPath = join(dir, "import.sqlite");
    let db = createTeamDb(importPath);
    let began = performance.now();
    const result = importBase(db, TEAM, csv, startInstant());
    const importSeconds = (performance.now() - began) / 1000;
    if (!result.ok || result.created !== rows) throw new Error("import bench: rows missing");
    // The same rows, parsed and normalized outside the timing.
    const parsed = db
      .prepare("SELECT segment_id, name, inn, owner_username, owner_member_id, phone, email FROM companies ORDER BY id")
      .all() as { segment_id: number; name: string; inn: string | null; owner_username: string | null; owner_member_id: number | null; phone: string | null; email: string | null }[];
    const segments = db.prepare("SELECT id, team_id, name, name_key, created_at, created_day FROM segments").all() as Record<string, unknown>[];
    db.close();

    const rawPath = join(dir, "raw.sqlite");
    db = createTeamDb(rawPath);
    const addSegment = db.prepare("INSERT INTO segments (id, team_id, name, name_key, created_at, created_day) VALUES (@id, @team_id, @name, @name_key, @created_at, @created_day)");
    for (const segment of segments) addSegment.run(segment);
    const keyed = parsed.map((row) => ({ ...row, nameKey: nameKey(row.name), coreKey: coreKey(row.name) }));
    const insert = db.prepare(
      `INSERT INTO companies (team_id, segment_id, name, name_key, core_key, inn, owner_username, owner_member_id, phone, email,
         created_at, created_day, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    began = performance.now();
    db.transaction(() => {
      for (const row of keyed) {
        insert.run(TEAM, row.segment_id, row.name, row.nameKey, row.coreKey, row.inn, row.owner_username, row.owner_member_id, row.phone, row.email, 0, START_DAY, 0);
      }
    })();
    const rawSeconds = (performance.now() - began) / 1000;
    db.close();
    rmSync(importPath, { force: true });
    rmSync(rawPath, { force: true });
    const measured = { importRowsPerSec: rows / importSeconds, rawInsertRowsPerSec: rows / rawSeconds };
    if (measured.importRowsPerSec / measured.rawInsertRowsPerSec > best.importRowsPerSec / (best.rawInsertRowsPerSec || 1)) best = measured;
  }
  return best;
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes("--quick");
  const dirIndex = process.argv.indexOf("--dir");
  const dir = dirIndex > 0 ? process.argv[dirIndex + 1]! : "/tmp/burn-bench";
  mkdirSync(dir, { recursive: true });
  const small = join(dir, "base-10k.sqlite");
  const large = join(dir, quick ? "base-100k.sqlite" : "base-1m.sqlite");
  const smallBase = generateBurnBase(small, 10_000);
  const largeBase = generateBurnBase(large, quick ? 100_000 : 1_000_000);
  if (smallBase.seconds + largeBase.seconds > 0) {
    console.log(`generated bases in ${(smallBase.seconds + largeBase.seconds).toFixed(1)} s`);
  }
  const burn10k = measureBurnReport(small, smallBase.end);
  const burnLarge = measureBurnReport(large, largeBase.end);
  const imported = measureImport(dir, quick ? 20_000 : 100_000);
  const results = {
    burnMs10k: burn10k.medianMs,
    [quick ? "burnMs100k" : "burnMs1m"]: burnLarge.medianMs,
    burnRatio: burnLarge.medianMs / burn10k.medianMs,
    importRowsPerSec: Math.round(imported.importRowsPerSec),
    rawInsertRowsPerSec: Math.round(imported.rawInsertRowsPerSec),
    importRatio: imported.importRowsPerSec / imported.rawInsertRowsPerSec,
  };
  console.table(results);
  console.log(JSON.stringify(results));
}
