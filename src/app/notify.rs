//! What the bot says without being asked (reminders, digests, summaries), as plain data,
//! and the small port the scheduler sends it through. The Telegram adapter words and
//! sends it ([`Notifier`]); the scheduler decides what is due and records what was sent.

use crate::domain::reminders::Kind;
use std::future::Future;

use chrono::{DateTime, Utc};

use super::{Acted, InsightsData};
use crate::domain::settings::Settings;
use crate::domain::stash;
use crate::domain::{Lang, Place};
use crate::storage::{BatchRow, ChatRow};

/// One batch a reminder (or a digest line) is about.
pub struct BatchNotice<'a> {
    /// The reminder kind (deadline, last call, ...).
    pub kind: Kind,
    /// Where the batch was when the reminder was written.
    pub place: Place,
    pub batch: &'a BatchRow,
}

/// Something to tell a family unprompted.
pub enum Notice<'a> {
    /// Reminders about batches: one is a reminder, several a digest.
    Batches(Vec<BatchNotice<'a>>),
    /// "Time to switch sides" from the walkthrough, `minutes` after it was asked for.
    SwitchSides(u32),
    /// The morning summary of the stash.
    Morning(Box<stash::View>),
    /// The frozen stash lasts `days`, under the family's `threshold`.
    LowStash { days: f64, threshold: u32 },
    /// The weekly summary, with its chart.
    Weekly(Box<InsightsData>),
    /// Someone changed a batch on the stash board (`acted` is `Acted::Done`): the chat
    /// hears what, and from whom, as it would after a button.
    BoardActed { who: &'a str, acted: &'a Acted },
}

/// Why a message did not arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undelivered {
    /// The chat blocked or removed the bot, or no longer exists: pause it.
    Gone(String),
    /// The group became a supergroup with this id: follow it and send there.
    Moved(i64),
    /// Worth trying again later.
    Retry(String),
}

/// Words and sends notices. Wording happens once per notice and language; the worded
/// message may go to several chats that speak it.
pub trait Notifier: Send + Sync + 'static {
    /// A notice worded and ready to send.
    type Message: Clone + Send + Sync;

    fn word(
        &self,
        notice: &Notice<'_>,
        settings: &Settings,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Self::Message> + Send;

    /// Sends `message` to `chat`; returns the id of the message sent (None when there
    /// was nothing to send).
    fn send(
        &self,
        chat: i64,
        message: &Self::Message,
    ) -> impl Future<Output = Result<Option<i64>, Undelivered>> + Send;

    /// Shows `message` in place of message `message_id` in `chat`: a reminder about a
    /// batch that changed elsewhere (on the stash board). A notifier that cannot edit
    /// does nothing.
    fn replace(
        &self,
        chat: i64,
        message_id: i64,
        message: &Self::Message,
    ) -> impl Future<Output = Result<(), Undelivered>> + Send {
        let _ = (chat, message_id, message);
        async { Ok(()) }
    }
}

/// One notice, worded once per language as the chats it goes to need it: each chat
/// hears it in its own language (English for a chat not stored, e.g. one just moved).
pub struct Worded<'w, 'a, N: Notifier> {
    notifier: &'w N,
    notice: &'w Notice<'a>,
    settings: &'w Settings,
    now: DateTime<Utc>,
    /// The family's chats, with their languages.
    chats: Vec<ChatRow>,
    done: Vec<(Lang, N::Message)>,
}

impl<'w, 'a, N: Notifier> Worded<'w, 'a, N> {
    pub fn new(
        notifier: &'w N,
        notice: &'w Notice<'a>,
        settings: &'w Settings,
        chats: Vec<ChatRow>,
        now: DateTime<Utc>,
    ) -> Self {
        Worded {
            notifier,
            notice,
            settings,
            now,
            chats,
            done: Vec::new(),
        }
    }

    /// The message for `chat`, in its language.
    pub async fn for_chat(&mut self, chat: i64) -> N::Message {
        let lang = crate::storage::lang_of(&self.chats, chat);
        if let Some((_, message)) = self.done.iter().find(|(l, _)| *l == lang) {
            return message.clone();
        }
        let message = self
            .notifier
            .word(self.notice, self.settings, lang, self.now)
            .await;
        self.done.push((lang, message.clone()));
        message
    }
}
