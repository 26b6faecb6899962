-- A typed city can be awaited too (after "Type a city"): such a wait has no batch, so
-- batch_id may be NULL. kind is now 'amount', 'time', 'leftover' or 'city'.
ALTER TABLE awaited_replies ALTER COLUMN batch_id DROP NOT NULL;
