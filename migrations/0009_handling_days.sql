-- The handling window counts working days of the team calendar instead of clock hours: a refusal is to be
-- worked out by the end of the N-th working day after the day it was logged. Each refusal keeps the window
-- end fixed when it was logged (company_events.window_end_at), so open refusals keep their old deadline.
ALTER TABLE teams ADD COLUMN handling_days INTEGER NOT NULL DEFAULT 2 CHECK (handling_days BETWEEN 1 AND 30);
ALTER TABLE teams DROP COLUMN handling_window_hours;
