//! Crash-safe intake of updates. Every update is written to the inbox table before
//! Telegram is told we have it: polling asks Telegram for updates after the last one
//! stored (which confirms everything before it), and the webhook answers 200 only after
//! the write. An update that cannot be stored (the database is down, the disk full) is
//! tried again with backoff while the feed stays alive; nothing after it is confirmed
//! meanwhile, and the bot catches up by itself when storage returns. Handlers remove an
//! update from the inbox once it took effect; one that failed is tried again later with
//! backoff; whatever is left when the bot stops or dies is handled at the next start.
//! Handlers are idempotent, so handling an update twice changes nothing twice (at worst
//! a reply is repeated).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use serde::Deserialize;
use serde_json::value::RawValue;
use teloxide::prelude::Requester;
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::{AllowedUpdate, Update, UpdateKind};
use teloxide::update_listeners::{StatefulListener, UpdateListener};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::sync::CancellationToken;

use super::{Ctx, HandlerResult, Limited, TgBot, UserLimits};
use crate::activity::Activity;
use crate::clock::Clock;
use crate::storage::{Db, StorageError};
use std::collections::{HashMap, HashSet, VecDeque};

/// How often the feed looks for updates whose retry time has come.
const RETRY_EVERY: StdDuration = StdDuration::from_secs(5);
/// While an update is being handled, it is not handed out again for this long.
const HOLD: Duration = Duration::seconds(60);
/// After this many failed attempts an update is dropped (and logged).
const MAX_ATTEMPTS: i64 = 8;
/// Waits between attempts to store an update: from the first to the longest.
const STORE_BACKOFF: (StdDuration, StdDuration) =
    (StdDuration::from_millis(100), StdDuration::from_secs(2));
/// Waits between failed getUpdates calls: from the first to the longest.
const FETCH_BACKOFF: (StdDuration, StdDuration) =
    (StdDuration::from_millis(500), StdDuration::from_secs(30));

/// How the intake fetches updates and how long it keeps trying to store them.
#[derive(Debug, Clone, Copy)]
pub struct IntakeSettings {
    /// Long-polling timeout for getUpdates.
    pub poll_timeout: StdDuration,
    /// How long updates may go unstorable before the bot gives up and exits (non-zero),
    /// so that a supervisor restarts it.
    pub give_up_after: Duration,
}

pub use crate::metrics::IntakeHealth;

/// The intake could not store updates for longer than it may wait.
#[derive(Debug, thiserror::Error)]
#[error(
    "updates could not be stored for {0} s; stopping so that a supervisor restarts the bot \
     (they wait at Telegram)"
)]
pub struct GaveUp(pub i64);

/// The updates the bot asks Telegram for.
pub const ALLOWED: [AllowedUpdate; 5] = [
    AllowedUpdate::Message,
    // A corrected logging message corrects its batch.
    AllowedUpdate::EditedMessage,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::InlineQuery,
    AllowedUpdate::MyChatMember,
];

/// The sending half of the feed: whatever produces updates (long polling, a webhook)
/// stores them and pushes them here.
#[derive(Clone)]
pub struct Feed {
    lanes: Arc<Lanes>,
    db: Db,
    clock: Clock,
    health: Arc<IntakeHealth>,
    limits: Arc<UserLimits>,
}

/// What the per-person limit says about an arriving update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Admitted {
    Yes,
    /// Over the limit: answered with the slow-down note instead of being handled.
    SlowDown,
    /// Over the limit, and the note was given: dropped.
    Dropped,
}

impl Feed {
    /// Stores `update` in the inbox, then hands it to the dispatcher. Returns once it is
    /// stored (and queued), so the producer may confirm it to Telegram. Keeps
    /// [`IntakeHealth`] up to date.
    pub async fn accept(&self, update: &Update) -> Result<(), StorageError> {
        let admitted = self.admit(update);
        self.accept_as(update, admitted).await
    }

    /// Applies the per-person limit to an arriving update, once (a retried store does
    /// not count again).
    fn admit(&self, update: &Update) -> Admitted {
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

    async fn accept_as(&self, update: &Update, admitted: Admitted) -> Result<(), StorageError> {
        let result = self.store(update, admitted).await;
        match &result {
            Ok(()) => self.health.stored(),
            Err(_) => self.health.failed(self.clock.now()),
        }
        result
    }

    async fn store(&self, update: &Update, admitted: Admitted) -> Result<(), StorageError> {
        if let Some(why) = unfit(update) {
            tracing::warn!("update {} skipped: {why}", update.id.0);
            return Ok(());
        }
        let id = i64::from(update.id.0);
        if admitted == Admitted::Dropped {
            tracing::debug!("update {id} dropped: its sender is over the limit");
            return Ok(());
        }
        let payload =
            serde_json::to_string(update).map_err(|e| StorageError::Corrupt(e.to_string()))?;
        let now = self.clock.now();
        // Held a while: the retry loop does not hand it out while it is handled now.
        // One already in the inbox (Telegram sent it again because it was not confirmed
        // before a crash) is the inbox's to hand out: at start, or when its retry is due.
        if self.db.inbox_add(id, &payload, now, now + HOLD).await? {
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
    fn gave_up(&self, allowed: Duration) -> Option<GaveUp> {
        let failing = self.health.failing_for(self.clock.now())?;
        (failing >= allowed).then(|| {
            self.health.stop();
            GaveUp(failing.num_seconds())
        })
    }

    /// Hands out updates from the inbox whose (re)try time has come.
    async fn redeliver(&self) -> Result<usize, StorageError> {
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
            lanes: Arc::new(Lanes {
                tx: std::sync::Mutex::new(Some(tx)),
                state: Default::default(),
                activity,
            }),
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

/// Long polling into the feed, plus retries from the inbox, until `stop`. First hands
/// out whatever the inbox kept from before. Fails when updates could not be stored for
/// longer than `settings.give_up_after`.
pub async fn poll(
    feed: Feed,
    bot: TgBot,
    settings: IntakeSettings,
    stop: StopFlag,
) -> Result<(), GaveUp> {
    if let Err(e) = feed.redeliver_all().await {
        tracing::warn!("cannot read the inbox: {e}");
    }
    let polled = CancellationToken::new();
    let (result, ()) = tokio::join!(
        async {
            let result = polling(&feed, &bot, settings, stop).await;
            polled.cancel();
            result
        },
        retry_until(&feed, polled.clone()),
    );
    feed.lanes.close();
    result
}

/// Fetches updates and stores them, one after another; asks Telegram for the next only
/// after the last one stored, so what is not stored is never confirmed.
async fn polling(
    feed: &Feed,
    bot: &TgBot,
    settings: IntakeSettings,
    mut stop: StopFlag,
) -> Result<(), GaveUp> {
    if let Err(e) = bot.delete_webhook().await {
        tracing::warn!(
            "cannot remove the webhook: {}",
            super::describe_request_error(&e)
        );
    }
    let source = GetUpdates::new(bot);
    let mut offset = 0;
    let mut failures = 0;
    'feed: loop {
        let fetched = tokio::select! {
            _ = &mut stop => break 'feed,
            fetched = source.fetch(offset, 100, settings.poll_timeout) => fetched,
        };
        let batch = match fetched {
            Ok(batch) => {
                failures = 0;
                batch
            }
            Err(e) => {
                let wait = e
                    .retry_after
                    .unwrap_or_else(|| backoff(failures, FETCH_BACKOFF));
                failures += 1;
                tracing::warn!("getUpdates failed: {}; again in {wait:?}", e.reason);
                tokio::select! {
                    _ = &mut stop => break 'feed,
                    _ = tokio::time::sleep(wait) => continue 'feed,
                }
            }
        };
        for raw in batch {
            let id = update_id(&raw);
            match serde_json::from_str::<Update>(raw.get()) {
                Ok(update) => match store_until_stored(feed, &update, settings, &mut stop).await {
                    Stored::Yes => {}
                    Stored::Stopping => break 'feed,
                    Stored::GaveUp(e) => return Err(e),
                },
                Err(e) => {
                    // Skipped past: an update the client cannot read would otherwise
                    // block every later one.
                    let id = id.map_or_else(|| "without an id".to_owned(), |id| id.to_string());
                    tracing::warn!(
                        "update {id} skipped: {}",
                        crate::logging::unreadable_json(&e)
                    );
                }
            }
            if let Some(id) = id {
                offset = offset.max(id.saturating_add(1));
            }
        }
    }
    // Confirms what was stored (and nothing after it).
    if offset != 0
        && let Err(e) = source.fetch(offset, 1, StdDuration::ZERO).await
    {
        tracing::warn!("cannot confirm the last updates: {}", e.reason);
    }
    Ok(())
}

enum Stored {
    Yes,
    Stopping,
    GaveUp(GaveUp),
}

/// Stores one update, trying again with backoff while storage fails; gives up after
/// `settings.give_up_after`.
async fn store_until_stored(
    feed: &Feed,
    update: &Update,
    settings: IntakeSettings,
    stop: &mut StopFlag,
) -> Stored {
    let admitted = feed.admit(update);
    let mut attempt: u32 = 0;
    loop {
        let result = tokio::select! {
            _ = &mut *stop => return Stored::Stopping,
            result = feed.accept_as(update, admitted) => result,
        };
        let Err(e) = result else {
            if attempt > 0 {
                tracing::info!(
                    "updates can be stored again after {attempt} failed attempts; catching up"
                );
            }
            return Stored::Yes;
        };
        if let Some(gave_up) = feed.gave_up(settings.give_up_after) {
            tracing::error!("{gave_up}: {e}");
            return Stored::GaveUp(gave_up);
        }
        if attempt.is_power_of_two() || attempt == 0 {
            tracing::error!(
                "cannot store update {} ({e}); trying again, and not confirming it or any \
                 later one to Telegram meanwhile (attempt {})",
                update.id.0,
                attempt + 1
            );
        }
        let wait = backoff(attempt, STORE_BACKOFF);
        attempt = attempt.saturating_add(1);
        tokio::select! {
            _ = &mut *stop => return Stored::Stopping,
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

/// Doubling waits from `first` up to `longest`.
fn backoff(failures: u32, (first, longest): (StdDuration, StdDuration)) -> StdDuration {
    first.saturating_mul(1 << failures.min(16)).min(longest)
}

/// Hands out due updates from the inbox every few seconds until `done`.
async fn retry_until(feed: &Feed, done: CancellationToken) {
    let mut retry = tokio::time::interval(RETRY_EVERY);
    loop {
        tokio::select! {
            _ = done.cancelled() => break,
            _ = retry.tick() => {
                if let Err(e) = feed.redeliver().await {
                    tracing::warn!("inbox retry failed: {e}");
                }
            }
        }
    }
}

/// Webhook mode: no polling (the webhook feeds new updates); only what the inbox kept
/// from before, and retries, until `stop`. Fails when webhook updates could not be
/// stored for longer than `give_up_after`.
pub async fn retries(
    feed: Feed,
    mut stop: StopFlag,
    give_up_after: Duration,
) -> Result<(), GaveUp> {
    if let Err(e) = feed.redeliver_all().await {
        tracing::warn!("cannot read the inbox: {e}");
    }
    let mut retry = tokio::time::interval(RETRY_EVERY);
    loop {
        tokio::select! {
            _ = &mut stop => {
                feed.lanes.close();
                return Ok(());
            }
            _ = retry.tick() => {
                // Telegram only tries a refused update again after a while: whether the
                // database is back is asked here meanwhile.
                if feed.health.failing_for(feed.clock.now()).is_some() && feed.db.ping().await.is_ok() {
                    tracing::info!("the database answers again");
                    feed.health.stored();
                }
                if let Some(gave_up) = feed.gave_up(give_up_after) {
                    tracing::error!("{gave_up}");
                    feed.lanes.close();
                    return Err(gave_up);
                }
                if let Err(e) = feed.redeliver().await {
                    tracing::warn!("inbox retry failed: {e}");
                }
            }
        }
    }
}

/// The id of an update the client may not be able to read as a whole.
fn update_id(raw: &RawValue) -> Option<i64> {
    #[derive(Deserialize)]
    struct Id {
        update_id: serde_json::Number,
    }
    let n = serde_json::from_str::<Id>(raw.get()).ok()?.update_id;
    n.as_i64()
        .or_else(|| n.as_u64().map(|_| i64::MAX))
        .or_else(|| n.as_f64().map(|f| f as i64))
}

/// getUpdates, read as raw JSON: teloxide reads the whole answer into typed updates,
/// and one it cannot read fails the whole batch again and again.
struct GetUpdates {
    client: reqwest::Client,
    url: Option<reqwest::Url>,
    /// How long a call may take beyond its long-polling timeout.
    grace: StdDuration,
}

/// A failed getUpdates call.
struct FetchError {
    /// What went wrong (never the URL, which holds the token).
    reason: String,
    /// How long Telegram asked us to wait.
    retry_after: Option<StdDuration>,
}

impl GetUpdates {
    fn new(bot: &TgBot) -> GetUpdates {
        let bot = bot.inner();
        let url = bot
            .api_url()
            .join(&format!("/bot{}/getUpdates", bot.token()))
            .ok();
        GetUpdates {
            client: bot.client().clone(),
            url,
            grace: StdDuration::from_secs(10),
        }
    }

    async fn fetch(
        &self,
        offset: i64,
        limit: u8,
        timeout: StdDuration,
    ) -> Result<Vec<Box<RawValue>>, FetchError> {
        #[derive(Deserialize)]
        struct Answer {
            ok: bool,
            result: Option<Vec<Box<RawValue>>>,
            description: Option<String>,
            parameters: Option<Parameters>,
        }
        #[derive(Deserialize)]
        struct Parameters {
            retry_after: Option<u64>,
        }
        let failed = |reason: String| FetchError {
            reason,
            retry_after: None,
        };
        let url = self
            .url
            .clone()
            .ok_or_else(|| failed("the Bot API URL is not valid".into()))?;
        let body = serde_json::json!({
            "offset": offset,
            "limit": limit,
            "timeout": timeout.as_secs(),
            "allowed_updates": ALLOWED,
        });
        let response = self
            .client
            .post(url)
            .json(&body)
            .timeout(timeout + self.grace)
            .send()
            .await
            .map_err(|e| failed(e.without_url().to_string()))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| failed(e.without_url().to_string()))?;
        let answer: Answer = serde_json::from_str(&text).map_err(|e| {
            failed(format!(
                "HTTP {status}, unreadable answer: {}",
                crate::logging::unreadable_json(&e)
            ))
        })?;
        match (answer.ok, answer.result) {
            (true, Some(result)) => Ok(result),
            _ => Err(FetchError {
                reason: format!("HTTP {status}: {}", answer.description.unwrap_or_default()),
                retry_after: answer
                    .parameters
                    .and_then(|p| p.retry_after)
                    .map(StdDuration::from_secs),
            }),
        }
    }
}

impl Feed {
    /// At start: everything the inbox kept, whatever its retry time.
    async fn redeliver_all(&self) -> Result<(), StorageError> {
        self.db.inbox_release_all().await?;
        while self.redeliver().await? > 0 {}
        Ok(())
    }
}

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

/// How many updates of one chat the dispatcher holds at a time; the rest wait here, in
/// order. teloxide's dispatcher queues at most 64 updates per chat and then stops taking
/// updates for every chat, so one chat whose replies are held back by the send limits
/// would otherwise silence everyone.
const PER_CHAT: usize = 4;
/// A chat whose updates in hand made no progress for this long is not waited for.
const STUCK: StdDuration = StdDuration::from_secs(60);

/// The way to the dispatcher, a few updates per chat at a time (see [`PER_CHAT`]).
pub struct Lanes {
    /// None once the feed ended: the dispatcher then finishes when its queue is empty.
    tx: std::sync::Mutex<Option<mpsc::Sender<Result<Update, Infallible>>>>,
    state: std::sync::Mutex<LaneState>,
    /// Counts the updates in hand.
    activity: Activity,
}

#[derive(Default)]
struct LaneState {
    /// By chat (or by person, for updates without a chat).
    lanes: HashMap<i64, Lane>,
    /// Updates handed out or waiting, not settled yet.
    held: HashSet<i64>,
}

struct Lane {
    busy: usize,
    waiting: VecDeque<Update>,
    progress: std::time::Instant,
}

fn lane_of(update: &Update) -> Option<i64> {
    update.chat().map(|c| c.id.0).or_else(|| {
        update
            .from()
            .map(|u| i64::try_from(u.id.0).unwrap_or(i64::MAX))
    })
}

impl Lanes {
    fn state(&self) -> std::sync::MutexGuard<'_, LaneState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether `update_id` is in hand (handed out or waiting for its chat's turn).
    fn holds(&self, update_id: i64) -> bool {
        self.state().held.contains(&update_id)
    }

    /// Hands `update` to the dispatcher, or queues it behind its chat's updates in hand.
    async fn dispatch(&self, update: Update) {
        let go = {
            let mut state = self.state();
            if !state.held.insert(i64::from(update.id.0)) {
                return;
            }
            self.activity.update_taken();
            match lane_of(&update) {
                None => Some(update),
                Some(key) => {
                    let now = std::time::Instant::now();
                    let lane = state.lanes.entry(key).or_insert_with(|| Lane {
                        busy: 0,
                        waiting: VecDeque::new(),
                        progress: now,
                    });
                    if lane.busy >= PER_CHAT && now.duration_since(lane.progress) >= STUCK {
                        tracing::warn!("a chat's updates made no progress for a minute");
                        lane.busy = 0;
                    }
                    if lane.busy < PER_CHAT && lane.waiting.is_empty() {
                        lane.busy += 1;
                        lane.progress = now;
                        Some(update)
                    } else {
                        lane.waiting.push_back(update);
                        None
                    }
                }
            }
        };
        if let Some(update) = go {
            self.send(update).await;
        }
    }

    async fn send(&self, update: Update) {
        let tx = self.tx.lock().ok().and_then(|tx| tx.clone());
        if let Some(tx) = tx {
            let _ = tx.send(Ok(update)).await;
        }
    }

    /// The feed ended: nothing more goes to the dispatcher, which ends once it has taken
    /// what it was given.
    fn close(&self) {
        if let Ok(mut tx) = self.tx.lock() {
            *tx = None;
        }
    }

    /// The dispatcher is done with `update`: the next one of its chat goes.
    async fn release(&self, update: &Update) {
        let next = {
            let mut state = self.state();
            if state.held.remove(&i64::from(update.id.0)) {
                self.activity.update_settled();
            }
            let Some(key) = lane_of(update) else {
                return;
            };
            let Some(lane) = state.lanes.get_mut(&key) else {
                return;
            };
            lane.busy = lane.busy.saturating_sub(1);
            lane.progress = std::time::Instant::now();
            let next = lane.waiting.pop_front();
            if next.is_some() {
                lane.busy += 1;
            } else if lane.busy == 0 {
                state.lanes.remove(&key);
            }
            next
        };
        if let Some(update) = next {
            self.send(update).await;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        RawValue::from_string(text.to_owned()).unwrap()
    }

    #[test]
    fn the_id_of_an_update_no_client_can_read_is_still_found() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            update_id(&raw(r#"{"update_id":5,"message":{"text":"\ud800 hi"}}"#)),
            Some(5)
        );
        assert_eq!(
            update_id(&raw(&format!(r#"{{"x":{deep},"update_id":6}}"#))),
            Some(6)
        );
        assert_eq!(
            update_id(&raw(r#"{"update_id":4294967303}"#)),
            Some(4_294_967_303)
        );
        assert_eq!(update_id(&raw(r#"{"message":{}}"#)), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_longest_wait() {
        let waits: Vec<_> = (0..7)
            .map(|n| backoff(n, STORE_BACKOFF).as_millis())
            .collect();
        assert_eq!(waits, [100, 200, 400, 800, 1600, 2000, 2000]);
        assert_eq!(backoff(u32::MAX, FETCH_BACKOFF), FETCH_BACKOFF.1);
    }
}
