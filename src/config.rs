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
    /// Run the bot with long polling (the default when no command is given).
    Run,
    /// Answer a question from the guidance, offline: no token or network needed.
    Ask {
        /// Print one JSON object: {"matched", "topic", "score", "answer", "alternatives"}.
        #[arg(long)]
        json: bool,
        /// The question, e.g. "how long does milk keep in the fridge".
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Create the database if needed, apply migrations and exit.
    Migrate,
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
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true)]
    pub database_url: String,

    /// Log filter, e.g. `info` or `milkbot=debug,info`.
    #[arg(long, env = "MILKBOT_LOG", default_value = "info", global = true)]
    pub log: String,

    /// Timezone for new families until they choose their own (an IANA name like `Europe/London`).
    #[arg(long, env = "MILKBOT_TIMEZONE", default_value = "UTC", value_parser = parse_tz, global = true)]
    pub timezone: Tz,
}

fn parse_tz(name: &str) -> Result<Tz, String> {
    name.parse::<Tz>().map_err(|_| {
        format!(
            "unknown timezone '{name}': use an IANA name such as Europe/London or America/New_York"
        )
    })
}

/// Telegram's sending limits, applied by teloxide's throttling. Tests raise them.
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
}

impl BotArgs {
    pub fn into_config(self) -> Result<Config, ConfigError> {
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
        Ok(Config {
            token,
            api_url,
            database_url: self.database_url,
            default_tz: self.timezone,
            limits: SendLimits::default(),
            poll_timeout: Duration::from_secs(10),
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
mod tests {
    use super::*;

    fn args(token: Option<&str>, api: Option<&str>) -> BotArgs {
        BotArgs {
            token: token.map(str::to_owned),
            api_url: api.map(str::to_owned),
            database_url: DEFAULT_DATABASE_URL.into(),
            log: "info".into(),
            timezone: Tz::UTC,
        }
    }

    #[test]
    fn token_is_required_and_checked() {
        assert!(matches!(
            args(None, None).into_config(),
            Err(ConfigError::MissingToken)
        ));
        assert!(matches!(
            args(Some("  "), None).into_config(),
            Err(ConfigError::MissingToken)
        ));
        assert!(matches!(
            args(Some("not a token"), None).into_config(),
            Err(ConfigError::MalformedToken)
        ));
        let ok = args(Some("123456:ABC-def_9"), None).into_config().unwrap();
        assert_eq!(ok.token, "123456:ABC-def_9");
        assert!(ok.api_url.is_none());
    }

    #[test]
    fn api_url_must_be_http() {
        assert!(matches!(
            args(Some("1:a"), Some("ftp://x")).into_config(),
            Err(ConfigError::BadApiUrl(_))
        ));
        let ok = args(Some("1:a"), Some("http://127.0.0.1:8081"))
            .into_config()
            .unwrap();
        assert_eq!(ok.api_url.unwrap().port(), Some(8081));
    }

    #[test]
    fn unknown_timezone_is_named() {
        assert!(
            parse_tz("Mars/Olympus")
                .unwrap_err()
                .contains("Mars/Olympus")
        );
        assert_eq!(
            parse_tz("Europe/London").unwrap(),
            chrono_tz::Europe::London
        );
    }
}
