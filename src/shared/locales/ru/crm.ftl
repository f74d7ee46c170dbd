cmd-sync = прочитать CRM сейчас
cmd-crm = состояние синхронизации с CRM
sync-usage = Команда /sync без аргументов: она сразу читает CRM.
crm-usage = Команда /crm без аргументов: она показывает состояние синхронизации.
crm-not-set = CRM не подключена: в .env не задан CRM. Как подключить Bitrix24 или amoCRM — в docs/crm.md.
crm-never = ещё не было
sync-started = Читаю { $crm }…
sync-done = { $crm } прочитана: строк { $rows }, новых записей { $records }.
sync-failed = { $crm } прочитать не удалось: { $error }. Прочитанное сохранено, следующая попытка — по расписанию или /sync.
crm-state =
    CRM: { $crm }, раз в { $minutes } мин.
    Последний запуск: { $lastRun }
    Последний успешный: { $lastOk }
    Строк прочитано: { $rows }, записей: { $records }
    Ошибок всего: { $errors } (последняя: { $lastError })
