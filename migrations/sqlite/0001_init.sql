-- milkbot schema (SQLite). The PostgreSQL twin lives in migrations/postgres/.
-- Times are UTC seconds since the Unix epoch (BIGINT), so both engines compare them
-- the same way. Flags are INTEGER 0/1. Amounts are whole millilitres.

-- A family owns a stash, settings and members. A group chat is a family; a private
-- chat is a family of one until it joins a group's family.
CREATE TABLE families (
    id              INTEGER PRIMARY KEY,
    created_at      BIGINT  NOT NULL,
    unit            TEXT    NOT NULL DEFAULT 'ml',
    timezone        TEXT    NOT NULL DEFAULT 'UTC',
    timezone_set    INTEGER NOT NULL DEFAULT 0,
    profile         TEXT    NOT NULL DEFAULT 'cdc',
    -- Quiet hours as minutes after local midnight; both NULL = none.
    quiet_start     INTEGER,
    quiet_end       INTEGER,
    -- Reminder lead times in minutes (NULL = the default for that place).
    lead_room       INTEGER,
    lead_fridge     INTEGER,
    lead_freezer    INTEGER,
    lead_thawed     INTEGER,
    morning_digest  INTEGER NOT NULL DEFAULT 0,
    weekly_summary  INTEGER NOT NULL DEFAULT 0,
    low_stash_days  INTEGER,
    -- 1: any member may change settings and remove members; 0: group admins only.
    open_admin      INTEGER NOT NULL DEFAULT 1
);

-- Every Telegram chat the bot has seen, and the family it serves.
CREATE TABLE chats (
    id              BIGINT  PRIMARY KEY,
    family_id       BIGINT  NOT NULL REFERENCES families(id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    title           TEXT,
    -- 0 when the bot was blocked or removed: reminders pause until it is back.
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX chats_family ON chats(family_id);

-- People who feed the baby, per family, and where they want reminders.
CREATE TABLE members (
    family_id       BIGINT  NOT NULL REFERENCES families(id) ON DELETE CASCADE,
    user_id         BIGINT  NOT NULL,
    name            TEXT    NOT NULL,
    private_chat_id BIGINT,
    -- 'auto' (the group if the family has one, else private), 'group', 'private',
    -- 'both' or 'none'
    reminders       TEXT    NOT NULL DEFAULT 'auto',
    joined_at       BIGINT  NOT NULL,
    PRIMARY KEY (family_id, user_id)
);

CREATE TABLE invites (
    code            TEXT    PRIMARY KEY,
    family_id       BIGINT  NOT NULL REFERENCES families(id) ON DELETE CASCADE,
    created_by      BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL,
    used_by         BIGINT,
    used_at         BIGINT
);

-- One container of milk: its current state. Its history is in batch_events.
CREATE TABLE batches (
    id              INTEGER PRIMARY KEY,
    family_id       BIGINT  NOT NULL REFERENCES families(id) ON DELETE CASCADE,
    -- Bumped by every change; button data carries it so stale buttons are caught.
    version         BIGINT  NOT NULL DEFAULT 1,
    logged_ml       INTEGER NOT NULL,
    logged_place    TEXT    NOT NULL,
    left_ml         INTEGER,
    right_ml        INTEGER,
    amount_ml       INTEGER NOT NULL,
    place           TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    expressed_at    BIGINT  NOT NULL,
    frozen_at       BIGINT,
    thawed_at       BIGINT,
    place_since     BIGINT  NOT NULL,
    cap_at          BIGINT,
    created_at      BIGINT  NOT NULL,
    created_by      BIGINT  NOT NULL,
    -- The message that logged it: the same message never logs twice.
    origin_chat_id  BIGINT,
    origin_msg_id   BIGINT
);
CREATE INDEX batches_family_status ON batches(family_id, status);
CREATE UNIQUE INDEX batches_origin ON batches(origin_chat_id, origin_msg_id);

-- Append-only history: one row per change, with the state before it (JSON) for undo.
CREATE TABLE batch_events (
    id              INTEGER PRIMARY KEY,
    batch_id        BIGINT  NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    family_id       BIGINT  NOT NULL REFERENCES families(id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    at              BIGINT  NOT NULL,
    actor_id        BIGINT  NOT NULL,
    actor_name      TEXT    NOT NULL,
    place_from      TEXT,
    place_to        TEXT,
    amount_ml       INTEGER,
    reason          TEXT,
    before_state    TEXT,
    undone          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX batch_events_batch ON batch_events(batch_id, id);
CREATE INDEX batch_events_family ON batch_events(family_id, at);

-- Scheduled pushes. `key` is unique per (batch, place, kind) or per family job, so a
-- reminder is written, and sent, once.
CREATE TABLE reminders (
    id              INTEGER PRIMARY KEY,
    key             TEXT    NOT NULL UNIQUE,
    family_id       BIGINT  NOT NULL REFERENCES families(id) ON DELETE CASCADE,
    batch_id        BIGINT  REFERENCES batches(id) ON DELETE CASCADE,
    -- Set when the push goes to one chat only (e.g. "switch sides" during /express).
    chat_id         BIGINT,
    kind            TEXT    NOT NULL,
    place           TEXT,
    due_at          BIGINT  NOT NULL,
    urgent          INTEGER NOT NULL DEFAULT 0,
    -- 'pending', 'sent' or 'cancelled'
    status          TEXT    NOT NULL DEFAULT 'pending',
    lease_until     BIGINT,
    lease_owner     TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    sent_at         BIGINT
);
CREATE INDEX reminders_due ON reminders(due_at) WHERE status = 'pending';
CREATE INDEX reminders_batch ON reminders(batch_id);

-- Which chats got a reminder, and the message it became there.
CREATE TABLE reminder_deliveries (
    reminder_id     BIGINT  NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
    chat_id         BIGINT  NOT NULL,
    message_id      BIGINT,
    sent_at         BIGINT  NOT NULL,
    PRIMARY KEY (reminder_id, chat_id)
);

-- Updates whose effects are committed: a redelivered update changes nothing twice.
CREATE TABLE processed_updates (
    update_id       BIGINT  PRIMARY KEY,
    processed_at    BIGINT  NOT NULL,
    -- The batch the update created, so a redelivery can repeat the confirmation.
    batch_id        BIGINT
);
