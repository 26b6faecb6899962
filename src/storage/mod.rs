//! Storage: every SQL statement of the bot lives under this module.
//!
//! One code path serves SQLite (the embedded default: the file is created and migrated
//! on first run) and PostgreSQL, through sqlx's `Any` driver. Times are stored as UTC
//! seconds (`BIGINT`) and flags as 0/1, which both engines, and the `Any` driver, handle
//! the same way. Every statement takes bound parameters (`$1`, `$2`, ...).

mod batches;
mod dialect;
mod events;
mod families;
mod inbox;
mod membership;
mod reminders;
mod replies;
mod rows;
pub mod testing;

pub use batches::{Actor, BatchRow, NewBatchRow, Origin, StashFilter, Written};
pub use events::{EventRow, NewEvent};
pub use families::{ChatRow, FamilyRow, MemberRow, NewChat, lang_of};
pub use inbox::InboxItem;
pub use membership::{Forgotten, Joined};
pub use reminders::{DueReminder, NewReminder};
pub use replies::{Awaited, AwaitedReply, Pending, REPLY_WAIT};
pub(crate) use rows::{opt_time, secs, time};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyConnection, AnyPool, Executor, Row, Transaction};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, Notify, OwnedMutexGuard};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error(
        "DATABASE_URL must start with sqlite:// or postgres:// (got '{0}'); the default is sqlite://milkbot.db"
    )]
    BadUrl(String),
    #[error("cannot open the database at {url}: {reason}")]
    Open { url: String, reason: String },
    #[error("cannot set up the database schema: {0}")]
    Migrate(String),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("cannot create {path}: {reason}")]
    Create { path: String, reason: String },
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Unsupported(String),
    /// The database cannot take writes now: nothing was written.
    #[error("the database cannot be written: {0}")]
    Unwritable(String),
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

/// What reminders were written since the scheduler last looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenDue {
    /// None (only removed, if anything): nothing is due sooner than before.
    Nothing,
    /// The earliest due time among them.
    At(chrono::DateTime<chrono::Utc>),
    /// Not said: the next due time must be read.
    Unknown,
}

/// The database handle. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// Where writes go, reached only through [`Db::gate`]. A SQLite file: one connection
    /// of its own (see [`Db::open`]); PostgreSQL and SQLite in memory: the same pool.
    writer: AnyPool,
    backend: Backend,
    /// Signalled whenever reminders are written, so the scheduler can wake early.
    reminders_written: Arc<Notify>,
    /// How many times reminders were written (see [`Db::reminder_writes`]).
    reminder_writes: Arc<AtomicU64>,
    /// The earliest due time (UTC seconds) of the reminders written since the scheduler
    /// last took it (see [`Db::take_written_due`]): `i64::MAX` when nothing was written,
    /// `i64::MIN` when a write did not say.
    written_due: Arc<AtomicI64>,
    /// SQLite only: writers of this process queue here for the database's one write lock,
    /// instead of waiting on SQLite's busy handler, which sleeps (1, 2, 5, 10 ms...) and
    /// leaves the lock idle meanwhile. Other processes on the same file still meet
    /// busy_timeout.
    write_gate: Option<Arc<Mutex<()>>>,
    /// SQLite only: the file opened at start, checked before every write (see
    /// [`DbFile::check`]).
    file: Option<Arc<DbFile>>,
}

/// The SQLite file the bot opened. A connection keeps writing to the file it opened even
/// after the file was deleted or replaced (the data then vanishes with the last
/// connection), and one opened later would create a new, empty file; and a file made
/// read-only still takes writes through connections opened before. So every write first
/// checks that the path still names the same file and that it may be written.
#[derive(Debug)]
struct DbFile {
    path: std::path::PathBuf,
    identity: (u64, u64),
}

impl DbFile {
    /// The file behind `url` (`sqlite://path?...`), once it exists; none in memory.
    fn of(url: &str) -> Result<Option<DbFile>> {
        let Some(path) = sqlite_file(url) else {
            return Ok(None);
        };
        let identity = identity(&path).map_err(|e| StorageError::Open {
            url: url.to_owned(),
            reason: e,
        })?;
        Ok(Some(DbFile { path, identity }))
    }

    fn check(&self) -> Result<()> {
        let unwritable = |why: &str| Err(StorageError::Unwritable(why.to_owned()));
        match std::fs::metadata(&self.path) {
            Err(_) => unwritable("the database file is gone"),
            Ok(meta) if meta.permissions().readonly() => {
                unwritable("the database file is read-only")
            }
            Ok(_) => match identity(&self.path) {
                Ok(id) if id == self.identity => Ok(()),
                _ => unwritable("the database file was replaced"),
            },
        }
    }
}

/// Which file a path names: (device, inode) on Unix.
#[cfg(unix)]
fn identity(path: &std::path::Path) -> std::result::Result<(u64, u64), String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    Ok((meta.dev(), meta.ino()))
}

/// Elsewhere only the file's existence is checked.
#[cfg(not(unix))]
fn identity(path: &std::path::Path) -> std::result::Result<(u64, u64), String> {
    std::fs::metadata(path)
        .map(|_| (0, 0))
        .map_err(|e| e.to_string())
}

/// A write transaction and, on SQLite, this process's turn at the write gate, given up
/// at commit or rollback (or on drop, which rolls back).
pub(crate) struct WriteTx {
    tx: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
}

/// This process's turn to write (see [`Db::gate`]) and the connection writes go through.
pub(crate) struct Gate<'a> {
    turn: Option<OwnedMutexGuard<()>>,
    writer: &'a AnyPool,
}

impl Gate<'_> {
    /// Where this turn's writes go.
    pub(crate) fn writer(&self) -> &AnyPool {
        self.writer
    }
}

impl WriteTx {
    pub(crate) async fn commit(self) -> Result<()> {
        Ok(self.tx.commit().await?)
    }

    pub(crate) async fn rollback(self) -> Result<()> {
        Ok(self.tx.rollback().await?)
    }
}

impl std::ops::Deref for WriteTx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl Db {
    /// Opens (creating a SQLite file if needed) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let shown = redact_url(url.trim());
        let (backend, url) = normalise_url(url)?;
        if let Some(file) = sqlite_file(&url) {
            // SQLite gives its WAL and SHM files the mode of the database file.
            create_private(&file).map_err(|e| StorageError::Open {
                url: shown.clone(),
                reason: e.to_string(),
            })?;
        }
        let options =
            AnyConnectOptions::from_str(&url).map_err(|_| StorageError::BadUrl(shown.clone()))?;
        // A SQLite connection is a file in this process, served by its own thread:
        // pinging it before each use (sqlx's default) was one more hand-off to that
        // thread per statement, and a statement on a broken one fails all the same.
        let connect = |max: u32| {
            AnyPoolOptions::new()
                .max_connections(max)
                .test_before_acquire(backend != Backend::Sqlite)
                .after_connect(move |conn, _| {
                    Box::pin(async move {
                        if let Some(setup) = backend.connection_setup() {
                            conn.execute(setup).await?;
                        }
                        Ok(())
                    })
                })
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options.clone())
        };
        let opened = |e: sqlx::Error| StorageError::Open {
            url: shown.clone(),
            reason: describe_open_error(&e),
        };
        let (pool, writer) = match backend {
            // SQLite writes take turns anyway (one write lock), so they all go through one
            // connection: the pages they touch stay in its cache. A connection drops its
            // whole cache whenever another one wrote since its last look, which with
            // every connection writing was nearly every statement.
            Backend::Sqlite if sqlite_file(&url).is_some() => {
                let writer = connect(1).await.map_err(opened)?;
                (connect(8).await.map_err(opened)?, writer)
            }
            Backend::Sqlite => {
                let pool = connect(8).await.map_err(opened)?;
                (pool.clone(), pool)
            }
            Backend::Postgres => {
                let pool = connect(16).await.map_err(opened)?;
                (pool.clone(), pool)
            }
        };
        let db = Db {
            pool,
            writer,
            backend,
            reminders_written: Arc::new(Notify::new()),
            reminder_writes: Arc::default(),
            written_due: Arc::new(AtomicI64::new(i64::MAX)),
            write_gate: (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(()))),
            file: DbFile::of(&url)?.map(Arc::new),
        };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> Result<()> {
        self.backend
            .migrator()
            .run(&self.writer)
            .await
            .map_err(|e| StorageError::Migrate(e.to_string()))
    }

    /// Completes after reminders were next written (or at once if they were written
    /// since the last call).
    pub async fn reminders_written(&self) {
        self.reminders_written.notified().await
    }

    /// Counts the writes that wake the scheduler: one that read the count before it
    /// looked has seen every write up to it (the activity probe tells a scheduler that
    /// is about to wake from one that is idle).
    pub fn reminder_writes(&self) -> Arc<AtomicU64> {
        self.reminder_writes.clone()
    }

    /// Reminders were written (or may have been): the scheduler reads the next due time.
    pub(crate) fn wake_scheduler(&self) {
        self.wake_scheduler_at(i64::MIN);
    }

    /// These reminders were written (and perhaps others deleted): the scheduler looks
    /// again only if one is due before the time it already waits for.
    pub(crate) fn wake_scheduler_for(&self, written: &[NewReminder]) {
        let earliest = written.iter().map(|r| secs(r.due_at)).min();
        self.wake_scheduler_at(earliest.unwrap_or(i64::MAX));
    }

    fn wake_scheduler_at(&self, earliest: i64) {
        self.written_due.fetch_min(earliest, Ordering::SeqCst);
        self.reminder_writes.fetch_add(1, Ordering::SeqCst);
        self.reminders_written.notify_one();
    }

    /// What was written since the last call (for the scheduler, after it was woken).
    pub fn take_written_due(&self) -> WrittenDue {
        match self.written_due.swap(i64::MAX, Ordering::SeqCst) {
            i64::MAX => WrittenDue::Nothing,
            i64::MIN => WrittenDue::Unknown,
            at => rows::time(at).map_or(WrittenDue::Unknown, WrittenDue::At),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Waits for this process's turn to write (SQLite; nothing to wait for on
    /// PostgreSQL), and gives the connection to write through. Hold it across the write.
    /// Refuses when the SQLite file was deleted, replaced or made read-only, so nothing is
    /// confirmed that would vanish.
    pub(crate) async fn gate(&self) -> Result<Gate<'_>> {
        let turn = match &self.write_gate {
            Some(gate) => Some(gate.clone().lock_owned().await),
            None => None,
        };
        self.check_file()?;
        Ok(Gate {
            turn,
            writer: &self.writer,
        })
    }

    /// SQLite: whether the file opened at start is still there and writable.
    fn check_file(&self) -> Result<()> {
        self.file.as_deref().map_or(Ok(()), DbFile::check)
    }

    /// Starts a transaction that will write.
    /// - SQLite: after this process's turn at the write gate, `BEGIN IMMEDIATE` takes the
    ///   write lock up front, so a writer in another process queues on busy_timeout
    ///   instead of one failing when it upgrades a read lock.
    /// - PostgreSQL: a plain transaction. What these transactions write is kept safe by
    ///   the rows themselves: unique keys with `ON CONFLICT` (processed updates, the
    ///   inbox, a batch's origin message), version checks on batches, and
    ///   `FOR UPDATE SKIP LOCKED` when instances claim reminders. Writers of different
    ///   families never wait for each other.
    pub(crate) async fn begin_write(&self) -> Result<WriteTx> {
        let gate = self.gate().await?;
        let tx = match self.backend.begin_write() {
            Some(begin) => gate.writer.begin_with(begin).await?,
            None => gate.writer.begin().await?,
        };
        Ok(WriteTx {
            tx,
            _turn: gate.turn,
        })
    }

    /// Starts a write transaction for a change of who belongs where (first contact of a
    /// chat, joining or leaving a family, a group's migration, forgetting a family).
    /// These check and then write several tables, so they take turns on both engines:
    /// on PostgreSQL through a transaction-scoped advisory lock (the key is "milk" in
    /// ASCII), released at commit or rollback and waited for at most 10 s, like SQLite's
    /// busy_timeout. They are rare next to logs and reminders, which do not take it.
    pub(crate) async fn begin_membership(&self) -> Result<WriteTx> {
        let gate = self.gate().await?;
        let tx = gate
            .writer
            .begin_with(self.backend.begin_membership())
            .await?;
        Ok(WriteTx {
            tx,
            _turn: gate.turn,
        })
    }

    /// Writes a consistent copy of the database to `file` while the bot runs (SQLite's
    /// `VACUUM INTO`). PostgreSQL has its own tools for this.
    pub async fn backup_to(&self, file: &std::path::Path) -> Result<()> {
        match self.backend {
            Backend::Sqlite => {
                let path = file
                    .to_str()
                    .ok_or_else(|| StorageError::Corrupt("backup path is not UTF-8".into()))?;
                // VACUUM INTO writes into an empty file, keeping its mode: only the
                // bot's user may read the copy.
                create_private(file).map_err(|e| StorageError::Create {
                    path: file.display().to_string(),
                    reason: e.to_string(),
                })?;
                sqlx::query("VACUUM INTO $1")
                    .bind(path)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
            Backend::Postgres => Err(StorageError::Unsupported(
                "for PostgreSQL, back up with pg_dump (see README)".into(),
            )),
        }
    }

    /// SQLite: copies what the WAL holds into the database file without waiting for
    /// anyone (`PRAGMA wal_checkpoint(PASSIVE)`), so the WAL starts over once its readers
    /// are done. Returns the WAL's frames and how many of them are now in the file. Takes
    /// no write gate: SQLite keeps checkpoints and writers apart by itself. PostgreSQL
    /// has nothing to do here: `(0, 0)`.
    pub async fn checkpoint(&self) -> Result<(i64, i64)> {
        if self.backend != Backend::Sqlite {
            return Ok((0, 0));
        }
        let row = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&self.pool)
            .await?;
        Ok((row.try_get(1)?, row.try_get(2)?))
    }

    /// SQLite: starts the WAL over (`PRAGMA wal_checkpoint(RESTART)`). Copies what is
    /// left into the database file and, holding the write gate, waits until no reader
    /// still reads from the WAL, so the next write begins it again from its start.
    /// [`Db::checkpoint`] alone cannot: under steady load some reader is always in the
    /// WAL, which then grows without end (4 GiB beside a 37 MiB database in the families
    /// bench). PostgreSQL: nothing to do.
    pub async fn restart_wal(&self, readers_waited: Duration) -> Result<()> {
        self.checkpoint_in_gate("PRAGMA wal_checkpoint(RESTART)", readers_waited)
            .await
    }

    /// SQLite: like [`Db::restart_wal`], and cuts the WAL file to nothing
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`), giving the disk its space back.
    pub async fn empty_wal(&self, readers_waited: Duration) -> Result<()> {
        self.checkpoint_in_gate("PRAGMA wal_checkpoint(TRUNCATE)", readers_waited)
            .await
    }

    /// Runs `pragma`, a checkpoint that waits for the WAL's readers, through the writer
    /// while holding the write gate, so writes wait meanwhile; it waits at most
    /// `readers_waited`. A reader that takes longer (a backup in another process) is left
    /// to finish, and the WAL is started over at a later call.
    async fn checkpoint_in_gate(
        &self,
        pragma: &'static str,
        readers_waited: Duration,
    ) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Ok(());
        }
        let gate = self.gate().await?;
        let mut conn = gate.writer().acquire().await?;
        let wait = format!("PRAGMA busy_timeout = {}", readers_waited.as_millis());
        conn.execute(sqlx::AssertSqlSafe(wait)).await?;
        let done = conn.execute(pragma).await;
        // A connection whose wait cannot be put back is closed; the next one is set up.
        if conn.execute(Backend::SQLITE_BUSY_TIMEOUT).await.is_err() {
            conn.close_on_drop();
        }
        done?;
        Ok(())
    }

    /// A cheap round trip, for health checks; fails too when writes would be refused.
    pub async fn ping(&self) -> Result<()> {
        self.check_file()?;
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
    }
}

/// Checks the scheme and, for SQLite, asks for the file to be created when missing.
fn normalise_url(url: &str) -> Result<(Backend, String)> {
    let url = url.trim();
    if let Some(rest) = url.strip_prefix("sqlite:") {
        let path = rest.trim_start_matches("//");
        if path.is_empty() || path.starts_with('?') {
            return Err(StorageError::BadUrl(url.to_owned()));
        }
        let url = if url.contains("mode=") || path == ":memory:" {
            url.to_owned()
        } else if url.contains('?') {
            format!("{url}&mode=rwc")
        } else {
            format!("{url}?mode=rwc")
        };
        Ok((Backend::Sqlite, url))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok((Backend::Postgres, url.to_owned()))
    } else {
        Err(StorageError::BadUrl(redact_url(url)))
    }
}

/// Text from Telegram (a name, a chat title) as it can be stored: without NUL
/// characters, which PostgreSQL refuses in text (and SQLite would keep, to show later).
pub fn storable(text: &str) -> String {
    text.replace('\0', "")
}

/// The file a SQLite URL names, unless the database lives in memory.
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.trim().strip_prefix("sqlite:")?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let path = path.trim_start_matches("//");
    let in_memory = path.is_empty() || path == ":memory:" || query.contains("mode=memory");
    (!in_memory).then(|| std::path::PathBuf::from(path))
}

/// Creates `file`, empty and readable by this user only (mode 0600), unless it exists.
/// Milk logs, names and chat ids are nobody else's business on a shared host.
fn create_private(file: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(file) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Hides a password in a database URL before it is shown or logged.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

fn describe_open_error(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Database(db) => db.message().to_owned(),
        sqlx::Error::Io(io) => io.to_string(),
        sqlx::Error::PoolTimedOut => "timed out connecting (is the server running?)".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
