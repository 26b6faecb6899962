-- Updates are written here before Telegram is told we have them, and removed once
-- handled: an update in hand when the bot dies is handled again at the next start.
CREATE TABLE inbox (
    update_id       BIGINT  PRIMARY KEY,
    payload         TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_try_at     BIGINT  NOT NULL
);
CREATE INDEX inbox_next_try ON inbox(next_try_at);
