cmd-plan = plan vs fact, forecast, budget
cmd-setplan = set the month's plan
cmd-budget = budget by category
cmd-expense = log a cost
cmd-share = managers' shares of the plan

plan-month = { $month } { $year }
plan-month-1 = January
plan-month-2 = February
plan-month-3 = March
plan-month-4 = April
plan-month-5 = May
plan-month-6 = June
plan-month-7 = July
plan-month-8 = August
plan-month-9 = September
plan-month-10 = October
plan-month-11 = November
plan-month-12 = December

plan-category-salaries = salaries
plan-category-bonuses = bonuses
plan-category-marketing = marketing
plan-category-tools = tools
plan-category-other = other

plan-usage-setplan =
    To set the plan: /setplan <YYYY-MM> <clients> <average check>
    Example: /setplan 2026-11 10 150000 — 10 new clients with an average check of 150,000. Without a period it is the current month.
plan-usage-plan = To see the plan: /plan or /plan 2026-11
plan-usage-budget =
    Budget: /budget <YYYY-MM> <category> <amount>, e.g. /budget 2026-11 marketing 100000
    Remove a line: /budget 2026-11 marketing delete. Show: /budget or /budget 2026-11
    Categories: salaries, bonuses, marketing, tools, other.
    A line paid at once (salaries on the 1st): /budget 2026-11 salaries 300000 upfront — the overrun leaves it out.
plan-usage-expense =
    To log a cost: /expense <amount> <category> [note]
    Example: /expense 15000 marketing leaflets
    Categories: salaries, bonuses, marketing, tools, other.
plan-usage-share =
    A manager's share of the plan: /share [YYYY-MM] @username 40%
    Back to the equal split: /share @username auto. Without shares the plan is split equally between managers.

plan-error-period = I did not understand the period "{ $text }": write the year and month, e.g. 2026-11. Nothing was saved.
plan-error-period-show = I did not understand the period "{ $text }": write the year and month, e.g. 2026-11.
plan-error-period-range = Plans and budgets can be set from a year back to two years ahead; { $period } is outside that. Nothing was saved.
plan-error-clients = "{ $text }" does not work as a number of clients: it must be a whole number from 1 to { $max }. Nothing was saved.
plan-error-amount = "{ $text }" does not work as an amount: it must be above zero and at most 10¹², with at most two decimals, e.g. 150000 or 150000.50. Nothing was saved.
plan-error-too-large = The plan would exceed 10¹² — check the number of clients and the average check. Nothing was saved.
plan-error-category = Unknown category "{ $text }". Categories: { $list }. Nothing was saved.
plan-error-note = The note is longer than { $max } characters — please shorten it. Nothing was saved.
plan-error-share = "{ $text }" does not work as a share: it must be a percentage from 0 to 100, e.g. 40% or 12.5%. Nothing was saved.
plan-error-username = "{ $text }" does not look like a @username. Nothing was saved.

plan-set = Plan for { $month }: { $clients ->
        [one] { $clients } new client
       *[other] { $clients } new clients
    } × { $avgCheck } = { $revenue }. Working days in the month: { $days }.
plan-set-previous = The previous plan was { $clients } × { $avgCheck }.
plan-set-hint = To follow it: /plan { $period }

plan-title = Plan for { $month } — as of { $date }
plan-title-past = Plan for { $month } — result: the month is over
plan-title-future = Plan for { $month } — the month has not begun, no facts yet
plan-days-month = Working days in the month: { $total }
plan-days = Working days passed: { $elapsed } of { $total } — { $pace } of the month's working days
plan-no-plan = No plan set: /setplan { $period } <clients> <average check>
plan-target = Plan: { $clients ->
        [one] { $clients } client
       *[other] { $clients } clients
    } × { $avgCheck } = { $revenue }
plan-revenue = Revenue: { $revenue } of { $plan } ({ $completion })
plan-revenue-no-plan = Revenue: { $revenue }
plan-clients = New clients: { $won } of { $plan }
plan-clients-no-plan = New clients: { $won }
plan-forecast = Forecast for the month: { $revenue } ({ $completion } of plan), clients ≈ { $clients }
plan-forecast-no-plan = Forecast for the month: { $revenue }, clients ≈ { $clients }
plan-forecast-none = The forecast appears after the month's first working day.
plan-required = Needed every working day: { $amount } (working days left: { $days })
plan-shortfall = No working days left; the plan was missed by { $amount }.
plan-shortfall-past = The month is over; the plan was missed by { $amount }.
plan-met = The revenue plan is met.
plan-managers-title = By manager:
plan-manager-line = • { $name }: { $revenue } of { $plan } (share { $share }), clients { $won } of { $planClients }, check-ups { $checkin }
plan-manager-line-no-plan = • { $name }: { $revenue }, clients { $won }, check-ups { $checkin }
plan-manager-unknown = no manager
plan-checkin-none = —
plan-budget-title = Costs: { $expenses } of a budget of { $budget }
plan-budget-title-no-budget = Costs: { $expenses }; no budget set (/budget { $period } <category> <amount>).
plan-budget-title-future = Budget: { $budget }
plan-budget-none = No budget set (/budget { $period } <category> <amount>).
plan-category-line = • { $category }: { $expenses } of { $budget }
plan-category-line-no-budget = • { $category }: { $expenses } (no budget for this category)
plan-category-line-future = • { $category }: { $budget }
plan-cost-per-client = Cost per new client: { $amount }
plan-cost-per-client-no-costs = Cost per new client: not computed — no costs logged yet (/expense).
plan-revenue-per-rouble = Revenue per 1 spent: { $value }
plan-warning-behind = ⚠️ Behind plan: the forecast is { $completion } of plan.
plan-warning-budget = ⚠️ Costs outrun the budget: above budget × share of working days passed × 1.1.

plan-chart-title = Revenue: { $month }
plan-chart-subtitle = as of { $date }, working day { $elapsed } of { $total }
plan-chart-fact = Actual
plan-chart-plan = Plan
plan-chart-forecast = Forecast
plan-chart-date = Date
plan-chart-revenue = Revenue since the 1st, { $currency }
plan-chart-no-data = No data

plan-budget-show-title = Budget for { $month }
plan-budget-set = Budget for { $month }, { $category }: { $amount }.
plan-budget-set-previous = It was { $amount }.
plan-budget-up-front = Paid up front: the budget overrun leaves this line out.
plan-budget-up-front-mark = (paid up front)
plan-alert-budget-up-front = Lines paid up front are left out: { $categories }.
plan-budget-total = The month's whole budget: { $budget }, spent: { $expenses }.
plan-budget-total-none = No budget set for the month; spent: { $expenses }.
plan-budget-deleted = "{ $category }" was removed from the budget for { $month }.
plan-budget-no-line = The budget for { $month } has no "{ $category }" line — nothing changed.

plan-expense-logged = Cost logged: { $amount }, { $category }.
plan-expense-logged-note = Cost logged: { $amount }, { $category } — { $note }.
plan-expense-category-total = { $month }, { $category }: { $expenses } of { $budget }.
plan-expense-category-no-budget = { $month }, { $category }: { $expenses }; there is no budget for this category (set one: /budget { $period } { $key } <amount>).

plan-share-title = Shares of the plan for { $month }:
plan-share-saved = Saved. Shares of the plan for { $month }:
plan-share-line = • { $name }: { $share } ({ $mode }) — clients: { $clients }, revenue: { $revenue }
plan-share-line-no-plan = • { $name }: { $share } ({ $mode })
plan-share-explicit = set
plan-share-auto = equal split
plan-share-no-managers = The team has no managers yet.
plan-share-not-manager = @{ $username } is not a manager of this team. Nothing was saved.
plan-share-too-much = Together with the other shares that is over 100%: { $left } is free. Nothing was saved.

plan-alert-behind =
    ⚠️ Behind plan for { $month }.
    Forecast: { $forecast } — { $completion } of the { $plan } plan (threshold 90%).
    Actual: { $revenue }, { $pace } of the working days passed.
    To make it: { $required } on each working day left (working days left: { $days }). More: /plan
plan-alert-budget =
    ⚠️ Budget overrun for { $month }.
    Spent { $expenses } of a { $budget } budget; by today ({ $pace } of the month's working days passed) up to { $limit } is fine (budget × share of working days passed × 1.1). More: /budget
plan-alert-sweet-lie =
    🍬 "Sweet lie" for { $month }: the forecast is { $forecast } ({ $completion } of plan), but the base is burning — { $burn } of contacts burned (threshold { $threshold }).
    The plan is being met at the cost of the base: refusals are not worked. More: /burn

plan-summary-title = Results for { $month }
plan-summary-plan = Plan: { $clients ->
        [one] { $clients } client
       *[other] { $clients } clients
    } × { $avgCheck } = { $revenue }
plan-summary-no-plan = No plan was set.
plan-summary-revenue = Revenue: { $revenue } of { $plan } ({ $completion }), clients { $won } of { $planClients }
plan-summary-revenue-no-plan = Revenue: { $revenue }, new clients: { $won }
plan-summary-costs = Costs: { $expenses } of a { $budget } budget
plan-summary-costs-no-budget = Costs: { $expenses } (no budget was set)
plan-summary-burn = Base burn: { $burn } (threshold { $threshold })
plan-summary-burn-unknown = Base burn: no data
plan-summary-footer = More: /plan { $period }. Plan for the new month: /setplan
