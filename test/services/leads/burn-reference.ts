/**
 * The burn figures computed the slow, obvious way — plain SQL over the raw events, plus the pure
 * company-state function for each company — to prove the counters right. Voided events count nowhere. Never used by the product.
 */
import { addDays, listWorkingDays, zonedInstant } from "../../../src/domain/calendar.js";
import { lastFourWeeks, segmentPaused, share } from "../../../src/domain/burn.js";
import type { BurnFigures, SegmentBurnFigures } from "../../../src/domain/burn.js";
import { companyStateAt } from "../../../src/domain/company-state.js";
import type { CompanyEvent, StateSettings } from "../../../src/domain/company-state.js";
import { periodBounds } from "../../../src/domain/period.js";
import { readBurnSettings } from "../../../src/db/burn-counters.js";
import type { Db } from "../../../src/db/open.js";

type EventRow = {
  id: number;
  company_id: number;
  segment_id: number;
  kind: string;
  at: number;
  local_day: string;
  lost: number;
  from_segment_id: number | null;
};

const windowEnds = new Map<string, number>();

/**
 * A refusal's handling window by the rule itself, not the product's stored value: it ends at the local midnight
 * after the N-th working day that follows the refusal's local day. The calendar's own tests prove `listWorkingDays`.
 */
function windowEndByRule(localDay: string, settings: StateSettings): number {
  const key = `${JSON.stringify(settings)}|${localDay}`;
  let end = windowEnds.get(key);
  if (end === undefined) {
    const ahead = listWorkingDays(addDays(localDay, 1), addDays(localDay, 120), settings);
    end = zonedInstant(addDays(ahead[settings.handlingDays - 1]!, 1), "00:00", settings.timezone).getTime();
    windowEnds.set(key, end);
  }
  return end;
}

/** The end of local day `day`, or `now` when that is earlier. */
export function cutOf(day: string, now: number, timezone: string): number {
  return Math.min(zonedInstant(addDays(day, 1), "00:00", timezone).getTime() - 1, now);
}

/** The burn figures of the JSON report for `period` as of `asOf`, knowing everything up to `now`. */
export function burnFiguresByPlainQueries(db: Db, teamId: number, period: string, asOf: string, now: number): BurnFigures {
  const settings = readBurnSettings(db, teamId);
  const tz = settings.timezone;
  db.function("reference_window_end", (localDay: unknown) => windowEndByRule(String(localDay), settings));
  const { from, to } = periodBounds(period);
  const last = asOf < to ? asOf : to;
  const cut = cutOf(asOf, now, tz);
  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(teamId, from, last, ...params) as { n: number }).n;

  const contacted = count(
    "SELECT COUNT(DISTINCT company_id) AS n FROM company_events WHERE team_id = ? AND kind IN ('touch','refusal','deal') AND local_day BETWEEN ? AND ? AND voided_by IS NULL",
  );
  const refused = count("SELECT COUNT(DISTINCT company_id) AS n FROM company_events WHERE team_id = ? AND kind = 'refusal' AND local_day BETWEEN ? AND ? AND voided_by IS NULL");
  const lost = count(
    "SELECT COUNT(DISTINCT company_id) AS n FROM company_events WHERE team_id = ? AND kind = 'refusal' AND lost = 1 AND local_day BETWEEN ? AND ? AND voided_by IS NULL",
  );
  const closed = count("SELECT COUNT(*) AS n FROM company_events WHERE team_id = ? AND kind = 'close' AND local_day BETWEEN ? AND ? AND voided_by IS NULL");
  // A refusal is handled when a /handled or a deal came after it and before its window closed (and by the cut).
  const handledBy = (limit: string) => `EXISTS (SELECT 1 FROM company_events h WHERE h.company_id = r.company_id AND h.voided_by IS NULL
      AND h.kind IN ('handled','deal') AND h.id > r.id AND h.at >= r.at AND h.at < reference_window_end(r.local_day) AND h.at <= ${limit})`;
  const burned = count(
    `SELECT COUNT(DISTINCT r.company_id) AS n FROM company_events r WHERE r.team_id = ? AND r.kind = 'refusal' AND r.voided_by IS NULL
       AND r.local_day BETWEEN ? AND ? AND (r.lost = 1 OR (reference_window_end(r.local_day) <= ? AND NOT ${handledBy("reference_window_end(r.local_day)")}))`,
    cut,
  );
  const unhandled = count(
    `SELECT COUNT(DISTINCT r.company_id) AS n FROM company_events r WHERE r.team_id = ? AND r.kind = 'refusal' AND r.voided_by IS NULL
       AND r.local_day BETWEEN ? AND ? AND (r.lost = 1 OR NOT ${handledBy("?")})`,
    cut,
  );

  const segments = segmentFiguresByPlainQueries(db, teamId, asOf, now, settings);
  const coolingNow = segments.reduce((sum, s) => sum + s.coolingNow, 0);
  return {
    period: { from, to },
    asOf,
    contacted,
    refused,
    handled: refused - unhandled,
    burned,
    lost,
    closed,
    coolingNow,
    refusalRate: share(refused, contacted),
    burnRate: share(burned, contacted),
    segments,
  };
}

type SegmentState = { size: number; fresh: number; cooling: number; lost: number; closed: number; won: number };

function loadEvents(db: Db, teamId: number): Map<number, EventRow[]> {
  const rows = db
    .prepare(
      "SELECT id, company_id, segment_id, kind, at, local_day, lost, from_segment_id FROM company_events WHERE team_id = ? AND voided_by IS NULL ORDER BY at, id",
    )
    .all(teamId) as EventRow[];
  const byCompany = new Map<number, EventRow[]>();
  for (const row of rows) {
    let list = byCompany.get(row.company_id);
    if (!list) byCompany.set(row.company_id, (list = []));
    list.push(row);
  }
  return byCompany;
}

function toStateEvents(rows: EventRow[], settings: StateSettings): CompanyEvent[] {
  const events: CompanyEvent[] = [];
  for (const row of rows) {
    if (row.kind === "refusal") {
      events.push({ kind: "refusal", at: row.at, lostForGood: row.lost === 1, windowEndAt: row.lost === 1 ? row.at : windowEndByRule(row.local_day, settings) });
    }
    else if (["touch", "handled", "deal", "close", "unfreeze"].includes(row.kind)) {
      events.push({ kind: row.kind as "touch", at: row.at });
    }
  }
  return events;
}

/** Per segment id, its state counts at moment `cut`, from every company's events. */
function segmentStates(
  companies: { id: number; segment_id: number; created_at: number }[],
  events: Map<number, EventRow[]>,
  cut: number,
  settings: StateSettings,
): Map<number, SegmentState> {
  const states = new Map<number, SegmentState>();
  for (const company of companies) {
    if (company.created_at > cut) continue;
    const rows = events.get(company.id) ?? [];
    const laterMove = rows.find((row) => row.kind === "moved" && row.at > cut);
    const segment = laterMove ? laterMove.from_segment_id! : company.segment_id;
    const state = companyStateAt(toStateEvents(rows, settings), cut, settings);
    let s = states.get(segment);
    if (!s) states.set(segment, (s = { size: 0, fresh: 0, cooling: 0, lost: 0, closed: 0, won: 0 }));
    s.size++;
    if (state.firstContactAt === null && state.state !== "closed") s.fresh++;
    if (state.state === "cooling") s.cooling++;
    if (state.state === "lost") s.lost++;
    if (state.state === "closed") s.closed++;
    if (state.wonAt !== null) s.won++;
  }
  return states;
}

function segmentFiguresByPlainQueries(
  db: Db,
  teamId: number,
  asOf: string,
  now: number,
  settings: StateSettings & { pauseThreshold: number },
): SegmentBurnFigures[] {
  const tz = settings.timezone;
  const companies = db.prepare("SELECT id, segment_id, created_at FROM companies WHERE team_id = ?").all(teamId) as {
    id: number;
    segment_id: number;
    created_at: number;
  }[];
  const segments = db.prepare("SELECT id, name, created_day FROM segments WHERE team_id = ? AND created_day <= ?").all(teamId, asOf) as {
    id: number;
    name: string;
    created_day: string;
  }[];
  const events = loadEvents(db, teamId);
  const states = segmentStates(companies, events, cutOf(asOf, now, tz), settings);

  // First contacts in the last 4 full weeks, in the segment the company was in at that contact.
  const weeks = lastFourWeeks(asOf);
  const weeksFrom = weeks[0]!;
  const weeksTo = addDays(weeks[3]!, 6);
  const firstContacts = new Map<number, number>();
  for (const rows of events.values()) {
    const first = rows.find((row) => row.kind === "touch" || row.kind === "refusal" || row.kind === "deal");
    if (first && first.local_day >= weeksFrom && first.local_day <= weeksTo) {
      firstContacts.set(first.segment_id, (firstContacts.get(first.segment_id) ?? 0) + 1);
    }
  }

  const shareOn = new Map<string, Map<number, number>>();
  const shareOf = (segment: number, day: string): number => {
    let byDay = shareOn.get(day);
    if (!byDay) {
      byDay = new Map();
      for (const [id, s] of segmentStates(companies, events, cutOf(day, now, tz), settings)) byDay.set(id, share(s.cooling + s.lost, s.size));
      shareOn.set(day, byDay);
    }
    return byDay.get(segment) ?? 0;
  };

  const rows = segments.map((segment) => {
    const s = states.get(segment.id) ?? { size: 0, fresh: 0, cooling: 0, lost: 0, closed: 0, won: 0 };
    const burnedShare = share(s.cooling + s.lost, s.size);
    const unpause = db
      .prepare("SELECT local_day FROM segment_unpauses WHERE segment_id = ? AND local_day <= ? ORDER BY at DESC, id DESC LIMIT 1")
      .get(segment.id, asOf) as { local_day: string } | undefined;
    let spentDay: string | null = null;
    if (unpause && burnedShare >= settings.pauseThreshold) {
      for (let day = unpause.local_day; day <= asOf; day = addDays(day, 1)) {
        if (shareOf(segment.id, day) < settings.pauseThreshold) {
          spentDay = day;
          break;
        }
      }
    }
    const weekly = (firstContacts.get(segment.id) ?? 0) / 4;
    return {
      name: segment.name,
      size: s.size,
      fresh: s.fresh,
      coolingNow: s.cooling,
      lost: s.lost,
      closed: s.closed,
      won: s.won,
      burnedShare,
      paused: segmentPaused(burnedShare, settings.pauseThreshold, unpause ? { day: unpause.local_day, spentDay } : null, asOf),
      weeksToExhaust: weekly > 0 ? s.fresh / weekly : null,
    };
  });
  return rows.sort(
    (a, b) =>
      b.burnedShare - a.burnedShare ||
      (a.weeksToExhaust ?? Infinity) - (b.weeksToExhaust ?? Infinity) ||
      a.name.localeCompare(b.name, "ru"),
  );
}
