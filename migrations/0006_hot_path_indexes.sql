-- Indexes for the reads every command makes, found by the member-update benchmark (npm run bench).

-- The members of one role (the leads a question or a finished task goes to, the founders an alert goes to,
-- the managers of a check-up round) were found by reading every member of the team through the
-- (team_id, user_id) key and then each row; with a thousand managers that is a thousand row reads per notice.
CREATE INDEX members_role ON members(team_id, role, status);

-- The task list (/tasks): the listed tasks — every state but the two final ones — of one assignee or of the
-- team, in (assignee, id) order, a page at a time. Through this index a page reads its ten rows in order;
-- through tasks_assignee it read and sorted every listed task first. The condition must stay spelled as in
-- src/db/tasks.ts (LISTED_SQL) for SQLite to use the index.
CREATE INDEX tasks_listed ON tasks(team_id, assignee_id) WHERE state NOT IN ('accepted', 'cancelled');

-- The month's expenses summed per day and category (/expense, /budget, /plan): read from the index alone, in
-- group order, instead of looking up every expense row of the month.
CREATE INDEX expenses_totals ON expenses(team_id, local_day, category, amount_kopecks);
