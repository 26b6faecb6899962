//! Settling handled updates: out of the inbox in batches when they took effect, tried
//! again later when they failed.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use teloxide::types::Update;

use super::lanes::Lanes;
use crate::clock::Clock;
use crate::storage::Db;
use crate::telegram::{Ctx, HandlerResult};

/// Records the end of handling one update: gone from the inbox when it took effect, or
/// tried again later (with backoff) when it failed. Its chat's next update goes at once;
/// the update itself is held until the inbox says what becomes of it, so a row that
/// fell due while it was handled is not handed out a second time.
pub async fn settle(ctx: &Ctx, update: &Update, result: HandlerResult) -> HandlerResult {
    let id = i64::from(update.id.0);
    match result {
        Ok(()) => {
            ctx.metrics.updates_handled.inc();
            ctx.settled.push(id);
            ctx.lanes.release(update).await;
            Ok(())
        }
        Err(e) => {
            ctx.metrics.updates_failed.inc();
            let put_off = put_off(&ctx.db, &ctx.clock, id).await;
            ctx.lanes.release(update).await;
            ctx.lanes.forget(&[id]);
            put_off?;
            Err(e)
        }
    }
}

/// Puts a failed update off: 10 s, 20 s, 40 s, ... between attempts.
async fn put_off(db: &Db, clock: &Clock, id: i64) -> HandlerResult {
    let attempts = db.inbox_attempts(id).await?;
    let backoff = Duration::seconds(10 << attempts.clamp(0, 8));
    db.inbox_failed(id, clock.now() + backoff).await?;
    Ok(())
}

/// Updates handled but still in the inbox. They leave it in batches, one write for many:
/// on SQLite every write waits its turn for the one write lock, and a delete per update
/// was a third of them. Until the batch is written, an update is held (not retried); a
/// crash in between means it is handled again at start, which its effects are proof
/// against (the processed-updates marks), so at worst a confirmation repeats.
#[derive(Clone)]
pub struct Settled {
    ids: Arc<std::sync::Mutex<Vec<i64>>>,
    /// Told when the updates are out of the inbox, so they are no longer held.
    lanes: Arc<Lanes>,
}

/// How often handled updates are taken out of the inbox.
const SETTLE_EVERY: StdDuration = StdDuration::from_millis(10);

impl Settled {
    pub fn new(lanes: Arc<Lanes>) -> Settled {
        Settled {
            ids: Default::default(),
            lanes,
        }
    }

    pub fn push(&self, update_id: i64) {
        if let Ok(mut ids) = self.ids.lock() {
            ids.push(update_id);
        }
    }

    fn take(&self) -> Vec<i64> {
        self.ids
            .lock()
            .map(|mut ids| std::mem::take(&mut *ids))
            .unwrap_or_default()
    }

    /// Takes what was handled out of the inbox now. On failure the ids stay for the next
    /// try.
    pub async fn flush(&self, db: &Db) {
        let ids = self.take();
        if ids.is_empty() {
            return;
        }
        if let Err(e) = db.inbox_done_all(&ids).await {
            tracing::warn!(
                "cannot clear {} handled updates from the inbox: {e}",
                ids.len()
            );
            if let Ok(mut pending) = self.ids.lock() {
                pending.extend(ids);
            }
            return;
        }
        self.lanes.forget(&ids);
    }

    /// Flushes every few milliseconds until `stop`, then once more.
    pub async fn run(self, db: Db, stop: tokio_util::sync::CancellationToken) {
        let mut tick = tokio::time::interval(SETTLE_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = stop.cancelled() => break,
                _ = tick.tick() => self.flush(&db).await,
            }
        }
        self.flush(&db).await;
    }
}
