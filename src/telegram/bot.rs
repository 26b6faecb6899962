//! The bot handle every handler and the scheduler get: messages and edits go through the
//! shared [`SendLimiter`]; everything else (answers to button presses, getMe, ...) goes
//! straight to Telegram through the plain [`Bot`] it dereferences to.
//!
//! Only the methods below are limited: a new kind of message (a sticker, a poll) needs
//! a method here too, or it would bypass the limits.

use std::future::{Future, IntoFuture};
use std::ops::Deref;
use std::pin::Pin;
use std::sync::Arc;

use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::requests::{HasPayload, JsonRequest, MultipartRequest, Output, Request};
use teloxide::types::{InputFile, MessageId, Recipient};

use super::limiter::{Priority, SendLimiter};

#[derive(Clone)]
pub struct TgBot {
    bot: Bot,
    limiter: Arc<SendLimiter>,
    priority: Priority,
}

impl TgBot {
    pub fn new(bot: Bot, limiter: Arc<SendLimiter>) -> TgBot {
        TgBot {
            bot,
            limiter,
            priority: Priority::Reply,
        }
    }

    /// The same bot for pushes (reminders): they wait for replies to people.
    pub fn pushing(&self) -> TgBot {
        TgBot {
            priority: Priority::Push,
            ..self.clone()
        }
    }

    /// The plain bot, for requests that are not messages.
    pub fn inner(&self) -> &Bot {
        &self.bot
    }

    pub fn limiter(&self) -> &Arc<SendLimiter> {
        &self.limiter
    }

    fn limited<R>(&self, chat: &Recipient, request: R) -> Paced<R> {
        Paced {
            request,
            // Every chat the bot writes to is named by its id.
            chat: match chat {
                Recipient::Id(id) => id.0,
                Recipient::ChannelUsername(_) => 0,
            },
            limiter: self.limiter.clone(),
            priority: self.priority,
        }
    }

    pub fn send_message(
        &self,
        chat: impl Into<Recipient>,
        text: impl Into<String>,
    ) -> Paced<JsonRequest<teloxide::payloads::SendMessage>> {
        let chat = chat.into();
        self.limited(&chat, self.bot.send_message(chat.clone(), text))
    }

    pub fn send_photo(
        &self,
        chat: impl Into<Recipient>,
        photo: InputFile,
    ) -> Paced<MultipartRequest<teloxide::payloads::SendPhoto>> {
        let chat = chat.into();
        self.limited(&chat, self.bot.send_photo(chat.clone(), photo))
    }

    pub fn send_document(
        &self,
        chat: impl Into<Recipient>,
        document: InputFile,
    ) -> Paced<MultipartRequest<teloxide::payloads::SendDocument>> {
        let chat = chat.into();
        self.limited(&chat, self.bot.send_document(chat.clone(), document))
    }

    pub fn edit_message_text(
        &self,
        chat: impl Into<Recipient>,
        message: MessageId,
        text: impl Into<String>,
    ) -> Paced<JsonRequest<teloxide::payloads::EditMessageText>> {
        let chat = chat.into();
        self.limited(
            &chat,
            self.bot.edit_message_text(chat.clone(), message, text),
        )
    }
}

impl Deref for TgBot {
    type Target = Bot;

    fn deref(&self) -> &Bot {
        &self.bot
    }
}

/// A request that waits for the send limiter before it goes, and on 429 waits
/// `retry_after` and goes again (before the chat's later messages). Its parameters are
/// set like the plain request's (`.parse_mode(..)`, `.reply_markup(..)`).
pub struct Paced<R> {
    request: R,
    chat: i64,
    limiter: Arc<SendLimiter>,
    priority: Priority,
}

impl<R: HasPayload> HasPayload for Paced<R> {
    type Payload = R::Payload;

    fn payload_mut(&mut self) -> &mut Self::Payload {
        self.request.payload_mut()
    }

    fn payload_ref(&self) -> &Self::Payload {
        self.request.payload_ref()
    }
}

impl<R> IntoFuture for Paced<R>
where
    R: Request<Err = RequestError> + Send + Sync + 'static,
    Output<R>: Send,
{
    type Output = Result<Output<R>, RequestError>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let mut permit = self.limiter.acquire(self.chat, self.priority).await;
            loop {
                match self.request.send_ref().await {
                    Err(RequestError::RetryAfter(after)) => {
                        tracing::warn!(
                            "Telegram asked to wait {:?} before sending again",
                            after.duration()
                        );
                        permit = permit.refused(after.duration()).await;
                    }
                    answer => return answer,
                }
            }
        })
    }
}
