-- The members of one role (the leads a question or a finished task goes to, the founders an alert goes to,
-- the managers of a check-up round) were found by reading every member of the team through the
-- (team_id, user_id) key and then each row; with a thousand managers that is a thousand row reads per notice.
CREATE INDEX members_role ON members(team_id, role, status);
