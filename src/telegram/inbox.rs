//! Crash-safe intake of updates. Every update is written to the inbox table before
//! Telegram is told we have it (teloxide confirms an update with the next getUpdates
//! call, which only happens after the feed below has stored and passed on the previous
//! ones). Handlers remove an update from the inbox once it took effect; one that failed
//! is tried again later with backoff; whatever is left when the bot stops or dies is
//! handled at the next start. Handlers are idempotent, so handling an update twice
//! changes nothing twice (at worst a reply is repeated).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use futures::StreamExt;
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::{AllowedUpdate, Update, UpdateKind};
use teloxide::update_listeners::{AsUpdateStream, Polling, StatefulListener, UpdateListener};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use super::{Ctx, HandlerResult, TgBot};
use crate::clock::Clock;
use crate::storage::Db;

/// How often the feed looks for updates whose retry time has come.
const RETRY_EVERY: StdDuration = StdDuration::from_secs(5);
/// While an update is being handled, it is not handed out again for this long.
const HOLD: Duration = Duration::seconds(60);
/// After this many failed attempts an update is dropped (and logged).
const MAX_ATTEMPTS: i64 = 8;

/// The updates the bot asks Telegram for.
pub const ALLOWED: [AllowedUpdate; 4] = [
    AllowedUpdate::Message,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::InlineQuery,
    AllowedUpdate::MyChatMember,
];

/// The sending half of the feed: whatever produces updates (long polling, a webhook)
/// stores them and pushes them here.
#[derive(Clone)]
pub struct Feed {
    tx: mpsc::Sender<Result<Update, Infallible>>,
    db: Db,
    clock: Clock,
}

impl Feed {
    /// Stores `update` in the inbox, then hands it to the dispatcher. Returns once it is
    /// stored (and queued), so the producer may confirm it to Telegram.
    pub async fn accept(&self, update: Update) -> Result<(), crate::storage::StorageError> {
        if let Some(why) = unfit(&update) {
            tracing::warn!("update {} skipped: {why}", update.id.0);
            return Ok(());
        }
        let payload = serde_json::to_string(&update)
            .map_err(|e| crate::storage::StorageError::Corrupt(e.to_string()))?;
        let id = i64::from(update.id.0);
        let now = self.clock.now();
        // Held a while: the retry loop does not hand it out while it is handled now.
        // One already in the inbox (Telegram sent it again because it was not confirmed
        // before a crash) is the inbox's to hand out: at start, or when its retry is due.
        if self.db.inbox_add(id, &payload, now, now + HOLD).await? {
            let _ = self.tx.send(Ok(update)).await;
        }
        Ok(())
    }

    /// Hands out updates from the inbox whose (re)try time has come.
    async fn redeliver(&self) -> Result<usize, crate::storage::StorageError> {
        let due = self.db.inbox_due(self.clock.now(), HOLD, 100).await?;
        let n = due.len();
        for item in due {
            match serde_json::from_str::<Update>(&item.payload) {
                Ok(update) if unfit(&update).is_some() => {
                    tracing::warn!("update {} in the inbox skipped", item.update_id);
                    self.db.inbox_done(item.update_id).await?;
                }
                Ok(update) if item.attempts < MAX_ATTEMPTS => {
                    let _ = self.tx.send(Ok(update)).await;
                }
                Ok(_) => {
                    tracing::error!(
                        "update {} failed {} times: giving up on it",
                        item.update_id,
                        item.attempts
                    );
                    self.db.inbox_done(item.update_id).await?;
                }
                Err(e) => {
                    tracing::error!("update {} in the inbox is unreadable: {e}", item.update_id);
                    self.db.inbox_done(item.update_id).await?;
                }
            }
        }
        Ok(n)
    }
}

/// The chat ids Telegram hands out (groups and channels below zero, users above).
const CHAT_IDS: std::ops::RangeInclusive<i64> = -1_997_852_516_352..=(1 << 40) - 1;

/// Why an update is not worth handling, if it is not: teloxide could not read it (a
/// kind or a shape it does not know; the dispatcher skips those), or it names a chat or
/// user id outside Telegram's ranges, which only a forged update can, and on which
/// teloxide's send throttle panics.
fn unfit(update: &Update) -> Option<String> {
    if let UpdateKind::Error(_) = update.kind {
        return Some("teloxide cannot read it".into());
    }
    let chat = update.chat().map(|c| c.id.0);
    let user = update
        .from()
        .map(|u| i64::try_from(u.id.0).unwrap_or(i64::MAX));
    let migrated = match &update.kind {
        UpdateKind::Message(m) => m.migrate_to_chat_id().map(|c| c.0),
        _ => None,
    };
    [chat, user, migrated]
        .into_iter()
        .flatten()
        .find(|id| !CHAT_IDS.contains(id))
        .map(|id| format!("id {id} is not one Telegram gives out"))
}

/// A listener for the dispatcher that reads the feed, and the feed to write into.
pub fn channel(db: Db, clock: Clock) -> (Feed, impl UpdateListener<Err = Infallible>, StopFlag) {
    let (tx, rx) = mpsc::channel(256);
    let (stop_token, stop_flag) = mk_stop_token();
    let listener = StatefulListener::new(
        (ReceiverStream::new(rx), stop_token),
        first,
        |state: &mut (_, StopToken)| state.1.clone(),
    );
    (Feed { tx, db, clock }, listener, stop_flag)
}

fn first<A, B>(pair: &mut (A, B)) -> &mut A {
    &mut pair.0
}

/// Long polling into the feed, plus retries from the inbox, until `stop`. First hands
/// out whatever the inbox kept from before.
pub async fn poll(feed: Feed, bot: TgBot, timeout: StdDuration, mut stop: StopFlag) {
    if let Err(e) = feed.redeliver_all().await {
        tracing::warn!("cannot read the inbox: {e}");
    }
    let mut polling = Polling::builder(bot)
        .timeout(timeout)
        .allowed_updates(ALLOWED.to_vec())
        .delete_webhook()
        .await
        .build();
    let polling_stop = polling.stop_token();
    let updates = polling.as_stream();
    tokio::pin!(updates);
    let mut retry = tokio::time::interval(RETRY_EVERY);
    let mut stopping = false;
    loop {
        tokio::select! {
            _ = &mut stop, if !stopping => {
                // Let polling make its last call, which confirms what we stored.
                stopping = true;
                polling_stop.stop();
            }
            next = updates.next() => match next {
                Some(Ok(update)) => {
                    if let Err(e) = feed.accept(update).await {
                        // Not stored, so not confirmed either: stop polling rather than
                        // lose it; Telegram keeps it for the next start.
                        tracing::error!("cannot store an update ({e}); stopping");
                        polling_stop.stop();
                        stopping = true;
                    }
                }
                Some(Err(e)) => {
                    tracing::warn!("getUpdates failed: {}", super::describe_request_error(&e));
                }
                None => break,
            },
            _ = retry.tick(), if !stopping => {
                if let Err(e) = feed.redeliver().await {
                    tracing::warn!("inbox retry failed: {e}");
                }
            }
        }
    }
}

/// Webhook mode: no polling (the webhook feeds new updates); only what the inbox kept
/// from before, and retries, until `stop`.
pub async fn retries(feed: Feed, mut stop: StopFlag) {
    if let Err(e) = feed.redeliver_all().await {
        tracing::warn!("cannot read the inbox: {e}");
    }
    let mut retry = tokio::time::interval(RETRY_EVERY);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            _ = retry.tick() => {
                if let Err(e) = feed.redeliver().await {
                    tracing::warn!("inbox retry failed: {e}");
                }
            }
        }
    }
}

impl Feed {
    /// At start: everything the inbox kept, whatever its retry time.
    async fn redeliver_all(&self) -> Result<(), crate::storage::StorageError> {
        self.db.inbox_release_all().await?;
        while self.redeliver().await? > 0 {}
        Ok(())
    }
}

/// Records the end of handling one update: gone from the inbox when it took effect, or
/// tried again later (with backoff) when it failed.
pub async fn settle(ctx: &Ctx, update: &Update, result: HandlerResult) -> HandlerResult {
    let id = i64::from(update.id.0);
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
