-- What the CRM sync maps beyond companies and deals.

-- The founder's words for the CRM's failure stages and loss reasons, per bot reason, as JSON
-- ({"price": ["цен", ...], "closed": [...]}); a reason left out keeps the built-in words. NULL: all built in.
ALTER TABLE teams ADD COLUMN crm_reasons TEXT;
-- amoCRM's company field that carries the segment.
ALTER TABLE teams ADD COLUMN crm_segment_field TEXT NOT NULL DEFAULT 'Сегмент';

-- The CRM's users the sync has seen as responsible for a deal, and the member each is linked to (by the
-- founder's /crm_link, or by a unique match of first and last name). A deal's records count for that member.
CREATE TABLE crm_users (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  crm TEXT NOT NULL,
  crm_user_id TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  member_id INTEGER REFERENCES members(id),
  linked_by TEXT CHECK (linked_by IN ('founder', 'name')),
  PRIMARY KEY (team_id, crm, crm_user_id)
);

-- A company's name and segment as the CRM last gave them, so a rename or a move in the CRM is followed
-- (and a difference the bot had before the first sync is left alone).
ALTER TABLE crm_companies ADD COLUMN crm_name TEXT;
ALTER TABLE crm_companies ADD COLUMN crm_segment TEXT;
