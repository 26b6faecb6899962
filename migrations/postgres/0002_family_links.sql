-- A private chat that joins a family through an invite remembers the family it had
-- before, so /leave can give it back its own stash.
ALTER TABLE chats ADD COLUMN home_family_id BIGINT;
