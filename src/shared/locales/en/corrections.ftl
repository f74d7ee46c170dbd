cmd-undo = Take back your last record (within 24 hours)
cmd-deals = The month's deals: correct or delete
cmd-expenses = The month's expenses: correct or delete

corr-kind-touch = touch of “{ $company }”
corr-kind-refusal = refusal by “{ $company }” ({ $reason })
corr-kind-handled = refusal handled, “{ $company }”
corr-kind-deal = deal “{ $company }” — { $amount }
corr-kind-close = “{ $company }” closed
corr-kind-expense = expense { $amount } ({ $category })
corr-kind-add = adding the company “{ $company }” (segment “{ $segment }”)
corr-record = { $what }, { $when }

corr-undo-nothing = You have no record from the last 24 hours to take back.
corr-undo-ask = Take back your last record: { $record }?
corr-undo-yes = ↩️ Yes, take it back
corr-cancel = No
corr-cancelled = OK, nothing changed.
corr-undo-stale = This record can no longer be taken back: it already was, or more than 24 hours have passed.
corr-undo-add-has-records = Cannot take back: { $record }. “{ $company }” already has records (or an import matched it). Take those back first; nothing was changed.
corr-add-taken-back = Removed from the base: { $record }. The figures are recomputed; the name is free to add again.

corr-deals-title = Deals of { $month }:
corr-deals-none = No deals in { $month }.
corr-expenses-title = Expenses of { $month }:
corr-expenses-none = No expenses in { $month }.
corr-list-hint = Tap a record to delete or correct it.
corr-list-more = Only the latest { $count } records have buttons; correct earlier deals from the company card (/lead).
corr-usage-deals = Send /deals or /deals YYYY-MM (e.g. /deals 2026-11).
corr-usage-expenses = Send /expenses or /expenses YYYY-MM (e.g. /expenses 2026-11).

corr-menu = { $record }
    By { $who }. What should I do? Nothing is erased: the record stays in the history, marked, and the figures are recomputed as if it had never been entered.
corr-void = 🗑 Delete
corr-edit-amount = Amount
corr-edit-company = Company
corr-edit-day = Day
corr-ask-amount = The new amount for “{ $record }” (e.g. 150000):
corr-ask-company = Which company was it really? Type its name as it is in the base:
corr-ask-day = Which day? A day of the month or DD.MM — within the month ({ $month }) and not after today:

corr-voided = Deleted: { $record }. It stays in the history, marked; the figures are recomputed.
corr-amended = Corrected. Was: { $before }. Now: { $after }. The figures are recomputed.
corr-notice-voided = { $who } deleted your record: { $record }.
corr-notice-amended = { $who } corrected your record. Was: { $before }. Now: { $after }.
corr-error-amount = I could not read the amount “{ $text }”. Type a number above zero, e.g. 150000. Nothing changed.
corr-error-company = There is no company “{ $text }” in the base (or it joined the base after this record). Nothing changed.
corr-error-day = I could not read the day “{ $text }”. Type a day of the month or DD.MM. Nothing changed.
corr-error-day-outside = The day can only move within the month ({ $month }) and not after today. Nothing changed.
corr-error-day-before-company = “{ $company }” entered the base on { $date }: the record cannot be earlier than that day. Nothing was changed.
corr-error-unchanged = The new value is the same as the old one — nothing changed.
corr-error-field = This record has no such field. Nothing changed.
corr-stale = This record has already been deleted or corrected.

corr-history-voided = ❌ { $what } (taken back)
corr-history-replacement = ✏️ { $what } (correction)

guard-confirm = ✅ Yes, save it
guard-cancel = ✖ Don't save
guard-deal-outlier = The deal “{ $company }” for { $amount } is more than { $factor } × the { $basis } ({ $usual }). Any extra zeros?
guard-basis-plan = plan's average check
guard-basis-median = median deal of the last 90 days
guard-deal-repeat = You already logged the same deal (“{ $company }”, { $amount }) in the last 10 minutes.
guard-expense-over-line = The expense of { $amount } is more than the whole “{ $category }” budget line of the month ({ $line }).
guard-expense-repeat = You already logged the same expense ({ $amount }, { $category }) in the last 10 minutes.
guard-not-saved = Nothing is saved yet: confirm with the button if it is right.
guard-cancelled = OK, not saved.
