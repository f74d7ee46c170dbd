-- Old outbox rows and handled update ids are deleted; how many there were (by status) is kept here,
-- so totals stay right after the rows are gone.
CREATE TABLE pruned_counts (
  source TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (source, status)
);
-- The prune looks up delivered and failed messages by age.
CREATE INDEX outbox_done_created ON outbox(created_at) WHERE status <> 'pending';
