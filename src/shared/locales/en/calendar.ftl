# The team's working-day calendar: country, public holidays, the founder's extra working days.

settings-calendar =
    • Calendar: { $country }
    • Extra working days: { $extra }
    /settings country RU · /settings workdays add 06.06 · workdays remove 06.06 · workdays none
settings-country-ru = Russia (Labour Code art. 112 holidays and the government's transfers of days off)
settings-country-other = { $country }: weekends and your own holidays only
settings-extra-workdays-none = none
settings-saved-country = Saved. Calendar: { $value }.
settings-saved-extra-workdays = Saved. Extra working days: { $value }.
settings-usage-country = The country whose public holidays apply, as a two-letter code: /settings country RU. Other countries get weekends and your own holidays only.
settings-error-workday-missing = { $date } is not in the list of extra working days — nothing was changed.
calendar-next-year-missing = The transfers of days off for { $year } are not loaded into the bot yet: until they are, working days in { $year } follow the Labour Code alone (art. 112 holidays and a holiday's weekend rest moved to the next working day). Mark an extra day off with /settings holidays add, or add a working Saturday with /settings workdays add.
