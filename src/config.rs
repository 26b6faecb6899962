//! Settings from the command line, the environment and `.env` (every variable is
//! documented in `.env.example`).

use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand};
use std::time::Duration;

/// The default database: a SQLite file in the working directory, created on first run.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://milkbot.db";

#[derive(Debug, Parser)]
#[command(
    name = "milkbot",
    version,
    about = "A Telegram bot for parents who express breast milk: answers, a shared stash and reminders."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub bot: BotArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the bot with long polling (the default when no command is given, unless
    /// MILKBOT_MODE=webhook).
    Run,
    /// Run the bot behind a webhook: Telegram posts updates to WEBHOOK_URL, which must
    /// reach this process at WEBHOOK_LISTEN. For several instances behind a load balancer.
    Webhook(WebhookArgs),
    /// Copy the database to FILE while the bot runs (SQLite; for PostgreSQL use pg_dump).
    Backup {
        /// Where to write the copy; must not exist yet.
        file: std::path::PathBuf,
    },
    /// Answer a question from the guidance, offline: no token or network needed.
    Ask {
        /// Print one JSON object: {"matched", "topic", "score", "answer", "alternatives"}.
        #[arg(long)]
        json: bool,
        /// The language of the question and the answer: en, es or ru.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: crate::domain::Lang,
        /// The question, e.g. "how long does milk keep in the fridge".
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Recompute the sentence vectors of the English guidance topics (after editing
    /// content/faq.toml) into content/faq-vectors.bin, which is compiled into the binary.
    FaqVectors {
        /// Where to write them.
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/content/faq-vectors.bin"))]
        out: std::path::PathBuf,
    },
    /// Create the database if needed, apply migrations and exit.
    Migrate,
}

/// A language code of `--lang`: one the bot speaks.
fn parse_lang(code: &str) -> Result<crate::domain::Lang, String> {
    crate::domain::Lang::from_code(code.trim()).ok_or_else(|| {
        let known: Vec<&str> = crate::domain::Lang::ALL.iter().map(|l| l.code()).collect();
        format!("not a language I speak: use {}", known.join(", "))
    })
}

#[derive(Debug, Clone, Args)]
pub struct WebhookArgs {
    /// The public HTTPS URL Telegram posts updates to, e.g. https://bot.example.com/telegram.
    #[arg(long, env = "WEBHOOK_URL")]
    pub url: String,
    /// A secret Telegram sends with every update (1-256 of A-Z, a-z, 0-9, _ and -);
    /// requests without it are refused.
    #[arg(long, env = "WEBHOOK_SECRET", hide_env_values = true)]
    pub secret: String,
    /// The address this process listens on for the webhook.
    #[arg(long, env = "WEBHOOK_LISTEN", default_value = "0.0.0.0:8080")]
    pub listen: std::net::SocketAddr,
}

/// How updates reach the bot.
#[derive(Debug, Clone)]
pub enum Mode {
    Polling,
    Webhook(Webhook),
}

#[derive(Debug, Clone)]
pub struct Webhook {
    pub url: url::Url,
    pub secret: String,
    pub listen: std::net::SocketAddr,
    pub limits: WebhookLimits,
}

/// What the public webhook server allows one client, so that stalled or idle
/// connections cannot use up its sockets or file descriptors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebhookLimits {
    /// Connections open at once; more wait in the kernel's queue until one closes.
    pub max_connections: usize,
    /// Time a client has to send a request's headers (also while a kept-alive
    /// connection waits for the next request).
    pub header_timeout: Duration,
    /// Time for a whole request: headers, body and storing the update.
    pub request_timeout: Duration,
    /// Largest request body, in bytes (Telegram's updates are a few KiB).
    pub max_body: usize,
}

impl Default for WebhookLimits {
    fn default() -> Self {
        WebhookLimits {
            max_connections: 256,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_body: 1 << 20,
        }
    }
}

impl WebhookArgs {
    pub fn into_mode(self) -> Result<Mode, ConfigError> {
        let url = url::Url::parse(self.url.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some())
            .ok_or_else(|| ConfigError::BadWebhookUrl(self.url.clone()))?;
        // The path becomes the webhook server's route, where a segment starting with
        // `:` or `*` would be read as a parameter (and refused with a panic).
        if url
            .path()
            .split('/')
            .any(|segment| segment.starts_with([':', '*']))
        {
            return Err(ConfigError::BadWebhookPath(url.path().to_owned()));
        }
        let secret = self.secret.trim().to_owned();
        let ok = (1..=256).contains(&secret.len())
            && secret
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !ok {
            return Err(ConfigError::BadWebhookSecret);
        }
        Ok(Mode::Webhook(Webhook {
            url,
            secret,
            listen: self.listen,
            limits: WebhookLimits::default(),
        }))
    }
}

/// Settings of the running bot.
#[derive(Debug, Clone, Args)]
pub struct BotArgs {
    /// The bot token from @BotFather.
    #[arg(long, env = "TELOXIDE_TOKEN", hide_env_values = true, global = true)]
    pub token: Option<String>,

    /// Base URL of the Telegram Bot API (a local Bot API server, or a fake one in tests).
    #[arg(long, env = "TELOXIDE_API_URL", global = true)]
    pub api_url: Option<String>,

    /// Where the data lives: `sqlite://FILE` (created on first run) or `postgres://...`.
    /// Its value is never shown in `--help`: it may carry a password.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, hide_env_values = true, global = true)]
    pub database_url: String,

    /// Log filter, e.g. `info` or `milkbot=debug,info`.
    #[arg(long, env = "MILKBOT_LOG", default_value = "info", global = true)]
    pub log: String,

    /// Timezone for new families until they choose their own (an IANA name like `Europe/London`).
    #[arg(long, env = "MILKBOT_TIMEZONE", default_value = "UTC", value_parser = parse_tz, global = true)]
    pub timezone: Tz,

    /// Telegram's sending limits the bot keeps to: messages per chat per second, per chat
    /// per minute, per group per minute, and overall per second. Raise them only for a
    /// local Bot API server or a test double.
    #[arg(long, env = "MILKBOT_SEND_LIMITS", default_value = "1,20,20,30", value_parser = parse_limits, global = true)]
    pub send_limits: SendLimits,

    /// Messages and button presses one person may send per minute; beyond it the bot asks
    /// them to slow down.
    #[arg(long, env = "MILKBOT_USER_LIMIT", default_value_t = 30, global = true)]
    pub user_limit: u32,

    /// Where to serve /healthz and /metrics (Prometheus), e.g. 127.0.0.1:9090. Off when
    /// empty.
    #[arg(long, env = "MILKBOT_HEALTH_ADDR", global = true)]
    pub health_addr: Option<String>,

    /// Seconds a reminder claimed by one instance stays its own; if that instance dies,
    /// another one sends the reminder after this long. Keep it well above the time a
    /// round of sends takes (about 7 s at Telegram's limits).
    #[arg(long, env = "MILKBOT_REMINDER_LEASE", default_value_t = 120, value_parser = clap::value_parser!(u32).range(5..=3600), global = true)]
    pub reminder_lease: u32,

    /// Seconds updates may go unstorable (the database down, the disk full) before the
    /// bot exits with an error so that a supervisor restarts it. Until then it keeps
    /// trying, confirms nothing it has not stored, and `/healthz` answers 503.
    #[arg(long, env = "MILKBOT_STORAGE_GIVE_UP", default_value_t = 900, value_parser = clap::value_parser!(u32).range(10..), global = true)]
    pub storage_give_up: u32,

    /// `webhook` to run as `milkbot webhook` when no command is given.
    #[arg(long, env = "MILKBOT_MODE", default_value = "polling", global = true)]
    pub mode: String,

    /// Voice notes: the base URL of an OpenAI-compatible speech-to-text service (a local
    /// whisper.cpp or faster-whisper server, or https://api.openai.com), with or without
    /// a trailing /v1; the bot posts to <url>/v1/audio/transcriptions. Off when empty.
    #[arg(long, env = "MILKBOT_STT_URL", global = true)]
    pub stt_url: Option<String>,

    /// The speech-to-text service's API key, sent as a Bearer token (optional). Never
    /// shown in `--help` or logs.
    #[arg(long, env = "MILKBOT_STT_KEY", hide_env_values = true, global = true)]
    pub stt_key: Option<String>,

    /// The transcription model the service is asked for.
    #[arg(
        long,
        env = "MILKBOT_STT_MODEL",
        default_value = "whisper-1",
        global = true
    )]
    pub stt_model: String,

    /// Seconds a transcription may take before the bot gives up and says so.
    #[arg(long, env = "MILKBOT_STT_TIMEOUT", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=600), global = true)]
    pub stt_timeout: u32,

    /// The stash board (a Telegram Mini App): the public URL its page is served at,
    /// e.g. https://bot.example.com/board/ (HTTPS: Telegram opens nothing else; a reverse
    /// proxy forwards it to MILKBOT_WEBAPP_LISTEN). Off when empty: no board button, no
    /// menu button.
    #[arg(long, env = "MILKBOT_WEBAPP_URL", global = true)]
    pub webapp_url: Option<String>,

    /// The address the board's page and API are served on (with MILKBOT_WEBAPP_URL).
    #[arg(
        long,
        env = "MILKBOT_WEBAPP_LISTEN",
        default_value = "127.0.0.1:8081",
        global = true
    )]
    pub webapp_listen: std::net::SocketAddr,

    /// Match questions by meaning too, with the sentence model built into the binary (about
    /// 95 MiB of memory, loaded in the background at start); `off` matches them by keywords
    /// alone, for a machine short of memory.
    #[arg(long, env = "MILKBOT_SEMANTIC", default_value = "on", value_parser = clap::builder::BoolishValueParser::new(), action = clap::ArgAction::Set, global = true)]
    pub semantic: bool,
}

fn parse_limits(text: &str) -> Result<SendLimits, String> {
    let parts: Vec<u32> = text
        .split(',')
        .map(|p| p.trim().parse::<u32>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            format!("send limits must be four whole numbers, e.g. 1,20,20,30 (got '{text}')")
        })?;
    match parts.as_slice() {
        [a, b, c, d] if parts.iter().all(|n| *n > 0) => Ok(SendLimits {
            per_chat_per_sec: *a,
            per_chat_per_min: *b,
            per_group_per_min: *c,
            overall_per_sec: *d,
        }),
        _ => Err(format!(
            "send limits must be four numbers above zero, e.g. 1,20,20,30 (got '{text}')"
        )),
    }
}

fn parse_tz(name: &str) -> Result<Tz, String> {
    name.parse::<Tz>().map_err(|_| {
        format!(
            "unknown timezone '{name}': use an IANA name such as Europe/London or America/New_York"
        )
    })
}

/// Telegram's sending limits, kept by the send limiter (`telegram::limiter`): a private
/// chat `per_chat_per_sec` after a short burst; a group (any chat below zero) the smaller
/// of `per_chat_per_min` and `per_group_per_min` a minute; `overall_per_sec` in all.
/// Tests raise them.
#[derive(Debug, Clone, Copy)]
pub struct SendLimits {
    pub per_chat_per_sec: u32,
    pub per_chat_per_min: u32,
    pub per_group_per_min: u32,
    pub overall_per_sec: u32,
}

impl Default for SendLimits {
    fn default() -> Self {
        SendLimits {
            per_chat_per_sec: 1,
            per_chat_per_min: 20,
            per_group_per_min: 20,
            overall_per_sec: 30,
        }
    }
}

/// How long a request to Telegram may take: teloxide's own default.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(17);

/// Everything the running bot needs, resolved and validated.
#[derive(Debug, Clone)]
pub struct Config {
    pub token: String,
    pub api_url: Option<url::Url>,
    pub database_url: String,
    pub default_tz: Tz,
    pub limits: SendLimits,
    /// Long-polling timeout for getUpdates.
    pub poll_timeout: Duration,
    /// How long a request to Telegram (other than getUpdates) may take before the bot
    /// stops waiting for its answer. A message whose answer did not come in time was most
    /// likely delivered, and is not sent again (see `telegram::SendFailure`).
    pub request_timeout: Duration,
    /// Messages and button presses one person may send per minute.
    pub user_actions_per_minute: u32,
    pub mode: Mode,
    /// Where /healthz and /metrics are served, if anywhere.
    pub health_addr: Option<std::net::SocketAddr>,
    /// How long a claimed reminder stays this instance's (see `MILKBOT_REMINDER_LEASE`).
    pub reminder_lease: Duration,
    /// How long updates may go unstorable before the bot exits (`MILKBOT_STORAGE_GIVE_UP`).
    pub storage_give_up: chrono::Duration,
    /// The speech-to-text service for voice notes, if one is configured.
    pub stt: Option<SttConfig>,
    /// The stash board, if it is served (`MILKBOT_WEBAPP_URL`).
    pub webapp: Option<WebappConfig>,
    /// Whether questions are matched by meaning too (`MILKBOT_SEMANTIC`).
    pub semantic: bool,
}

/// Where the stash board is (`MILKBOT_WEBAPP_*`).
#[derive(Debug, Clone)]
pub struct WebappConfig {
    /// The page's public URL: what Telegram's buttons open.
    pub url: url::Url,
    /// Where this process serves it.
    pub listen: std::net::SocketAddr,
}

/// The board's public URL: HTTPS, or plain HTTP to this machine only (for local tries:
/// Telegram itself opens HTTPS pages only).
pub fn webapp_url(raw: &str) -> Option<url::Url> {
    let url = url::Url::parse(raw.trim()).ok()?;
    let local = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    (url.scheme() == "https" || (url.scheme() == "http" && local))
        .then_some(url)
        .filter(|u| u.host().is_some())
}

/// Where voice notes are transcribed (`MILKBOT_STT_*`).
#[derive(Clone)]
pub struct SttConfig {
    /// The full transcription endpoint: `<base>/v1/audio/transcriptions`.
    pub endpoint: url::Url,
    /// Sent as `Authorization: Bearer <key>`.
    pub key: Option<String>,
    pub model: String,
    pub timeout: Duration,
}

impl std::fmt::Debug for SttConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SttConfig")
            .field("endpoint", &self.endpoint.as_str())
            .field("key", &self.key.as_ref().map(|_| "<hidden>"))
            .field("model", &self.model)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// The transcription endpoint for a service's base URL, given with or without `/v1` (or
/// as the whole endpoint): `http://host:8000`, `http://host:8000/v1` and
/// `http://host:8000/v1/audio/transcriptions` all name
/// `http://host:8000/v1/audio/transcriptions`; a path before it is kept.
pub fn transcription_endpoint(raw: &str) -> Option<url::Url> {
    let mut url = url::Url::parse(raw.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())?;
    let path = url.path().trim_end_matches('/');
    let base = path
        .strip_suffix("/v1/audio/transcriptions")
        .or_else(|| path.strip_suffix("/v1"))
        .unwrap_or(path);
    let endpoint = format!("{base}/v1/audio/transcriptions");
    url.set_path(&endpoint);
    url.set_query(None);
    url.set_fragment(None);
    Some(url)
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "TELOXIDE_TOKEN is not set: get a token from @BotFather and put it in .env (see .env.example)"
    )]
    MissingToken,
    #[error(
        "TELOXIDE_TOKEN does not look like a bot token (expected digits, a colon, then letters)"
    )]
    MalformedToken,
    #[error("TELOXIDE_API_URL is not a valid URL: {0}")]
    BadApiUrl(String),
    #[error("WEBHOOK_URL must be a full https:// URL (got '{0}')")]
    BadWebhookUrl(String),
    #[error(
        "WEBHOOK_URL's path may not have a part starting with ':' or '*' (got '{0}'): \
         choose a plain path such as /telegram"
    )]
    BadWebhookPath(String),
    #[error("WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")]
    BadWebhookSecret,
    #[error("MILKBOT_HEALTH_ADDR must be an address like 127.0.0.1:9090 (got '{0}')")]
    BadHealthAddr(String),
    #[error(
        "MILKBOT_STT_URL must be an http:// or https:// URL like http://127.0.0.1:8000 (got '{0}')"
    )]
    BadSttUrl(String),
    #[error("MILKBOT_STT_MODEL must not be empty")]
    EmptySttModel,
    #[error(
        "MILKBOT_WEBAPP_URL must be an https:// URL like https://bot.example.com/board/ \
         (got '{0}')"
    )]
    BadWebappUrl(String),
}

impl BotArgs {
    pub fn into_config(self, mode: Mode) -> Result<Config, ConfigError> {
        let token = self
            .token
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .ok_or(ConfigError::MissingToken)?;
        if !looks_like_token(&token) {
            return Err(ConfigError::MalformedToken);
        }
        let api_url = match self.api_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(
                url::Url::parse(raw)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https"))
                    .ok_or_else(|| ConfigError::BadApiUrl(raw.to_owned()))?,
            ),
        };
        let health_addr = match self.health_addr.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(
                raw.parse()
                    .map_err(|_| ConfigError::BadHealthAddr(raw.to_owned()))?,
            ),
        };
        let stt = match self.stt_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => {
                let endpoint = transcription_endpoint(raw)
                    .ok_or_else(|| ConfigError::BadSttUrl(raw.to_owned()))?;
                let model = self.stt_model.trim().to_owned();
                if model.is_empty() {
                    return Err(ConfigError::EmptySttModel);
                }
                Some(SttConfig {
                    endpoint,
                    key: self
                        .stt_key
                        .map(|k| k.trim().to_owned())
                        .filter(|k| !k.is_empty()),
                    model,
                    timeout: Duration::from_secs(u64::from(self.stt_timeout)),
                })
            }
        };
        let webapp = match self.webapp_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(WebappConfig {
                url: webapp_url(raw).ok_or_else(|| ConfigError::BadWebappUrl(raw.to_owned()))?,
                listen: self.webapp_listen,
            }),
        };
        Ok(Config {
            webapp,
            semantic: self.semantic,
            mode,
            health_addr,
            stt,
            token,
            api_url,
            database_url: self.database_url,
            default_tz: self.timezone,
            limits: self.send_limits,
            poll_timeout: Duration::from_secs(10),
            request_timeout: REQUEST_TIMEOUT,
            user_actions_per_minute: self.user_limit.max(1),
            reminder_lease: Duration::from_secs(u64::from(self.reminder_lease)),
            storage_give_up: chrono::Duration::seconds(i64::from(self.storage_give_up)),
        })
    }
}

/// Bot tokens are `<bot id>:<secret>`; anything else is a typo we can name early.
fn looks_like_token(token: &str) -> bool {
    match token.split_once(':') {
        Some((id, secret)) => {
            !id.is_empty()
                && id.bytes().all(|b| b.is_ascii_digit())
                && !secret.is_empty()
                && secret
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests;
