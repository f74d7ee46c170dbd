-- What the founder chose about alerts: a kind turned off in /alerts, or muted for a week from an alert's button.
-- The conditions are still followed while a kind is silent, so turning it back on does not replay old news.
CREATE TABLE alert_kind_controls (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  kind TEXT NOT NULL,
  off INTEGER NOT NULL DEFAULT 0,
  muted_until INTEGER,
  PRIMARY KEY (team_id, kind)
) WITHOUT ROWID;

-- The weekly summaries can be turned off in /settings: the founder's and the lead's.
ALTER TABLE teams ADD COLUMN founder_summary INTEGER NOT NULL DEFAULT 1 CHECK (founder_summary IN (0, 1));
ALTER TABLE teams ADD COLUMN lead_summary INTEGER NOT NULL DEFAULT 1 CHECK (lead_summary IN (0, 1));

-- A budget line paid at once (salaries on the 1st) is left out of the budget overrun, which paces the rest.
ALTER TABLE budget_lines ADD COLUMN paid_up_front INTEGER NOT NULL DEFAULT 0 CHECK (paid_up_front IN (0, 1));
