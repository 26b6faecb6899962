-- A typed city can be awaited too (after "Type a city"): such a wait has no batch, so
-- batch_id may be NULL. SQLite cannot drop NOT NULL in place: the table is rebuilt.
CREATE TABLE awaited_replies_new (
    chat_id         BIGINT  NOT NULL,
    user_id         BIGINT  NOT NULL,
    family_id       BIGINT  NOT NULL REFERENCES families(id) ON DELETE CASCADE,
    -- NULL for a typed city
    batch_id        BIGINT  REFERENCES batches(id) ON DELETE CASCADE,
    -- 'amount', 'time', 'leftover' or 'city'
    kind            TEXT    NOT NULL,
    asked_at        BIGINT  NOT NULL,
    handled_by      BIGINT,
    PRIMARY KEY (chat_id, user_id)
);
INSERT INTO awaited_replies_new
    SELECT chat_id, user_id, family_id, batch_id, kind, asked_at, handled_by
    FROM awaited_replies;
DROP TABLE awaited_replies;
ALTER TABLE awaited_replies_new RENAME TO awaited_replies;
