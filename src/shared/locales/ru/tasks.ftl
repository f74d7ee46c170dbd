cmd-assign = поставить задачу менеджеру
cmd-tasks = задачи (фильтры: overdue, stalled, @user)
cmd-task = карточка задачи: /task 12
cmd-return = вернуть задачу с комментарием
cmd-reassign = передать задачу другому менеджеру

task-assign-usage =
    Как поставить задачу: /assign @username текст задачи [до дд.мм]
    Например: /assign @ivan Позвонить в ООО Ромашка до 05.11
task-text-too-long = Слишком длинный текст: можно не больше { $max } символов. Ничего не сохранено.
task-bad-date = Не понял дату. Пишите дд.мм, дд.мм.гггг или гггг-мм-дд. Ничего не сохранено.
task-past-date = Эта дата уже прошла. Укажите сегодняшнюю или будущую дату. Ничего не сохранено.
task-assign-not-manager = { $name } — не менеджер: задачи ставятся менеджерам.
task-assigned = Задача #{ $id } поставлена: { $name }{ $due }. Менеджер уже получил её.
task-assigned-notice =
    Новая задача #{ $id } от { $author }{ $due }:
    { $text }
task-due-suffix = {" "}(срок { $date })

task-list-usage = Как смотреть задачи: /tasks, /tasks overdue (просроченные), /tasks stalled (зависшие), /tasks @username
task-list-usage-manager = Как смотреть свои задачи: /tasks, /tasks overdue (просроченные), /tasks stalled (зависшие)
task-list-empty = Открытых задач нет.
task-list-empty-overdue = Просроченных задач нет.
task-list-empty-stalled = Зависших задач нет.
task-list-title-own = Ваши задачи ({ $count }):
task-list-title-team = Задачи команды ({ $count }):
task-group = { $name }:
task-line = #{ $id } [{ $state }] { $text }{ $due }{ $flags }
task-flag-overdue = просрочена
task-flag-stalled = зависла

task-state-new = новая
task-state-in-progress = в работе
task-state-done = сделана, ждёт проверки
task-state-accepted = принята
task-state-returned = возвращена
task-state-blocked = ждёт ответа на вопрос
task-state-cancelled = отменена

task-btn-start = ▶ В работу
task-btn-done = ✅ Сделано
task-btn-ask = ❓ Вопрос
task-btn-accept = ✅ Принять
task-btn-return = ↩ Вернуть
task-btn-cancel = ✖ Отменить
task-btn-accept-id = ✅ Принять #{ $id }
task-btn-return-id = ↩ Вернуть #{ $id }

task-card-usage = Как открыть задачу: /task 12 (номер из /tasks)
task-card-people = Исполнитель: { $assignee } · поставил(а): { $author }
task-card-returned = Возвращена с комментарием: { $comment }
task-card-question = Открытый вопрос #{ $id }: { $text }
task-not-found = Задачи #{ $id } нет среди ваших задач.
task-wrong-state = С задачей #{ $id } так нельзя: сейчас она «{ $state }».

task-action-in-progress = Задача #{ $id } в работе.
task-action-done = Задача #{ $id } отмечена сделанной и отправлена на проверку.
task-action-accepted = Задача #{ $id } принята. { $name } получит уведомление.
task-action-returned = Задача #{ $id } возвращена: { $name } получит ваш комментарий.
task-action-cancelled = Задача #{ $id } отменена.

task-done-notice =
    { $name } сделал(а) задачу #{ $id }:
    { $text }
    Проверьте и примите или верните с комментарием.
task-accepted-notice = Задача #{ $id } принята ({ $name }): { $text }
task-returned-notice =
    Задача #{ $id } возвращена ({ $name }): { $text }
    Комментарий: { $comment }
task-cancelled-notice = Задача #{ $id } отменена ({ $name }): { $text }

task-return-ask =
    Что не так с задачей #{ $id } «{ $text }»?
    Напишите комментарий для менеджера одним сообщением.
task-return-hint = Напишите комментарий текстом — он уйдёт менеджеру вместе с задачей.
task-return-usage = Как вернуть задачу: /return 12 комментарий (или кнопка «Вернуть» под задачей)

task-reassign-usage = Как передать задачу другому менеджеру: /reassign 12 @username — у него она начнётся заново.
task-reassign-same = Задача #{ $id } и так у { $name }.
task-reassign-not-open = Задачу #{ $id } нельзя передать: сейчас она «{ $state }». Передать можно новую, в работе, возвращённую или с вопросом; сделанную сначала примите или верните.
task-reassigned = Задача #{ $id } передана: { $name } (была у { $from }). Менеджер уже получил её.
task-reassigned-notice =
    Вам передана задача #{ $id } от { $author } (была у { $from }){ $due }:
    { $text }
task-reassigned-away = Задачу #{ $id } передали { $name }: { $text }
