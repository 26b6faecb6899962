//! The stash board: a Telegram Mini App served by the bot's own HTTP server. The page
//! (static files compiled into the binary, from `webapp/`) and a small JSON API under
//! `api/`, every call signed with Telegram's `initData` (see [`initdata`]) and answered
//! for the family of the person who opened it. Changes go through the same use cases as
//! the chat's buttons, and the family's chats hear of them (through the
//! [`Notifier`](crate::app::notify::Notifier)), with who did it.

pub mod api;
pub mod initdata;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_util::sync::CancellationToken;
use tower_http::timeout::TimeoutLayer;

use futures::future::BoxFuture;
use teloxide::prelude::Requester;
use teloxide::types::{ChatId, UserId};

use crate::app::notify::Notifier;
use crate::clock::Clock;
use crate::storage::Db;
use crate::telegram::TgBot;

/// The page, its style and its script, compiled in.
const INDEX_HTML: &str = include_str!("../../webapp/index.html");
const BOARD_CSS: &str = include_str!("../../webapp/board.css");
const BOARD_JS: &str = include_str!("../../webapp/board.js");

/// What the board's handlers share.
pub struct Board<N> {
    pub db: Db,
    pub clock: Clock,
    /// The bot token: initData is signed with a key made from it.
    pub token: String,
    /// Tells the family's chats what was done on the board.
    pub notifier: Arc<N>,
    /// Who is in a group now (a board opened from a group's link is for its members).
    pub groups: Arc<dyn Groups>,
}

/// Whether a person is still in a Telegram group. The board opened from a group's link
/// shows the group's family only to people in the group now, as the group itself does:
/// someone who left keeps no window on its stash.
pub trait Groups: Send + Sync {
    /// `Some(true)` when `user` is in `group` now, `Some(false)` when they left or were
    /// removed, `None` when Telegram could not be asked.
    fn is_member(&self, group: i64, user: i64) -> BoxFuture<'_, Option<bool>>;
}

/// [`Groups`] answered by Telegram (getChatMember).
pub struct TelegramGroups(pub TgBot);

impl Groups for TelegramGroups {
    fn is_member(&self, group: i64, user: i64) -> BoxFuture<'_, Option<bool>> {
        Box::pin(async move {
            let user = UserId(u64::try_from(user).ok()?);
            match self.0.get_chat_member(ChatId(group), user).await {
                Ok(member) => Some(member.kind.is_present()),
                Err(e) => {
                    tracing::info!(
                        "board: cannot ask Telegram who is in a group: {}",
                        crate::telegram::describe_request_error(&e)
                    );
                    None
                }
            }
        })
    }
}

impl<N> Clone for Board<N> {
    fn clone(&self) -> Self {
        Board {
            db: self.db.clone(),
            clock: self.clock.clone(),
            token: self.token.clone(),
            notifier: self.notifier.clone(),
            groups: self.groups.clone(),
        }
    }
}

/// The board's routes: the page at `/` (and `/index.html`), its assets, and the API.
/// Paths in the page are relative, so a reverse proxy may serve it under any prefix.
pub fn router<N: Notifier>(board: Board<N>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/index.html", get(index))
        .route("/board.css", get(css))
        .route("/board.js", get(js))
        .merge(api::routes(board))
        // The page sends a few hundred bytes at most; nothing may take long.
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
}

/// The largest request body the board accepts.
pub const MAX_BODY: usize = 16 * 1024;
/// How long a request to the board may take.
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// Serves the board on `listener` until `stop`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    stop: CancellationToken,
) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(async move { stop.cancelled().await })
        .await
}

/// Nothing but the bot's own files and API; frames allowed (Telegram's web client shows
/// Mini Apps in an iframe).
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

async fn index() -> Response {
    asset(INDEX_HTML, "text/html; charset=utf-8")
}

async fn css() -> Response {
    asset(BOARD_CSS, "text/css; charset=utf-8")
}

async fn js() -> Response {
    asset(BOARD_JS, "text/javascript; charset=utf-8")
}
