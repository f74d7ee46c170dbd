cli-exit-codes = Exit codes: 0 done; 1 nothing done or not all done; 2 bad usage (arguments, DATABASE_PATH, DEFAULT_LOCALE).
cli-usage-import = Usage: npm run import -- <base.xlsx|base.csv> [--json]
cli-help-import =
    Loads companies into the base from an Excel workbook (.xlsx) or a CSV file, the same as /import in the bot.
    Columns: company and segment are required; INN, owner (@username or first and last name), phone, email are optional.
    The database is DATABASE_PATH (default data/bot.sqlite); the bot creates it on its first start, an import never does. Messages are in DEFAULT_LOCALE (ru or en).
    Examples:
      npm run import -- examples/base.xlsx
      npm run import -- examples/base.csv --json
cli-usage-report = Usage: npm run report -- <{ $names }> [--json] [--period YYYY-MM] [--as-of YYYY-MM-DD]
cli-help-report =
    Prints a report as one line of JSON (for BI tools and cron): burn — how the base burns, plan — plan and actuals.
    The database is DATABASE_PATH (default data/bot.sqlite); the bot creates it, a report never does.
    Examples:
      npm run report -- plan --json
      npm run report -- burn --json --period 2026-03 --as-of 2026-03-15
cli-usage-export = Usage: npm run export -- <file.xlsx> [--period YYYY-MM]
cli-help-export =
    Writes the workbook /export sends to a file: month figures, managers, segments, budget, tasks, check-ups, refusals, deals, expenses.
    The database is DATABASE_PATH (default data/bot.sqlite); headers are in DEFAULT_LOCALE (ru or en).
    Examples:
      npm run export -- november.xlsx --period 2026-11
      npm run export -- exports/this-month.xlsx
cli-usage-backup = Usage: npm run backup -- <file>
cli-help-backup =
    Makes a consistent copy of the DATABASE_PATH database (default data/bot.sqlite), safe while the bot runs. An existing file is never overwritten.
    Example:
      npm run backup -- backups/bot-2026-03-01.sqlite
cli-unknown-option = Unknown option "{ $arg }".
cli-unexpected-argument = Unexpected argument "{ $arg }".
cli-which-file = Which file?
cli-which-report = Which report?
cli-unknown-report = There is no report "{ $name }".
cli-bad-period = --period needs a month as YYYY-MM, e.g. 2026-03.
cli-bad-as-of = --as-of needs a date as YYYY-MM-DD, e.g. 2026-03-15.
cli-as-of-future = --as-of { $asOf } is in the future (today is { $today }).
cli-as-of-before-period = --as-of { $asOf } is before the period { $period } starts ({ $from }).
cli-bad-locale = DEFAULT_LOCALE must be ru or en, not "{ $value }".
cli-database-missing = There is no database at { $path } (DATABASE_PATH): the bot creates it on its first start — check the path.
cli-file-missing = There is no file { $path }.
cli-file-is-folder = { $path } is a folder, not a file.
cli-file-denied = No permission to read { $path }.
cli-file-unreadable = Could not read the file { $path }.
cli-import-nothing = No company was loaded.
cli-import-not-all = Not everything was loaded: the skipped rows are listed above.
cli-export-not-xlsx = The file name must end with .xlsx, not "{ $file }".
cli-export-no-folder = There is no folder { $folder } — create it or choose another path.
cli-export-done = Export written: { $file } (period { $period } as of { $asOf }; rows: { $counts }; { $kb } KB)
cli-export-failed = The export was not written to { $file }: no access to the folder or no space left.
cli-backup-done = Backup written: { $path } ({ $tables } tables, { $rows } rows, { $kb } KB)
cli-backup-exists = { $path } already exists — choose a new name; an old backup is never overwritten.
cli-backup-failed = The backup was not made: { $reason }
cli-failed = { $tool } failed: { $reason }
