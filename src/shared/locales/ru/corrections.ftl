cmd-undo = Отменить свою последнюю запись (за 24 часа)
cmd-deals = Сделки месяца: исправить или удалить
cmd-expenses = Расходы месяца: исправить или удалить

corr-kind-touch = касание «{ $company }»
corr-kind-refusal = отказ «{ $company }» ({ $reason })
corr-kind-handled = отработка отказа «{ $company }»
corr-kind-deal = сделка «{ $company }» — { $amount }
corr-kind-close = закрытие «{ $company }»
corr-kind-expense = расход { $amount } ({ $category })
corr-kind-add = добавление компании «{ $company }» (сегмент «{ $segment }»)
corr-record = { $what }, { $when }

corr-undo-nothing = За последние 24 часа нет ваших записей, которые можно отменить.
corr-undo-ask = Отменить вашу последнюю запись: { $record }?
corr-undo-yes = ↩️ Да, отменить
corr-cancel = Не надо
corr-cancelled = Хорошо, ничего не меняю.
corr-undo-stale = Эту запись уже нельзя отменить: её уже отменили или прошло больше 24 часов.
corr-undo-add-has-records = Нельзя отменить: { $record }. По «{ $company }» уже есть записи (или её нашла загрузка базы). Сначала отмените их; ничего не изменено.
corr-add-taken-back = Удалено из базы: { $record }. Цифры пересчитаны; название свободно, компанию можно добавить снова.

corr-deals-title = Сделки за { $month }:
corr-deals-none = За { $month } сделок нет.
corr-expenses-title = Расходы за { $month }:
corr-expenses-none = За { $month } расходов нет.
corr-list-hint = Нажмите на запись, чтобы удалить или исправить её.
corr-list-more = Кнопки есть у последних { $count } записей; более ранние сделки исправляйте из карточки компании (/lead).
corr-usage-deals = Напишите /deals или /deals ГГГГ-ММ (например, /deals 2026-11).
corr-usage-expenses = Напишите /expenses или /expenses ГГГГ-ММ (например, /expenses 2026-11).

corr-menu = { $record }
    Автор: { $who }. Что сделать? Запись не стирается: она останется в истории с пометкой, а цифры пересчитаются так, будто её не было.
corr-void = 🗑 Удалить
corr-edit-amount = Сумма
corr-edit-company = Компания
corr-edit-day = Дата
corr-ask-amount = Новая сумма для записи «{ $record }» (например, 150000):
corr-ask-company = Какая компания на самом деле? Напишите название, как оно в базе:
corr-ask-day = Какой день? Число месяца или ДД.ММ — в пределах месяца ({ $month }) и не позже сегодняшнего:

corr-voided = Удалено: { $record }. Запись осталась в истории с пометкой, цифры пересчитаны.
corr-amended = Исправлено. Было: { $before }. Стало: { $after }. Цифры пересчитаны.
corr-notice-voided = { $who } удалил(а) вашу запись: { $record }.
corr-notice-amended = { $who } исправил(а) вашу запись. Было: { $before }. Стало: { $after }.
corr-error-amount = Не понял сумму «{ $text }». Напишите число больше нуля, например 150000. Ничего не изменено.
corr-error-company = Компании «{ $text }» нет в базе (или она появилась в базе позже этой записи). Ничего не изменено.
corr-error-day = Не понял дату «{ $text }». Напишите число месяца или ДД.ММ. Ничего не изменено.
corr-error-day-outside = Дату можно менять только в пределах месяца ({ $month }) и не позже сегодняшнего дня. Ничего не изменено.
corr-error-day-before-company = «{ $company }» появилась в базе { $date }: запись не может быть раньше этого дня. Ничего не изменено.
corr-error-unchanged = Новое значение совпадает со старым — ничего не изменено.
corr-error-field = У этой записи это поле не меняется. Ничего не изменено.
corr-stale = Эта запись уже удалена или исправлена.

corr-history-voided = ❌ { $what } (отменено)
corr-history-replacement = ✏️ { $what } (исправление)

guard-confirm = ✅ Да, записать
guard-cancel = ✖ Не записывать
guard-deal-outlier = Сделка «{ $company }» на { $amount } — больше, чем { $factor } × { $basis } ({ $usual }). Нет ли лишних нулей?
guard-basis-plan = средний чек плана
guard-basis-median = медианная сделка за 90 дней
guard-deal-repeat = Такую же сделку («{ $company }», { $amount }) вы уже записали за последние 10 минут.
guard-expense-over-line = Расход { $amount } больше всей статьи бюджета «{ $category }» на месяц ({ $line }).
guard-expense-repeat = Такой же расход ({ $amount }, { $category }) вы уже записали за последние 10 минут.
guard-not-saved = Пока ничего не записано: подтвердите кнопкой, если всё верно.
guard-cancelled = Хорошо, не записано.
