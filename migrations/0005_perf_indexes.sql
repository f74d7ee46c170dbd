-- Indexes found missing by the benchmarks (npm run bench): lookups that scanned a growing set of rows.

-- A task card and an answer look for the open questions of one task; without this index they read every
-- open question of the team (questions_open), which grows with each general question nobody answered yet.
-- Three equality columns, so that the planner prefers it to questions_open without ANALYZE statistics.
CREATE INDEX questions_task ON questions(team_id, task_id, answered_at);
