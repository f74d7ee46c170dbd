role-founder = founder
role-lead = head of sales
role-manager = sales manager

stranger-explain =
    This is a private bot of a sales team. You can join only with a personal invite link: ask the founder or the head of sales for one and open it.
stranger-short = Invite only.

welcome-member = Hello, { $name }! You are in the team as { $role }.
welcome-joined = Done: you are in the team as { $role }.
help-title = What you can do:

invite-usage = To invite: /invite lead or /invite manager. The link is valid for 7 days and admits one person.
invite-choose-role = Whom do you want to invite?
invite-created =
    Invite: { $role }. Forward the link to one person — it works once and is valid for { $days } days:
    { $link }
invite-unknown = There is no such invite link. Ask the founder or the head of sales for a new one.
invite-used = This link has already been used. Ask the founder or the head of sales for a new one.
invite-expired = This link has expired. Ask the founder or the head of sales for a new one.
invite-cancelled = This link no longer works: it was cancelled, or whoever made it has left the team. Ask the founder or the head of sales for a new one.
invite-already-member = You are already in the team as { $role }; the link can go to someone else.
invite-joined-notice = { $name } accepted the invite: { $role }.
invite-joined-via = {" "}(link from { $inviter })

remove-usage = To remove a member: /remove @username
remove-choose = Whom to remove? Press a name below, or send /remove @username or /remove First Last.
remove-nobody = There is nobody else in the team to remove.
remove-ambiguous = { $count } members are called “{ $name }”: nobody was removed. Press the one you mean.
remove-not-found = Nobody in the team is called “{ $name }”. Press a name below, or send /remove @username.
remove-gone = This member is no longer in the team.
remove-invites-cancelled = Unused invite links made by { $username } cancelled: { $count }.
remove-done = { $username } is no longer in the team.
remove-open-tasks = { $username } still had open tasks: { $count } ({ $ids }). Give each to another manager (/reassign number @username) or cancel it in /tasks.
remove-questions-closed = Open questions of { $username } closed: { $count }.
remove-last-founder = You cannot remove the last founder.
remove-self = You cannot remove yourself: another founder can.
member-not-found = There is no member @{ $username } in the team.

alerts-here-private = Founder alerts will come to this chat.
alerts-here-group = Founder alerts will come to this group.
alerts-here-usage = To get founder alerts in this chat, send /alerts_here with nothing after it.

lang-usage = Choose a language: /lang ru or /lang en
lang-set = Language: English.

access-denied = This command is not available for your role.
private-only = This command works only in a private chat with the bot.
unknown-command = I don't know this command. The list of commands: /help
unknown-text = I understand commands. The list of commands: /help
button-stale = This button no longer works.
error-generic = Something went wrong, nothing was saved. Please try again in a minute.

cmd-start = get started
cmd-help = list of commands
cmd-invite = invite to the team
cmd-remove = remove a member
cmd-invites = unused invite links
cmd-alerts-here = send alerts to this chat
cmd-lang = language: Russian or English
outbox-unreachable = { $name } has blocked the bot: messages no longer reach them. Ask them to unblock the bot and send it /start.
invites-usage = /invites with nothing after it lists the invite links nobody has used yet.
invites-none = No unused invite links.
invites-title = Unused invite links: { $count }. The links themselves are not stored; to stop one, press [Cancel].
invites-line = #{ $id }: { $role }, made by { $creator }, valid until { $until }
invites-cancel-button = Cancel #{ $id }
invites-cancel-gone = Invite #{ $id } is already used, cancelled or not yours.
invites-cancelled = Invite #{ $id } cancelled: the link no longer works.
dialogue-role-changed = Your role in the team has changed, so the question you were answering is closed and nothing was saved. Send the command again if it is still yours to do.
dialogue-too-many-wrong = Too many answers in a row that I could not use ({ $count }), so I closed this dialogue. Send the command again to start over.
dialogue-expired = That question was asked more than a day ago, so the dialogue was closed and your answer was not saved. Send the command again to start over.
