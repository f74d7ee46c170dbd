alert-worse = 📉 Стало заметно хуже:
alert-over-plan-behind = ✅ Отставание от плана за { $subject } позади: прогноз снова не ниже 90% плана.
alert-over-burn-high = ✅ База за { $subject } больше не выгорает: доля выжженных ниже порога.
alert-over-sweet-lie = ✅ «Сладкая ложь» за { $subject } позади: план больше не держится на выжигании базы.
alert-over-segment-paused = ✅ Сегмент «{ $subject }» снова открыт для касаний.

weekly-title = 📋 Неделя: итоги на сегодня за { $month }
weekly-plan = План: факт { $revenue }, прогноз { $forecast } — { $completion } плана { $plan }.
weekly-no-plan = План не задан; факт { $revenue }. Задать: /setplan
weekly-burn = Выжигание базы: { $burn } из { $contacted } контактов месяца (порог { $threshold }).
weekly-worst-segment = Хуже всех сегмент «{ $segment }»: выжжено { $share }.
weekly-manager-behind = Больше всех отстаёт { $manager }: { $completion } своей доли плана.
weekly-open-none = Открытых тревог нет.
weekly-open-title = Всё ещё в силе:
weekly-open-line = • { $condition } — с { $since }
weekly-kind-plan-behind = отставание от плана за { $subject }
weekly-kind-budget-overrun = перерасход бюджета за { $subject }
weekly-kind-burn-high = база выгорает за { $subject }
weekly-kind-sweet-lie = «сладкая ложь» за { $subject }
weekly-kind-segment-paused = сегмент «{ $subject }» на паузе
weekly-footer = Подробнее: /plan, /burn
weekly-chart-plan = План, факт и прогноз месяца
weekly-chart-burn = Выжигание базы по неделям
weekly-kind-missed-checkups = { $subject } пропускает чек-апы
weekly-kind-question-unanswered = вопрос { $subject } без ответа
weekly-kind-delivery-failing = оповещения не доходят в { $subject }

alert-btn-mute = 🔕 Заглушить такие на неделю
alert-subject-alert-chat = чат оповещений

cmd-alerts = открытые тревоги и какие виды включены
alerts-usage = /alerts показывает открытые тревоги и включает или выключает каждый вид кнопками под сообщением.
alerts-title = 🔔 Оповещения
alerts-kinds-title = Виды:
alerts-kind-on = • { $kind }: включено
alerts-kind-off = • { $kind }: выключено
alerts-kind-muted = • { $kind }: заглушено до { $until }
alerts-btn-on = Включить: { $kind }
alerts-btn-off = Выключить: { $kind }
alerts-switched-on = Включено: { $kind }
alerts-switched-off = Выключено: { $kind }
alerts-muted = Заглушено до { $until }: { $kind }
alerts-unknown-kind = Такого вида оповещений нет; ничего не изменено.
alerts-kind-plan-behind = отставание от плана
alerts-kind-budget-overrun = перерасход бюджета
alerts-kind-burn-high = база выгорает
alerts-kind-sweet-lie = «сладкая ложь»
alerts-kind-segment-paused = сегмент на паузе
alerts-kind-missed-checkups = пропуски чек-апов
alerts-kind-question-unanswered = вопрос без ответа
alerts-kind-delivery-failing = оповещения не доставляются

settings-alerts =
    • Выводы о выжигании — от { $min } компаний с контактом за месяц
    • Недельная сводка основателю: { $founder }; недельная сводка команды руководителю: { $lead }
    /settings min_contacted 10 · /settings weekly_summary on|off · /settings team_summary on|off
settings-switch-on = включена
settings-switch-off = выключена
settings-saved-min-contacted = Сохранено. «База выгорает» и «сладкая ложь» — от { $value } компаний с контактом за месяц.
settings-saved-weekly-summary = Сохранено. Недельная сводка основателю: { $value }.
settings-saved-team-summary = Сохранено. Недельная сводка команды руководителю: { $value }.
settings-usage-min-contacted = Порог выборки — целое число компаний с контактом за месяц, от 1 до 10000: /settings min_contacted 10
settings-usage-weekly-summary = Недельная сводка основателю: /settings weekly_summary on или /settings weekly_summary off
settings-usage-team-summary = Недельная сводка команды руководителю: /settings team_summary on или /settings team_summary off

team-summary-title = 📋 Неделя команды: дисциплина чек-апов
team-summary-footer = Подробнее: /discipline, /tasks. Выключить эту сводку может основатель: /settings team_summary off

alert-subject-private-chat = личный чат основателя
alert-delivery-failing = 🚨 Оповещения не доходят в { $chat }: сообщение туда не ушло трижды и всё ещё повторяется. Проверьте чат (бот ещё в нём и может писать?) или выберите другой через /alerts_here.
