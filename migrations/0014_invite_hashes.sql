-- Invite and claim tokens are kept only as hashes (invite_token_hash, registered by migrate.ts), so a copy of
-- the database holds no link that works. Removing a member or /invites can cancel a link before it is used.
UPDATE invites SET token = invite_token_hash(token);
ALTER TABLE invites ADD COLUMN cancelled_at INTEGER;
