-- What the founder has been told: one row per condition that is open now (plan behind for a month, a segment
-- paused, ...). A condition's start, its "worse" and its end are each said once; the row is how restarts and
-- catch-up sweeps know it was said. The row goes when the condition is over.
CREATE TABLE alert_conditions (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  -- the figure said at the start (burn rate, forecast share of plan), to tell when it got clearly worse
  told_value REAL,
  worse_told INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, kind, subject)
) WITHOUT ROWID;

-- No verdict on a tiny sample: burn high and the sweet lie need this many companies contacted in the month.
ALTER TABLE teams ADD COLUMN min_contacted INTEGER NOT NULL DEFAULT 10 CHECK (min_contacted >= 1);
