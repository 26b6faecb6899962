//! The feed: what produces updates (long polling, a webhook) stores each in the inbox,
//! under the per-person limit, and hands it to the dispatcher through the lanes.

use std::convert::Infallible;
use std::sync::Arc;

use chrono::Duration;
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::{Update, UpdateKind};
use teloxide::update_listeners::{StatefulListener, UpdateListener};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

use super::lanes::Lanes;
use super::{GaveUp, IntakeHealth};
use crate::activity::Activity;
use crate::clock::Clock;
use crate::storage::{Db, StorageError};
use crate::telegram::{Limited, UserLimits};

/// While an update is being handled, it is not handed out again for this long.
const HOLD: Duration = Duration::seconds(60);
/// After this many failed attempts an update is dropped (and logged).
const MAX_ATTEMPTS: i64 = 8;

/// The sending half of the feed: whatever produces updates (long polling, a webhook)
/// stores them and pushes them here.
#[derive(Clone)]
pub struct Feed {
    pub(super) lanes: Arc<Lanes>,
    pub(super) db: Db,
    pub(super) clock: Clock,
    pub(super) health: Arc<IntakeHealth>,
    limits: Arc<UserLimits>,
}

/// What the per-person limit says about an arriving update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Admitted {
    Yes,
    /// Over the limit: answered with the slow-down note instead of being handled.
    SlowDown,
    /// Over the limit, and the note was given: dropped.
    Dropped,
}

impl Feed {
    /// Stores `update` (`raw`: the JSON it was read from) in the inbox, then hands it to
    /// the dispatcher. Returns once it is stored (and queued), so the producer may
    /// confirm it to Telegram. Keeps [`IntakeHealth`] up to date.
    pub async fn accept(&self, update: &Update, raw: &str) -> Result<(), StorageError> {
        let admitted = self.admit(update);
        self.accept_page(&[(update, raw, admitted)]).await
    }

    /// Applies the per-person limit to an arriving update, once (a retried store does
    /// not count again).
    pub(super) fn admit(&self, update: &Update) -> Admitted {
        let person = match &update.kind {
            UpdateKind::Message(_) | UpdateKind::CallbackQuery(_) | UpdateKind::InlineQuery(_) => {
                update
                    .from()
                    .map(|u| i64::try_from(u.id.0).unwrap_or(i64::MAX))
            }
            _ => None,
        };
        match person.map(|p| self.limits.check(p)) {
            None | Some(Limited::No) => Admitted::Yes,
            Some(Limited::Yes { note: true }) => Admitted::SlowDown,
            Some(Limited::Yes { note: false }) => Admitted::Dropped,
        }
    }

    /// Stores a page of updates (each with its JSON and what the per-person limit said)
    /// in one write, all or none, then hands the new ones to the dispatcher in order.
    pub(super) async fn accept_page(
        &self,
        page: &[(&Update, &str, Admitted)],
    ) -> Result<(), StorageError> {
        let result = self.store(page).await;
        match &result {
            Ok(()) => self.health.stored(),
            Err(_) => self.health.failed(self.clock.now()),
        }
        result
    }

    /// Keeps each update's JSON as it came: the update was read from it, and is read
    /// from it again when handed out from the inbox (writing the parsed update back out
    /// cost a serialisation per update for the same text). A page is one statement: on
    /// SQLite each write waits its turn at the write gate, and a page stored update by
    /// update queued the whole intake behind the handlers' writes once per update.
    async fn store(&self, page: &[(&Update, &str, Admitted)]) -> Result<(), StorageError> {
        let mut rows = Vec::with_capacity(page.len());
        for &(update, raw, admitted) in page {
            let id = i64::from(update.id.0);
            if let Some(why) = unfit(update) {
                tracing::warn!("update {id} skipped: {why}");
            } else if admitted == Admitted::Dropped {
                tracing::debug!("update {id} dropped: its sender is over the limit");
            } else {
                rows.push((id, raw));
            }
        }
        if rows.is_empty() {
            return Ok(());
        }
        let now = self.clock.now();
        // Held a while: the retry loop does not hand them out while they are handled now.
        // One already in the inbox (Telegram sent it again because it was not confirmed
        // before a crash) is the inbox's to hand out: at start, or when its retry is due.
        let added = self.db.inbox_add_all(&rows, now, now + HOLD).await?;
        for &(update, _, admitted) in page {
            let id = i64::from(update.id.0);
            if !added.contains(&id) {
                continue;
            }
            if admitted == Admitted::SlowDown {
                self.limits.note_due(id);
            }
            self.lanes.dispatch(update.clone()).await;
        }
        Ok(())
    }

    /// The per-chat lanes to the dispatcher (handlers release them when settling).
    pub fn lanes(&self) -> Arc<Lanes> {
        self.lanes.clone()
    }

    /// Given up on storing: how long it failed, once that is longer than allowed.
    pub(super) fn gave_up(&self, allowed: Duration) -> Option<GaveUp> {
        let failing = self.health.failing_for(self.clock.now())?;
        (failing >= allowed).then(|| {
            self.health.stop();
            GaveUp(failing.num_seconds())
        })
    }

    /// Hands out updates from the inbox whose (re)try time has come.
    pub(super) async fn redeliver(&self) -> Result<usize, StorageError> {
        let due = self.db.inbox_due(self.clock.now(), HOLD, 100).await?;
        let n = due.len();
        for item in due {
            match serde_json::from_str::<Update>(&item.payload) {
                Ok(update) if unfit(&update).is_some() => {
                    tracing::warn!("update {} in the inbox skipped", item.update_id);
                    self.db.inbox_done(item.update_id).await?;
                }
                // Still in hand (handled or waiting for its chat's turn): not again.
                Ok(_) if self.lanes.holds(item.update_id) => {}
                Ok(update) if item.attempts < MAX_ATTEMPTS => {
                    self.lanes.dispatch(update).await;
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
/// teloxide's send throttle used to panic.
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
pub fn channel(
    db: Db,
    clock: Clock,
    health: Arc<IntakeHealth>,
    limits: Arc<UserLimits>,
    activity: Activity,
) -> (Feed, impl UpdateListener<Err = Infallible>, StopFlag) {
    let (tx, rx) = mpsc::channel(256);
    let (stop_token, stop_flag) = mk_stop_token();
    let listener = StatefulListener::new(
        (ReceiverStream::new(rx), stop_token),
        first,
        |state: &mut (_, StopToken)| state.1.clone(),
    );
    (
        Feed {
            lanes: Arc::new(Lanes::new(tx, activity)),
            db,
            clock,
            health,
            limits,
        },
        listener,
        stop_flag,
    )
}

fn first<A, B>(pair: &mut (A, B)) -> &mut A {
    &mut pair.0
}

impl Feed {
    /// At start: everything the inbox kept, whatever its retry time.
    pub(super) async fn redeliver_all(&self) -> Result<(), StorageError> {
        self.db.inbox_release_all().await?;
        while self.redeliver().await? > 0 {}
        Ok(())
    }
}
