cmd-checkup = { $role ->
        [manager] daily check-up: answer it now
       *[other] start a check-up now for everyone who has not answered today
    }
cmd-away = vacation: /away dd.mm dd.mm
cmd-back = back from vacation
cmd-discipline = managers' discipline

checkup-prompt =
    Daily check-up for { $date }. Open tasks: { $tasks }.
    It takes a minute. Please answer before { $cutoff }.
checkup-reminder = Reminder: the check-up for { $date } is still waiting. After { $cutoff } it counts as missed.
checkup-btn-start = ▶ Start
checkup-btn-done = ✅ Done
checkup-btn-progress = 🔄 In progress
checkup-btn-not-started = ⏸ Not started
checkup-btn-question = ❓ Question
checkup-btn-skip = Skip

checkup-task =
    Task { $index } of { $total }: #{ $id } { $text }{ $due }
    How is it going?
checkup-task-hint = Press a button under the task or type: done, in progress, not started, ? question text.
checkup-question-sent = The question went to the head of sales; the answer will come here. Let's go on.
checkup-numbers =
    Your numbers since the last check-up: calls, meetings, proposals.
    Type three numbers separated by spaces, e.g.: 12 3 1
checkup-numbers-hint = I need three whole numbers separated by spaces: calls, meetings, proposals. E.g.: 12 3 1
checkup-note = Anything to add? Type a note or press Skip.
checkup-saved =
    Check-up saved, thank you!
    Tasks: done { $done }, in progress { $progress }, not started { $notStarted }, questions { $questions }.
    Calls { $calls }, meetings { $meetings }, proposals { $proposals }.
checkup-already-answered = Today's check-up is already in. Thank you!
checkup-closed-missed = This check-up is closed: the time to answer is over.
checkup-closed-cutoff = Today's check-up time is over ({ $cutoff }).
checkup-away-today = You are on vacation today — no check-up. To come back: /back
checkup-day-off = Today is a day off — no check-up. The next one: { $date } at { $time }.
checkup-inline-usage =
    The check-up in one line: /checkup #12 done, #13 progress, #14 ? question text; 12 3 1; note
    Parts separated by ";": task answers, then calls meetings proposals, then a note (optional). Only the numbers: /checkup 12 3 1. Or just /checkup — I will ask step by step.
checkup-inline-question-empty = A question needs its text after "?". Nothing was saved.
checkup-inline-unknown-task = Task #{ $id } is not in your check-up today. Nothing was saved.

checkup-round-usage = /checkup without arguments starts a check-up now for everyone who has not answered today.
checkup-round-no-managers = There are no sales managers in the team yet.
checkup-round-started =
    Check-up started.
    Sent to: { $prompted }
    Already answered: { $answered }
    On vacation: { $away }

checkup-away-usage = To go on vacation: /away dd.mm dd.mm (first and last day). One day: /away dd.mm
checkup-away-usage-lead = To mark a manager's vacation: /away @username dd.mm dd.mm
checkup-away-order = The last day is before the first one. Nothing was saved.
checkup-away-too-long = A vacation can be marked at most a year ahead. Nothing was saved.
checkup-away-set = Vacation from { $from } to { $to }: no check-ups and no misses on those days.
checkup-away-set-for = { $name }: vacation from { $from } to { $to }, no check-ups on those days.
checkup-away-notice = { $name } is on vacation from { $from } to { $to }: no check-ups on those days.
checkup-back-usage = To come back from vacation: /back
checkup-back-usage-lead = To bring a manager back from vacation: /back @username
checkup-back-none = { $name } has no current or future vacation.
checkup-back-none-own = You have no current or future vacation.
checkup-back-done = Welcome back! Check-ups come again from today.
checkup-back-done-for = { $name } gets check-ups again from today.
checkup-back-notice = { $name } is back from vacation: check-ups come again.

checkup-missed-streak-alert = ⚠ { $name } missed the check-up { $count } times in a row (last: { $date }).

checkup-digest-title = Check-up digest for { $date }
checkup-digest-answered = Answered { $answered } of { $total }:
checkup-digest-done = ✅ { $name } at { $time }: calls { $calls }, meetings { $meetings }, proposals { $proposals }
checkup-digest-done-late = ✅ { $name } at { $time } (late): calls { $calls }, meetings { $meetings }, proposals { $proposals }
checkup-digest-note = {"   "}note: { $note }
checkup-digest-missed = ❌ { $name } — missed, in a row: { $streak }
checkup-digest-open = … { $name } — still answering
checkup-digest-away = 🌴 { $name } — on vacation until { $until }
checkup-digest-no-checkup = — { $name } — no check-up
checkup-digest-tasks = Tasks: new { $new }, in progress { $progress }, waiting for review { $done }, returned { $returned }, waiting for an answer { $blocked }
checkup-digest-stalled-title = Stalled (2 check-ups without a change):
checkup-digest-task-item = #{ $id } { $name }: { $text }
checkup-digest-overdue-title = Overdue:
checkup-digest-overdue-item = #{ $id } { $name }: { $text } (due { $date })
checkup-digest-returned-title = Returned for rework:
checkup-digest-returned-item = #{ $id } { $name }: { $text } — { $comment }
checkup-digest-questions-title = Questions without an answer:
checkup-digest-question-item = #{ $id } { $name }: { $text } (waiting { $hours } h { $minutes } min)
checkup-digest-streaks-title = Missed in a row:
checkup-digest-streak-item = { $name }: { $streak }

checkup-discipline-usage = To see discipline: /discipline or /discipline 14 (days back, up to 366)
checkup-discipline-title = Managers' discipline since { $from }:
checkup-discipline-none = There are no sales managers in the team yet.
checkup-discipline-checkups = Check-ups: answered { $rate } ({ $answered } of { $total }), on time { $ontime }
checkup-discipline-tasks = Tasks: accepted { $accepted }, returned { $returned }, not started { $notstarted }, stalled now { $stalled }
checkup-discipline-questions = Questions: { $questions } ({ $open } unanswered), head of sales' mean answer time: { $time }
checkup-discipline-away-note = Vacation days do not count: there are no check-ups on them.
checkup-duration = { $hours } h { $minutes } min
