//! The few places where SQLite and PostgreSQL need different SQL, all here. Everything
//! else under `storage/` is the same statement on both engines (`$1..$n` placeholders,
//! `ON CONFLICT`, `RETURNING`, times as UTC seconds, flags as 0/1).

use super::Backend;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// SQLite's busy_timeout as every connection is set up: one literal for
/// [`Backend::connection_setup`] and [`Backend::SQLITE_BUSY_TIMEOUT`] (`concat!` takes
/// literals only).
macro_rules! sqlite_busy_timeout {
    () => {
        "PRAGMA busy_timeout = 10000"
    };
}

impl Backend {
    /// The schema of this engine (`migrations/sqlite` or `migrations/postgres`).
    pub(crate) fn migrator(self) -> &'static sqlx::migrate::Migrator {
        match self {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    /// Run on every new connection.
    /// - SQLite: WAL lets readers work while one writer writes; busy_timeout makes a
    ///   writer wait for the lock instead of failing; foreign keys are off by default.
    ///   No automatic checkpoints: SQLite would run them inside the commit that crosses
    ///   1,000 pages of WAL, while that writer holds this process's write gate and every
    ///   other writer waits. [`Db::checkpoint`] runs them instead, every second, outside
    ///   the gate (`upkeep::checkpoints`); the last connection to close checkpoints too.
    ///   That task starts the WAL over past 64 MiB and empties its file once writes
    ///   stop; under load the file is reused as it is, cut back only when a burst grew it
    ///   past 256 MiB (`journal_size_limit`): cutting and regrowing it every second would
    ///   cost writes their turn.
    pub(crate) fn connection_setup(self) -> Option<&'static str> {
        match self {
            Backend::Sqlite => Some(concat!(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                 PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0; \
                 PRAGMA journal_size_limit = 268435456; ",
                sqlite_busy_timeout!(),
                ";"
            )),
            Backend::Postgres => None,
        }
    }

    /// SQLite: what puts a connection's busy_timeout back as [`Backend::connection_setup`]
    /// sets it, after a step that waited less.
    pub(crate) const SQLITE_BUSY_TIMEOUT: &'static str = sqlite_busy_timeout!();

    /// How a transaction that will write starts (none: a plain `BEGIN`).
    /// - SQLite: `BEGIN IMMEDIATE` takes the write lock up front, so a writer in another
    ///   process queues on busy_timeout instead of one failing when it upgrades a read
    ///   lock.
    /// - PostgreSQL: a plain transaction; the rows keep concurrent writers apart.
    pub(crate) fn begin_write(self) -> Option<&'static str> {
        match self {
            Backend::Sqlite => Some("BEGIN IMMEDIATE"),
            Backend::Postgres => None,
        }
    }

    /// How a membership change starts: these take turns on both engines. On PostgreSQL
    /// through a transaction-scoped advisory lock (the key is "milk" in ASCII), released
    /// at commit or rollback and waited for at most 10 s, like SQLite's busy_timeout.
    pub(crate) fn begin_membership(self) -> &'static str {
        match self {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => {
                "BEGIN; SET LOCAL lock_timeout = '10s'; \
                 SELECT pg_advisory_xact_lock(1835625579)"
            }
        }
    }

    /// Ends a `SELECT` that claims rows: on PostgreSQL, several instances share the
    /// tables and each takes rows no other instance holds at this moment; SQLite has one
    /// writer at a time anyway.
    pub(crate) fn skip_locked(self) -> &'static str {
        match self {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// The larger of two values in one row (SQLite's two-argument `MAX`).
    pub(crate) fn greatest(self) -> &'static str {
        match self {
            Backend::Sqlite => "MAX",
            Backend::Postgres => "GREATEST",
        }
    }
}
