-- /undo takes back a company its author added by hand (/add). Nothing is erased: the row stays with its name,
-- marked removed (when and by whom); its name keys get the company's id appended, so the same name can be
-- added again and no lookup finds the old row; the counters are rebuilt without it.
ALTER TABLE companies ADD COLUMN added_by INTEGER REFERENCES members(id);
ALTER TABLE companies ADD COLUMN removed_at INTEGER;
ALTER TABLE companies ADD COLUMN removed_day TEXT;
ALTER TABLE companies ADD COLUMN removed_by INTEGER REFERENCES members(id);

CREATE INDEX companies_added_by ON companies(team_id, added_by, created_at) WHERE added_by IS NOT NULL;
CREATE INDEX companies_removed ON companies(team_id, removed_day) WHERE removed_at IS NOT NULL;
