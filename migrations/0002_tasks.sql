-- Tasks and the daily check-up (docs/figures.md): tasks with their history, the daily check-up, questions to the lead and
-- away periods. Times are epoch milliseconds (UTC); local days are 'YYYY-MM-DD' in the team time zone.

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  assignee_id INTEGER NOT NULL REFERENCES members(id),
  author_id INTEGER NOT NULL REFERENCES members(id),
  text TEXT NOT NULL,
  -- last local day the task may be finished on; overdue from the day after
  due_date TEXT,
  state TEXT NOT NULL DEFAULT 'new'
    CHECK (state IN ('new', 'in_progress', 'done', 'accepted', 'returned', 'blocked', 'cancelled')),
  -- "stalled" counts the manager's check-ups since this instant
  state_changed_at INTEGER NOT NULL,
  -- the lead's comment of the latest return
  return_comment TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX tasks_assignee ON tasks(team_id, assignee_id, state);
CREATE INDEX tasks_state ON tasks(team_id, state);

-- Every state change, who made it and (when it came from a check-up) which one.
CREATE TABLE task_events (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  actor_id INTEGER REFERENCES members(id),
  from_state TEXT,
  to_state TEXT NOT NULL,
  comment TEXT,
  checkup_id INTEGER REFERENCES checkups(id),
  at INTEGER NOT NULL
);
CREATE INDEX task_events_task ON task_events(task_id, at);
CREATE INDEX task_events_team ON task_events(team_id, at);

-- One check-up per manager and local day: the row is what says a prompt is (or was) due.
CREATE TABLE checkups (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  local_date TEXT NOT NULL,
  -- schedule: the daily prompt; lead: a /checkup round; self: the manager began before the prompt
  source TEXT NOT NULL CHECK (source IN ('schedule', 'lead', 'self')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'started', 'answered', 'missed')),
  prompted_at INTEGER NOT NULL,
  -- the one reminder is due then (NULL: none, e.g. it would come after the deadline)
  remind_at INTEGER,
  reminded_at INTEGER,
  -- not answered by then: missed
  deadline_at INTEGER NOT NULL,
  started_at INTEGER,
  answered_at INTEGER,
  missed_at INTEGER,
  calls INTEGER,
  meetings INTEGER,
  proposals INTEGER,
  note TEXT,
  note_given INTEGER NOT NULL DEFAULT 0,
  UNIQUE (team_id, member_id, local_date)
);
CREATE INDEX checkups_open ON checkups(team_id, status);

-- The manager's answer about one task in one check-up, saved the moment it is given.
CREATE TABLE checkup_answers (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  checkup_id INTEGER NOT NULL REFERENCES checkups(id),
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  answer TEXT NOT NULL CHECK (answer IN ('done', 'in_progress', 'not_started', 'question')),
  state_before TEXT NOT NULL,
  answered_at INTEGER NOT NULL,
  UNIQUE (checkup_id, task_id)
);

CREATE TABLE questions (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  task_id INTEGER REFERENCES tasks(id),
  checkup_id INTEGER REFERENCES checkups(id),
  text TEXT NOT NULL,
  -- the task's state before the question blocked it; restored when answered
  state_before TEXT,
  asked_at INTEGER NOT NULL,
  answer TEXT,
  answered_by INTEGER REFERENCES members(id),
  answered_at INTEGER,
  escalated_at INTEGER
);
CREATE INDEX questions_open ON questions(team_id, answered_at);

-- /away: no prompts (and no misses) from from_date to to_date, both inclusive.
CREATE TABLE away_periods (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  created_by INTEGER REFERENCES members(id),
  created_at INTEGER NOT NULL,
  CHECK (from_date <= to_date)
);
CREATE INDEX away_member ON away_periods(team_id, member_id, to_date);

-- The lead's digest of a local day, once.
CREATE TABLE checkup_digests (
  team_id INTEGER NOT NULL REFERENCES teams(id),
  local_date TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (team_id, local_date)
);
