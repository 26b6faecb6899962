//! Starting and stopping the whole bot: database, Telegram connection, dispatcher and
//! scheduler, with one shutdown for all of them.

use std::future::Future;
use std::time::Duration;

use std::sync::Arc;
use teloxide::dispatching::Dispatcher;
use teloxide::error_handlers::LoggingErrorHandler;

use tokio_util::sync::CancellationToken;

use crate::activity::Activity;
use crate::clock::Clock;
use crate::config::{Config, Mode};
use crate::http;
use crate::metrics::Metrics;
use crate::scheduler::Scheduler;
use crate::speech::Transcriber;
use crate::storage::{Db, StorageError};
use crate::telegram::{self, ConnectError, Ctx, TelegramNotifier, inbox};

mod supervisor;

pub use supervisor::{Ended, Supervisor};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("cannot listen on {0}: {1}")]
    Listen(std::net::SocketAddr, String),
    #[error("the bundled guidance content is invalid: {0}")]
    Content(String),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Telegram(#[from] ConnectError),
    #[error(transparent)]
    Intake(#[from] inbox::GaveUp),
    #[error("cannot set up the speech-to-text client: {0}")]
    Speech(#[from] crate::speech::SpeechError),
    #[error("{} stopped unexpectedly ({}); the bot stopped so that it can be restarted", .0.task, .0.why)]
    TaskEnded(Ended),
}

/// Runs the bot until `shutdown` completes, then finishes the updates in hand and
/// returns. Updates come by long polling or a webhook, as `config.mode` says.
pub async fn run(
    config: Config,
    clock: Clock,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), AppError> {
    run_observed(config, clock, Activity::default(), shutdown).await
}

/// [`run`], telling `activity` what the bot has in hand (tests wait until it is idle).
pub async fn run_observed(
    config: Config,
    clock: Clock,
    activity: Activity,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), AppError> {
    check_content()?;
    if config.semantic {
        start_semantic_matching();
    }
    let db = Db::open(&config.database_url).await?;
    let bot = telegram::make_bot(&config);
    let me = telegram::connect(&bot).await?;
    tracing::info!("connected as @{}", me.username());
    let board = config.webapp.as_ref().map(|w| telegram::board::BoardDoor {
        url: w.url.clone(),
        bot_name: me.username().to_owned(),
    });
    if let Some(door) = &board {
        telegram::board::set_menu_button(&bot, door).await;
    }
    telegram::register_commands(&bot).await;
    let metrics = Arc::new(Metrics::new());

    let stopping = CancellationToken::new();
    // Every long-running task is watched: one that ends before `stopping` stops the bot.
    let supervisor = Supervisor::new(stopping.clone());
    let limits = Arc::new(telegram::UserLimits::new(config.user_actions_per_minute));
    let (feed, mut listener, feed_stop) = inbox::channel(
        db.clone(),
        clock.clone(),
        metrics.intake.clone(),
        limits.clone(),
        activity.clone(),
    );
    let settled = inbox::Settled::new(feed.lanes());
    let stop_settling = CancellationToken::new();
    let settling = supervisor.watch(
        "the inbox cleanup",
        tokio::spawn(settled.clone().run(db.clone(), stop_settling.clone())),
    );
    let ctx = telegram::shared(Ctx {
        db: db.clone(),
        clock: clock.clone(),
        default_tz: config.default_tz,
        stopping: stopping.clone(),
        limits,
        lanes: feed.lanes(),
        metrics: metrics.clone(),
        settled,
        speech: config.stt.as_ref().map(Transcriber::new).transpose()?,
        board,
        langs: Default::default(),
        semantic: config.semantic,
    });
    // The handler tree takes every update (its last branch settles the kinds the bot
    // does not handle), so the dispatcher's default handler is never needed.
    // Handlers get the limited bot (`TgBot`) from the dependencies; the dispatcher's own
    // one is the plain bot.
    let mut dispatcher = Dispatcher::builder(bot.inner().clone(), telegram::schema())
        .dependencies(teloxide::dptree::deps![ctx, bot.clone()])
        .error_handler(LoggingErrorHandler::with_custom_text("an update failed"))
        .build();
    let token = dispatcher.shutdown_token();
    // Stops the feed directly at shutdown (see below).
    let stop_feed = teloxide::update_listeners::UpdateListener::stop_token(&mut listener);

    // HTTP: /healthz + /metrics on their own address (when configured), and the
    // webhook (in webhook mode) on the public one.
    let http_stop = CancellationToken::new();
    let mut servers = Vec::new();
    if let Some(addr) = config.health_addr {
        let listener = http::bind(addr)
            .await
            .map_err(|e| AppError::Listen(addr, e.to_string()))?;
        servers.push(supervisor.watch(
            "the health server",
            tokio::spawn(http::serve_health(
                listener,
                db.clone(),
                clock.clone(),
                metrics.clone(),
                http_stop.clone(),
            )),
        ));
    }
    // The stash board (Telegram Mini App), on its own address, when configured.
    if let Some(webapp) = &config.webapp {
        let listener = http::bind(webapp.listen)
            .await
            .map_err(|e| AppError::Listen(webapp.listen, e.to_string()))?;
        let board = crate::webapp::router(crate::webapp::Board {
            db: db.clone(),
            clock: clock.clone(),
            token: config.token.clone(),
            notifier: Arc::new(TelegramNotifier::new(bot.clone(), metrics.clone())),
            groups: Arc::new(crate::webapp::TelegramGroups(bot.clone())),
        });
        tracing::info!(
            "serving the stash board for {} on {}",
            webapp.url,
            webapp.listen
        );
        servers.push(supervisor.watch(
            "the board server",
            tokio::spawn(crate::webapp::serve(listener, board, http_stop.clone())),
        ));
    }
    let intake = inbox::IntakeSettings {
        poll_timeout: config.poll_timeout,
        give_up_after: config.storage_give_up,
    };
    // The feed ends early when it gives up (updates could not be stored for too long).
    let watch = |feeding| supervisor.watch("the update feed", feeding);
    let feeding = match &config.mode {
        Mode::Polling => watch(tokio::spawn(inbox::poll(
            feed,
            bot.clone(),
            intake,
            feed_stop,
        ))),
        Mode::Webhook(hook) => {
            let listener = http::bind(hook.listen)
                .await
                .map_err(|e| AppError::Listen(hook.listen, e.to_string()))?;
            telegram::set_webhook(&bot, &hook.url, &hook.secret).await?;
            tracing::info!(
                "receiving updates at {} (listening on {})",
                hook.url,
                hook.listen
            );
            let (path, feed_in, secret) = (
                hook.url.path().to_owned(),
                feed.clone(),
                hook.secret.clone(),
            );
            let (limits, metrics, stop) = (hook.limits, metrics.clone(), http_stop.clone());
            servers.push(supervisor.watch(
                "the webhook server",
                tokio::spawn(async move {
                    http::serve_webhook(listener, &path, feed_in, secret, limits, metrics, stop)
                        .await
                }),
            ));
            watch(tokio::spawn(inbox::retries(
                feed,
                feed_stop,
                intake.give_up_after,
            )))
        }
    };
    let stop_scheduler = CancellationToken::new();
    let scheduler = supervisor.watch(
        "the reminder scheduler",
        tokio::spawn(
            Scheduler::new(
                db.clone(),
                clock.clone(),
                TelegramNotifier::new(bot.pushing(), metrics.clone()),
                instance_name(),
                metrics.clone(),
            )
            .with_lease(config.reminder_lease)
            .with_activity(activity)
            .run(stop_scheduler.clone()),
        ),
    );
    let stop_upkeep = CancellationToken::new();
    let upkeep = supervisor.watch(
        "the daily upkeep",
        tokio::spawn(crate::upkeep::run(
            db.clone(),
            clock.clone(),
            stop_upkeep.clone(),
        )),
    );
    // Not watched by the supervisor: on PostgreSQL it ends at once, by design.
    let checkpoints = tokio::spawn(crate::upkeep::checkpoints(db.clone(), stop_upkeep.clone()));
    let dispatching = supervisor.watch(
        "the dispatcher",
        tokio::spawn(async move {
            dispatcher
                .dispatch_with_listener(
                    listener,
                    LoggingErrorHandler::with_custom_text("the update feed failed"),
                )
                .await;
        }),
    );

    tokio::select! {
        _ = shutdown => tracing::info!("shutting down: finishing the updates in hand"),
        _ = supervisor.failed() => {}
    }
    // Updates not started yet stay in the inbox for the next start.
    stopping.cancel();
    // The scheduler finishes the sends under way and gives back the rest it claimed.
    stop_scheduler.cancel();
    stop_upkeep.cancel();
    http_stop.cancel();
    for server in servers {
        let _ = server.await;
    }
    // Stop fetching: polling confirms what it stored and ends the feed, and the
    // dispatcher finishes when its feed ends. Asking the dispatcher alone is not enough:
    // it only notices a shutdown request while it waits for the next update, so a
    // request made while it hands an update to a busy chat is lost and a bot in the
    // middle of a burst never stops.
    stop_feed.stop();
    // The dispatcher refuses a shutdown before it has started; wait for it to start.
    // Its end is awaited through its task, not through the future `shutdown` returns:
    // that future only starts listening when first polled, so a dispatcher that stops
    // quickly (an idle one) can finish before it listens, and it would wait forever.
    loop {
        match token.shutdown() {
            Ok(_) => break,
            Err(_) if dispatching.is_finished() => break,
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
    let _ = dispatching.await;
    let fed = feeding.await.ok().flatten().unwrap_or(Ok(()));
    let _ = scheduler.await;
    let _ = upkeep.await;
    let _ = checkpoints.await;
    // The updates handled last leave the inbox before the database closes.
    stop_settling.cancel();
    let _ = settling.await;
    db.close().await;
    tracing::info!("stopped");
    fed?;
    match supervisor.ended() {
        Some(ended) => Err(AppError::TaskEnded(ended)),
        None => Ok(()),
    }
}

/// Loads the sentence-embedding model in the background, once per process (the bot answers
/// with keywords alone until it is ready), unless the topic vectors do not match the content.
fn start_semantic_matching() {
    if crate::domain::faq::Faq::bundled().has_vectors() {
        crate::embedding::start_loading();
    } else {
        tracing::warn!(
            "content/faq-vectors.bin does not match content/faq.toml (run `milkbot faq-vectors`); \
             questions are matched by keywords only"
        );
    }
}

/// The guidance compiled into the binary parses, in every language (its tests guarantee it;
/// this turns a broken build into a clear message instead of a panic later).
pub fn check_content() -> Result<(), AppError> {
    for lang in crate::domain::Lang::ALL {
        let bad = |e: &crate::domain::faq::ContentError| {
            AppError::Content(format!("{}: {e}", lang.code()))
        };
        crate::domain::faq::Faq::try_bundled_for(lang).map_err(bad)?;
        crate::domain::steps::try_steps_for(lang).map_err(bad)?;
    }
    Ok(())
}

/// A name for this process in reminder leases: unique enough across restarts and hosts.
fn instance_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!("pid{}-{nanos:x}", std::process::id())
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
