alert-worse = 📉 Clearly worse now:
alert-over-plan-behind = ✅ Behind plan for { $subject } is over: the forecast is at 90% of plan or more again.
alert-over-burn-high = ✅ The base is no longer burning in { $subject }: the burned share is below the threshold.
alert-over-sweet-lie = ✅ The "sweet lie" for { $subject } is over: the plan no longer rests on burning the base.
alert-over-segment-paused = ✅ The segment "{ $subject }" is open for touches again.

weekly-title = 📋 The week: where { $month } stands today
weekly-plan = Plan: actual { $revenue }, forecast { $forecast } — { $completion } of the { $plan } plan.
weekly-no-plan = No plan set; actual { $revenue }. Set one: /setplan
weekly-burn = Base burn: { $burn } of the month's { $contacted } contacts (threshold { $threshold }).
weekly-worst-segment = Worst segment: "{ $segment }", { $share } burned.
weekly-manager-behind = Furthest behind: { $manager }, { $completion } of their share of the plan.
weekly-open-none = No open alerts.
weekly-open-title = Still holding:
weekly-open-line = • { $condition } — since { $since }
weekly-kind-plan-behind = behind plan for { $subject }
weekly-kind-budget-overrun = budget overrun for { $subject }
weekly-kind-burn-high = the base is burning in { $subject }
weekly-kind-sweet-lie = "sweet lie" for { $subject }
weekly-kind-segment-paused = the segment "{ $subject }" is paused
weekly-footer = More: /plan, /burn
weekly-chart-plan = The month's plan, actual and forecast
weekly-chart-burn = Base burn by week
weekly-kind-missed-checkups = { $subject } misses check-ups
weekly-kind-question-unanswered = question { $subject } has no answer
weekly-kind-delivery-failing = alerts do not reach { $subject }

alert-btn-mute = 🔕 Mute this kind for a week
alert-subject-alert-chat = the alert chat

cmd-alerts = open alerts and which kinds are on
alerts-usage = /alerts shows the open alerts and turns each kind on or off with the buttons under it.
alerts-title = 🔔 Alerts
alerts-kinds-title = Kinds:
alerts-kind-on = • { $kind }: on
alerts-kind-off = • { $kind }: off
alerts-kind-muted = • { $kind }: muted until { $until }
alerts-btn-on = Turn on: { $kind }
alerts-btn-off = Turn off: { $kind }
alerts-switched-on = On: { $kind }
alerts-switched-off = Off: { $kind }
alerts-muted = Muted until { $until }: { $kind }
alerts-unknown-kind = No such kind of alert; nothing was changed.
alerts-kind-plan-behind = behind plan
alerts-kind-budget-overrun = budget overrun
alerts-kind-burn-high = the base is burning
alerts-kind-sweet-lie = "sweet lie"
alerts-kind-segment-paused = segment paused
alerts-kind-missed-checkups = missed check-ups
alerts-kind-question-unanswered = unanswered question
alerts-kind-delivery-failing = alerts not delivered

settings-alerts =
    • Burn verdicts from { $min } companies contacted in the month
    • Founder's weekly summary: { $founder }; the lead's weekly team summary: { $lead }
    /settings min_contacted 10 · /settings weekly_summary on|off · /settings team_summary on|off
settings-switch-on = on
settings-switch-off = off
settings-saved-min-contacted = Saved. Burn high and the "sweet lie" are judged from { $value } companies contacted in the month.
settings-saved-weekly-summary = Saved. The founder's weekly summary: { $value }.
settings-saved-team-summary = Saved. The lead's weekly team summary: { $value }.
settings-usage-min-contacted = The sample for burn verdicts is a whole number of companies contacted in the month, 1 to 10000: /settings min_contacted 10
settings-usage-weekly-summary = The founder's weekly summary: /settings weekly_summary on or /settings weekly_summary off
settings-usage-team-summary = The lead's weekly team summary: /settings team_summary on or /settings team_summary off

team-summary-title = 📋 The team's week: check-up discipline
team-summary-footer = More: /discipline, /tasks. The founder can turn this summary off: /settings team_summary off

alert-subject-private-chat = a founder's private chat
alert-delivery-failing = 🚨 Alerts are not getting through to { $chat }: a message there has failed three times and is still being retried. Check the chat (is the bot still in it and allowed to write?) or choose another with /alerts_here.
