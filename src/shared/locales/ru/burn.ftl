cmd-burn = выжигание базы: /burn [ГГГГ-ММ]

burn-usage = Как посмотреть выжигание базы: /burn или /burn 2026-11
burn-error-period = Не понял период «{ $text }»: пишите год и месяц, например 2026-11.
burn-error-future = { $period } ещё не наступил — смотреть пока нечего.

burn-title = Выжигание базы — { $month }, на { $date }
burn-empty = База пуста: пришлите таблицу Excel (.xlsx) или CSV-файл с подписью /import.
burn-contacts = Контактов: { $contacted } · отказов: { $refused } ({ $refusalRate }) · отработано в срок: { $handled }
burn-burned = Выжжено: { $burned } из { $contacted } — { $burnRate } (порог { $threshold })
burn-state = Потеряно навсегда: { $lost } · закрыто: { $closed } · остывает сейчас: { $cooling }
burn-warning-high = ⚠ Выжигание выше порога: отказы не отрабатываются, база сгорает.
burn-warning-paused = ⏸ Сегментов на паузе: { $count } (выжжено не меньше { $threshold }).
burn-segments-title = Сегменты, хуже всего сначала:
burn-segment-line = { $rank }. { $name } — выжжено { $share }: компаний { $size }, свежих { $fresh }, остывает { $cooling }, потеряно { $lost }, закрыто { $closed }, клиентов { $won }; { $exhaust }
burn-segment-line-paused = { $rank }. { $name } — выжжено { $share }, ПАУЗА: компаний { $size }, свежих { $fresh }, остывает { $cooling }, потеряно { $lost }, закрыто { $closed }, клиентов { $won }; { $exhaust }
burn-exhaust-weeks = свежих хватит на { $weeks } { $n ->
    [one] неделю
    [few] недели
    [many] недель
   *[other] недели
}
burn-exhaust-none = новых контактов за 4 недели не было
burn-segments-more = …и ещё сегментов: { $count } (все — в npm run report -- burn --json)

burn-chart-title = Выжигание базы — { $month }
burn-chart-subtitle = на { $date } · выжжено { $burned } из { $contacted } { $contacted ->
    [one] компании
   *[other] компаний
} с контактом ({ $burnRate })
burn-chart-weeks = Доля выжженных к концу недели
burn-chart-segments = Выжжено по сегментам
burn-chart-week = Неделя с
burn-chart-burn-rate = Выжжено от контактов
burn-chart-burned-share = Остывает и потеряно, доля сегмента
burn-chart-threshold = порог
burn-chart-paused = пауза
burn-chart-no-data = Нет данных

burn-alert-high = 🔥 База выгорает: за { $month } выжжено { $burned } из { $contacted } { $contacted ->
    [one] компании
   *[other] компаний
}, с которыми был контакт, — { $burnRate } при пороге { $threshold }. Отказы не отрабатываются за { $days } раб. дн. Подробно: /burn
burn-alert-paused = ⏸ Сегмент «{ $segment }» встал на паузу: выжжено { $share } (остывает: { $cooling }, потеряно навсегда: { $lost }, всего компаний: { $size }) при пороге { $threshold }. Касания в нём запрещены, пока доля не упадёт или пока вы не снимете паузу: /unpause { $segment }
