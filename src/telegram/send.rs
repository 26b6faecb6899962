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

/// Telegram's limit on a message's text, in UTF-16 code units (after HTML parsing; the
/// raw HTML is measured, which is never shorter).
pub const MAX_TEXT_UNITS: usize = 4096;

/// Splits HTML `text` into parts of at most `max` UTF-16 units, at line breaks (the
/// bot's tags never span a line). A line longer than `max` on its own is cut between
/// characters, never inside a tag or an entity.
pub fn split_text(text: &str, max: usize) -> Vec<String> {
    let units = |s: &str| s.encode_utf16().count();
    if units(text) <= max {
        return vec![text.to_owned()];
    }
    let mut parts = Vec::new();
    let mut part = String::new();
    for line in text.split('\n') {
        let needed = units(line) + usize::from(!part.is_empty());
        if !part.is_empty() && units(&part) + needed > max {
            parts.push(std::mem::take(&mut part));
        }
        if units(line) > max {
            let mut pieces = cut_line(line, max);
            if let Some(last) = pieces.pop() {
                parts.extend(pieces);
                part = last;
            }
            continue;
        }
        if !part.is_empty() {
            part.push('\n');
        }
        part.push_str(line);
    }
    if !part.trim().is_empty() {
        parts.push(part);
    }
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// Cuts one overlong line into pieces of at most `max` UTF-16 units, only where no tag
/// (`<...>`) or entity (`&...;`) is open.
fn cut_line(line: &str, max: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_units = 0;
    // The end of `piece` where a cut is safe, and its length in units there.
    let mut safe = (0, 0);
    let mut open = None::<char>;
    for c in line.chars() {
        let w = c.len_utf16();
        if piece_units + w > max && safe.0 > 0 {
            let rest = piece.split_off(safe.0);
            pieces.push(std::mem::replace(&mut piece, rest));
            piece_units -= safe.1;
            safe = match open {
                None => (piece.len(), piece_units),
                Some(_) => (0, 0),
            };
        }
        piece.push(c);
        piece_units += w;
        open = match (open, c) {
            (None, '<') => Some('>'),
            (None, '&') => Some(';'),
            (Some(close), c) if c == close => None,
            (state, _) => state,
        };
        if open.is_none() {
            safe = (piece.len(), piece_units);
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// Sends screens to one chat.
pub struct Sender<'a> {
    pub bot: &'a TgBot,
    pub chat: ChatId,
}

impl Sender<'_> {
    /// Sends `screen`; a text too long for one message goes as several, in order, with
    /// the buttons under the last. Returns the last message sent.
    pub async fn send(&self, mut screen: Screen) -> Result<Message, teloxide::RequestError> {
        if screen.photo.is_none() {
            let mut parts = split_text(&screen.text, MAX_TEXT_UNITS);
            if let Some(last) = parts.pop() {
                for part in parts {
                    self.send_one(Screen::text(part)).await?;
                }
                screen.text = last;
            }
        }
        self.send_one(screen).await
    }

    async fn send_one(&self, screen: Screen) -> Result<Message, teloxide::RequestError> {
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
    /// as success: the message already shows what we wanted. A text too long for one
    /// message: the message shows its first part, and the rest follows as new messages,
    /// with the buttons under the last.
    pub async fn edit(
        &self,
        message: MessageId,
        mut screen: Screen,
    ) -> Result<(), teloxide::RequestError> {
        let mut parts = split_text(&screen.text, MAX_TEXT_UNITS).into_iter();
        if parts.len() > 1 {
            let first = parts.next().unwrap_or_default();
            let rest: Vec<String> = parts.collect();
            self.edit_one(message, Screen::text(first)).await?;
            screen.text = rest.join("\n");
            self.send(screen).await?;
            return Ok(());
        }
        self.edit_one(message, screen).await
    }

    async fn edit_one(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_stay_whole_and_long_ones_split_at_lines() {
        assert_eq!(
            split_text("<b>hi</b>\nthere", 4096),
            vec!["<b>hi</b>\nthere"]
        );
        let lines: Vec<String> = (0..100)
            .map(|i| format!("• <b>Name {i}</b>: fine"))
            .collect();
        let text = lines.join("\n");
        let parts = split_text(&text, 500);
        assert!(parts.len() > 1);
        for part in &parts {
            assert!(part.encode_utf16().count() <= 500, "{part}");
            assert_eq!(part.matches("<b>").count(), part.matches("</b>").count());
        }
        assert_eq!(parts.join("\n"), text, "nothing lost or reordered");
    }

    #[test]
    fn an_overlong_line_is_cut_outside_tags_and_entities() {
        // Emoji take two UTF-16 units each: the limit is Telegram's, not bytes or chars.
        let line = "👶&amp;<i>x</i>".repeat(300);
        let parts = split_text(&line, 97);
        assert_eq!(parts.concat(), line);
        for part in &parts {
            assert!(part.encode_utf16().count() <= 97, "{part}");
            assert!(
                !part.starts_with("amp;") && !part.starts_with("i>") && !part.starts_with("/i>")
            );
            assert_eq!(
                part.matches('<').count(),
                part.matches('>').count(),
                "{part}"
            );
        }
    }
}
