//! Sending and editing messages: one place that sets the parse mode and turns a
//! rendered [`Screen`] into a Telegram request.

use teloxide::prelude::*;
use teloxide::types::{ChatId, InlineKeyboardMarkup, MessageId, ParseMode, ReplyMarkup};

use super::TgBot;

/// A rendered message: HTML text and its buttons, and a picture (PNG) when it is a
/// photo with the text as its caption.
#[derive(Debug, Clone, Default)]
pub struct Screen {
    pub text: String,
    pub markup: Option<ReplyMarkup>,
    pub photo: Option<Vec<u8>>,
}

impl Screen {
    pub fn text(text: impl Into<String>) -> Screen {
        Screen {
            text: text.into(),
            markup: None,
            photo: None,
        }
    }

    pub fn photo(png: Vec<u8>, caption: impl Into<String>) -> Screen {
        Screen {
            text: caption.into(),
            markup: None,
            photo: Some(png),
        }
    }

    pub fn with(mut self, markup: impl Into<ReplyMarkup>) -> Screen {
        self.markup = Some(markup.into());
        self
    }

    fn inline(&self) -> Option<InlineKeyboardMarkup> {
        match &self.markup {
            Some(ReplyMarkup::InlineKeyboard(k)) => Some(k.clone()),
            _ => None,
        }
    }
}

/// Sends screens to one chat.
pub struct Sender<'a> {
    pub bot: &'a TgBot,
    pub chat: ChatId,
}

impl Sender<'_> {
    pub async fn send(&self, screen: Screen) -> Result<Message, teloxide::RequestError> {
        if let Some(png) = screen.photo {
            let file = teloxide::types::InputFile::memory(png).file_name("milkbot.png");
            let mut req = self
                .bot
                .send_photo(self.chat, file)
                .caption(screen.text)
                .parse_mode(ParseMode::Html);
            if let Some(markup) = screen.markup {
                req = req.reply_markup(markup);
            }
            return req.await;
        }
        let mut req = self
            .bot
            .send_message(self.chat, screen.text)
            .parse_mode(ParseMode::Html);
        if let Some(markup) = screen.markup {
            req = req.reply_markup(markup);
        }
        req.await
    }

    /// Replaces a message's text and inline buttons. "Message is not modified" counts
    /// as success: the message already shows what we wanted.
    pub async fn edit(
        &self,
        message: MessageId,
        screen: Screen,
    ) -> Result<(), teloxide::RequestError> {
        let mut req = self
            .bot
            .edit_message_text(self.chat, message, screen.text.clone())
            .parse_mode(ParseMode::Html);
        if let Some(k) = screen.inline() {
            req = req.reply_markup(k);
        }
        match req.await {
            Ok(_) | Err(teloxide::RequestError::Api(teloxide::ApiError::MessageNotModified)) => {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}
