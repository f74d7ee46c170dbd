/**
 * The key correctness proof of the burn counters: on a randomized (seeded) base and event stream, the
 * report computed from the counters equals the one computed by plain queries over the raw events, for
 * every period and as of every day — and at checkpoints in the middle of the stream, as of "now".
 */
import { describe, expect, it } from "vitest";
import { addDays, localDate } from "../../../src/domain/calendar.js";
import { nextPeriod } from "../../../src/domain/period.js";
import { periodBounds } from "../../../src/domain/period.js";
import { REFUSAL_REASONS } from "../../../src/domain/company-state.js";
import {
  closeCompany,
  importBase,
  loadBurnReport,
  recordDeal,
  recordHandled,
  recordRefusal,
  recordTouch,
  unfreezeCompany,
  unpauseSegment,
} from "../../../src/services/leads/index.js";
import type { Db } from "../../../src/db/open.js";
import { burnAlertSums } from "../../../src/db/burn-counters.js";
import { burnFiguresByPlainQueries } from "./burn-reference.js";
import { amendRecord, voidRecord } from "../../../src/services/corrections/index.js";
import { rebuildLeadBase } from "../../../src/services/leads/rebuild.js";
import { baseContext } from "../../../src/services/leads/context.js";
import { seededRandom } from "../../../tools/seeded-random.js";
import { at, createBaseDb, TEAM } from "./helpers.js";
import type { TeamOptions } from "./helpers.js";

type Scenario = { seed: number; options: TeamOptions; companies: number; days: number; start: string; expectCooling: boolean };

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function csvOf(rows: { name: string; segment: string; inn?: string }[]): string {
  return ["company;segment;inn", ...rows.map((r) => `"${r.name}";${r.segment};${r.inn ?? ""}`)].join("\n");
}

/** Plays a random month-and-a-half of work on a fresh base; returns the db, the last moment and checkpoints. */
function play(scenario: Scenario): { db: Db; end: number; checkpoints: number } {
  const random = seededRandom(scenario.seed);
  const db = createBaseDb(scenario.options);
  const tz = scenario.options.timezone ?? "Europe/Moscow";
  const segmentNames = ["Ритейл", "Производство", "IT", "Логистика"];
  let now = at(scenario.start, "09:00", tz);
  const first = Array.from({ length: scenario.companies }, (_, i) => ({
    name: `Компания ${i}`,
    segment: pick(random, segmentNames),
    inn: random() < 0.5 ? String(7700000000 + i) : undefined,
  }));
  expect(importBase(db, TEAM, csvOf(first), now)).toMatchObject({ ok: true, created: scenario.companies });

  const ids = () => (db.prepare("SELECT id FROM companies WHERE team_id = ?").all(TEAM) as { id: number }[]).map((r) => r.id);
  let companyIds = ids();
  const segmentIds = () => (db.prepare("SELECT id FROM segments WHERE team_id = ?").all(TEAM) as { id: number }[]).map((r) => r.id);
  const recentRefusals: number[] = [];
  const end = at(addDays(scenario.start, scenario.days), "09:00", tz);
  let checkpoints = 0;
  let reimported = false;

  while (now < end) {
    now += Math.floor(random() * 6 * 3_600_000) + 60_000;
    const companyId = pick(random, companyIds);
    const memberId = null;
    const roll = random();
    if (!reimported && now > at(addDays(scenario.start, Math.floor(scenario.days / 2)), "00:00", tz)) {
      // A second file: new companies, a new segment, and a few old ones moved.
      reimported = true;
      const moved = first.slice(0, 8).map((row) => ({ ...row, segment: "Новый сегмент" }));
      const added = Array.from({ length: 20 }, (_, i) => ({ name: `Новая ${i}`, segment: pick(random, [...segmentNames, "Новый сегмент"]) }));
      expect(importBase(db, TEAM, csvOf([...moved, ...added]), now)).toMatchObject({ ok: true });
      companyIds = ids();
    } else if (roll < 0.34) {
      recordTouch(db, { teamId: TEAM, companyId, memberId, now });
    } else if (roll < 0.56) {
      const result = recordRefusal(db, {
        teamId: TEAM,
        companyId,
        memberId,
        now,
        reason: pick(random, REFUSAL_REASONS),
        lostForGood: random() < 0.12,
      });
      if (result.ok) recentRefusals.push(companyId);
    } else if (roll < 0.72) {
      const target = recentRefusals.length > 0 && random() < 0.8 ? pick(random, recentRefusals.slice(-6)) : companyId;
      recordHandled(db, { teamId: TEAM, companyId: target, memberId, now });
    } else if (roll < 0.8) {
      const target = recentRefusals.length > 0 && random() < 0.3 ? pick(random, recentRefusals.slice(-6)) : companyId;
      recordDeal(db, { teamId: TEAM, companyId: target, memberId, now, amountKopecks: 1 + Math.floor(random() * 10_000_000) });
    } else if (roll < 0.83) {
      closeCompany(db, { teamId: TEAM, companyId, memberId, now, reason: pick(random, ["dm_died", "business_closed", "надоели"]) });
    } else if (roll < 0.9) {
      const frozen = db.prepare("SELECT id FROM companies WHERE team_id = ? AND status IN ('cooling','lost')").all(TEAM) as { id: number }[];
      if (frozen.length > 0) unfreezeCompany(db, { teamId: TEAM, companyId: pick(random, frozen).id, memberId, now });
    } else if (roll < 0.93) {
      unpauseSegment(db, { teamId: TEAM, segmentId: pick(random, segmentIds()), memberId, now });
    } else if (roll < 0.96) {
      // Checkpoint: the report as of today, with windows still open, equals the plain queries.
      const today = localDate(now, tz);
      const report = loadBurnReport(db, TEAM, { now });
      expect(report.figures).toEqual(burnFiguresByPlainQueries(db, TEAM, today.slice(0, 7), today, now));
      // The alerts' quick check reads the same month figures and the largest segment share of the report.
      const sums = burnAlertSums(db, TEAM, today.slice(0, 7), today);
      expect([sums.contacted, sums.burned]).toEqual([report.figures.contacted, report.figures.burned]);
      expect(sums.maxSegmentShare).toBe(Math.max(0, ...report.figures.segments.map((segment) => segment.burnedShare)));
      checkpoints++;
    }
  }
  // The last step may pass `end`; everything is known up to the last write.
  return { db, end: Math.max(end, now), checkpoints };
}

/** Every counter row, company state and refusal outcome of the team (what a rebuild must reproduce). */
function counterSnapshot(db: Db): Record<string, unknown[]> {
  const read = (sql: string) => db.prepare(sql).all(TEAM);
  return {
    periodCompanies: read("SELECT * FROM burn_period_companies WHERE team_id = ? AND (contacted_day IS NOT NULL OR refused_day IS NOT NULL OR open_refusals != 0) ORDER BY period, company_id"),
    periodDays: read("SELECT * FROM burn_period_days WHERE team_id = ? AND n != 0 ORDER BY period, kind, day"),
    segmentDays: read("SELECT * FROM segment_days WHERE team_id = ? AND n != 0 ORDER BY kind, day, segment_id"),
    segmentMonths: read("SELECT * FROM segment_months WHERE team_id = ? AND n != 0 ORDER BY kind, period, segment_id"),
    segmentTotals: read("SELECT * FROM segment_totals WHERE team_id = ? AND n != 0 ORDER BY segment_id, kind"),
    segmentWeeks: read("SELECT * FROM segment_weeks WHERE team_id = ? AND n != 0 ORDER BY week, segment_id"),
    companies: read("SELECT id, segment_id, status, cooling_until_day, cooling_until_at, first_contact_at, won_at FROM companies WHERE team_id = ? ORDER BY id"),
    refusals: read("SELECT id, status, settled_at FROM company_events WHERE team_id = ? AND kind = 'refusal' ORDER BY id"),
    unpauses: read("SELECT id, spent_day FROM segment_unpauses WHERE team_id = ? ORDER BY id"),
  };
}

/** Voids and amends a few random records of every kind people correct; returns how many corrections were made. */
function correctSome(db: Db, seed: number, now: number): number {
  const random = seededRandom(seed);
  const events = db
    .prepare("SELECT id, kind FROM company_events WHERE team_id = ? AND kind IN ('touch','refusal','handled','deal','close') ORDER BY id")
    .all(TEAM) as { id: number; kind: string }[];
  const companies = (db.prepare("SELECT id FROM companies WHERE team_id = ?").all(TEAM) as { id: number }[]).map((r) => r.id);
  let made = 0;
  for (let i = 0; i < 12; i++) {
    const event = pick(random, events);
    const input = { teamId: TEAM, record: "event" as const, recordId: event.id, memberId: null, now, via: "edit" as const };
    const result =
      i % 3 === 0
        ? amendRecord(db, input, event.kind === "deal" ? { amountKopecks: 1 + Math.floor(random() * 1_000_000) } : { companyId: pick(random, companies) })
        : voidRecord(db, input);
    if (result.ok) made++;
  }
  return made;
}

type Seen = { compared: number; paused: number; unpausedAtThreshold: number; cooling: number; burned: number; handled: number; lost: number };

function checkEveryDay(db: Db, scenario: Scenario, end: number): Seen {
  const tz = scenario.options.timezone ?? "Europe/Moscow";
  const today = localDate(end, tz);
  const seen: Seen = { compared: 0, paused: 0, unpausedAtThreshold: 0, cooling: 0, burned: 0, handled: 0, lost: 0 };
  for (let period = scenario.start.slice(0, 7); period <= today.slice(0, 7); period = nextPeriod(period)) {
    const { from } = periodBounds(period);
    for (let day = addDays(from, -2); day <= today; day = addDays(day, 1)) {
      const report = loadBurnReport(db, TEAM, { period, asOf: day, now: end });
      const counters = report.figures;
      const plain = burnFiguresByPlainQueries(db, TEAM, period, day, end);
      expect(counters, `${period} as of ${day}`).toEqual(plain);
      seen.compared++;
      seen.paused += report.alerts.pausedSegments.length;
      seen.unpausedAtThreshold += report.alerts.segmentsAtPauseThreshold.length - report.alerts.pausedSegments.length;
      seen.cooling += counters.coolingNow;
      seen.burned += counters.burned;
      seen.handled += counters.handled;
      seen.lost += counters.lost;
    }
  }
  return seen;
}

describe("burn counters agree with plain queries over the events", () => {
  const scenarios: Scenario[] = [
    { seed: 1, companies: 120, days: 50, start: "2026-01-20", expectCooling: true, options: { cooldownDays: 12, pauseThreshold: 0.06 } },
    // Across the spring DST change in Berlin, with a window of 1 working day.
    { seed: 7, companies: 60, days: 45, start: "2026-03-10", expectCooling: true, options: { timezone: "Europe/Berlin", cooldownDays: 7, handlingDays: 1, pauseThreshold: 0.08 } },
    { seed: 42, companies: 200, days: 40, start: "2026-05-25", expectCooling: true, options: { cooldownDays: 90, pauseThreshold: 0.1 } },
    // A cooldown shorter than the window: refusals burn but never cool; autumn DST in New York.
    { seed: 99, companies: 40, days: 35, start: "2026-10-15", expectCooling: false, options: { timezone: "America/New_York", cooldownDays: 2, handlingDays: 3, pauseThreshold: 0.05 } },
  ];
  // BURN_SEEDS=n adds n more random scenarios (a longer soak than `npm test` needs).
  const extra = Number(process.env.BURN_SEEDS ?? 0);
  for (let i = 0; i < extra; i++) {
    const random = seededRandom(1000 + i);
    scenarios.push({
      seed: 1000 + i,
      companies: 30 + Math.floor(random() * 150),
      days: 30 + Math.floor(random() * 40),
      start: addDays("2026-01-01", Math.floor(random() * 330)),
      expectCooling: true,
      options: {
        timezone: pick(random, ["Europe/Moscow", "Europe/Berlin", "Asia/Vladivostok", "America/New_York"]),
        cooldownDays: 1 + Math.floor(random() * 30),
        handlingDays: pick(random, [1, 2, 3, 5]),
        pauseThreshold: 0.05 + random() * 0.2,
      },
    });
  }
  for (const scenario of scenarios) {
    it(`seed ${scenario.seed}: every period, as of every day, and at checkpoints`, () => {
      const { db, end, checkpoints } = play(scenario);
      const seen = checkEveryDay(db, scenario, end);
      expect(seen.compared).toBeGreaterThan(scenario.days);
      // Rebuilding from the events gives back exactly the counters the write paths kept.
      const kept = counterSnapshot(db);
      db.transaction(() => rebuildLeadBase(baseContext(db, TEAM, end)))();
      expect(counterSnapshot(db)).toEqual(kept);
      // Corrections: the counters still agree with plain queries over the events nothing voided.
      expect(correctSome(db, scenario.seed, end)).toBeGreaterThan(5);
      checkEveryDay(db, scenario, end);
      if (scenario.seed >= 1000) return; // soak scenarios only check agreement
      for (const figure of ["paused", "unpausedAtThreshold", "burned", "handled", "lost"] as const) {
        expect(seen[figure], figure).toBeGreaterThan(0);
      }
      if (scenario.expectCooling) expect(seen.cooling).toBeGreaterThan(0);
      else expect(seen.cooling).toBe(0);
      expect(checkpoints).toBeGreaterThan(3);
      // The stream really exercised the interesting paths.
      const kinds = db.prepare("SELECT kind, COUNT(*) AS n FROM company_events GROUP BY kind").all() as { kind: string; n: number }[];
      const n = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
      expect(n.blocked ?? 0).toBeGreaterThan(0);
      expect(n.refusal ?? 0).toBeGreaterThan(10);
      expect(n.moved ?? 0).toBeGreaterThan(0);
      const statuses = db.prepare("SELECT status, COUNT(*) AS n FROM company_events WHERE kind = 'refusal' GROUP BY status").all() as {
        status: string;
        n: number;
      }[];
      expect(statuses.map((s) => s.status).sort()).toEqual(expect.arrayContaining(["burned", "handled", "lost"]));
    });
  }
});
