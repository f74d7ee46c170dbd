cmd-assign = assign a task to a manager
cmd-tasks = tasks (filters: overdue, stalled, @user)
cmd-task = task card: /task 12
cmd-return = return a task with a comment
cmd-reassign = give a task to another manager

task-assign-usage =
    To assign a task: /assign @username task text [due dd.mm]
    For example: /assign @ivan Call Romashka Ltd due 05.11
task-text-too-long = The text is too long: the limit is { $max } characters. Nothing was saved.
task-bad-date = I could not read the date. Use dd.mm, dd.mm.yyyy or yyyy-mm-dd. Nothing was saved.
task-past-date = That date is in the past. Give today or a later date. Nothing was saved.
task-assign-not-manager = { $name } is not a sales manager: tasks go to managers.
task-assigned = Task #{ $id } assigned to { $name }{ $due }. The manager already has it.
task-assigned-notice =
    New task #{ $id } from { $author }{ $due }:
    { $text }
task-due-suffix = {" "}(due { $date })

task-list-usage = To see tasks: /tasks, /tasks overdue, /tasks stalled, /tasks @username
task-list-usage-manager = To see your tasks: /tasks, /tasks overdue, /tasks stalled
task-list-empty = No open tasks.
task-list-empty-overdue = No overdue tasks.
task-list-empty-stalled = No stalled tasks.
task-list-title-own = Your tasks ({ $count }):
task-list-title-team = Team tasks ({ $count }):
task-group = { $name }:
task-line = #{ $id } [{ $state }] { $text }{ $due }{ $flags }
task-flag-overdue = overdue
task-flag-stalled = stalled

task-state-new = new
task-state-in-progress = in progress
task-state-done = done, waiting for review
task-state-accepted = accepted
task-state-returned = returned
task-state-blocked = waiting for an answer
task-state-cancelled = cancelled

task-btn-start = ▶ In progress
task-btn-done = ✅ Done
task-btn-ask = ❓ Question
task-btn-accept = ✅ Accept
task-btn-return = ↩ Return
task-btn-cancel = ✖ Cancel
task-btn-accept-id = ✅ Accept #{ $id }
task-btn-return-id = ↩ Return #{ $id }

task-card-usage = To open a task: /task 12 (the number from /tasks)
task-card-people = Assignee: { $assignee } · set by: { $author }
task-card-returned = Returned with the comment: { $comment }
task-card-question = Open question #{ $id }: { $text }
task-not-found = There is no task #{ $id } among your tasks.
task-wrong-state = Task #{ $id } cannot do that: it is "{ $state }" now.

task-action-in-progress = Task #{ $id } is in progress.
task-action-done = Task #{ $id } is marked done and sent for review.
task-action-accepted = Task #{ $id } accepted. { $name } will be told.
task-action-returned = Task #{ $id } returned: { $name } will get your comment.
task-action-cancelled = Task #{ $id } cancelled.

task-done-notice =
    { $name } finished task #{ $id }:
    { $text }
    Review it: accept, or return it with a comment.
task-accepted-notice = Task #{ $id } accepted ({ $name }): { $text }
task-returned-notice =
    Task #{ $id } returned ({ $name }): { $text }
    Comment: { $comment }
task-cancelled-notice = Task #{ $id } cancelled ({ $name }): { $text }

task-return-ask =
    What is wrong with task #{ $id } "{ $text }"?
    Type a comment for the manager in one message.
task-return-hint = Type the comment as text — it goes to the manager with the task.
task-return-usage = To return a task: /return 12 comment (or the Return button under the task)

task-reassign-usage = To give a task to another manager: /reassign 12 @username — it starts over for them.
task-reassign-same = Task #{ $id } is already with { $name }.
task-reassign-not-open = Task #{ $id } cannot be passed on: it is “{ $state }” now. A new, in-progress, returned or blocked task can; accept or return a done one first.
task-reassigned = Task #{ $id } given to { $name } (it was with { $from }). The manager already has it.
task-reassigned-notice =
    Task #{ $id } from { $author } is yours now (it was with { $from }){ $due }:
    { $text }
task-reassigned-away = Task #{ $id } was given to { $name }: { $text }
