cmd-ask = ask the head of sales a question
cmd-answer = answer a question: /answer 3 text
cmd-questions = open questions

question-ask-general = Type your question in one message — it goes to the head of sales at once.
question-ask-task = Type your question about task #{ $id } in one message — it goes to the head of sales at once.
question-ask-hint = Type the question as text (or any command to leave).
question-sent = Question #{ $id } sent to the head of sales. The answer will come here.
question-task-closed = You cannot ask about task #{ $id }: it is closed.
question-notice =
    Question #{ $id } from { $name }{ $about }:
    { $question }
question-about-task = {" "}about task #{ $id } "{ $text }"
question-btn-answer = 💬 Answer
question-btn-answer-id = 💬 Answer #{ $id }
question-answer-ask =
    Question #{ $id } from { $name }:
    { $question }
    Type your answer in one message.
question-answer-hint = Type the answer as text — it goes to the manager.
question-answer-usage = To answer: /answer 3 answer text (or the Answer button under the question)
question-answered = The answer to question #{ $id } was sent to { $name }.
question-already-answered = Question #{ $id } has been answered already.
question-not-found = There is no question #{ $id }.
question-answer-notice =
    Answer to your question #{ $id } from { $name }:
    { $answer }
    The question was: { $question }
question-escalation-notice =
    Question #{ $id } from { $name } has had no answer for more than { $hours } working hours:
    { $question }
question-list-empty = No open questions.
question-list-title = Open questions ({ $count }):
question-list-usage = Open questions: /questions with nothing after it.
question-list-item = #{ $id } { $name }{ $task }: { $text } — waiting { $hours } h { $minutes } min
