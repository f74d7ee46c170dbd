-- Telegram gives a @username to one person at a time, but a member who gave theirs up keeps it stored until they
-- write again. Where two active members hold the same one, nobody can tell who has it now: it is cleared from
-- all of them (the holder's next update brings it back), and from now on one active member at most holds it.
UPDATE members SET username = NULL
WHERE status = 'active' AND username IS NOT NULL AND EXISTS (
  SELECT 1 FROM members AS other
  WHERE other.team_id = members.team_id AND other.id != members.id AND other.status = 'active'
    AND other.username = members.username COLLATE NOCASE
);
CREATE UNIQUE INDEX members_username_holder ON members(team_id, username COLLATE NOCASE) WHERE username IS NOT NULL AND status = 'active';
