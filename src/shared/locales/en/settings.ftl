cmd-settings = team settings

settings-show =
    Team settings
    • Time zone: { $timezone } (it is { $localTime } there now)
    • Check-up: { $checkup }, cut-off: { $cutoff }
    • Working days: { $workdays }
    • Holidays: { $holidays }
    • Refusal handling window: { $window ->
        [one] { $window } working day
       *[other] { $window } working days
    } after the refusal's day
    • Company cooldown: { $cooldown ->
        [one] { $cooldown } day
       *[other] { $cooldown } days
    }
    • Burn threshold: { $burn }
    • Segment pause threshold: { $pause }
    • Close reasons: { $reasons }
    • Team language: { $language }

    To change: /settings <what> <value>
    /settings timezone Europe/Moscow
    /settings checkup 10:00 · /settings cutoff 18:00
    /settings workdays 1-5
    /settings holidays add 04.11 · holidays remove 04.11 · holidays 2026-11-04,2026-12-31 · holidays none
    /settings handling_days 2 · /settings cooldown 90
    /settings burn 30% · /settings pause 30%
    /settings close_reasons add <key> · close_reasons remove <key>
    /settings language ru|en

settings-weekday-1 = Mon
settings-weekday-2 = Tue
settings-weekday-3 = Wed
settings-weekday-4 = Thu
settings-weekday-5 = Fri
settings-weekday-6 = Sat
settings-weekday-7 = Sun
settings-holidays-none = none ahead
settings-holidays-more = and { $count } more
settings-holidays-past = (past: { $count })
settings-language-ru = Russian
settings-language-en = English

settings-saved-timezone = Saved. Time zone: { $value } (it is { $localTime } there now).
settings-saved-checkup = Saved. Check-up at { $value } on working days.
settings-saved-cutoff = Saved. Check-up cut-off at { $value }.
settings-saved-workdays = Saved. Working days: { $value }.
settings-saved-holidays = Saved. Holidays: { $value }.
settings-saved-window = Saved. Refusal handling window: { $value ->
        [one] { $value } working day
       *[other] { $value } working days
    } after the refusal's day. Refusals already logged keep their deadline.
settings-saved-cooldown = Saved. Company cooldown: { $value ->
        [one] { $value } day
       *[other] { $value } days
    }.
settings-saved-burn = Saved. Burn threshold: { $value }.
settings-saved-pause = Saved. Segment pause threshold: { $value }.
settings-saved-close-reasons = Saved. Close reasons: { $value }.
settings-saved-language = Saved. Team language: { $value }.

settings-usage = To see the settings: /settings. To change one: /settings <what> <value>, where "what" is timezone, checkup, cutoff, workdays, holidays, handling_days, cooldown, burn, pause, close_reasons, language, min_contacted, weekly_summary, team_summary or import_rows.
settings-usage-timezone = The time zone is an IANA name: /settings timezone Europe/Moscow (or Europe/Berlin, Asia/Yekaterinburg…).
settings-usage-checkup = Check-up time is HH:MM, before the cut-off: /settings checkup 10:00
settings-usage-cutoff = Cut-off time is HH:MM, after the check-up: /settings cutoff 18:00
settings-usage-workdays = Working days are weekday numbers (Mon = 1 … Sun = 7) or names: /settings workdays 1-5, /settings workdays mon-sat. Or dates, for extra working days (a working Saturday): /settings workdays add 06.06, /settings workdays remove 06.06, /settings workdays none.
settings-usage-holidays = Holidays: /settings holidays add 04.11 (several with commas), /settings holidays remove 04.11, /settings holidays 2026-11-04,2026-12-31 (replace the list), /settings holidays none (clear it). Dates: dd.mm, dd.mm.yyyy or yyyy-mm-dd.
settings-usage-window = The handling window is whole working days from 1 to 30: a refusal is to be worked out by the end of that working day after the day it was logged (weekends and holidays do not count): /settings handling_days 2
settings-usage-cooldown = The cooldown is whole days from 1 to 3650: /settings cooldown 90
settings-usage-burn = The burn threshold is a percentage from 1 to 100: /settings burn 30%
settings-usage-pause = The segment pause threshold is a percentage from 1 to 100: /settings pause 30%
settings-usage-close-reasons = Close reasons: /settings close_reasons add <key> or /settings close_reasons remove <key>; a key is 2–40 letters, digits or "_". "decision maker died" (dm_died) and "business closed" (business_closed) are always allowed.
settings-usage-language = Team language: /settings language ru or /settings language en

settings-error-unknown = There is no setting "{ $name }". Nothing was changed.
settings-error-invalid = That value does not work; nothing was changed.
settings-error-cutoff = The check-up must come before the cut-off (now check-up { $checkup }, cut-off { $cutoff }). Nothing was changed.
settings-error-builtin-reason = { $reason } is always allowed — no need to add or remove it.
settings-error-reason-exists = { $reason } is already in the list.
settings-error-reason-missing = { $reason } is not in the list — nothing was changed.
settings-error-holiday-missing = { $date } is not in the holiday list — nothing was changed.

settings-btn-timezone = 🕒 Time zone
settings-btn-language = 🌐 Language
settings-btn-checkup = ⏰ Check-up
settings-btn-cutoff = ⏱ Cut-off
settings-btn-workdays = 📅 Working days
settings-btn-holidays = 🎉 Holidays
settings-btn-window = ⌛ Handling window
settings-btn-cooldown = ❄ Cooldown
settings-btn-burn = 🔥 Burn threshold
settings-btn-pause = ⏸ Pause threshold
settings-btn-close-reasons = 🗂 Close reasons
settings-btn-back = ‹ Back
settings-btn-done = ✔ Done
settings-btn-type = ✏ Type a value
settings-btn-add-holidays = ➕ Add days
settings-btn-add-reason = ➕ Add a reason
settings-btn-weekdays-1-5 = Mon–Fri
settings-btn-weekdays-1-6 = Mon–Sat
settings-choice-workdays = { $value ->
        [one] { $value } working day
       *[other] { $value } working days
    }
settings-choice-days = { $value ->
        [one] { $value } day
       *[other] { $value } days
    }
settings-value-timezone = { $timezone } (it is { $localTime } there now)

settings-step-timezone = Time zone: { $value }
settings-step-checkup = Check-up time: { $value }
settings-step-cutoff = Check-up cut-off: { $value }
settings-step-workdays = Working days: { $value }
settings-step-holidays = Holidays: { $value }
settings-step-window = Refusal handling window: { $value }
settings-step-cooldown = Company cooldown: { $value }
settings-step-burn = Burn threshold: { $value }
settings-step-pause = Segment pause threshold: { $value }
settings-step-close-reasons = Close reasons: { $value }
settings-step-language = Team language: { $value }

settings-hint-choose = Choose a value below or press “✏ Type a value”.
settings-hint-language = The language of people who have not picked their own with /lang. Choose below.
settings-hint-workdays = Press a day to switch it on or off; each press is saved at once.
settings-hint-holidays = Press a day to remove it, or “➕ Add days” to add some.
settings-hint-close-reasons = "Decision maker died" and "business closed" are always allowed. Press one of your reasons to remove it, or “➕ Add a reason”.

settings-prompt-timezone = Send the time zone, an IANA name: Europe/Moscow, Asia/Yekaterinburg, Europe/Berlin…
settings-prompt-checkup = Send the check-up time as HH:MM, e.g. 09:45. It must be before the cut-off.
settings-prompt-cutoff = Send the cut-off time as HH:MM, e.g. 18:30. It must be after the check-up.
settings-prompt-holidays = Send the days to add: dd.mm, dd.mm.yyyy or yyyy-mm-dd, several with commas (04.11, 31.12).
settings-prompt-window = Send the handling window in whole working days, 1 to 30 (e.g. 2).
settings-prompt-cooldown = Send the cooldown in whole days, 1 to 3650 (e.g. 45).
settings-prompt-burn = Send the burn threshold as a percentage, 1 to 100 (e.g. 35%).
settings-prompt-pause = Send the segment pause threshold as a percentage, 1 to 100 (e.g. 35%).
settings-prompt-close-reasons = Send the key of the new close reason: 2–40 letters, digits or “_” (e.g. relocated).
settings-prompt-footer = Nothing is saved until a value fits. “‹ Back” leaves without changes.
settings-input-hint = Send the value as text, or press “‹ Back”.
settings-stale = This menu was out of date; here is the current list.
settings-import-rows = Rows one /import file may have: { $value } (/settings import_rows 200000)
settings-saved-import-rows = Saved. An /import file may have up to { $value } rows.
settings-usage-import-rows = The row limit of one /import file is a whole number from 100 to 500 000: /settings import_rows 200000
settings-crm = amoCRM's company segment field: “{ $field }” (/settings crm_segment_field Сегмент). Words of CRM reasons: /settings crm_reasons
settings-crm-reason-price = price
settings-crm-reason-need = no need (need)
settings-crm-reason-timing = not now (timing)
settings-crm-reason-competitor = competitor
settings-crm-reason-noanswer = no answer (noanswer)
settings-crm-reason-closed = company closed (closed)
settings-crm-reasons-show =
    How the CRM's failure stages and loss reasons become the bot's reasons (by the words in the name; anything else is "other"):
    { $value }
    Change one reason's words: /settings crm_reasons price expensive, budget
    Restore one reason's words: /settings crm_reasons price reset; all: /settings crm_reasons reset
settings-saved-crm-reasons =
    Saved. Words of CRM reasons:
    { $value }
settings-saved-crm-segment-field = Saved. A company's segment is read from the amoCRM field “{ $value }”.
settings-usage-crm-reasons = Words of CRM reasons: /settings crm_reasons <reason> <word, word…>, e.g. /settings crm_reasons price expensive, budget. Reasons: price, need, timing, competitor, noanswer, closed. Restore: /settings crm_reasons <reason> reset or /settings crm_reasons reset.
settings-usage-crm-segment-field = The amoCRM company field holding the segment, up to 100 characters: /settings crm_segment_field Сегмент
