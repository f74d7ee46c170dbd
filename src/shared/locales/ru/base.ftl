cmd-touch = записать касание: /touch <компания>
cmd-refusal = записать отказ: /refusal <компания>
cmd-handled = отказ отработан: /handled <компания>
cmd-deal = сделка: /deal <компания>; <сумма>
cmd-lead = карточка и история компании
cmd-close = закрыть компанию навсегда (ЛПР умер, бизнес закрылся)
cmd-import = загрузить базу из Excel (.xlsx) или CSV
cmd-add = добавить компанию: /add <компания>; <сегмент>
cmd-unfreeze = снять остывание с компании
cmd-unpause = снять паузу с сегмента

base-usage-touch =
    Как записать касание: /touch <компания>[; комментарий]
    Например: /touch ООО Ромашка; позвонил, просили набрать в среду
base-usage-refusal =
    Как записать отказ: /refusal <компания> — бот спросит причину кнопками.
    Одной строкой: /refusal <компания>; <причина>[; навсегда][; комментарий]
    Причины: цена (price), нет потребности (need), не время (timing), у конкурента (competitor), нет ответа (noanswer), другое (other).
    Например: /refusal ООО Ромашка; цена; навсегда; ушли к конкуренту
base-usage-handled =
    Отказ отработан (возражение снято, следующий шаг согласован): /handled <компания>
base-usage-deal =
    Как записать сделку: /deal <компания>; <сумма>
    Например: /deal ООО Ромашка; 150000 или /deal ООО Ромашка 150 000
base-usage-close =
    Закрыть компанию навсегда: /close <компания>; <причина>
    Например: /close ООО Ромашка; ЛПР умер
base-usage-unfreeze = Снять остывание или отметку «потеряна навсегда»: /unfreeze <компания>
base-usage-lead = Карточка компании: /lead <компания>
base-usage-add =
    Как добавить компанию: /add <компания>; <сегмент> (сегмент — существующий или новый; без него — «Без сегмента»).
    Например: /add ООО Незабудка; Опт
base-usage-unpause = Снять паузу с сегмента: /unpause <сегмент> или просто /unpause — бот покажет сегменты на паузе.
base-usage-import =
    Пришлите таблицу Excel (.xlsx) или CSV-файл с подписью /import (или просто файл, или ответьте на файл командой /import).
    Колонки: компания и сегмент обязательны; инн, ответственный (@username или имя и фамилия, как в Telegram), телефон, email — по желанию. Подходят и заголовки выгрузок из CRM (название компании, отрасль, менеджер) и английские: company, segment, inn, owner, phone, email.

base-error-company-too-long = Название длиннее { $max } символов. Ничего не сохранено.
base-error-amount = Сумма «{ $text }» не подходит: нужно число больше нуля и не больше 10¹² ₽, например 150000 или 150 000,50. Ничего не сохранено.
base-error-reason = Не знаю причину «{ $text }». Ничего не сохранено.
base-error-comment-too-long = Комментарий длиннее { $max } символов — сократите его. Ничего не сохранено.
base-ambiguous = Не понял, где кончается название компании: так называется не одна компания. Разделите точкой с запятой. Ничего не сохранено.

base-company-unknown = Компании «{ $company }» нет в базе. Может быть, одна из этих? Пока вы не выберете, ничего не записано.
base-company-unknown-add = Компании «{ $company }» нет в базе, похожих тоже нет. Добавить её? Пока вы не выберете, ничего не записано.
base-company-unknown-none = Компании «{ $company }» нет в базе, похожих тоже нет. Проверьте название.
base-add-new = ➕ Добавить «{ $company }» как новую
base-add-ask-segment = В какой сегмент добавить «{ $company }»? Выберите кнопкой или напишите название сегмента — существующего или нового.
base-default-segment = Без сегмента
base-default-segment-button = Без сегмента
base-added = Добавлена новая компания «{ $company }» в сегмент «{ $segment }».
base-added-exists = Компания «{ $company }» уже есть в базе.
base-company-gone = Компании «{ $company }» больше нет в базе. Ничего не записано.
base-refusal-client = «{ $company }» уже клиент — первая сделка { $day }. Отказ клиента не записывается: он посчитал бы купившую компанию потерянной. Ничего не записано.
base-company-closed = Компания «{ $company }» закрыта навсегда — с ней больше ничего не записывается.

base-action-touch = касание
base-action-refusal = отказ
base-action-deal = сделка

base-blocked-cooling =
    ⛔ Не записано: { $action } по «{ $company }». Компания остывает после необработанного отказа и откроется { $date }.
    Раньше её может открыть только основатель или руководитель: /unfreeze. Попытка записана.
base-blocked-lost =
    ⛔ Не записано: { $action } по «{ $company }». Компания потеряна навсегда и сама не откроется; вернуть её может только основатель или руководитель: /unfreeze. Попытка записана.
base-blocked-closed = ⛔ Не записано: { $action } по «{ $company }». Компания закрыта навсегда. Попытка записана.
base-blocked-paused =
    ⛔ Не записано: { $action } по «{ $company }». Сегмент «{ $segment }» на паузе: выжжено { $share } базы при пороге { $threshold }.
    Сегмент откроется сам, когда доля упадёт ниже порога — по нынешним данным { $date }, — или раньше, если основатель или руководитель снимет паузу: /unpause { $segment }. Попытка записана.
base-blocked-paused-no-date =
    ⛔ Не записано: { $action } по «{ $company }». Сегмент «{ $segment }» на паузе: выжжено { $share } базы при пороге { $threshold }.
    Сама доля ниже порога не опустится (потерянные навсегда не остывают); открыть сегмент может основатель или руководитель: /unpause { $segment }. Попытка записана.

base-notice-blocked-cooling = { $who }: { $action } по «{ $company }» не принято — компания остывает и откроется { $date }. Попытка записана.
base-notice-blocked-lost = { $who }: { $action } по «{ $company }» не принято — компания потеряна навсегда. Попытка записана. Вернуть компанию: /unfreeze { $company }
base-notice-blocked-closed = { $who }: { $action } по «{ $company }» не принято — компания закрыта навсегда. Попытка записана.
base-notice-blocked-paused = { $who }: { $action } по «{ $company }» не принято — сегмент «{ $segment }» на паузе (выжжено { $share }, порог { $threshold }). Попытка записана. Снять паузу: /unpause { $segment }

base-touch-done = Касание записано: «{ $company }».
base-touch-first = Касание записано: «{ $company }». Это первый контакт с компанией.
base-refusal-done =
    Отказ записан: «{ $company }» — { $reason }.
    Отработайте его до { $until } (/handled { $company }), иначе компания выгорит и откроется снова только { $cooldown }.
base-refusal-lost = Отказ записан: «{ $company }» — { $reason }, потеряна навсегда. Компания выжжена; вернуть её может основатель или руководитель (/unfreeze).
base-handled-done = { $count ->
    [1] Отказ по «{ $company }» отработан. Компания не выгорит.
   *[other] Отказы по «{ $company }» отработаны (открытых отказов: { $count }). Компания не выгорит.
}
base-handled-nothing = У «{ $company }» нет отказа, который ещё можно отработать: окно отработки ({ $days } раб. дн.) закрыто или отказов не было.
base-deal-done = Сделка записана: «{ $company }» — { $amount }.
base-deal-first-win = Новый клиент!
base-deal-handled = { $count ->
    [1] Открытый отказ закрыт сделкой.
   *[other] Открытые отказы закрыты сделкой: { $count }.
}
base-close-ask = Почему «{ $company }» закрывается навсегда?
base-close-done = «{ $company }» закрыта навсегда: { $reason }.
base-close-not-allowed = Закрыть с причиной «{ $reason }» нельзя: закрытие окончательное и только по причинам { $allowed }. Ничего не сохранено.
base-unfreeze-done = Остывание снято: «{ $company }» снова можно трогать.
base-unfreeze-lost = Отметка «потеряна навсегда» снята: «{ $company }» снова можно трогать.
base-unfreeze-not-frozen = «{ $company }» не остывает и не потеряна — снимать нечего.

base-segment-unknown = Сегмента «{ $segment }» нет.
base-unpause-none = Сейчас ни один сегмент не на паузе.
base-unpause-choose = С какого сегмента снять паузу?
base-unpause-done = Пауза снята: сегмент «{ $segment }» снова открыт (выжжено { $share }, порог { $threshold }). Если доля опустится ниже порога и снова его достигнет, сегмент встанет на паузу опять.
base-unpause-not-paused = Сегмент «{ $segment }» не на паузе (выжжено { $share }, порог { $threshold }).

base-reason-price = цена
base-reason-need = нет потребности
base-reason-timing = не время
base-reason-competitor = у конкурента
base-reason-noanswer = нет ответа
base-reason-other = другое
base-reason-dm_died = ЛПР умер
base-reason-business_closed = бизнес закрылся

base-refusal-ask-reason = Отказ «{ $company }». Причина?
base-refusal-hint-reason = Выберите причину кнопкой или напишите её словом: цена, нет потребности, не время, у конкурента, нет ответа, другое.
base-refusal-ask-lost = «{ $company }» — { $reason }. Компания потеряна навсегда?
base-refusal-lost-yes = Да, навсегда
base-refusal-lost-no = Нет, можно вернуться
base-refusal-hint-lost = Ответьте кнопкой или словом «да» / «нет».
base-refusal-ask-comment = Добавить комментарий (до { $max } символов)? Напишите его одним сообщением или нажмите «Пропустить».
base-refusal-comment-too-long = Комментарий длиннее { $max } символов — сократите его и пришлите снова. Отказ уже записан.
base-refusal-comment-saved = Комментарий к отказу по «{ $company }» записан.
base-refusal-comment-skipped = Хорошо, отказ по «{ $company }» остаётся без комментария.
base-refusal-skip = Пропустить
base-refusal-hint-comment = Напишите комментарий одним сообщением или нажмите «Пропустить».

base-import-done = Прочитано строк: { $rows }. Новых компаний: { $created }, обновлено: { $updated } (из них перенесено в другой сегмент: { $moved }), новых сегментов: { $segments }. Пропущено строк: { $skipped }. Предупреждений: { $warnings }.
base-import-bad-title = Пропущены (компания не загружена):
base-import-bad-row = строка { $line }: { $reason }
base-import-bad-more = …и ещё { $count ->
    [one] { $count } пропущенная строка
    [few] { $count } пропущенные строки
   *[many] { $count } пропущенных строк
}.
base-import-warnings-title = Предупреждения (компания загружена, значение оставлено пустым):
base-import-warning = строка { $line }: { $field } «{ $value }» — { $reason }
base-import-warnings-more = …и ещё { $count } — все предупреждения в файле ниже.
base-import-warnings-file = Все предупреждения импорта: { $count }.
base-import-warn-inn-invalid = ИНН должен быть из 10 или 12 цифр
base-import-warn-owner-unknown = нет такого участника команды ни по @username, ни по имени; компания без ответственного
base-import-warn-phone-invalid = не похоже на номер телефона
base-import-warn-email-invalid = не похоже на адрес почты
base-import-warn-value-too-long = слишком длинное значение
base-import-field-company = компания
base-import-field-segment = сегмент
base-import-field-inn = ИНН
base-import-field-owner = ответственный
base-import-field-phone = телефон
base-import-field-email = email
base-import-empty = Файл пустой — ничего не загружено.
base-import-missing-columns = В файле нет { $count ->
    [one] обязательной колонки
   *[other] обязательных колонок
}: { $missing }. Заголовки в первой строке файла: { $headers }. Подходящие названия колонок — { $accepted }. Ничего не загружено.
base-import-csv-invalid = Файл не читается как CSV (проверьте кавычки). Ничего не загружено.
base-import-csv-invalid-line = Файл не читается как CSV: ошибка в строке { $line } (проверьте кавычки). Ничего не загружено.
base-import-unsupported-format = Этот формат таблицы не читается. Сохраните её как .xlsx («Файл → Сохранить как → Книга Excel (.xlsx)») или как CSV и пришлите снова. Ничего не загружено.
base-import-not-csv-file = Это не CSV-файл и не таблица Excel — загрузить его нельзя. Пришлите базу как .xlsx или CSV: в Excel — «Файл → Сохранить как → Книга Excel (.xlsx)» или «CSV UTF-8», в Google Таблицах — «Файл → Скачать → Microsoft Excel (.xlsx)»; подпись — /import. Ничего не загружено.
base-import-too-large = Файл больше { $mb } МБ — столько бот скачать не может. Разбейте его на части.
base-import-download-failed = Не удалось скачать файл из Telegram. Пришлите его ещё раз.
base-import-row-company-missing = нет названия компании
base-import-row-segment-missing = нет сегмента
base-import-row-company-too-long = название длиннее 200 символов
base-import-row-segment-too-long = сегмент длиннее 200 символов
base-import-row-inn-conflict = компания с таким названием уже есть с другим ИНН
base-import-row-name-conflict = по ИНН это другая компания, а такое название уже занято
base-import-row-duplicate = повтор строки { $of } (та же компания) — не загружена

base-card-segment = Сегмент: { $segment }
base-card-inn = ИНН { $inn }
base-card-owner = ответственный { $owner }
base-card-state = Состояние: { $state }
base-card-state-cooling = Состояние: остывает, откроется { $date }
base-deadline-end-of-day = конца дня { $weekday } { $day }
base-card-window = Открытый отказ: отработать до { $until } (/handled { $company })
base-card-no-history = Истории пока нет.
base-card-history = История (сначала новое):
base-state-fresh = свежая, контактов не было
base-state-contacted = в работе
base-state-refused = отказ, ждёт отработки
base-state-handled = отказ отработан
base-state-cooling = остывает
base-state-lost = потеряна навсегда
base-state-closed = закрыта навсегда
base-state-won = клиент
base-refusal-status-pending = ждёт отработки
base-refusal-status-handled = отработан
base-refusal-status-burned = не отработан — выжжен
base-refusal-status-lost = потеряна навсегда
base-history-touch = касание
base-history-refusal = отказ ({ $reason }), { $status }
base-history-refusal-lost = отказ ({ $reason }), { $status }
base-history-handled = отказ отработан
base-history-deal = сделка
base-history-close = закрыта: { $reason }
base-history-unfreeze = остывание снято
base-history-moved = перенесена в другой сегмент
base-history-blocked = попытка ({ $action }) отклонена: { $reason }
base-block-cooling = остывает
base-block-lost = потеряна навсегда
base-block-closed = закрыта
base-block-paused = сегмент на паузе
base-history-line = { $when } — { $what } — { $who }
base-history-line-comment = { $when } — { $what } — { $who }: «{ $comment }»
base-import-too-many-rows = В файле больше { $limit } строк — это предел одного файла (/settings import_rows). Ничего не загружено: разделите файл или поднимите предел.
base-import-started = В файле { $rows } строк (предел — { $limit }). Загружаю и буду сообщать, как идёт.
base-import-progress = Загружаю базу: { $written } из { $rows } строк…
base-import-busy = Сейчас загружается другой файл базы. Пришлите этот ещё раз, когда он загрузится.
