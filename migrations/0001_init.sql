-- Teams, people, invites and the plumbing every feature relies on.
-- Times are epoch milliseconds (UTC); local dates are 'YYYY-MM-DD' strings in the team time zone.

CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL DEFAULT 'team',
  timezone TEXT NOT NULL DEFAULT 'Europe/Moscow',
  locale TEXT NOT NULL DEFAULT 'ru',
  currency TEXT NOT NULL DEFAULT 'RUB',
  checkup_time TEXT NOT NULL DEFAULT '10:00',
  cutoff_time TEXT NOT NULL DEFAULT '18:00',
  working_days TEXT NOT NULL DEFAULT '1,2,3,4,5',
  holidays TEXT NOT NULL DEFAULT '[]',
  handling_window_hours INTEGER NOT NULL DEFAULT 48,
  cooldown_days INTEGER NOT NULL DEFAULT 90,
  burn_threshold REAL NOT NULL DEFAULT 0.3,
  pause_threshold REAL NOT NULL DEFAULT 0.3,
  close_reasons TEXT NOT NULL DEFAULT '[]',
  alert_chat_id INTEGER,
  created_at INTEGER NOT NULL
);

CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  user_id INTEGER NOT NULL,
  username TEXT,
  first_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('founder', 'lead', 'manager')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  locale TEXT,
  chat_id INTEGER,
  unreachable INTEGER NOT NULL DEFAULT 0,
  joined_at INTEGER NOT NULL,
  removed_at INTEGER,
  UNIQUE (team_id, user_id)
);
CREATE INDEX members_user ON members(user_id);
CREATE INDEX members_username ON members(team_id, username COLLATE NOCASE);

CREATE TABLE invites (
  token TEXT PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  role TEXT NOT NULL CHECK (role IN ('founder', 'lead', 'manager')),
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  used_by INTEGER,
  used_at INTEGER
);

-- Key-value store for conversation state and any session data.
CREATE TABLE kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Messages the bot sends on its own; written in the same transaction as their cause.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  idempotency_key TEXT NOT NULL UNIQUE,
  chat_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  message_id INTEGER
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

-- Update ids already handled, so a redelivered update has no second effect.
CREATE TABLE processed_updates (
  update_id INTEGER PRIMARY KEY,
  processed_at INTEGER NOT NULL
);
