//! Daily upkeep: forgets what the bot no longer needs, so tables do not grow forever.
//!
//! - Processed-update ids are kept [`PROCESSED_KEPT`] (7 days). They make a redelivered
//!   update change nothing twice, so they must outlive every redelivery: Telegram keeps
//!   an unconfirmed update for at most 24 hours, and the inbox retries a failed update
//!   for about an hour and a half (8 attempts) before dropping it. A week is several
//!   times both, and still a small table (one short row per update).
//! - Finished reminders (sent or cancelled) are kept [`FINISHED_REMINDERS_KEPT`] (30
//!   days), and only once their batch has left the stash (used, discarded, undone) or
//!   when they are about no batch (summaries, "switch sides"). A reminder's unique key is
//!   what stops it being written and sent again when a stored batch's plan is rewritten,
//!   so the rows of a batch still in the stash stay. Until then a button on an old digest
//!   still finds the batches it was about.
//!
//! The task runs once at start and then every [`EVERY`] by the injected clock, so tests
//! move a manual clock instead of waiting a day.
//!
//! A second task keeps SQLite's WAL short: a checkpoint every [`CHECKPOINT_EVERY`] of real
//! time, outside the write gate (see `Backend::connection_setup`). Under steady load a
//! reader is nearly always in the WAL, so it never starts over by itself: past
//! [`WAL_FRAMES_KEPT`] pages the task starts it over, waiting for those readers
//! (`Db::restart_wal`), and once writes stop it empties the file ([`WalStep`]). Measured
//! with `cargo bench --bench throughput`: see README.

use chrono::{DateTime, Duration, Utc};
use tokio_util::sync::CancellationToken;

use crate::clock::Clock;
use crate::storage::{Db, StorageError};

/// How long a processed-update id is kept.
pub const PROCESSED_KEPT: Duration = Duration::days(7);
/// How long a finished reminder of a batch no longer in the stash is kept.
pub const FINISHED_REMINDERS_KEPT: Duration = Duration::days(30);
/// How often upkeep runs.
pub const EVERY: Duration = Duration::days(1);

/// How often the WAL is checkpointed (SQLite).
pub const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Past this many pages (64 MiB of 4 KiB pages) the WAL is started over (SQLite).
pub const WAL_FRAMES_KEPT: i64 = 16_384;

/// How long starting the WAL over waits for its readers, while writes wait too. Readers
/// of the bot take a few milliseconds; a longer one (a backup) is left to finish, and
/// the next tick tries again.
pub const WAL_READERS_WAITED: std::time::Duration = std::time::Duration::from_millis(100);

/// What one round of upkeep deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pruned {
    pub processed_updates: u64,
    pub reminders: u64,
}

/// One round of upkeep at `now`.
pub async fn run_once(db: &Db, now: DateTime<Utc>) -> Result<Pruned, StorageError> {
    Ok(Pruned {
        processed_updates: db.prune_processed(now - PROCESSED_KEPT).await?,
        reminders: db
            .prune_finished_reminders(now - FINISHED_REMINDERS_KEPT)
            .await?,
    })
}

/// Runs upkeep now and then every [`EVERY`] until `stop` is cancelled. A failed round
/// is logged and tried again at the next one: nothing depends on it being on time.
pub async fn run(db: Db, clock: Clock, stop: CancellationToken) {
    loop {
        let now = clock.now();
        match run_once(&db, now).await {
            Ok(pruned) => tracing::info!(
                processed_updates = pruned.processed_updates,
                reminders = pruned.reminders,
                "upkeep: old rows deleted"
            ),
            Err(e) => tracing::warn!("upkeep failed (tried again in a day): {e}"),
        }
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = clock.sleep_until(now + EVERY) => {}
        }
    }
}

/// SQLite: checkpoints the WAL every [`CHECKPOINT_EVERY`] until `stop` is cancelled;
/// starts it over once it holds more than [`WAL_FRAMES_KEPT`] pages, and empties its file
/// once writes have stopped for a tick (see [`WalStep`]). A failed checkpoint is tried
/// again at the next tick (the WAL only grows meanwhile) and logged once until one
/// succeeds. PostgreSQL: returns at once.
pub async fn checkpoints(db: Db, stop: CancellationToken) {
    if db.backend() != crate::storage::Backend::Sqlite {
        return;
    }
    let mut every = tokio::time::interval(CHECKPOINT_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // A database that went away fails every tick: said once, and again when it is back.
    let mut failing = false;
    let mut frames_before = 0;
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = every.tick() => {}
        }
        let done = match db.checkpoint().await {
            Ok((frames, copied)) => {
                let step = WalStep::after(frames, copied, frames_before);
                frames_before = frames;
                match step {
                    WalStep::Keep => Ok(()),
                    WalStep::StartOver => db.restart_wal(WAL_READERS_WAITED).await,
                    WalStep::Empty => db.empty_wal(WAL_READERS_WAITED).await,
                }
            }
            Err(e) => Err(e),
        };
        match done {
            Err(e) if !failing => {
                failing = true;
                tracing::warn!("WAL checkpoint failed (tried again every second): {e}");
            }
            Ok(_) if failing => {
                failing = false;
                tracing::info!("WAL checkpoints work again");
            }
            _ => {}
        }
    }
}

/// What the checkpoint task does after a passive checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalStep {
    /// Nothing more: the WAL is short, or will be started over by the next write.
    Keep,
    /// Start the WAL over (`Db::restart_wal`): it is long and readers keep it in use.
    /// Its file is reused as it is, so a busy bot does not cut and regrow it every second.
    StartOver,
    /// Empty its file (`Db::empty_wal`): no page was written since the last tick and all
    /// are in the database file, so nobody waits, and the disk gets the space back.
    Empty,
}

impl WalStep {
    /// The step after a passive checkpoint found `frames` pages in the WAL, `copied` of
    /// them in the database file, and `frames_before` at the tick before.
    pub fn after(frames: i64, copied: i64, frames_before: i64) -> WalStep {
        if frames > 0 && frames == copied && frames == frames_before {
            WalStep::Empty
        } else if frames > WAL_FRAMES_KEPT {
            WalStep::StartOver
        } else {
            WalStep::Keep
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::{TestDb, fridge_batch};
    use crate::storage::{Actor, NewChat, NewReminder, Written};
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap()
    }

    fn reminder(family_id: i64, batch_id: Option<i64>, key: String) -> NewReminder {
        NewReminder {
            key,
            family_id,
            batch_id,
            chat_id: None,
            kind: crate::domain::reminders::Kind::Lead,
            place: None,
            due_at: t0(),
            urgent: false,
        }
    }

    /// A family whose updates 1 and 2 logged a batch each at t0 (the first still in the
    /// stash, the second used since) and whose update 3 logged one six days later; the
    /// first two batches and a summary each had a reminder sent at t0. Returns the
    /// first batch's reminder key.
    async fn history(db: &Db) -> String {
        let (family, _) = db
            .family_for_chat(
                NewChat {
                    id: 7,
                    kind: crate::domain::family::ChatType::Private,
                    title: None,
                },
                chrono_tz::UTC,
                t0(),
            )
            .await
            .unwrap();
        let actor = Actor::new(7, "Ana");
        let mut batches = Vec::new();
        for (update, at) in [(1, t0()), (2, t0()), (3, t0() + Duration::days(6))] {
            let new = fridge_batch(family.id, at, &actor, None, Some(update));
            let plan = |row: &crate::storage::BatchRow| match update {
                3 => Vec::new(),
                _ => vec![reminder(
                    row.family_id,
                    Some(row.id),
                    format!("b{}", row.id),
                )],
            };
            let Written::Done(row) = db.insert_batch(new, at, plan).await.unwrap() else {
                panic!("update {update} logged nothing");
            };
            batches.push(row.id);
        }
        db.add_reminder(&reminder(family.id, None, "f:morning".into()))
            .await
            .unwrap();
        let due = db
            .claim_due(t0(), t0() + Duration::minutes(1), "test", 10)
            .await
            .unwrap();
        assert_eq!(due.len(), 3);
        for r in due {
            db.finish_reminder(r.id, "sent", t0()).await.unwrap();
        }
        sqlx::query("UPDATE batches SET status = 'used' WHERE id = $1")
            .bind(batches[1])
            .execute(db.pool())
            .await
            .unwrap();
        format!("b{}", batches[0])
    }

    async fn processed(db: &Db) -> Vec<i64> {
        sqlx::query_scalar("SELECT update_id FROM processed_updates ORDER BY update_id")
            .fetch_all(db.pool())
            .await
            .unwrap()
    }

    async fn reminder_keys(db: &Db) -> Vec<String> {
        sqlx::query_scalar("SELECT key FROM reminders ORDER BY key")
            .fetch_all(db.pool())
            .await
            .unwrap()
    }

    /// A SQLite database in `dir` (`wal.db`): these tests are about its WAL file.
    async fn sqlite_file(dir: &std::path::Path) -> Db {
        let file = dir.join("wal.db");
        Db::open(&format!("sqlite://{}", file.display()))
            .await
            .unwrap()
    }

    /// SQLite writers never checkpoint (it would happen inside the write gate, while every
    /// other writer waits); `Db::checkpoint` does, and the WAL then starts over.
    #[tokio::test]
    async fn writers_leave_checkpoints_to_the_checkpoint_task() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite_file(dir.path()).await;
        // About a page each: 1,500 pages, past SQLite's automatic threshold of 1,000.
        let payload = "x".repeat(3000);
        for id in 0..1500 {
            db.inbox_add(id, &payload, t0(), t0()).await.unwrap();
        }
        let (frames, copied) = db.checkpoint().await.unwrap();
        assert!(
            frames > 1500,
            "the writers checkpointed: {frames} frames left"
        );
        assert_eq!(copied, frames, "the checkpoint copied everything");
        db.inbox_add(9999, "{}", t0(), t0()).await.unwrap();
        let (frames, _) = db.checkpoint().await.unwrap();
        assert!(frames < 10, "the WAL did not start over: {frames} frames");
        // The task ends when told to.
        let stop = CancellationToken::new();
        let task = tokio::spawn(checkpoints(db.clone(), stop.clone()));
        stop.cancel();
        tokio::time::timeout(std::time::Duration::from_secs(5), task)
            .await
            .expect("the checkpoint task stops")
            .unwrap();
    }

    /// Under steady load some reader is always in the WAL, and a passive checkpoint never
    /// waits for it, so the WAL would grow without end. Past `WAL_FRAMES_KEPT` pages the
    /// task starts it over: it holds the write gate and waits for the readers, a while at
    /// most, then the next write begins the WAL from its start. Nothing is lost.
    #[tokio::test]
    async fn a_wal_that_keeps_growing_is_started_over() {
        use std::time::{Duration as Wait, Instant};
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite_file(dir.path()).await;
        let add = |from: i64, n: i64| {
            let db = db.clone();
            async move {
                for id in from..from + n {
                    db.inbox_add(id, "{}", t0(), t0()).await.unwrap();
                }
            }
        };
        // Rows 0..=100, 200 and 1000 are written below and must all be there (300..
        // only while a reader is held).
        let count = |db: Db| async move {
            let row =
                sqlx::query("SELECT COUNT(*) FROM inbox WHERE update_id < 300 OR update_id = 1000")
                    .fetch_one(db.pool())
                    .await
                    .unwrap();
            row.try_get::<i64, _>(0).unwrap()
        };
        // A reader that began while the WAL held pages, and is still reading.
        async fn reader(db: &Db) -> sqlx::pool::PoolConnection<sqlx::Any> {
            let mut conn = db.pool().acquire().await.unwrap();
            sqlx::query("BEGIN").execute(&mut *conn).await.unwrap();
            sqlx::query("SELECT COUNT(*) FROM inbox")
                .fetch_one(&mut *conn)
                .await
                .unwrap();
            conn
        }
        async fn done_reading(mut conn: sqlx::pool::PoolConnection<sqlx::Any>) {
            sqlx::query("COMMIT").execute(&mut *conn).await.unwrap();
        }
        use sqlx::Row;

        // 1. Db::restart_wal waits for the reader (a passive checkpoint would not).
        add(0, 50).await;
        let held = reader(&db).await;
        add(50, 50).await;
        let restart = tokio::spawn({
            let db = db.clone();
            async move { db.restart_wal(Wait::from_secs(10)).await }
        });
        tokio::time::sleep(Wait::from_millis(200)).await;
        assert!(!restart.is_finished(), "it did not wait for the reader");
        done_reading(held).await;
        tokio::time::timeout(Wait::from_secs(5), restart)
            .await
            .expect("the restart ends once the reader is done")
            .unwrap()
            .unwrap();
        add(100, 1).await;
        let (frames, _) = db.checkpoint().await.unwrap();
        assert!(frames < 10, "the WAL did not start over: {frames} frames");
        assert_eq!(count(db.clone()).await, 101, "rows were lost");

        // 2. The task starts it over once it is past WAL_FRAMES_KEPT pages. A reader that
        //    takes long (a backup) is not waited for past WAL_READERS_WAITED, so writes
        //    only pause while the task tries, once a tick, and go on meanwhile.
        sqlx::query("CREATE TABLE pad(x BLOB)")
            .execute(db.pool())
            .await
            .unwrap();
        sqlx::query(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) \
             INSERT INTO pad SELECT randomblob(3000) FROM n",
        )
        .bind(WAL_FRAMES_KEPT + 100)
        .execute(db.pool())
        .await
        .unwrap();
        let wal = dir.path().join("wal.db-wal");
        let length = || std::fs::metadata(&wal).map_or(0, |m| m.len());
        assert!(
            length() > (WAL_FRAMES_KEPT as u64) << 12,
            "too few pages written"
        );
        let held = reader(&db).await;
        add(200, 1).await;
        let stop = CancellationToken::new();
        let task = tokio::spawn(checkpoints(db.clone(), stop.clone()));
        let mut paused = false;
        for id in 300..600 {
            let write = Instant::now();
            tokio::time::timeout(Wait::from_secs(5), db.inbox_add(id, "{}", t0(), t0()))
                .await
                .expect("writes stalled behind a reader")
                .unwrap();
            if write.elapsed() >= Wait::from_millis(50) {
                paused = true;
                break;
            }
            tokio::time::sleep(Wait::from_millis(20)).await;
        }
        assert!(
            paused,
            "no write paused: the task did not try to start the WAL over"
        );
        done_reading(held).await;
        let started_over = async {
            for id in 1000.. {
                db.inbox_add(id, "{}", t0(), t0()).await.unwrap();
                if db.checkpoint().await.unwrap().0 < 10 {
                    return;
                }
                tokio::time::sleep(Wait::from_millis(100)).await;
            }
        };
        tokio::time::timeout(Wait::from_secs(5), started_over)
            .await
            .expect("the WAL did not start over once the reader was done");

        // 3. Once writes stop, the task gives the disk its space back.
        assert!(
            length() > (WAL_FRAMES_KEPT as u64) << 12,
            "the WAL file was cut early"
        );
        let emptied = async {
            while length() > 0 {
                tokio::time::sleep(Wait::from_millis(50)).await;
            }
        };
        tokio::time::timeout(Wait::from_secs(10), emptied)
            .await
            .expect("the WAL file was not emptied once writes stopped");
        assert_eq!(count(db.clone()).await, 103, "rows were lost");
        stop.cancel();
        tokio::time::timeout(Wait::from_secs(5), task)
            .await
            .expect("the checkpoint task stops")
            .unwrap();
    }

    /// The WAL is started over past `WAL_FRAMES_KEPT` pages, and emptied only when a tick
    /// passed without writes and everything is in the database file.
    #[test]
    fn the_wal_step_follows_size_and_quiet() {
        let kept = WAL_FRAMES_KEPT;
        assert_eq!(WalStep::after(0, 0, 0), WalStep::Keep, "nothing to do");
        assert_eq!(
            WalStep::after(100, 100, 40),
            WalStep::Keep,
            "short, still written"
        );
        assert_eq!(
            WalStep::after(kept, kept, 9),
            WalStep::Keep,
            "not past the limit"
        );
        assert_eq!(WalStep::after(kept + 1, 5, 9), WalStep::StartOver, "long");
        assert_eq!(WalStep::after(kept + 1, kept + 1, 9), WalStep::StartOver);
        assert_eq!(
            WalStep::after(100, 100, 100),
            WalStep::Empty,
            "quiet, all copied"
        );
        assert_eq!(WalStep::after(kept * 3, kept * 3, kept * 3), WalStep::Empty);
        assert_eq!(
            WalStep::after(100, 90, 100),
            WalStep::Keep,
            "a reader holds pages"
        );
        assert_eq!(WalStep::after(kept * 3, 9, kept * 3), WalStep::StartOver);
    }

    /// Processed ids go after a week, finished reminders after a month, except those
    /// of a batch still in the stash, whose keys keep them from being sent again.
    #[tokio::test]
    async fn upkeep_keeps_what_idempotence_needs_and_forgets_the_rest() {
        let test_db = TestDb::create().await.unwrap();
        let db = Db::open(test_db.url()).await.unwrap();
        let stored_key = history(&db).await;

        let day = |n| t0() + Duration::days(n) + Duration::minutes(1);
        assert_eq!(run_once(&db, day(6)).await.unwrap(), Pruned::default());
        assert_eq!(processed(&db).await, [1, 2, 3]);

        let pruned = run_once(&db, day(7)).await.unwrap();
        assert_eq!((pruned.processed_updates, pruned.reminders), (2, 0));
        assert_eq!(processed(&db).await, [3]);
        assert_eq!(reminder_keys(&db).await.len(), 3, "a month for reminders");

        let pruned = run_once(&db, day(30)).await.unwrap();
        assert_eq!((pruned.processed_updates, pruned.reminders), (1, 2));
        assert!(processed(&db).await.is_empty());
        assert_eq!(reminder_keys(&db).await, [stored_key]);
        db.close().await;
    }

    /// The task runs at start and again each day of the injected clock.
    #[tokio::test]
    async fn upkeep_runs_daily_by_the_clock() {
        let test_db = TestDb::create().await.unwrap();
        let db = Db::open(test_db.url()).await.unwrap();
        history(&db).await;
        let clock = Clock::manual(t0() + Duration::days(6));
        let stop = CancellationToken::new();
        let task = tokio::spawn(run(db.clone(), clock.clone(), stop.clone()));
        // Waits (at most 10 s) until the processed ids are `want`.
        let processed_become = |want: Vec<i64>| {
            let db = db.clone();
            async move {
                let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
                while processed(&db).await != want {
                    assert!(std::time::Instant::now() < deadline, "still not {want:?}");
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                }
            }
        };
        clock.advance(Duration::days(2));
        processed_become(vec![3]).await;
        clock.advance(Duration::days(6));
        processed_become(vec![]).await;
        stop.cancel();
        tokio::time::timeout(std::time::Duration::from_secs(5), task)
            .await
            .expect("upkeep stops when told")
            .unwrap();
        db.close().await;
    }
}
