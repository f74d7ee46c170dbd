-- Corrections. Nothing is erased: a correction voids a record (an event of the lead base — with its deal —
-- or an expense) and, when it changes the record, points at the record written in its place. A voided record
-- stays visible on the company card and in the export, and counts in no figure.

CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  record TEXT NOT NULL CHECK (record IN ('event', 'expense')),
  record_id INTEGER NOT NULL,
  -- the record written in its place (a new amount, company or day); NULL when the record is only voided
  replacement_id INTEGER,
  member_id INTEGER REFERENCES members(id),
  at INTEGER NOT NULL,
  local_day TEXT NOT NULL,
  -- how it was asked: undo (the author's /undo) or edit (a card or a list, by the lead or the founder)
  via TEXT NOT NULL CHECK (via IN ('undo', 'edit'))
);
CREATE INDEX corrections_record ON corrections(team_id, record, record_id);
CREATE INDEX corrections_replacement ON corrections(team_id, record, replacement_id) WHERE replacement_id IS NOT NULL;

ALTER TABLE company_events ADD COLUMN voided_by INTEGER REFERENCES corrections(id);
ALTER TABLE deals ADD COLUMN voided_by INTEGER REFERENCES corrections(id);
ALTER TABLE expenses ADD COLUMN voided_by INTEGER REFERENCES corrections(id);

-- /undo looks for the sender's latest records.
CREATE INDEX company_events_member ON company_events(team_id, member_id, at) WHERE member_id IS NOT NULL;
CREATE INDEX expenses_member ON expenses(team_id, member_id, at) WHERE member_id IS NOT NULL;
