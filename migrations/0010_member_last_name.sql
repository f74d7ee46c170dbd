-- A member's Telegram last name beside the first: a base exported from a CRM names the person responsible
-- for a company as "Иван Петров", and the import matches that name to a member.
ALTER TABLE members ADD COLUMN last_name TEXT NOT NULL DEFAULT '';
