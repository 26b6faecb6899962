-- A typed time or place can be awaited for a batch not logged yet: after "Type it" on
-- the question "90 ml in the fridge: when was it expressed?" (kind 'log_time') or
-- "90 ml: where is it?" (kind 'log_place'). Such a wait has no batch; the amount (and the
-- place, once known) wait here until the reply logs the batch.
ALTER TABLE awaited_replies ADD COLUMN pending_ml BIGINT;
ALTER TABLE awaited_replies ADD COLUMN pending_place TEXT;
