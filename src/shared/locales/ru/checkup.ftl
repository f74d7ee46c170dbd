cmd-checkup = { $role ->
        [manager] ежедневная сверка: пройти сейчас
       *[other] запустить сверку сейчас для всех, кто сегодня не ответил
    }
cmd-away = отпуск: /away дд.мм дд.мм
cmd-back = вернуться из отпуска
cmd-discipline = дисциплина менеджеров

checkup-prompt =
    Ежедневная сверка за { $date }. Открытых задач: { $tasks }.
    Это займёт минуту. Ответить нужно до { $cutoff }.
checkup-reminder = Напоминание: сверка за { $date } ещё ждёт ответа. После { $cutoff } она будет пропущена.
checkup-btn-start = ▶ Начать
checkup-btn-done = ✅ Сделано
checkup-btn-progress = 🔄 В работе
checkup-btn-not-started = ⏸ Не начата
checkup-btn-question = ❓ Вопрос
checkup-btn-skip = Пропустить

checkup-task =
    Задача { $index } из { $total }: #{ $id } { $text }{ $due }
    Как дела?
checkup-task-hint = Нажмите кнопку под задачей или напишите: сделано, в работе, не начата, ? текст вопроса.
checkup-question-sent = Вопрос ушёл руководителю, ответ придёт сюда. Продолжаем.
checkup-numbers =
    Цифры с прошлой сверки: звонки, встречи, КП.
    Напишите три числа через пробел, например: 12 3 1
checkup-numbers-hint = Нужны три целых числа через пробел: звонки, встречи, КП. Например: 12 3 1
checkup-note = Хотите что-то добавить? Напишите заметку или нажмите «Пропустить».
checkup-saved =
    Сверка сохранена, спасибо!
    Задачи: сделано { $done }, в работе { $progress }, не начато { $notStarted }, вопросов { $questions }.
    Звонки { $calls }, встречи { $meetings }, КП { $proposals }.
checkup-already-answered = Сегодняшняя сверка уже сдана. Спасибо!
checkup-closed-missed = Эта сверка закрыта: время ответа вышло.
checkup-closed-cutoff = Время сегодняшней сверки вышло ({ $cutoff }).
checkup-away-today = Сегодня вы в отпуске — сверки нет. Вернуться: /back
checkup-day-off = Сегодня выходной — сверки нет. Следующая: { $date } в { $time }.
checkup-inline-usage =
    Сверка одной строкой: /checkup #12 сделано, #13 в работе, #14 ? текст вопроса; 12 3 1; заметка
    Части через «;»: ответы по задачам, затем звонки встречи КП, затем заметка (можно не писать). Только цифры: /checkup 12 3 1. Или просто /checkup — спрошу по шагам.
checkup-inline-question-empty = После «?» нужен текст вопроса. Ничего не сохранено.
checkup-inline-unknown-task = Задачи #{ $id } нет в вашей сегодняшней сверке. Ничего не сохранено.

checkup-round-usage = /checkup без параметров запускает сверку сейчас для всех, кто сегодня не ответил.
checkup-round-no-managers = В команде пока нет менеджеров.
checkup-round-started =
    Сверка запущена.
    Отправлено: { $prompted }
    Уже ответили: { $answered }
    В отпуске: { $away }

checkup-away-usage = Как уйти в отпуск: /away дд.мм дд.мм (первый и последний день). Один день: /away дд.мм
checkup-away-usage-lead = Как отметить отпуск менеджера: /away @username дд.мм дд.мм
checkup-away-order = Последний день отпуска раньше первого. Ничего не сохранено.
checkup-away-too-long = Отпуск можно отметить не больше чем на год вперёд. Ничего не сохранено.
checkup-away-set = Отпуск с { $from } по { $to }: в эти дни сверок не будет и пропусков тоже.
checkup-away-set-for = { $name }: отпуск с { $from } по { $to }, сверок в эти дни не будет.
checkup-away-notice = { $name } в отпуске с { $from } по { $to }: сверок в эти дни не будет.
checkup-back-usage = Чтобы вернуться из отпуска: /back
checkup-back-usage-lead = Чтобы вернуть менеджера из отпуска: /back @username
checkup-back-none = У { $name } нет текущего или будущего отпуска.
checkup-back-none-own = У вас нет текущего или будущего отпуска.
checkup-back-done = С возвращением! Сверки снова приходят с сегодняшнего дня.
checkup-back-done-for = { $name } снова получает сверки с сегодняшнего дня.
checkup-back-notice = { $name } вернулся(ась) из отпуска: сверки снова приходят.

checkup-missed-streak-alert = ⚠ { $name }: пропущено сверок подряд — { $count } (последняя — { $date }).

checkup-digest-title = Итоги сверки за { $date }
checkup-digest-answered = Ответили { $answered } из { $total }:
checkup-digest-done = ✅ { $name } в { $time }: звонки { $calls }, встречи { $meetings }, КП { $proposals }
checkup-digest-done-late = ✅ { $name } в { $time } (с опозданием): звонки { $calls }, встречи { $meetings }, КП { $proposals }
checkup-digest-note = {"   "}заметка: { $note }
checkup-digest-missed = ❌ { $name } — пропустил(а), подряд: { $streak }
checkup-digest-open = … { $name } — ещё отвечает
checkup-digest-away = 🌴 { $name } — в отпуске до { $until }
checkup-digest-no-checkup = — { $name } — сверки не было
checkup-digest-tasks = Задачи: новые { $new }, в работе { $progress }, ждут проверки { $done }, возвращены { $returned }, ждут ответа { $blocked }
checkup-digest-stalled-title = Зависшие (2 сверки без изменений):
checkup-digest-task-item = #{ $id } { $name }: { $text }
checkup-digest-overdue-title = Просроченные:
checkup-digest-overdue-item = #{ $id } { $name }: { $text } (срок { $date })
checkup-digest-returned-title = Возвращены на доработку:
checkup-digest-returned-item = #{ $id } { $name }: { $text } — { $comment }
checkup-digest-questions-title = Вопросы без ответа:
checkup-digest-question-item = #{ $id } { $name }: { $text } (ждёт { $hours } ч { $minutes } мин)
checkup-digest-streaks-title = Пропуски подряд:
checkup-digest-streak-item = { $name }: { $streak }

checkup-discipline-usage = Как смотреть дисциплину: /discipline или /discipline 14 (за сколько дней, до 366)
checkup-discipline-title = Дисциплина менеджеров с { $from }:
checkup-discipline-none = В команде пока нет менеджеров.
checkup-discipline-checkups = Сверки: сдано { $rate } ({ $answered } из { $total }), вовремя { $ontime }
checkup-discipline-tasks = Задачи: принято { $accepted }, возвращено { $returned }, не начато { $notstarted }, зависло сейчас { $stalled }
checkup-discipline-questions = Вопросов: { $questions } (без ответа { $open }), среднее время ответа руководителя: { $time }
checkup-discipline-away-note = Дни отпуска не считаются: сверок в них нет.
checkup-duration = { $hours } ч { $minutes } мин
