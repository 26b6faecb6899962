//! Sending and editing messages: one place that sets the parse mode and turns a
//! rendered [`Screen`] into a Telegram request.

use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{ChatId, InlineKeyboardMarkup, MessageId, ParseMode, ReplyMarkup};

use super::TgBot;

/// A message (or edit) that did not go, or is not known to have gone.
#[derive(Debug)]
pub enum SendFailure {
    /// Refused by Telegram, or never sent (no connection): nothing reached the chat.
    Failed(RequestError),
    /// Sent, but Telegram's answer did not come back before the request timeout: most
    /// likely delivered. Telegram has no idempotency key for messages and a bot cannot
    /// read a chat's history to check, so it is taken as delivered and never sent again:
    /// a repeated confirmation or reminder is worse than a rare missing one.
    Unanswered(RequestError),
}

impl SendFailure {
    pub fn is_unanswered(&self) -> bool {
        matches!(self, SendFailure::Unanswered(_))
    }

    /// The request's own error.
    pub fn request_error(&self) -> &RequestError {
        match self {
            SendFailure::Failed(e) | SendFailure::Unanswered(e) => e,
        }
    }
}

/// Sorts a failed send: see [`unanswered`].
impl From<RequestError> for SendFailure {
    fn from(e: RequestError) -> SendFailure {
        if unanswered(&e) {
            SendFailure::Unanswered(e)
        } else {
            SendFailure::Failed(e)
        }
    }
}

impl std::fmt::Display for SendFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = super::describe_request_error(self.request_error());
        match self {
            SendFailure::Failed(_) => f.write_str(&why),
            SendFailure::Unanswered(_) => {
                write!(
                    f,
                    "sent, but Telegram's answer did not come in time ({why})"
                )
            }
        }
    }
}

impl std::error::Error for SendFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.request_error())
    }
}

/// Whether a failed send timed out after it went out: the connection was made (the
/// connect timeout is shorter than the request timeout, see `make_bot`) and the request
/// written, and only the answer is missing. A connection that failed or timed out, a
/// 5xx or a 429 are not: those are tried again.
pub fn unanswered(e: &RequestError) -> bool {
    match e {
        RequestError::Network(e) => e.is_timeout() && !e.is_connect(),
        _ => false,
    }
}

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
    pub async fn send(&self, mut screen: Screen) -> Result<Message, SendFailure> {
        if screen.photo.is_none() {
            let mut parts = split_text(&screen.text, MAX_TEXT_UNITS);
            if let Some(last) = parts.pop() {
                for part in parts {
                    match self.send_one(Screen::text(part)).await {
                        Ok(_) => {}
                        // Most likely there: the rest follows it.
                        Err(e) if e.is_unanswered() => tracing::warn!("part of a message: {e}"),
                        Err(e) => return Err(e),
                    }
                }
                screen.text = last;
            }
        }
        self.send_one(screen).await
    }

    async fn send_one(&self, screen: Screen) -> Result<Message, SendFailure> {
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
            return Ok(req.await?);
        }
        let mut req = self
            .bot
            .send_message(self.chat, screen.text)
            .parse_mode(ParseMode::Html);
        if let Some(markup) = screen.markup {
            req = req.reply_markup(markup);
        }
        Ok(req.await?)
    }

    /// Replaces a message's text and inline buttons. "Message is not modified" counts
    /// as success: the message already shows what we wanted. A text too long for one
    /// message: the message shows its first part, and the rest follows as new messages,
    /// with the buttons under the last.
    pub async fn edit(&self, message: MessageId, mut screen: Screen) -> Result<(), SendFailure> {
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

    async fn edit_one(&self, message: MessageId, screen: Screen) -> Result<(), SendFailure> {
        let mut req = self
            .bot
            .edit_message_text(self.chat, message, screen.text.clone())
            .parse_mode(ParseMode::Html);
        if let Some(k) = screen.inline() {
            req = req.reply_markup(k);
        }
        match req.await {
            Ok(_) | Err(RequestError::Api(teloxide::ApiError::MessageNotModified)) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use teloxide::ApiError;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    const TOKEN: &str = "123:secret-token";

    /// A server on 127.0.0.1 that reads each request and then writes `reply` (perhaps
    /// only a beginning) and never finishes.
    async fn stalling(reply: &'static [u8]) -> reqwest::Url {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            while let Ok((mut conn, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buf = [0; 4096];
                    let _ = conn.read(&mut buf).await;
                    let _ = conn.write_all(reply).await;
                    tokio::time::sleep(Duration::from_secs(30)).await;
                });
            }
        });
        url.parse().unwrap()
    }

    /// How a sendMessage to `url` fails, through teloxide as the bot sends it.
    async fn send_to(url: reqwest::Url) -> RequestError {
        let client = teloxide::net::default_reqwest_settings()
            .connect_timeout(Duration::from_millis(200))
            .timeout(Duration::from_millis(400))
            .build()
            .unwrap();
        Bot::with_client(TOKEN, client)
            .set_api_url(url)
            .send_message(ChatId(1), "hi")
            .await
            .unwrap_err()
    }

    #[tokio::test]
    async fn a_send_whose_answer_never_came_is_taken_as_delivered() {
        for reply in [
            &b""[..],
            b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"ok\"",
        ] {
            let e = send_to(stalling(reply).await).await;
            assert!(unanswered(&e), "{e:?}");
            let failure = SendFailure::from(e);
            assert!(failure.is_unanswered());
            let said = failure.to_string();
            assert!(said.contains("did not come in time"), "{said}");
            assert!(!said.contains("secret"), "{said}");
        }
    }

    #[tokio::test]
    async fn a_send_that_never_left_or_was_refused_is_not() {
        // Nothing listens: the connection is refused.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let closed = format!("http://{}", listener.local_addr().unwrap());
        drop(listener);
        let refused = send_to(closed.parse().unwrap()).await;
        assert!(matches!(refused, RequestError::Network(_)), "{refused:?}");
        // An address nothing answers from: the connection times out (or the network
        // says at once that it is unreachable); either way nothing was sent.
        let nowhere = send_to("http://10.255.255.1:81".parse().unwrap()).await;
        for e in [
            refused,
            nowhere,
            RequestError::RetryAfter(teloxide::types::Seconds::from_seconds(3)),
            RequestError::Api(ApiError::BotBlocked),
            RequestError::Api(ApiError::Unknown("Bad Gateway".into())),
            RequestError::MigrateToChatId(ChatId(-100)),
        ] {
            assert!(!unanswered(&e), "{e:?}");
            assert!(!SendFailure::from(e).is_unanswered());
        }
    }

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
