cmd-ask = задать вопрос руководителю
cmd-answer = ответить на вопрос: /answer 3 текст
cmd-questions = открытые вопросы

question-ask-general = Напишите вопрос одним сообщением — он сразу уйдёт руководителю.
question-ask-task = Напишите вопрос по задаче #{ $id } одним сообщением — он сразу уйдёт руководителю.
question-ask-hint = Напишите вопрос текстом (или любую команду, чтобы выйти).
question-sent = Вопрос #{ $id } отправлен руководителю. Ответ придёт сюда.
question-task-closed = По задаче #{ $id } вопрос задать нельзя: она уже закрыта.
question-notice =
    Вопрос #{ $id } от { $name }{ $about }:
    { $question }
question-about-task = {" "}по задаче #{ $id } «{ $text }»
question-btn-answer = 💬 Ответить
question-btn-answer-id = 💬 Ответить на #{ $id }
question-answer-ask =
    Вопрос #{ $id } от { $name }:
    { $question }
    Напишите ответ одним сообщением.
question-answer-hint = Напишите ответ текстом — он уйдёт менеджеру.
question-answer-usage = Как ответить: /answer 3 текст ответа (или кнопка «Ответить» под вопросом)
question-answered = Ответ на вопрос #{ $id } отправлен: { $name }.
question-already-answered = На вопрос #{ $id } уже ответили.
question-not-found = Вопроса #{ $id } нет.
question-answer-notice =
    Ответ на ваш вопрос #{ $id } от { $name }:
    { $answer }
    Вопрос был: { $question }
question-escalation-notice =
    Вопрос #{ $id } от { $name } без ответа больше { $hours } рабочих часов:
    { $question }
question-list-empty = Открытых вопросов нет.
question-list-title = Открытые вопросы ({ $count }):
question-list-usage = Открытые вопросы: /questions без слов после команды.
question-list-item = #{ $id } { $name }{ $task }: { $text } — ждёт { $hours } ч { $minutes } мин
