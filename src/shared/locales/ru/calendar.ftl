# The team's working-day calendar: country, public holidays, the founder's extra working days.

settings-calendar =
    • Календарь: { $country }
    • Дополнительные рабочие дни: { $extra }
    /settings country RU · /settings workdays add 06.06 · workdays remove 06.06 · workdays none
settings-country-ru = Россия (праздники по ст. 112 ТК РФ и переносы выходных по постановлению правительства)
settings-country-other = { $country }: только выходные и ваши праздники
settings-extra-workdays-none = нет
settings-saved-country = Сохранено. Календарь: { $value }.
settings-saved-extra-workdays = Сохранено. Дополнительные рабочие дни: { $value }.
settings-usage-country = Страна, чей календарь праздников действует, — двухбуквенный код: /settings country RU. Для других стран — только выходные и ваши праздники.
settings-error-workday-missing = { $date } нет в списке дополнительных рабочих дней — ничего не изменено.
calendar-next-year-missing = Переносы выходных на { $year } год ещё не загружены в бота: до их появления рабочие дни { $year } года считаются по Трудовому кодексу (праздники ст. 112 и перенос выходного, совпавшего с праздником). Добавить выходной можно через /settings holidays add, а рабочие субботы добавить через /settings workdays add.
