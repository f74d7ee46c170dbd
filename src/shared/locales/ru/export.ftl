cmd-export = выгрузка в Excel: задачи, сверки, отказы, сделки, расходы, итоги месяца

export-usage = Выгрузка в Excel: /export — за текущий месяц, /export ГГГГ-ММ — за другой (например, /export 2026-10).
export-caption = Выгрузка за { $month } (цифры на { $date }): задач { $tasks }, сверок { $checkups }, отказов { $refusals }, сделок { $deals }, расходов { $expenses }.
export-failed = Не получилось собрать выгрузку. Попробуйте ещё раз через минуту.
export-too-large = Выгрузка получилась больше { $size } МБ — Telegram такой файл не примет. Сделайте её из командной строки: npm run export -- файл.xlsx

export-sheet-figures = Итоги месяца
export-sheet-managers = Менеджеры
export-sheet-segments = Сегменты
export-sheet-budget = Бюджет
export-sheet-tasks = Задачи
export-sheet-checkups = Сверки
export-sheet-refusals = Отказы
export-sheet-deals = Сделки
export-sheet-expenses = Расходы

export-yes = да
export-no = нет
export-none = —

export-col-section = Раздел
export-col-figure = Показатель
export-col-value = Значение
export-section-period = Период
export-section-plan = План
export-section-budget = Бюджет
export-section-burn = Выжигание базы

export-fig-period = Месяц
export-fig-as-of = Цифры на дату
export-fig-generated = Выгрузка сделана
export-fig-timezone = Часовой пояс
export-fig-plan-clients = План: новых клиентов
export-fig-avg-check = План: средний чек
export-fig-plan-revenue = План: выручка
export-fig-won-clients = Новых клиентов
export-fig-revenue = Выручка
export-fig-plan-completion = Выполнение плана по выручке
export-fig-working-days-total = Рабочих дней в месяце
export-fig-working-days-elapsed = Рабочих дней прошло
export-fig-pace = Доля прошедших рабочих дней
export-fig-forecast-revenue = Прогноз выручки
export-fig-forecast-clients = Прогноз новых клиентов
export-fig-forecast-completion = Прогноз выполнения плана
export-fig-required-daily = Нужно выручки в день до конца месяца
export-fig-budget = Бюджет
export-fig-expenses = Расходы
export-fig-cost-per-client = Стоимость клиента
export-fig-revenue-per-rouble = Выручка на рубль расходов
export-fig-contacted = Компаний в работе
export-fig-refused = Отказали
export-fig-handled = Отказы отработаны
export-fig-burned = Выжжено
export-fig-lost = Потеряны навсегда
export-fig-closed = Закрыты
export-fig-cooling = Остывают сейчас
export-fig-refusal-rate = Доля отказов
export-fig-burn-rate = Доля выжженных
export-fig-burn-threshold = Порог тревоги по выжиганию

export-col-manager = Менеджер
export-col-plan-share = Доля плана
export-col-plan-clients = План, клиентов
export-col-plan-revenue = План, выручка
export-col-won-clients = Новых клиентов
export-col-revenue = Выручка
export-col-checkups-due = Сверок было
export-col-checkups-answered = Сверок сдано
export-col-checkin-rate = Сверки сданы, доля

export-col-segment = Сегмент
export-col-size = Компаний
export-col-fresh = Свежие
export-col-cooling = Остывают
export-col-lost = Потеряны
export-col-closed = Закрыты
export-col-won = Клиенты
export-col-burned-share = Выжжено, доля
export-col-paused = На паузе
export-col-weekly-new = Новых контактов в неделю
export-col-weeks-to-exhaust = Недель до исчерпания

export-col-category = Статья
export-col-budget = Бюджет
export-col-expenses = Расходы

export-col-task-id = №
export-col-task = Задача
export-col-state = Состояние
export-col-due = Срок
export-col-overdue = Просрочена
export-col-stalled = Зависла
export-col-author = Поставил(а)
export-col-created = Создана
export-col-changed = Состояние изменено
export-col-return-comment = Комментарий к возврату

export-col-date = Дата
export-col-status = Статус
export-col-prompted = Запрос отправлен
export-col-answered-at = Ответ получен
export-col-calls = Звонки
export-col-meetings = Встречи
export-col-proposals = КП
export-col-answers = Ответы по задачам
export-col-note = Заметка

export-checkup-pending = ждёт ответа
export-checkup-started = отвечает
export-checkup-answered = сдана
export-checkup-missed = пропущена
export-answer-done = сделано
export-answer-in-progress = в работе
export-answer-not-started = не начата
export-answer-question = вопрос
export-answer-item = #{ $id }: { $answer }

export-col-when = Когда
export-col-company = Компания
export-col-reason = Причина
export-col-lost-for-good = Потерян навсегда
export-col-comment = Комментарий
export-col-handling = Отработка
export-col-window-end = Отработать до конца дня
export-col-settled = Итог зафиксирован

export-handling-pending = ждёт отработки
export-handling-handled = отработан
export-handling-burned = сгорел
export-handling-lost = потерян навсегда

export-col-amount = Сумма
export-col-logged-by = Кто внёс

export-sheet-corrections = Исправления
export-col-corrected-by = Кто исправил
export-col-correction = Исправление
export-col-record = Запись
export-col-new-company = Новая компания
export-col-new-date = Новая дата
export-col-new-amount = Новая сумма
export-col-record-author = Автор записи
export-corr-undo = отменена автором (/undo)
export-corr-edit = удалена
export-corr-amended = исправлена
export-corr-kind-touch = касание
export-corr-kind-refusal = отказ
export-corr-kind-handled = отработка отказа
export-corr-kind-deal = сделка
export-corr-kind-close = закрытие
export-corr-kind-expense = расход
