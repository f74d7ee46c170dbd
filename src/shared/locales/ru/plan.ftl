cmd-plan = план и факт, прогноз, бюджет
cmd-setplan = задать план месяца
cmd-budget = бюджет по статьям
cmd-expense = записать расход
cmd-share = доли менеджеров в плане

plan-month = { $month } { $year }
plan-month-1 = январь
plan-month-2 = февраль
plan-month-3 = март
plan-month-4 = апрель
plan-month-5 = май
plan-month-6 = июнь
plan-month-7 = июль
plan-month-8 = август
plan-month-9 = сентябрь
plan-month-10 = октябрь
plan-month-11 = ноябрь
plan-month-12 = декабрь

plan-category-salaries = зарплаты
plan-category-bonuses = бонусы
plan-category-marketing = маркетинг
plan-category-tools = инструменты
plan-category-other = прочее

plan-usage-setplan =
    Как задать план: /setplan <ГГГГ-ММ> <клиентов> <средний чек>
    Например: /setplan 2026-11 10 150000 — 10 новых клиентов со средним чеком 150 000 ₽. Период можно не писать: тогда текущий месяц.
plan-usage-plan = Как посмотреть план: /plan или /plan 2026-11
plan-usage-budget =
    Бюджет: /budget <ГГГГ-ММ> <статья> <сумма>, например /budget 2026-11 marketing 100000
    Убрать статью: /budget 2026-11 marketing удалить. Посмотреть: /budget или /budget 2026-11
    Статьи: salaries (зарплаты), bonuses (бонусы), marketing (маркетинг), tools (инструменты), other (прочее).
    Статья, оплачиваемая сразу (зарплаты 1-го числа): /budget 2026-11 salaries 300000 заранее — перерасход её не учитывает.
plan-usage-expense =
    Как записать расход: /expense <сумма> <статья> [комментарий]
    Например: /expense 15000 marketing листовки
    Статьи: salaries (зарплаты), bonuses (бонусы), marketing (маркетинг), tools (инструменты), other (прочее).
plan-usage-share =
    Доля менеджера в плане: /share [ГГГГ-ММ] @username 40%
    Вернуть к поровну: /share @username авто. Без долей план делится поровну между менеджерами.

plan-error-period = Не понял период «{ $text }»: пишите год и месяц, например 2026-11. Ничего не сохранено.
plan-error-period-show = Не понял период «{ $text }»: пишите год и месяц, например 2026-11.
plan-error-period-range = План и бюджет можно задать не дальше чем на год назад и два года вперёд, а { $period } за этими пределами. Ничего не сохранено.
plan-error-clients = Число клиентов «{ $text }» не подходит: нужно целое число от 1 до { $max }. Ничего не сохранено.
plan-error-amount = Сумма «{ $text }» не подходит: нужно число больше нуля и не больше 10¹² ₽, не больше двух знаков после запятой, например 150000 или 150 000,50. Ничего не сохранено.
plan-error-too-large = План получается больше 10¹² ₽ — проверьте число клиентов и средний чек. Ничего не сохранено.
plan-error-category = Не знаю статью «{ $text }». Статьи: { $list }. Ничего не сохранено.
plan-error-note = Комментарий длиннее { $max } символов — сократите его. Ничего не сохранено.
plan-error-share = Доля «{ $text }» не подходит: нужен процент от 0 до 100, например 40% или 12,5%. Ничего не сохранено.
plan-error-username = «{ $text }» не похоже на @username. Ничего не сохранено.

plan-set = План на { $month }: { $clients ->
        [one] { $clients } новый клиент
        [few] { $clients } новых клиента
       *[other] { $clients } новых клиентов
    } × { $avgCheck } = { $revenue }. Рабочих дней в месяце: { $days }.
plan-set-previous = Прежний план был: { $clients } × { $avgCheck }.
plan-set-hint = Посмотреть ход плана: /plan { $period }

plan-title = План на { $month } — на { $date }
plan-title-past = План на { $month } — итог: месяц закончился
plan-title-future = План на { $month } — месяц ещё не начался, фактов пока нет
plan-days-month = Рабочих дней в месяце: { $total }
plan-days = Рабочих дней прошло: { $elapsed } из { $total } — { $pace } рабочих дней месяца
plan-no-plan = План не задан: /setplan { $period } <клиентов> <средний чек>
plan-target = План: { $clients ->
        [one] { $clients } клиент
        [few] { $clients } клиента
       *[other] { $clients } клиентов
    } × { $avgCheck } = { $revenue }
plan-revenue = Выручка: { $revenue } из { $plan } ({ $completion })
plan-revenue-no-plan = Выручка: { $revenue }
plan-clients = Новых клиентов: { $won } из { $plan }
plan-clients-no-plan = Новых клиентов: { $won }
plan-forecast = Прогноз на конец месяца: { $revenue } ({ $completion } плана), клиентов ≈ { $clients }
plan-forecast-no-plan = Прогноз на конец месяца: { $revenue }, клиентов ≈ { $clients }
plan-forecast-none = Прогноз появится после первого рабочего дня месяца.
plan-required = Нужно в каждый рабочий день: { $amount } (осталось рабочих дней: { $days })
plan-shortfall = Рабочих дней не осталось; до плана не хватило { $amount }.
plan-shortfall-past = Месяц закончился; до плана не хватило { $amount }.
plan-met = План по выручке выполнен.
plan-managers-title = По менеджерам:
plan-manager-line = • { $name }: { $revenue } из { $plan } (доля { $share }), клиентов { $won } из { $planClients }, сверки { $checkin }
plan-manager-line-no-plan = • { $name }: { $revenue }, клиентов { $won }, сверки { $checkin }
plan-manager-unknown = без менеджера
plan-checkin-none = —
plan-budget-title = Расходы: { $expenses } из бюджета { $budget }
plan-budget-title-no-budget = Расходы: { $expenses }; бюджет не задан (/budget { $period } <статья> <сумма>).
plan-budget-title-future = Бюджет: { $budget }
plan-budget-none = Бюджет не задан (/budget { $period } <статья> <сумма>).
plan-category-line = • { $category }: { $expenses } из { $budget }
plan-category-line-no-budget = • { $category }: { $expenses } (бюджета по статье нет)
plan-category-line-future = • { $category }: { $budget }
plan-cost-per-client = Стоимость нового клиента: { $amount }
plan-cost-per-client-no-costs = Стоимость нового клиента: не посчитать — расходов пока нет (/expense).
plan-revenue-per-rouble = Выручка на 1 ₽ расходов: { $value } ₽
plan-warning-behind = ⚠️ Отставание: прогноз — { $completion } плана.
plan-warning-budget = ⚠️ Расходы обгоняют бюджет: больше бюджета × долю прошедших рабочих дней × 1,1.

plan-chart-title = Выручка: { $month }
plan-chart-subtitle = на { $date }, рабочий день { $elapsed } из { $total }
plan-chart-fact = Факт
plan-chart-plan = План
plan-chart-forecast = Прогноз
plan-chart-date = Дата
plan-chart-revenue = Выручка с начала месяца, { $currency }
plan-chart-no-data = Нет данных

plan-budget-show-title = Бюджет на { $month }
plan-budget-set = Бюджет на { $month }, { $category }: { $amount }.
plan-budget-set-previous = Было: { $amount }.
plan-budget-up-front = Статья оплачивается сразу: перерасход бюджета её не учитывает.
plan-budget-up-front-mark = (оплачивается сразу)
plan-alert-budget-up-front = Статьи, оплачиваемые сразу, не учтены: { $categories }.
plan-budget-total = Весь бюджет месяца: { $budget }, потрачено: { $expenses }.
plan-budget-total-none = Бюджет месяца не задан, потрачено: { $expenses }.
plan-budget-deleted = Статья «{ $category }» убрана из бюджета на { $month }.
plan-budget-no-line = В бюджете на { $month } нет статьи «{ $category }» — ничего не изменено.

plan-expense-logged = Расход записан: { $amount }, { $category }.
plan-expense-logged-note = Расход записан: { $amount }, { $category } — { $note }.
plan-expense-category-total = За { $month } по статье «{ $category }»: { $expenses } из { $budget }.
plan-expense-category-no-budget = За { $month } по статье «{ $category }»: { $expenses }; бюджета по этой статье нет (задать: /budget { $period } { $key } <сумма>).

plan-share-title = Доли в плане на { $month }:
plan-share-saved = Сохранено. Доли в плане на { $month }:
plan-share-line = • { $name }: { $share } ({ $mode }) — клиентов: { $clients }, выручка: { $revenue }
plan-share-line-no-plan = • { $name }: { $share } ({ $mode })
plan-share-explicit = задано
plan-share-auto = поровну
plan-share-no-managers = В команде пока нет менеджеров.
plan-share-not-manager = @{ $username } — не менеджер этой команды. Ничего не сохранено.
plan-share-too-much = Вместе с другими долями выйдет больше 100%: свободно { $left }. Ничего не сохранено.

plan-alert-behind =
    ⚠️ Отставание от плана за { $month }.
    Прогноз: { $forecast } — { $completion } плана { $plan } (порог 90%).
    Факт: { $revenue }, прошло { $pace } рабочих дней.
    Чтобы успеть, нужно { $required } в каждый оставшийся рабочий день (их осталось: { $days }). Подробнее: /plan
plan-alert-budget =
    ⚠️ Перерасход бюджета за { $month }.
    Потрачено { $expenses } при бюджете { $budget }; к этому дню (прошло { $pace } рабочих дней месяца) допустимо до { $limit } (бюджет × доля прошедших рабочих дней × 1,1). Подробнее: /budget
plan-alert-sweet-lie =
    🍬 «Сладкая ложь» за { $month }: прогноз { $forecast } ({ $completion } плана), но база выжигается — { $burn } контактов сгорели (порог { $threshold }).
    План выполняется ценой базы: отказы не отрабатываются. Подробнее: /burn

plan-summary-title = Итоги за { $month }
plan-summary-plan = План: { $clients ->
        [one] { $clients } клиент
        [few] { $clients } клиента
       *[other] { $clients } клиентов
    } × { $avgCheck } = { $revenue }
plan-summary-no-plan = План не был задан.
plan-summary-revenue = Выручка: { $revenue } из { $plan } ({ $completion }), клиентов { $won } из { $planClients }
plan-summary-revenue-no-plan = Выручка: { $revenue }, новых клиентов: { $won }
plan-summary-costs = Расходы: { $expenses } из бюджета { $budget }
plan-summary-costs-no-budget = Расходы: { $expenses } (бюджет не задавался)
plan-summary-burn = Выжигание базы: { $burn } (порог { $threshold })
plan-summary-burn-unknown = Выжигание базы: нет данных
plan-summary-footer = Подробнее: /plan { $period }. План на новый месяц: /setplan
