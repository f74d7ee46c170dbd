cmd-touch = log a touch: /touch <company>
cmd-refusal = log a refusal: /refusal <company>
cmd-handled = refusal worked out: /handled <company>
cmd-deal = won deal: /deal <company>; <amount>
cmd-lead = a company's card and history
cmd-close = close a company for good (decision maker died, business closed)
cmd-import = load the base from Excel (.xlsx) or CSV
cmd-add = add a company: /add <company>; <segment>
cmd-unfreeze = end a company's cooling
cmd-unpause = unpause a segment

base-usage-touch =
    How to log a touch: /touch <company>[; comment]
    For example: /touch Romashka LLC; called, asked to call back on Wednesday
base-usage-refusal =
    How to log a refusal: /refusal <company> — the bot asks the reason with buttons.
    In one line: /refusal <company>; <reason>[; lost][; comment]
    Reasons: price, need (no need), timing, competitor, noanswer (no answer), other — Russian words work too.
    For example: /refusal Romashka LLC; price; lost; went to a competitor
base-usage-handled =
    Refusal worked out (objection handled, next step agreed): /handled <company>
base-usage-deal =
    How to log a deal: /deal <company>; <amount>
    For example: /deal Romashka LLC; 150000 or /deal Romashka LLC 150 000
base-usage-close =
    Close a company for good: /close <company>; <reason>
    For example: /close Romashka LLC; dm_died
base-usage-unfreeze = End cooling or a "lost for good" mark: /unfreeze <company>
base-usage-lead = A company's card: /lead <company>
base-usage-add =
    How to add a company: /add <company>; <segment> (an existing segment or a new one; without it — "No segment").
    For example: /add Nezabudka LLC; Wholesale
base-usage-unpause = Unpause a segment: /unpause <segment>, or just /unpause to see the paused segments.
base-usage-import =
    Send an Excel workbook (.xlsx) or a CSV file with the caption /import (or just the file, or reply to the file with /import).
    Columns: company and segment are required; inn, owner (@username, or first and last name as in Telegram), phone, email are optional. CRM export headers (company name, industry, manager) and Russian ones work too: компания, сегмент, инн, ответственный, телефон, email.

base-error-company-too-long = The name is longer than { $max } characters. Nothing was saved.
base-error-amount = The amount "{ $text }" will not do: it must be above zero and at most 10¹², e.g. 150000 or 150 000.50. Nothing was saved.
base-error-reason = Unknown reason "{ $text }". Nothing was saved.
base-error-comment-too-long = The comment is longer than { $max } characters — please shorten it. Nothing was saved.
base-ambiguous = I cannot tell where the company name ends: more than one company matches. Separate it with a semicolon. Nothing was saved.

base-company-unknown = There is no "{ $company }" in the base. Did you mean one of these? Nothing is saved until you choose.
base-company-unknown-add = There is no "{ $company }" in the base, nor anything like it. Add it? Nothing is saved until you choose.
base-company-unknown-none = There is no "{ $company }" in the base, nor anything like it. Please check the name.
base-add-new = ➕ Add "{ $company }" as new
base-add-ask-segment = Which segment should "{ $company }" go to? Press a button or type a segment name — an existing one or a new one.
base-default-segment = No segment
base-default-segment-button = No segment
base-added = Added a new company "{ $company }" to the segment "{ $segment }".
base-added-exists = "{ $company }" is already in the base.
base-company-gone = "{ $company }" is no longer in the base. Nothing was saved.
base-refusal-client = "{ $company }" is already a client — first deal on { $day }. A client's refusal is not logged: it would count a company that bought as lost. Nothing was saved.
base-company-closed = "{ $company }" is closed for good — nothing more is logged for it.

base-action-touch = touch
base-action-refusal = refusal
base-action-deal = deal

base-blocked-cooling =
    ⛔ Not saved: { $action } for "{ $company }". The company is cooling after an unhandled refusal and opens on { $date }.
    Only the founder or the lead can open it earlier: /unfreeze. The attempt was logged.
base-blocked-lost =
    ⛔ Not saved: { $action } for "{ $company }". The company is lost for good and will not open by itself; only the founder or the lead can bring it back: /unfreeze. The attempt was logged.
base-blocked-closed = ⛔ Not saved: { $action } for "{ $company }". The company is closed for good. The attempt was logged.
base-blocked-paused =
    ⛔ Not saved: { $action } for "{ $company }". The segment "{ $segment }" is paused: { $share } of it is burned, the threshold is { $threshold }.
    It opens by itself when the share falls below the threshold — on { $date } as things stand — or earlier if the founder or the lead unpauses it: /unpause { $segment }. The attempt was logged.
base-blocked-paused-no-date =
    ⛔ Not saved: { $action } for "{ $company }". The segment "{ $segment }" is paused: { $share } of it is burned, the threshold is { $threshold }.
    The share will not fall below the threshold by itself (lost companies never cool down); the founder or the lead can unpause it: /unpause { $segment }. The attempt was logged.

base-notice-blocked-cooling = { $who } tried to log a { $action } for "{ $company }", but the company is cooling and opens on { $date }. The attempt was refused and logged.
base-notice-blocked-lost = { $who } tried to log a { $action } for "{ $company }", but the company is lost for good. The attempt was refused and logged. To bring it back: /unfreeze { $company }
base-notice-blocked-closed = { $who } tried to log a { $action } for "{ $company }", but the company is closed for good. The attempt was refused and logged.
base-notice-blocked-paused = { $who } tried to log a { $action } for "{ $company }", but the segment "{ $segment }" is paused ({ $share } burned, threshold { $threshold }). The attempt was refused and logged. To unpause: /unpause { $segment }

base-touch-done = Touch logged: "{ $company }".
base-touch-first = Touch logged: "{ $company }". This is the first contact with the company.
base-refusal-done =
    Refusal logged: "{ $company }" — { $reason }.
    Work it out by { $until } (/handled { $company }), or the company burns and opens again only on { $cooldown }.
base-refusal-lost = Refusal logged: "{ $company }" — { $reason }, lost for good. The company is burned; the founder or the lead can bring it back (/unfreeze).
base-handled-done = { $count ->
    [1] The refusal of "{ $company }" is worked out. The company will not burn.
   *[other] The refusals of "{ $company }" are worked out (open refusals: { $count }). The company will not burn.
}
base-handled-nothing = "{ $company }" has no refusal that can still be worked out: its window of { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    } is over, or there was no refusal.
base-deal-done = Deal logged: "{ $company }" — { $amount }.
base-deal-first-win = A new client!
base-deal-handled = { $count ->
    [1] An open refusal was settled by the deal.
   *[other] Open refusals settled by the deal: { $count }.
}
base-close-ask = Why is "{ $company }" closed for good?
base-close-done = "{ $company }" is closed for good: { $reason }.
base-close-not-allowed = Cannot close with the reason "{ $reason }": closing is final and allowed only for { $allowed }. Nothing was saved.
base-unfreeze-done = Cooling ended: "{ $company }" may be worked again.
base-unfreeze-lost = The "lost for good" mark is gone: "{ $company }" may be worked again.
base-unfreeze-not-frozen = "{ $company }" is neither cooling nor lost — nothing to unfreeze.

base-segment-unknown = There is no segment "{ $segment }".
base-unpause-none = No segment is paused now.
base-unpause-choose = Which segment should be unpaused?
base-unpause-done = Unpaused: the segment "{ $segment }" is open again ({ $share } burned, threshold { $threshold }). If the share falls below the threshold and reaches it again, the segment pauses again.
base-unpause-not-paused = The segment "{ $segment }" is not paused ({ $share } burned, threshold { $threshold }).

base-reason-price = price
base-reason-need = no need
base-reason-timing = not the right time
base-reason-competitor = with a competitor
base-reason-noanswer = no answer
base-reason-other = other
base-reason-dm_died = decision maker died
base-reason-business_closed = business closed

base-refusal-ask-reason = Refusal by "{ $company }". The reason?
base-refusal-hint-reason = Choose a reason with a button or type it: price, need, timing, competitor, noanswer, other.
base-refusal-ask-lost = "{ $company }" — { $reason }. Is the company lost for good?
base-refusal-lost-yes = Yes, for good
base-refusal-lost-no = No, may come back
base-refusal-hint-lost = Answer with a button or type "yes" / "no".
base-refusal-ask-comment = Add a comment (up to { $max } characters)? Type it in one message or press "Skip".
base-refusal-comment-too-long = The comment is longer than { $max } characters — shorten it and send it again. The refusal is already saved.
base-refusal-comment-saved = The comment on the refusal of "{ $company }" is saved.
base-refusal-comment-skipped = Fine, the refusal of "{ $company }" stays without a comment.
base-refusal-skip = Skip
base-refusal-hint-comment = Type a comment in one message or press "Skip".

base-import-done = Rows read: { $rows }. New companies: { $created }, updated: { $updated } (moved to another segment: { $moved }), new segments: { $segments }. Rows skipped: { $skipped }. Warnings: { $warnings }.
base-import-bad-title = Skipped (company not loaded):
base-import-bad-row = line { $line }: { $reason }
base-import-bad-more = …and { $count } more skipped { $count ->
    [one] row
   *[other] rows
}.
base-import-warnings-title = Warnings (company loaded, the value left empty):
base-import-warning = line { $line }: { $field } "{ $value }" — { $reason }
base-import-warnings-more = …and { $count } more — all warnings are in the file below.
base-import-warnings-file = All import warnings: { $count }.
base-import-warn-inn-invalid = INN must be 10 or 12 digits
base-import-warn-owner-unknown = no team member has this @username or name; the company has no owner
base-import-warn-phone-invalid = does not look like a phone number
base-import-warn-email-invalid = does not look like an e-mail address
base-import-warn-value-too-long = value too long
base-import-field-company = company
base-import-field-segment = segment
base-import-field-inn = INN
base-import-field-owner = owner
base-import-field-phone = phone
base-import-field-email = email
base-import-empty = The file is empty — nothing was loaded.
base-import-missing-columns = The file lacks { $count ->
    [one] a required column
   *[other] required columns
}: { $missing }. Headers in the file's first line: { $headers }. Column names that work — { $accepted }. Nothing was loaded.
base-import-csv-invalid = The file does not read as CSV (check the quotes). Nothing was loaded.
base-import-csv-invalid-line = The file does not read as CSV: error at line { $line } (check the quotes). Nothing was loaded.
base-import-unsupported-format = This spreadsheet format cannot be read. Save it as .xlsx (File → Save as → Excel Workbook (.xlsx)) or as CSV and send it again. Nothing was loaded.
base-import-not-csv-file = This is neither a CSV file nor an Excel workbook, so it cannot be loaded. Send the base as .xlsx or CSV: in Excel — File → Save as → Excel Workbook (.xlsx) or CSV UTF-8, in Google Sheets — File → Download → Microsoft Excel (.xlsx); caption it /import. Nothing was loaded.
base-import-too-large = The file is larger than { $mb } MB, more than a bot can download. Please split it.
base-import-download-failed = Could not download the file from Telegram. Please send it again.
base-import-row-company-missing = no company name
base-import-row-segment-missing = no segment
base-import-row-company-too-long = name longer than 200 characters
base-import-row-segment-too-long = segment longer than 200 characters
base-import-row-inn-conflict = a company with this name exists with another INN
base-import-row-name-conflict = the INN belongs to another company and the name is taken
base-import-row-duplicate = duplicate of line { $of } (the same company) — not loaded

base-card-segment = Segment: { $segment }
base-card-inn = INN { $inn }
base-card-owner = owner { $owner }
base-card-state = State: { $state }
base-card-state-cooling = State: cooling, opens on { $date }
base-deadline-end-of-day = the end of { $weekday } { $day }
base-card-window = Open refusal: work it out by { $until } (/handled { $company })
base-card-no-history = No history yet.
base-card-history = History (newest first):
base-state-fresh = fresh, never contacted
base-state-contacted = in progress
base-state-refused = refused, waiting to be worked out
base-state-handled = refusal worked out
base-state-cooling = cooling
base-state-lost = lost for good
base-state-closed = closed for good
base-state-won = client
base-refusal-status-pending = waiting to be worked out
base-refusal-status-handled = worked out
base-refusal-status-burned = not worked out — burned
base-refusal-status-lost = lost for good
base-history-touch = touch
base-history-refusal = refusal ({ $reason }), { $status }
base-history-refusal-lost = refusal ({ $reason }), { $status }
base-history-handled = refusal worked out
base-history-deal = deal
base-history-close = closed: { $reason }
base-history-unfreeze = cooling ended
base-history-moved = moved to another segment
base-history-blocked = attempt ({ $action }) refused: { $reason }
base-block-cooling = cooling
base-block-lost = lost for good
base-block-closed = closed
base-block-paused = segment paused
base-history-line = { $when } — { $what } — { $who }
base-history-line-comment = { $when } — { $what } — { $who }: "{ $comment }"
base-import-too-many-rows = The file has more than { $limit } rows, the most one file may have (/settings import_rows). Nothing was loaded: split the file or raise the limit.
base-import-started = The file has { $rows } rows (the limit is { $limit }). Loading; I will report as it goes.
base-import-progress = Loading the base: { $written } of { $rows } rows…
base-import-busy = Another base file is loading right now. Send this one again when it is done.
