cli-exit-codes = Коды выхода: 0 — готово; 1 — ничего не сделано или сделано не всё; 2 — неверный запуск (аргументы, DATABASE_PATH, DEFAULT_LOCALE).
cli-usage-import = Как запустить: npm run import -- <база.xlsx|база.csv> [--json]
cli-help-import =
    Загружает компании в базу из таблицы Excel (.xlsx) или CSV — так же, как /import в боте.
    Колонки: компания и сегмент обязательны; ИНН, ответственный (@username или имя и фамилия), телефон, email — по желанию.
    База данных — DATABASE_PATH (по умолчанию data/bot.sqlite); её создаёт бот при первом запуске, импорт её не создаёт. Язык сообщений — DEFAULT_LOCALE (ru или en).
    Примеры:
      npm run import -- examples/base.xlsx
      npm run import -- examples/base.csv --json
cli-usage-report = Как запустить: npm run report -- <{ $names }> [--json] [--period ГГГГ-ММ] [--as-of ГГГГ-ММ-ДД]
cli-help-report =
    Печатает отчёт одной строкой JSON (для BI и cron): burn — выгорание базы, plan — план и факт.
    База данных — DATABASE_PATH (по умолчанию data/bot.sqlite); её создаёт бот, отчёт её не создаёт.
    Примеры:
      npm run report -- plan --json
      npm run report -- burn --json --period 2026-03 --as-of 2026-03-15
cli-usage-export = Как запустить: npm run export -- <файл.xlsx> [--period ГГГГ-ММ]
cli-help-export =
    Записывает в файл ту же книгу Excel, что присылает /export: итоги месяца, менеджеры, сегменты, бюджет, задачи, сверки, отказы, сделки, расходы.
    База данных — DATABASE_PATH (по умолчанию data/bot.sqlite); заголовки на языке DEFAULT_LOCALE (ru или en).
    Примеры:
      npm run export -- отчёт-ноябрь.xlsx --period 2026-11
      npm run export -- exports/текущий-месяц.xlsx
cli-usage-backup = Как запустить: npm run backup -- <файл>
cli-help-backup =
    Делает целостную копию базы DATABASE_PATH (по умолчанию data/bot.sqlite); можно, пока бот работает. Существующий файл не перезаписывается.
    Пример:
      npm run backup -- backups/bot-2026-03-01.sqlite
cli-unknown-option = Неизвестный параметр «{ $arg }».
cli-unexpected-argument = Лишний аргумент «{ $arg }».
cli-which-file = Не указан файл.
cli-which-report = Не указан отчёт.
cli-unknown-report = Нет отчёта «{ $name }».
cli-bad-period = После --period нужен месяц в виде ГГГГ-ММ, например 2026-03.
cli-bad-as-of = После --as-of нужна дата в виде ГГГГ-ММ-ДД, например 2026-03-15.
cli-as-of-future = Дата --as-of { $asOf } ещё не наступила (сегодня { $today }).
cli-as-of-before-period = Дата --as-of { $asOf } раньше начала периода { $period } ({ $from }).
cli-bad-locale = DEFAULT_LOCALE должен быть ru или en, а не «{ $value }».
cli-database-missing = Базы данных { $path } нет (DATABASE_PATH): её создаёт бот при первом запуске — проверьте путь.
cli-file-missing = Файла { $path } нет.
cli-file-is-folder = { $path } — это папка, а не файл.
cli-file-denied = Нет прав на чтение файла { $path }.
cli-file-unreadable = Не удалось прочитать файл { $path }.
cli-import-nothing = Ни одна компания не загружена.
cli-import-not-all = Загружено не всё: пропущенные строки перечислены выше.
cli-export-not-xlsx = Имя файла должно оканчиваться на .xlsx, а не «{ $file }».
cli-export-no-folder = Папки { $folder } нет — создайте её или укажите другой путь.
cli-export-done = Выгрузка записана: { $file } (период { $period } на { $asOf }; строк: { $counts }; { $kb } КБ)
cli-export-failed = Выгрузка не записана в { $file }: нет доступа к папке или нет места на диске.
cli-backup-done = Копия записана: { $path } (таблиц: { $tables }, строк: { $rows }, { $kb } КБ)
cli-backup-exists = Файл { $path } уже есть — выберите новое имя, старую копию программа не перезаписывает.
cli-backup-failed = Копия не сделана: { $reason }
cli-failed = Не удалось выполнить { $tool }: { $reason }
