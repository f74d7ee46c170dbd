-- The most data rows one /import file may have; a longer file is refused before anything is written.
ALTER TABLE teams ADD COLUMN import_row_cap INTEGER NOT NULL DEFAULT 200000;
