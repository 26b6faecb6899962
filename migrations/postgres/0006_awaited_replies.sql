-- A typed reply the bot is waiting for: after "Change the amount" or "Change the time",
-- the next text from this person in this chat edits that batch instead of logging a new
-- one. `handled_by` is the update that answered it: the same update handled again (the
-- inbox re-runs it after a crash) still reads as that reply.
CREATE TABLE awaited_replies (
    chat_id         BIGINT  NOT NULL,
    user_id         BIGINT  NOT NULL,
    family_id       BIGINT  NOT NULL REFERENCES families(id) ON DELETE CASCADE,
    batch_id        BIGINT  NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    -- 'amount' or 'time'
    kind            TEXT    NOT NULL,
    asked_at        BIGINT  NOT NULL,
    handled_by      BIGINT,
    PRIMARY KEY (chat_id, user_id)
);
