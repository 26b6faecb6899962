//! Long polling (getUpdates read as raw JSON, skipping what no client can read) and
//! the retry loop that hands out due updates from the inbox, in both modes.

use std::time::Duration as StdDuration;

use chrono::Duration;
use serde::Deserialize;
use serde_json::value::RawValue;
use teloxide::prelude::Requester;
use teloxide::stop::StopFlag;
use teloxide::types::Update;
use tokio_util::sync::CancellationToken;

use super::feed::Feed;
use super::{ALLOWED, GaveUp, IntakeSettings};
use crate::telegram::TgBot;

/// How often the feed looks for updates whose retry time has come.
const RETRY_EVERY: StdDuration = StdDuration::from_secs(5);
/// Waits between attempts to store an update: from the first to the longest.
pub(super) const STORE_BACKOFF: (StdDuration, StdDuration) =
    (StdDuration::from_millis(100), StdDuration::from_secs(2));
/// Waits between failed getUpdates calls: from the first to the longest.
pub(super) const FETCH_BACKOFF: (StdDuration, StdDuration) =
    (StdDuration::from_millis(500), StdDuration::from_secs(30));

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
            crate::telegram::describe_request_error(&e)
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
        // The page is read first, then stored in one write; Telegram is told only after.
        let mut page = Vec::with_capacity(batch.len());
        let mut last = None;
        for raw in &batch {
            let id = update_id(raw);
            match serde_json::from_str::<Update>(raw.get()) {
                Ok(update) => page.push((update, raw.get())),
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
            last = last.max(id);
        }
        match store_until_stored(feed, &page, settings, &mut stop).await {
            Stored::Yes => {}
            Stored::Stopping => break 'feed,
            Stored::GaveUp(e) => return Err(e),
        }
        if let Some(id) = last {
            offset = offset.max(id.saturating_add(1));
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

/// Stores a page of updates (in one write), trying again with backoff while storage
/// fails; gives up after `settings.give_up_after`.
async fn store_until_stored(
    feed: &Feed,
    page: &[(Update, &str)],
    settings: IntakeSettings,
    stop: &mut StopFlag,
) -> Stored {
    if page.is_empty() {
        return Stored::Yes;
    }
    let page: Vec<_> = page
        .iter()
        .map(|(update, raw)| (update, *raw, feed.admit(update)))
        .collect();
    let mut attempt: u32 = 0;
    loop {
        let result = tokio::select! {
            _ = &mut *stop => return Stored::Stopping,
            result = feed.accept_page(&page) => result,
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
                page[0].0.id.0,
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
pub(super) fn backoff(failures: u32, (first, longest): (StdDuration, StdDuration)) -> StdDuration {
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
pub(super) fn update_id(raw: &RawValue) -> Option<i64> {
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
