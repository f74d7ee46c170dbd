cmd-settings = настройки команды

settings-show =
    Настройки команды
    • Часовой пояс: { $timezone } (сейчас там { $localTime })
    • Время сверки: { $checkup }, крайний срок: { $cutoff }
    • Рабочие дни: { $workdays }
    • Праздники: { $holidays }
    • Окно отработки отказа: { $window } раб. дн. после дня отказа
    • Остывание компании: { $cooldown } дн.
    • Порог выжигания: { $burn }
    • Порог паузы сегмента: { $pause }
    • Причины закрытия: { $reasons }
    • Язык команды: { $language }

    Изменить: /settings <что> <значение>
    /settings timezone Europe/Moscow
    /settings checkup 10:00 · /settings cutoff 18:00
    /settings workdays 1-5
    /settings holidays add 04.11 · holidays remove 04.11 · holidays 2026-11-04,2026-12-31 · holidays none
    /settings handling_days 2 · /settings cooldown 90
    /settings burn 30% · /settings pause 30%
    /settings close_reasons add <ключ> · close_reasons remove <ключ>
    /settings language ru|en

settings-weekday-1 = пн
settings-weekday-2 = вт
settings-weekday-3 = ср
settings-weekday-4 = чт
settings-weekday-5 = пт
settings-weekday-6 = сб
settings-weekday-7 = вс
settings-holidays-none = впереди нет
settings-holidays-more = и ещё { $count }
settings-holidays-past = (прошедших: { $count })
settings-language-ru = русский
settings-language-en = английский

settings-saved-timezone = Сохранено. Часовой пояс: { $value } (сейчас там { $localTime }).
settings-saved-checkup = Сохранено. Сверка в { $value } по рабочим дням.
settings-saved-cutoff = Сохранено. Крайний срок сверки: { $value }.
settings-saved-workdays = Сохранено. Рабочие дни: { $value }.
settings-saved-holidays = Сохранено. Праздники: { $value }.
settings-saved-window = Сохранено. Окно отработки отказа: { $value } раб. дн. после дня отказа. У уже записанных отказов срок не меняется.
settings-saved-cooldown = Сохранено. Остывание компании: { $value } дн.
settings-saved-burn = Сохранено. Порог выжигания: { $value }.
settings-saved-pause = Сохранено. Порог паузы сегмента: { $value }.
settings-saved-close-reasons = Сохранено. Причины закрытия: { $value }.
settings-saved-language = Сохранено. Язык команды: { $value }.

settings-usage = Посмотреть настройки: /settings. Изменить: /settings <что> <значение>, где «что» — timezone, checkup, cutoff, workdays, holidays, handling_days, cooldown, burn, pause, close_reasons, language, min_contacted, weekly_summary, team_summary или import_rows.
settings-usage-timezone = Часовой пояс — название из базы IANA: /settings timezone Europe/Moscow (или Europe/Berlin, Asia/Yekaterinburg…).
settings-usage-checkup = Время сверки — ЧЧ:ММ, раньше крайнего срока: /settings checkup 10:00
settings-usage-cutoff = Крайний срок сверки — ЧЧ:ММ, позже времени сверки: /settings cutoff 18:00
settings-usage-workdays = Рабочие дни — номера дней недели (пн = 1 … вс = 7) или названия: /settings workdays 1-5, /settings workdays пн-сб. Или даты — дополнительные рабочие дни (рабочая суббота): /settings workdays add 06.06, /settings workdays remove 06.06, /settings workdays none.
settings-usage-holidays = Праздники: /settings holidays add 04.11 (можно несколько через запятую), /settings holidays remove 04.11, /settings holidays 2026-11-04,2026-12-31 (заменить весь список), /settings holidays none (очистить). Даты: дд.мм, дд.мм.гггг или гггг-мм-дд.
settings-usage-window = Окно отработки отказа — целое число рабочих дней от 1 до 30: отказ нужно отработать до конца этого рабочего дня после дня отказа (выходные и праздники не считаются): /settings handling_days 2
settings-usage-cooldown = Остывание — целое число дней от 1 до 3650: /settings cooldown 90
settings-usage-burn = Порог выжигания — процент от 1 до 100: /settings burn 30%
settings-usage-pause = Порог паузы сегмента — процент от 1 до 100: /settings pause 30%
settings-usage-close-reasons = Причины закрытия: /settings close_reasons add <ключ> или /settings close_reasons remove <ключ>; ключ — 2–40 букв, цифр или «_». «ЛПР умер» (dm_died) и «бизнес закрылся» (business_closed) разрешены всегда.
settings-usage-language = Язык команды: /settings language ru или /settings language en

settings-error-unknown = Не знаю настройки «{ $name }». Ничего не изменено.
settings-error-invalid = Это значение не подходит, ничего не изменено.
settings-error-cutoff = Время сверки должно быть раньше крайнего срока (сейчас сверка в { $checkup }, крайний срок { $cutoff }). Ничего не изменено.
settings-error-builtin-reason = Причина { $reason } разрешена всегда — добавлять или убирать её не нужно.
settings-error-reason-exists = Причина { $reason } уже есть в списке.
settings-error-reason-missing = Причины { $reason } нет в списке — ничего не изменено.
settings-error-holiday-missing = { $date } нет в списке праздников — ничего не изменено.

settings-btn-timezone = 🕒 Часовой пояс
settings-btn-language = 🌐 Язык
settings-btn-checkup = ⏰ Время сверки
settings-btn-cutoff = ⏱ Крайний срок сверки
settings-btn-workdays = 📅 Рабочие дни
settings-btn-holidays = 🎉 Праздники
settings-btn-window = ⌛ Окно отработки
settings-btn-cooldown = ❄ Остывание
settings-btn-burn = 🔥 Порог выжигания
settings-btn-pause = ⏸ Порог паузы
settings-btn-close-reasons = 🗂 Причины закрытия
settings-btn-back = ‹ Назад
settings-btn-done = ✔ Готово
settings-btn-type = ✏ Ввести значение
settings-btn-add-holidays = ➕ Добавить дни
settings-btn-add-reason = ➕ Добавить причину
settings-btn-weekdays-1-5 = пн–пт
settings-btn-weekdays-1-6 = пн–сб
settings-choice-workdays = { $value } раб. дн.
settings-choice-days = { $value } дн.
settings-value-timezone = { $timezone } (сейчас там { $localTime })

settings-step-timezone = Часовой пояс: { $value }
settings-step-checkup = Время сверки: { $value }
settings-step-cutoff = Крайний срок сверки: { $value }
settings-step-workdays = Рабочие дни: { $value }
settings-step-holidays = Праздники: { $value }
settings-step-window = Окно отработки отказа: { $value }
settings-step-cooldown = Остывание компании: { $value }
settings-step-burn = Порог выжигания: { $value }
settings-step-pause = Порог паузы сегмента: { $value }
settings-step-close-reasons = Причины закрытия: { $value }
settings-step-language = Язык команды: { $value }

settings-hint-choose = Выберите значение ниже или нажмите «✏ Ввести значение».
settings-hint-language = Язык для тех, кто не выбрал свой через /lang. Выберите ниже.
settings-hint-workdays = Нажмите на день, чтобы включить или выключить его; каждое нажатие сохраняется сразу.
settings-hint-holidays = Нажмите на день, чтобы убрать его, или «➕ Добавить дни».
settings-hint-close-reasons = «ЛПР умер» и «бизнес закрылся» разрешены всегда. Нажмите на свою причину, чтобы убрать её, или «➕ Добавить причину».

settings-prompt-timezone = Пришлите часовой пояс — имя IANA: Europe/Moscow, Asia/Yekaterinburg, Europe/Berlin…
settings-prompt-checkup = Пришлите время сверки в виде ЧЧ:ММ, например 09:45. Оно должно быть раньше крайнего срока.
settings-prompt-cutoff = Пришлите крайний срок сверки в виде ЧЧ:ММ, например 18:30. Он должен быть позже времени сверки.
settings-prompt-holidays = Пришлите дни, которые добавить: дд.мм, дд.мм.гггг или гггг-мм-дд, несколько через запятую (04.11, 31.12).
settings-prompt-window = Пришлите окно отработки в целых рабочих днях, от 1 до 30 (например, 2).
settings-prompt-cooldown = Пришлите срок остывания в целых днях, от 1 до 3650 (например, 45).
settings-prompt-burn = Пришлите порог выжигания в процентах, от 1 до 100 (например, 35%).
settings-prompt-pause = Пришлите порог паузы сегмента в процентах, от 1 до 100 (например, 35%).
settings-prompt-close-reasons = Пришлите ключ новой причины закрытия: 2–40 букв, цифр или «_» (например, переезд).
settings-prompt-footer = Пока значение не подойдёт, ничего не сохраняется. «‹ Назад» — выйти без изменений.
settings-input-hint = Пришлите значение текстом или нажмите «‹ Назад».
settings-stale = Это меню устарело; вот актуальный список.
settings-import-rows = Строк в одном файле /import — не больше { $value } (/settings import_rows 200000)
settings-saved-import-rows = Сохранено. В файле /import может быть до { $value } строк.
settings-usage-import-rows = Предел строк одного файла /import — целое число от 100 до 500 000: /settings import_rows 200000
settings-crm = Поле сегмента компании в amoCRM: «{ $field }» (/settings crm_segment_field Сегмент). Слова причин из CRM: /settings crm_reasons
settings-crm-reason-price = цена (price)
settings-crm-reason-need = нет потребности (need)
settings-crm-reason-timing = не время (timing)
settings-crm-reason-competitor = у конкурента (competitor)
settings-crm-reason-noanswer = нет ответа (noanswer)
settings-crm-reason-closed = компания закрыта (closed)
settings-crm-reasons-show =
    Как названия стадий провала и причин отказа в CRM становятся причинами бота (по словам в названии; остальное — «другое»):
    { $value }
    Изменить слова одной причины: /settings crm_reasons цена дорого, бюджет
    Вернуть слова одной причины: /settings crm_reasons цена reset; все: /settings crm_reasons reset
settings-saved-crm-reasons =
    Сохранено. Слова причин из CRM:
    { $value }
settings-saved-crm-segment-field = Сохранено. Сегмент компании читается из поля amoCRM «{ $value }».
settings-usage-crm-reasons = Слова причин из CRM: /settings crm_reasons <причина> <слово, слово…>, например /settings crm_reasons цена дорого, бюджет. Причины: price, need, timing, competitor, noanswer, closed. Вернуть: /settings crm_reasons <причина> reset или /settings crm_reasons reset.
settings-usage-crm-segment-field = Поле компании в amoCRM, где записан сегмент, до 100 символов: /settings crm_segment_field Сегмент
