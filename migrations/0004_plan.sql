-- Plan and budget (docs/figures.md): the founder's plan per period, each manager's share of it, budget lines and
-- logged costs. Revenue and won clients come from `deals` (0003).
-- Money is INTEGER kopecks; periods 'YYYY-MM' and local days 'YYYY-MM-DD' are in the team time zone;
-- times are epoch ms (UTC).

-- X new clients with an average check of Y for a period; revenue plan = X × Y. One row per period.
CREATE TABLE plans (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  clients INTEGER NOT NULL CHECK (clients > 0),
  avg_check_kopecks INTEGER NOT NULL CHECK (avg_check_kopecks > 0),
  set_by INTEGER REFERENCES members(id),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, period)
);

-- A manager's explicit share of the period's plan in basis points (2500 = 25%). Managers without a row split
-- what the explicit shares leave equally (src/domain/plan.ts).
CREATE TABLE plan_shares (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  member_id INTEGER NOT NULL REFERENCES members(id),
  share_bp INTEGER NOT NULL CHECK (share_bp BETWEEN 0 AND 10000),
  set_by INTEGER REFERENCES members(id),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, period, member_id)
);

-- One budget line per period and cost category; /budget replaces the amount.
CREATE TABLE budget_lines (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  category TEXT NOT NULL,
  amount_kopecks INTEGER NOT NULL CHECK (amount_kopecks > 0),
  set_by INTEGER REFERENCES members(id),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, period, category)
);

-- A logged cost; it counts in the period of its local day.
CREATE TABLE expenses (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  member_id INTEGER REFERENCES members(id),
  amount_kopecks INTEGER NOT NULL CHECK (amount_kopecks > 0),
  category TEXT NOT NULL,
  note TEXT CHECK (note IS NULL OR length(note) <= 1000),
  at INTEGER NOT NULL,
  local_day TEXT NOT NULL
);
CREATE INDEX expenses_day ON expenses(team_id, local_day);
