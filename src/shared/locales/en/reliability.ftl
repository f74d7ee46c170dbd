reliability-slow-down = Too many messages in a row — this one was not saved. Wait a few seconds and send it again.
reliability-alerts-chat-lost = The bot was removed from the alerts group, so alerts now come here. To send them to a group again, add the bot there and send /alerts_here in the group.
reliability-alerts-chat-refused = The alerts group does not let the bot write (Telegram: not enough rights), so alerts now come here. To send them to the group again, let the bot post there and send /alerts_here in the group.

backup-caption = Database backup: { $rows } rows. To restore: stop the bot, put this file at DATABASE_PATH (deleting the -wal and -shm files beside it) and start the bot.
backup-too-large = The database is too large to send through Telegram ({ $size } MB, the limit is 50 MB). Make a copy on the server: npm run backup -- <file>
backup-failed = The backup failed; nothing was changed. Try again in a minute, or on the server: npm run backup -- <file>
backup-usage = Database backup: /backup with nothing after it.
cmd-backup = database backup
storage-not-saved = The bot's database is not accepting changes right now (the disk is full or read-only), so nothing was saved. Send it again later; the founders have been told.
storage-alarm-full = The bot's disk is full: it cannot save anything, so commands and answers are lost until space is freed. Free some space on the server; the bot picks up by itself.
storage-alarm-read-only = The bot's database has become read-only: it cannot save anything until this is fixed. Check the file at DATABASE_PATH and its disk; the bot picks up by itself.
storage-alarm-recovered = The bot's database takes changes again; everything works as before.
