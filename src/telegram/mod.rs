//! The Telegram adapter: teloxide's dispatcher, commands, keyboards, button data and
//! the sending of rendered messages. It translates between Telegram and the bot's own
//! actions; it does not decide anything about milk.

mod announce;
pub mod board;
mod bot;
mod button_data;
mod callbacks;
pub mod chat_langs;
mod commands;
mod family;
mod handlers;
pub mod inbox;
mod keyboards;
pub mod limiter;
mod notify;
mod schema;
mod send;
mod user_limits;
pub mod views;
mod voice;

pub use bot::{Paced, TgBot};
pub use commands::Command;
pub use notify::TelegramNotifier;
pub use send::{Screen, SendFailure, Sender};
pub use user_limits::{Limited, UserLimits};

use chrono_tz::Tz;
use std::sync::Arc;
use teloxide::prelude::*;
use teloxide::types::Me;

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::Lang;
use crate::messages as m;
use crate::storage::Db;

pub type HandlerError = Box<dyn std::error::Error + Send + Sync>;
pub type HandlerResult = Result<(), HandlerError>;

/// What handlers share.
pub struct Ctx {
    pub db: Db,
    pub clock: Clock,
    pub default_tz: Tz,
    /// Set when the bot is shutting down: updates not yet started stay in the inbox.
    pub stopping: tokio_util::sync::CancellationToken,
    pub limits: Arc<UserLimits>,
    /// Hands updates to the dispatcher a few per chat at a time.
    pub lanes: Arc<inbox::Lanes>,
    pub metrics: Arc<crate::metrics::Metrics>,
    /// Updates handled, to be taken out of the inbox in the next batch.
    pub settled: inbox::Settled,
    /// Transcribes voice notes, when a speech-to-text service is configured.
    pub speech: Option<crate::speech::Transcriber>,
    /// The stash board, when it is served: its buttons lead there.
    pub board: Option<board::BoardDoor>,
    /// Each chat's language as last read or chosen, for what is said before (or without)
    /// reading the chat.
    pub langs: chat_langs::ChatLangs,
    /// Whether questions are matched by meaning too (`MILKBOT_SEMANTIC`).
    pub semantic: bool,
}

/// teloxide's own connect timeout.
const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

pub fn make_bot(config: &Config) -> TgBot {
    // Connecting gets less time than the whole request, so a request that ran out of
    // time had connected: it was sent, and only its answer is missing (see
    // `SendFailure::Unanswered`).
    let connect = CONNECT_TIMEOUT.min(config.request_timeout / 2);
    let client = teloxide::net::default_reqwest_settings()
        .connect_timeout(connect)
        .timeout(config.request_timeout)
        .build();
    let mut bot = match client {
        Ok(client) => Bot::with_client(config.token.clone(), client),
        Err(e) => {
            tracing::warn!("cannot set the request timeout ({e}); using teloxide's default");
            Bot::new(config.token.clone())
        }
    };
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    TgBot::new(bot, limiter::SendLimiter::new(&config.limits))
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("Telegram rejected the bot token: check TELOXIDE_TOKEN (get one from @BotFather)")]
    TokenRejected,
    #[error("cannot reach the Telegram Bot API: {0}")]
    Unreachable(String),
}

/// Asks Telegram who the bot is, which also proves the token works. Network trouble is
/// retried a few times before giving up.
pub async fn connect(bot: &TgBot) -> Result<Me, ConnectError> {
    use teloxide::{ApiError, RequestError};
    let mut wait = std::time::Duration::from_millis(500);
    let mut attempt = 0;
    loop {
        attempt += 1;
        match bot.get_me().await {
            Ok(me) => return Ok(me),
            Err(RequestError::Api(ApiError::InvalidToken)) => {
                return Err(ConnectError::TokenRejected);
            }
            Err(e) if attempt >= 4 => {
                return Err(ConnectError::Unreachable(describe_request_error(&e)));
            }
            Err(e) => {
                tracing::warn!("getMe failed ({}), retrying", describe_request_error(&e));
                tokio::time::sleep(wait).await;
                wait *= 2;
            }
        }
    }
}

/// Describes a request error without the request URL (which carries the token).
pub fn describe_request_error(e: &teloxide::RequestError) -> String {
    use teloxide::RequestError;
    match e {
        RequestError::Network(err) => {
            let kind = if err.is_timeout() {
                "timed out"
            } else if err.is_connect() {
                "connection failed"
            } else {
                "network error"
            };
            let source = std::error::Error::source(&**err)
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            format!("{kind}{source}")
        }
        // Never the raw answer: it carries updates, with names and texts.
        RequestError::InvalidJson { source, .. } => crate::logging::unreadable_json(source),
        other => other.to_string(),
    }
}

/// Tells Telegram to post updates to `url` with `secret`. Run at every start (it is
/// idempotent); a normal restart deregisters nothing.
pub async fn set_webhook(bot: &TgBot, url: &url::Url, secret: &str) -> Result<(), ConnectError> {
    bot.set_webhook(url.clone())
        .secret_token(secret.to_owned())
        .allowed_updates(inbox::ALLOWED.to_vec())
        .await
        .map(|_| ())
        .map_err(|e| ConnectError::Unreachable(describe_request_error(&e)))
}

/// Publishes the command menu shown next to the text box and the bot's description, in
/// each language: English as the default (for every other Telegram language), and
/// Spanish and Russian for those who use Telegram in them.
pub async fn register_commands(bot: &TgBot) {
    for lang in Lang::ALL {
        // None: the default, shown to users of every language without its own.
        let code = (lang != Lang::En).then(|| lang.code().to_owned());
        // Telegram wants bare names ("log"), without the slash teloxide puts in front.
        let commands = Command::listing(lang)
            .into_iter()
            .map(|(name, description)| teloxide::types::BotCommand::new(name, description));
        let mut menu = bot.set_my_commands(commands);
        let mut about = bot
            .set_my_description()
            .description(m::bot_description(lang));
        let mut short = bot
            .set_my_short_description()
            .short_description(m::bot_short_description(lang));
        if let Some(code) = code {
            menu = menu.language_code(code.clone());
            about = about.language_code(code.clone());
            short = short.language_code(code);
        }
        let results = [
            menu.await.map(|_| ()),
            about.await.map(|_| ()),
            short.await.map(|_| ()),
        ];
        for e in results.iter().filter_map(|r| r.as_ref().err()) {
            tracing::warn!(
                "could not register the command menu or description ({}): {}",
                lang.code(),
                describe_request_error(e)
            );
        }
    }
}

pub use schema::schema;

pub(crate) fn shared(ctx: Ctx) -> Arc<Ctx> {
    Arc::new(ctx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// An answer from Telegram that cannot be read (here a lone surrogate, as in a
    /// broken update) is described without a word of what it said.
    #[test]
    fn unreadable_answers_are_logged_without_their_content() {
        let raw =
            r#"{"ok":true,"result":[{"update_id":1,"message":{"text":"Eve says \ud800 hi"}}]}"#;
        let source = serde_json::from_str::<serde_json::Value>(raw).unwrap_err();
        let e = teloxide::RequestError::InvalidJson {
            source: Arc::new(source),
            raw: raw.into(),
        };
        assert!(
            e.to_string().contains("Eve"),
            "teloxide's own text quotes it"
        );
        let said = describe_request_error(&e);
        assert!(said.starts_with("unreadable JSON"), "{said}");
        assert!(!said.contains("Eve") && !said.contains("hi"), "{said}");
        let typed = serde_json::from_str::<Vec<u32>>(r#"["Eve's secret"]"#).unwrap_err();
        assert!(typed.to_string().contains("Eve"));
        assert!(!crate::logging::unreadable_json(&typed).contains("Eve"));
    }
}
