cmd-export = Excel export: tasks, check-ups, refusals, deals, expenses, month figures

export-usage = Excel export: /export for the current month, /export YYYY-MM for another one (e.g. /export 2026-10).
export-caption = Export for { $month } (figures as of { $date }): { $tasks } tasks, { $checkups } check-ups, { $refusals } refusals, { $deals } deals, { $expenses } expenses.
export-failed = Could not build the export. Please try again in a minute.
export-too-large = The export is larger than { $size } MB, and Telegram would not accept it. Make it from the command line: npm run export -- file.xlsx

export-sheet-figures = Month figures
export-sheet-managers = Managers
export-sheet-segments = Segments
export-sheet-budget = Budget
export-sheet-tasks = Tasks
export-sheet-checkups = Check-ups
export-sheet-refusals = Refusals
export-sheet-deals = Deals
export-sheet-expenses = Expenses

export-yes = yes
export-no = no
export-none = —

export-col-section = Section
export-col-figure = Figure
export-col-value = Value
export-section-period = Period
export-section-plan = Plan
export-section-budget = Budget
export-section-burn = Lead base burn

export-fig-period = Month
export-fig-as-of = Figures as of
export-fig-generated = Exported at
export-fig-timezone = Time zone
export-fig-plan-clients = Plan: new clients
export-fig-avg-check = Plan: average check
export-fig-plan-revenue = Plan: revenue
export-fig-won-clients = New clients
export-fig-revenue = Revenue
export-fig-plan-completion = Revenue plan completion
export-fig-working-days-total = Working days in the month
export-fig-working-days-elapsed = Working days elapsed
export-fig-pace = Share of working days passed
export-fig-forecast-revenue = Revenue forecast
export-fig-forecast-clients = New clients forecast
export-fig-forecast-completion = Forecast plan completion
export-fig-required-daily = Revenue needed per day to the month end
export-fig-budget = Budget
export-fig-expenses = Expenses
export-fig-cost-per-client = Cost per client
export-fig-revenue-per-rouble = Revenue per rouble spent
export-fig-contacted = Companies contacted
export-fig-refused = Refused
export-fig-handled = Refusals handled
export-fig-burned = Burned
export-fig-lost = Lost for good
export-fig-closed = Closed
export-fig-cooling = Cooling now
export-fig-refusal-rate = Refusal rate
export-fig-burn-rate = Burn rate
export-fig-burn-threshold = Burn alert threshold

export-col-manager = Manager
export-col-plan-share = Plan share
export-col-plan-clients = Plan, clients
export-col-plan-revenue = Plan, revenue
export-col-won-clients = New clients
export-col-revenue = Revenue
export-col-checkups-due = Check-ups due
export-col-checkups-answered = Check-ups answered
export-col-checkin-rate = Check-in rate

export-col-segment = Segment
export-col-size = Companies
export-col-fresh = Fresh
export-col-cooling = Cooling
export-col-lost = Lost
export-col-closed = Closed
export-col-won = Clients
export-col-burned-share = Burned share
export-col-paused = Paused
export-col-weekly-new = New contacts per week
export-col-weeks-to-exhaust = Weeks to exhaust

export-col-category = Category
export-col-budget = Budget
export-col-expenses = Expenses

export-col-task-id = #
export-col-task = Task
export-col-state = State
export-col-due = Due
export-col-overdue = Overdue
export-col-stalled = Stalled
export-col-author = Assigned by
export-col-created = Created
export-col-changed = State changed
export-col-return-comment = Return comment

export-col-date = Date
export-col-status = Status
export-col-prompted = Prompt sent
export-col-answered-at = Answered at
export-col-calls = Calls
export-col-meetings = Meetings
export-col-proposals = Proposals
export-col-answers = Task answers
export-col-note = Note

export-checkup-pending = waiting for an answer
export-checkup-started = answering
export-checkup-answered = answered
export-checkup-missed = missed
export-answer-done = done
export-answer-in-progress = in progress
export-answer-not-started = not started
export-answer-question = question
export-answer-item = #{ $id }: { $answer }

export-col-when = When
export-col-company = Company
export-col-reason = Reason
export-col-lost-for-good = Lost for good
export-col-comment = Comment
export-col-handling = Handling
export-col-window-end = Handle by the end of
export-col-settled = Settled at

export-handling-pending = waiting to be handled
export-handling-handled = handled
export-handling-burned = burned
export-handling-lost = lost for good

export-col-amount = Amount
export-col-logged-by = Logged by

export-sheet-corrections = Corrections
export-col-corrected-by = Corrected by
export-col-correction = Correction
export-col-record = Record
export-col-new-company = New company
export-col-new-date = New date
export-col-new-amount = New amount
export-col-record-author = Record by
export-corr-undo = taken back by its author (/undo)
export-corr-edit = deleted
export-corr-amended = corrected
export-corr-kind-touch = touch
export-corr-kind-refusal = refusal
export-corr-kind-handled = refusal handled
export-corr-kind-deal = deal
export-corr-kind-close = close
export-corr-kind-expense = expense
