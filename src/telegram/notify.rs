//! The Telegram side of [`Notifier`]: reminders and summaries as screens, sent to a chat.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use teloxide::types::ChatId;
use teloxide::{ApiError, RequestError};

use super::views::{self, Reminded};
use super::{Screen, SendFailure, Sender, TgBot};
use crate::app::Acted;
use crate::app::notify::{Notice, Notifier, Undelivered};
use crate::domain::Lang;
use crate::domain::settings::Settings;
use crate::messages as m;
use crate::metrics::Metrics;

/// Sends the scheduler's notices through the bot.
pub struct TelegramNotifier {
    bot: TgBot,
    metrics: Arc<Metrics>,
}

impl TelegramNotifier {
    pub fn new(bot: TgBot, metrics: Arc<Metrics>) -> TelegramNotifier {
        TelegramNotifier { bot, metrics }
    }

    /// A notice sent to `chat` whose answer did not come back in time: most likely
    /// delivered, so it counts as sent and is never pushed again. Its message id is
    /// unknown: its buttons still act on their batch, but a digest is redrawn as the one
    /// batch pressed, and this copy is not refreshed when the batch changes elsewhere.
    fn unanswered(&self, chat: i64, e: SendFailure) -> Option<i64> {
        self.metrics.sends_unanswered.inc();
        tracing::warn!("a reminder to chat {chat}: {e}; taken as delivered, not sent again");
        tracing::debug!("the unanswered request: {e:?}");
        None
    }
}

impl Notifier for TelegramNotifier {
    type Message = Screen;

    async fn word(
        &self,
        notice: &Notice<'_>,
        settings: &Settings,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Screen {
        match notice {
            Notice::Batches(items) => {
                let items: Vec<Reminded<'_>> = items
                    .iter()
                    .map(|n| Reminded {
                        kind: n.kind,
                        place: n.place,
                        batch: n.batch,
                    })
                    .collect();
                match items.as_slice() {
                    [one] => views::reminder(lang, one, settings, now),
                    many => views::digest(lang, many, None, settings, now),
                }
            }
            Notice::SwitchSides(minutes) => Screen::text(m::switch_sides(lang, *minutes)),
            Notice::Morning(view) => views::morning(lang, view, settings, now),
            Notice::LowStash { days, threshold } => {
                Screen::text(m::low_stash(lang, *days, *threshold))
            }
            Notice::BoardActed { who, acted } => match acted {
                Acted::Done { after, .. } => {
                    let phrase = super::callbacks::done_phrase_of(lang, acted, settings, now)
                        .unwrap_or_default();
                    let headline = m::board_did(lang, who, &phrase);
                    views::batch_card(lang, Some(headline), after, settings, now)
                }
                // Only a change that went through is told.
                _ => Screen::text(String::new()),
            },
            Notice::Weekly(data) => {
                let caption = m::weekly_summary(lang, &data.insights, settings.unit);
                match views::chart(lang, data.chart.clone()).await {
                    Ok(png) => Screen::photo(png, caption),
                    Err(e) => {
                        tracing::warn!("weekly chart failed: {e}");
                        Screen::text(caption)
                    }
                }
            }
        }
    }

    async fn replace(
        &self,
        chat: i64,
        message_id: i64,
        screen: &Screen,
    ) -> Result<(), Undelivered> {
        let Ok(id) = i32::try_from(message_id) else {
            return Ok(());
        };
        let out = Sender {
            bot: &self.bot,
            chat: ChatId(chat),
        };
        out.edit(teloxide::types::MessageId(id), screen.clone())
            .await
            .map_err(|e| Undelivered::Retry(e.to_string()))
    }

    async fn send(&self, chat: i64, screen: &Screen) -> Result<Option<i64>, Undelivered> {
        if screen.text.is_empty() {
            return Ok(None);
        }
        let out = Sender {
            bot: &self.bot,
            chat: ChatId(chat),
        };
        match out.send(screen.clone()).await {
            Ok(message) => Ok(Some(i64::from(message.id.0))),
            Err(e @ SendFailure::Unanswered(_)) => Ok(self.unanswered(chat, e)),
            Err(SendFailure::Failed(RequestError::MigrateToChatId(new))) => {
                Err(Undelivered::Moved(new.0))
            }
            Err(SendFailure::Failed(RequestError::Api(
                e @ (ApiError::BotBlocked
                | ApiError::BotKicked
                | ApiError::BotKickedFromSupergroup
                | ApiError::ChatNotFound
                | ApiError::UserDeactivated
                | ApiError::CantInitiateConversation
                | ApiError::CantTalkWithBots),
            ))) => Err(Undelivered::Gone(e.to_string())),
            Err(SendFailure::Failed(RequestError::Api(ApiError::Unknown(text))))
                if text.starts_with("Forbidden") =>
            {
                Err(Undelivered::Gone(text))
            }
            Err(e) => Err(Undelivered::Retry(e.to_string())),
        }
    }
}
