//! The bot's own HTTP server: the Telegram webhook (in webhook mode), `/healthz` and
//! Prometheus `/metrics`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use prometheus_client::encoding::text::encode;
use std::time::Duration;
use teloxide::types::Update;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tower_http::timeout::TimeoutLayer;

use crate::clock::Clock;
use crate::config::WebhookLimits;
pub use crate::metrics::Metrics;
use crate::storage::Db;
use crate::telegram::inbox::Feed;

/// The header Telegram puts the webhook's secret token in.
pub const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

#[derive(Clone)]
struct AppState {
    db: Db,
    clock: Clock,
    metrics: Arc<Metrics>,
}

#[derive(Clone)]
struct HookState {
    feed: Feed,
    secret: String,
}

/// How long the scheduler may go without a round before `/healthz` reports it.
const SCHEDULER_STALE_SECS: i64 = 120;

/// Serves `/healthz` and `/metrics` on `listener` (their own address, never the public
/// webhook's) until `stop`.
pub async fn serve_health(
    listener: tokio::net::TcpListener,
    db: Db,
    clock: Clock,
    metrics: Arc<Metrics>,
    stop: CancellationToken,
) -> std::io::Result<()> {
    let app = Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .with_state(AppState { db, clock, metrics });
    axum::serve(listener, app)
        .with_graceful_shutdown(async move { stop.cancelled().await })
        .await
}

/// Serves Telegram's webhook at `path` on `listener` until `stop`, within `limits`:
/// at most so many connections at once (the rest wait in the kernel's queue and cost
/// no file descriptor), headers in time, whole requests in time, bodies of bounded size.
pub async fn serve_webhook(
    listener: tokio::net::TcpListener,
    path: &str,
    feed: Feed,
    secret: String,
    limits: WebhookLimits,
    metrics: Arc<Metrics>,
    stop: CancellationToken,
) -> std::io::Result<()> {
    let app = Router::new()
        .route(path, post(webhook_update))
        .with_state(HookState { feed, secret })
        .layer(DefaultBodyLimit::max(limits.max_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ));
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = stop.cancelled() => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of descriptors, or a connection reset before it was taken: wait a
                    // moment rather than spin, and keep serving.
                    tracing::warn!("webhook: cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = stop.cancelled() => break,
        };
        metrics.webhook_connections.inc();
        let service = TowerToHyperService::new(app.clone());
        let metrics = metrics.clone();
        let stop = stop.clone();
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            let served = tokio::select! {
                served = conn.as_mut() => served,
                () = stop.cancelled() => {
                    conn.as_mut().graceful_shutdown();
                    conn.await
                }
            };
            if let Err(e) = served {
                tracing::debug!("webhook connection ended: {e}");
            }
            metrics.webhook_connections.dec();
            drop(slot);
        });
    }
    // Connections finishing a request get a moment to answer it.
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(limits.header_timeout, slots.acquire_many(all)).await;
    Ok(())
}

pub async fn bind(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr).await
}

async fn healthz(State(s): State<AppState>) -> Response {
    if let Some(problem) = s.metrics.intake.problem(s.clock.now()) {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("intake: {problem}\n"),
        )
            .into_response();
    }
    if let Err(e) = s.db.ping().await {
        return (StatusCode::SERVICE_UNAVAILABLE, format!("database: {e}\n")).into_response();
    }
    let age = s.clock.now().timestamp() - s.metrics.scheduler_beat();
    if age > SCHEDULER_STALE_SECS {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("scheduler: no round for {age} s\n"),
        )
            .into_response();
    }
    (StatusCode::OK, "ok\n").into_response()
}

async fn metrics_text(State(s): State<AppState>) -> Response {
    let now = s.clock.now();
    if let Ok(n) = s.db.due_count(now).await {
        s.metrics.reminders_due.set(n);
    }
    if let Ok(n) = s.db.inbox_len().await {
        s.metrics.inbox_waiting.set(n);
    }
    let mut body = String::new();
    if encode(&mut body, &s.metrics.registry).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

/// One update from Telegram. Answered only after it is stored: a 5xx makes Telegram
/// try again later, so nothing is lost.
async fn webhook_update(State(s): State<HookState>, headers: HeaderMap, body: Bytes) -> Response {
    let (feed, secret) = (&s.feed, &s.secret);
    let given = headers
        .get(SECRET_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !constant_time_eq(given.as_bytes(), secret.as_bytes()) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let update: Update = match serde_json::from_slice(&body) {
        Ok(u) => u,
        Err(e) => {
            // Telegram would resend a broken update forever: accept and drop it.
            tracing::warn!(
                "{} in a webhook update; dropped",
                crate::logging::unreadable_json(&e)
            );
            return StatusCode::OK.into_response();
        }
    };
    // JSON that was read is UTF-8 (its strings are checked, the rest is ASCII).
    let raw = String::from_utf8_lossy(&body);
    match feed.accept(&update, &raw).await {
        Ok(()) => StatusCode::OK.into_response(),
        Err(e) => {
            tracing::error!("cannot store a webhook update: {e}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Compares secrets without leaking, through timing, how much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_exactly() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(!constant_time_eq(b"", b"x"));
    }

    #[test]
    fn metrics_encode_in_the_prometheus_text_format() {
        let m = Metrics::new();
        m.updates_handled.inc();
        m.send_seconds.observe(0.02);
        m.sends_unanswered.inc();
        let mut body = String::new();
        encode(&mut body, &m.registry).unwrap();
        assert!(body.contains("milkbot_updates_handled_total 1"), "{body}");
        assert!(body.contains("milkbot_sends_unanswered_total 1"), "{body}");
        assert!(
            body.contains("milkbot_reminder_send_seconds_bucket"),
            "{body}"
        );
    }
}
