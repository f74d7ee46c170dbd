/**
 * The lead base benchmarks: seeded bases of companies with 3 events each (built through the real write paths),
 * the burn report on them, and the CSV import against plain inserts.
 *
 * A generated base is cached as a SQLite file under the cache directory, keyed by size, seed, the migrations
 * and GENERATOR_VERSION, so a rerun reuses it; nothing large is ever written inside the repository.
 * Generation runs every event through recordTouch / recordRefusal / recordHandled / recordDeal (so the counters
 * are exactly what the bot would keep), in an in-memory database that is written to the file at the end with
 * VACUUM INTO: the same rows as on disk, without a disk write per event.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { importBase } from "../src/services/leads/import.js";
import { loadBurnReport } from "../src/services/leads/burn-report.js";
import { recordDeal } from "../src/services/leads/deal.js";
import { recordHandled } from "../src/services/leads/handled.js";
import { recordRefusal } from "../src/services/leads/refusal.js";
import { recordTouch } from "../src/services/leads/touch.js";
import { zonedInstant } from "../src/domain/calendar.js";
import { coreKey, nameKey } from "../src/domain/company-name.js";
import { REFUSAL_REASONS } from "../src/domain/company-state.js";
import { migrate, readMigrations } from "../src/db/migrate.js";
import { openDatabase } from "../src/db/open.js";
import type { Db } from "../src/db/open.js";
import { median, removeDatabase } from "./stats.js";
import { seededRandom } from "../tools/seeded-random.js";

export const TEAM = 1;
const SEGMENTS = 20;
/** Generated events run from this day for half a year. */
const START_DAY = "2026-01-12";
const SPAN_MS = 180 * 86_400_000;
/** Bump when the generator makes different bases from the same seed. */
const GENERATOR_VERSION = 2;

/** Where generated bases are kept between runs (BENCH_CACHE_DIR, else the OS temp dir). */
export function cacheDir(): string {
  const dir = process.env.BENCH_CACHE_DIR ?? join(tmpdir(), "sales-control-bot-bench");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The schema a base was built for: the hash of every migration file. */
export function schemaKey(): string {
  const hash = createHash("sha256");
  for (const migration of readMigrations()) hash.update(`${migration.name}\n${migration.sql}\n`);
  hash.update(`generator ${GENERATOR_VERSION}`);
  return hash.digest("hex").slice(0, 12);
}

function createTeamDb(path: string): Db {
  if (path !== ":memory:") removeDatabase(path);
  const db = path === ":memory:" ? new Database(":memory:") : openDatabase(path);
  migrate(db, undefined, 0);
  db.prepare("INSERT INTO teams (id, timezone, created_at) VALUES (?, 'Europe/Moscow', 0)").run(TEAM);
  return db;
}

/** A seeded CSV of `rows` companies ("ООО «Компания <i>»") over 20 segments, half with an INN, some with phone and email. */
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

export interface GeneratedBase {
  path: string;
  /** The moment of the last event; reports are asked at it. */
  end: number;
  /** Seconds spent generating (0 when the cached file was reused). */
  seconds: number;
}

/**
 * The base of `companies` companies with 3 events each (cached). Events are spread evenly over half a year on
 * random companies: touches, refusals (some lost for good), handled refusals, deals — each through its real write
 * path, so refusals burn, cool and finalize exactly as in the bot. Due refusals are finalized at the end.
 */
export function generateBurnBase(companies: number, seed = 1, log: (line: string) => void = () => undefined): GeneratedBase {
  const start = startInstant();
  const end = start + SPAN_MS;
  const dir = cacheDir();
  const name = `base-${companies}-s${seed}-${schemaKey()}.sqlite`;
  const path = join(dir, name);
  if (existsSync(path)) return { path, end, seconds: 0 };
  // Older bases (another schema or generator) are 0.6 GB each at a million companies: drop them.
  for (const file of readdirSync(dir)) if (file.startsWith(`base-${companies}-`) && file !== name) rmSync(join(dir, file), { force: true });
  const began = performance.now();
  const db = createTeamDb(":memory:");
  try {
    const imported = importBase(db, TEAM, generateCsv(companies, seed), start - 86_400_000);
    if (!imported.ok || imported.created !== companies) throw new Error(`import failed: ${JSON.stringify(imported).slice(0, 200)}`);
    const random = seededRandom(seed + 1);
    const events = companies * 3;
    const step = SPAN_MS / events;
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const now = Math.floor(start + i * step);
        const input = { teamId: TEAM, companyId: 1 + Math.floor(random() * companies), memberId: null, now };
        const roll = random();
        if (roll < 0.55) recordTouch(db, input);
        else if (roll < 0.8) {
          recordRefusal(db, { ...input, reason: REFUSAL_REASONS[Math.floor(random() * REFUSAL_REASONS.length)]!, lostForGood: random() < 0.08 });
        } else if (roll < 0.93) recordHandled(db, input);
        else recordDeal(db, { ...input, amountKopecks: 1_000_00 + Math.floor(random() * 1_000_000_00) });
      }
    });
    const chunk = 50_000;
    for (let i = 0; i < events; i += chunk) {
      batch(i, Math.min(events, i + chunk));
      if (i > 0 && i % 500_000 === 0) log(`  ${companies} companies: ${i} of ${events} events (${((performance.now() - began) / 1000).toFixed(0)} s)`);
    }
    loadBurnReport(db, TEAM, { now: end }); // finalizes what is due at the end, so the file needs no write later
    const building = `${path}.building`;
    removeDatabase(building);
    db.prepare("VACUUM INTO ?").run(building);
    renameSync(building, path);
  } finally {
    db.close();
  }
  return { path, end, seconds: (performance.now() - began) / 1000 };
}

/** Median ms of the burn report (one period, all segments) on a base, after a warm-up. */
export function measureBurnReport(base: GeneratedBase, runs = 51): { medianMs: number; segments: number } {
  const db = openDatabase(base.path);
  try {
    for (let i = 0; i < 5; i++) loadBurnReport(db, TEAM, { now: base.end });
    const times: number[] = [];
    let segments = 0;
    for (let i = 0; i < runs; i++) {
      const began = performance.now();
      const report = loadBurnReport(db, TEAM, { now: base.end + i });
      times.push(performance.now() - began);
      segments = report.figures.segments.length;
    }
    return { medianMs: median(times), segments };
  } finally {
    db.close();
  }
}

type ParsedCompany = {
  segment_id: number;
  name: string;
  inn: string | null;
  owner_username: string | null;
  owner_member_id: number | null;
  phone: string | null;
  email: string | null;
};

/**
 * The CSV import of `rows` rows (parse, validate, upsert) against plain prepared inserts of the same rows, already
 * parsed and normalized, into the same table with the same indexes, in one transaction. Each on a fresh database
 * file in `dir`; the two alternate `runs` times and the medians are returned.
 */
export function measureImport(
  dir: string,
  rows: number,
  runs = 3,
): { importRowsPerSec: number; rawInsertRowsPerSec: number; cpuRatio: number } {
  const csv = generateCsv(rows, 7);
  const importRates: number[] = [];
  const rawRates: number[] = [];
  const cpuRatios: number[] = [];
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  let parsed: ParsedCompany[] = [];
  let segments: Record<string, unknown>[] = [];
  for (let run = 0; run < runs; run++) {
    const importPath = join(dir, "import.sqlite");
    let db = createTeamDb(importPath);
    let began = performance.now();
    let cpu = cpuMs();
    const result = importBase(db, TEAM, csv, startInstant());
    importRates.push(rows / ((performance.now() - began) / 1000));
    const importCpuMs = cpuMs() - cpu;
    if (!result.ok || result.created !== rows) throw new Error("import bench: rows missing");
    if (run === 0) {
      // The same rows, parsed and normalized, outside any timing.
      parsed = db.prepare("SELECT segment_id, name, inn, owner_username, owner_member_id, phone, email FROM companies ORDER BY id").all() as ParsedCompany[];
      segments = db.prepare("SELECT id, team_id, name, name_key, created_at, created_day FROM segments").all() as Record<string, unknown>[];
    }
    db.close();
    removeDatabase(importPath);

    const rawPath = join(dir, "raw.sqlite");
    db = createTeamDb(rawPath);
    const addSegment = db.prepare(
      "INSERT INTO segments (id, team_id, name, name_key, created_at, created_day) VALUES (@id, @team_id, @name, @name_key, @created_at, @created_day)",
    );
    for (const segment of segments) addSegment.run(segment);
    const keyed = parsed.map((row) => ({ ...row, nameKey: nameKey(row.name), coreKey: coreKey(row.name) }));
    const insert = db.prepare(
      `INSERT INTO companies (team_id, segment_id, name, name_key, core_key, inn, owner_username, owner_member_id, phone, email,
         created_at, created_day, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    began = performance.now();
    cpu = cpuMs();
    db.transaction(() => {
      for (const row of keyed) {
        insert.run(TEAM, row.segment_id, row.name, row.nameKey, row.coreKey, row.inn, row.owner_username, row.owner_member_id, row.phone, row.email, 0, START_DAY, 0);
      }
    })();
    rawRates.push(rows / ((performance.now() - began) / 1000));
    cpuRatios.push((cpuMs() - cpu) / importCpuMs);
    db.close();
    removeDatabase(rawPath);
  }
  return { importRowsPerSec: median(importRates), rawInsertRowsPerSec: median(rawRates), cpuRatio: median(cpuRatios) };
}
