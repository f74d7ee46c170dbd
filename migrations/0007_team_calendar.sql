-- The team's working-day calendar: the country whose public holidays and transfers of days off apply
-- (src/domain/public-calendar.ts), and the founder's extra working days on top (a working Saturday).
-- Teams that existed before get Russia, the product's default country.
ALTER TABLE teams ADD COLUMN country TEXT NOT NULL DEFAULT 'RU' CHECK (country GLOB '[A-Z][A-Z]');
ALTER TABLE teams ADD COLUMN extra_workdays TEXT NOT NULL DEFAULT '[]';
