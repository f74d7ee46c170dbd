-- The CRM's ids of what a sync imported, so a re-read changes nothing and an edit finds its record.
-- crm is 'bitrix24' or 'amocrm'; crm_id is the CRM's own id, kept as text.

CREATE TABLE crm_companies (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  crm TEXT NOT NULL,
  crm_id TEXT NOT NULL,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  PRIMARY KEY (team_id, crm, crm_id)
);

-- A deal as the last sync saw it: its stage group (P open, S won, F failed), its stage, its amount, and the
-- records it wrote (the open refusal it caused, the won deal's event to amend when the amount changes).
CREATE TABLE crm_deals (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  crm TEXT NOT NULL,
  crm_id TEXT NOT NULL,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  semantic TEXT NOT NULL CHECK (semantic IN ('P', 'S', 'F')),
  stage_id TEXT NOT NULL,
  amount_kopecks INTEGER,
  deal_event_id INTEGER,
  modified_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, crm, crm_id)
);

-- Where each list was read up to (the CRM's modification time, epoch ms) and what /crm shows.
CREATE TABLE crm_sync (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  crm TEXT NOT NULL,
  companies_cursor INTEGER,
  deals_cursor INTEGER,
  last_run_at INTEGER,
  last_ok_at INTEGER,
  rows_read INTEGER NOT NULL DEFAULT 0,
  records_written INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  PRIMARY KEY (team_id, crm)
);
