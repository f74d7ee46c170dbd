-- The lead base (segments, companies, their events, won deals) and the counters behind the burn report.
--
-- The burn report must not grow with the base, so every write path keeps small counters in the same
-- transaction as its event (see src/base/). A report reads a few hundred counter rows: the team's day
-- buckets of one period, each segment's totals, and the day/month buckets between the as-of day and today.
-- Times are epoch ms (UTC); local days 'YYYY-MM-DD' and periods 'YYYY-MM' are in the team time zone.

CREATE TABLE segments (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  -- case/ё/space-insensitive spelling; one segment per key and team
  name_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_day TEXT NOT NULL,
  UNIQUE (team_id, name_key)
);

-- Manual /unpause of a segment whose burned share reached the pause threshold. An unpause holds while the
-- share closes every day at or above the threshold; the first day it closes below, the unpause is spent
-- (spent_day) and the next time the share reaches the threshold the segment pauses again.
-- checked_through / spent_day are derived by the finalizer from the day buckets (a cache, not a fact).
CREATE TABLE segment_unpauses (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  segment_id INTEGER NOT NULL REFERENCES segments(id),
  member_id INTEGER,
  at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  checked_through TEXT,
  spent_day TEXT
);
CREATE INDEX segment_unpauses_segment ON segment_unpauses(segment_id, at);
CREATE INDEX segment_unpauses_open ON segment_unpauses(team_id) WHERE spent_day IS NULL;

CREATE TABLE companies (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  segment_id INTEGER NOT NULL REFERENCES segments(id),
  name TEXT NOT NULL,
  -- case, ё/е, quotes and spacing ignored (src/domain/company-name.ts nameKey); unique per team
  name_key TEXT NOT NULL,
  -- name_key without the legal form (ООО, ИП, АО ...), for lookups typed without it
  core_key TEXT NOT NULL,
  inn TEXT,
  owner_username TEXT,
  owner_member_id INTEGER,
  phone TEXT,
  email TEXT,
  created_at INTEGER NOT NULL,
  created_day TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  -- Materialized state, kept by the write paths together with the counters:
  -- active | cooling (until cooling_until_day, exclusive) | lost (for good) | closed (final).
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cooling', 'lost', 'closed')),
  cooling_until_day TEXT,
  -- local midnight that starts cooling_until_day, for the expiry sweep
  cooling_until_at INTEGER,
  first_contact_at INTEGER,
  won_at INTEGER,
  UNIQUE (team_id, name_key)
);
CREATE UNIQUE INDEX companies_inn ON companies(team_id, inn) WHERE inn IS NOT NULL;
CREATE INDEX companies_core ON companies(team_id, core_key);
CREATE INDEX companies_cooling ON companies(team_id, cooling_until_at) WHERE status = 'cooling';

-- Everything that happened to a company. A refusal row also carries its handling state:
-- status pending → handled (by /handled or a deal inside the window) | burned (window closed) | lost (at once).
-- 'blocked' rows are refused attempts (reason: cooling | lost | closed | paused; attempted: touch | refusal | deal).
-- 'moved' rows record a re-import that moved the company from from_segment_id to segment_id.
CREATE TABLE company_events (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  company_id INTEGER NOT NULL REFERENCES companies(id),
  -- the company's segment when the event happened
  segment_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('touch', 'refusal', 'handled', 'deal', 'close', 'unfreeze', 'blocked', 'moved')),
  at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  member_id INTEGER,
  reason TEXT,
  attempted TEXT,
  lost INTEGER NOT NULL DEFAULT 0,
  comment TEXT,
  window_end_at INTEGER,
  status TEXT CHECK (status IS NULL OR status IN ('pending', 'handled', 'burned', 'lost')),
  settled_at INTEGER,
  from_segment_id INTEGER
);
CREATE INDEX company_events_company ON company_events(company_id, at);
CREATE INDEX company_events_pending ON company_events(team_id, window_end_at) WHERE status = 'pending';

-- Won deals; the plan reads revenue and won clients from here.
CREATE TABLE deals (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  company_id INTEGER NOT NULL REFERENCES companies(id),
  member_id INTEGER,
  amount_kopecks INTEGER NOT NULL CHECK (amount_kopecks > 0),
  at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  event_id INTEGER NOT NULL
);
CREATE INDEX deals_day ON deals(team_id, local_day);

-- ---------------------------------------------------------------------------------------------------
-- Counters. Every row is small; the report never reads an event.

-- One row per company and period in which something happened to it: the first local day the company
-- entered each per-period set (so it is counted once), and how many of its refusals of the period are
-- still inside their window. "Unhandled" = open_refusals > 0 or burned_day set.
CREATE TABLE burn_period_companies (
  team_id INTEGER NOT NULL,
  period TEXT NOT NULL,
  company_id INTEGER NOT NULL,
  contacted_day TEXT,
  refused_day TEXT,
  burned_day TEXT,
  lost_day TEXT,
  open_refusals INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, period, company_id)
) WITHOUT ROWID;

-- Per period and local day: companies that entered a set that day (contacted, refused, burned, lost,
-- closed: +1 only) and the change in companies with an unhandled refusal of the period (unhandled: ±1).
-- A figure "as of" a day is the sum of that kind's rows up to the day (≤ ~35 rows).
CREATE TABLE burn_period_days (
  team_id INTEGER NOT NULL,
  period TEXT NOT NULL,
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (team_id, period, kind, day)
) WITHOUT ROWID;

-- Per segment: ±1 when a company enters/leaves a state (size, fresh, cooling, lost, closed, won), bucketed
-- by local day, by month, and in total. Nothing is ever dated after today (cooling ends are finalized when
-- their day comes), so the total is the state now and the state as of a past day is the total minus the
-- buckets after that day (month rows for whole months, day rows for the rest of its month).
CREATE TABLE segment_days (
  team_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  segment_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (team_id, kind, day, segment_id)
) WITHOUT ROWID;

CREATE TABLE segment_months (
  team_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  segment_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (team_id, kind, period, segment_id)
) WITHOUT ROWID;

CREATE TABLE segment_totals (
  team_id INTEGER NOT NULL,
  segment_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (team_id, segment_id, kind)
) WITHOUT ROWID;

-- First contacts (a fresh company touched, refused or won for the first time) per segment and ISO week
-- (week = its Monday), for "weekly new contacts".
CREATE TABLE segment_weeks (
  team_id INTEGER NOT NULL,
  week TEXT NOT NULL,
  segment_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (team_id, week, segment_id)
) WITHOUT ROWID;
