//! Settling handled updates: out of the inbox in batches when they took effect, tried
//! again later when they failed.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use teloxide::types::Update;

use crate::storage::Db;
use crate::telegram::{Ctx, HandlerResult};

/// Records the end of handling one update: gone from the inbox when it took effect, or
/// tried again later (with backoff) when it failed.
pub async fn settle(ctx: &Ctx, update: &Update, result: HandlerResult) -> HandlerResult {
    let id = i64::from(update.id.0);
    // Its chat's next update may go now.
    ctx.lanes.release(update).await;
    match result {
        Ok(()) => {
            ctx.metrics.updates_handled.inc();
            ctx.settled.push(id);
            Ok(())
        }
        Err(e) => {
            ctx.metrics.updates_failed.inc();
            // 10 s, 20 s, 40 s, ... between attempts.
            let attempts = ctx.db.inbox_attempts(id).await?;
            let backoff = Duration::seconds(10 << attempts.clamp(0, 8));
            ctx.db.inbox_failed(id, ctx.clock.now() + backoff).await?;
            Err(e)
        }
    }
}

/// Updates handled but still in the inbox. They leave it in batches, one write for many:
/// on SQLite every write waits its turn for the one write lock, and a delete per update
/// was a third of them. Until the batch is written, an update is held (not retried); a
/// crash in between means it is handled again at start, which its effects are proof
/// against (the processed-updates marks), so at worst a confirmation repeats.
#[derive(Clone, Default)]
pub struct Settled(Arc<std::sync::Mutex<Vec<i64>>>);

/// How often handled updates are taken out of the inbox.
const SETTLE_EVERY: StdDuration = StdDuration::from_millis(10);

impl Settled {
    pub fn push(&self, update_id: i64) {
        if let Ok(mut ids) = self.0.lock() {
            ids.push(update_id);
        }
    }

    fn take(&self) -> Vec<i64> {
        self.0
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
            if let Ok(mut pending) = self.0.lock() {
                pending.extend(ids);
            }
        }
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
