//! The language each chat was last spoken to in, kept in memory: what the bot says
//! before it reads the chat's row (the slow-down note, a message too long or not text)
//! or when it could not read it (the database refused), so that a chat whose language
//! was chosen with /language hears it there too, at no statement per update. A chat not
//! seen since start (or forgotten) hears its sender's Telegram language, as before.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::domain::Lang;

/// At most this many chats are remembered; past it the map starts afresh (a few notes
/// then go by the sender's language again, until each chat is read once more).
const MAX_CHATS: usize = 100_000;

#[derive(Default)]
pub struct ChatLangs(Mutex<HashMap<i64, Lang>>);

impl ChatLangs {
    /// Notes the language `chat` is spoken to in (read from its row, or just chosen).
    pub fn remember(&self, chat: i64, lang: Lang) {
        if let Ok(mut langs) = self.0.lock() {
            if langs.len() >= MAX_CHATS && !langs.contains_key(&chat) {
                langs.clear();
            }
            langs.insert(chat, lang);
        }
    }

    /// The language `chat` was last spoken to in, if it was seen since start.
    pub fn of(&self, chat: i64) -> Option<Lang> {
        self.0
            .lock()
            .ok()
            .and_then(|langs| langs.get(&chat).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_the_last_language_of_each_chat() {
        let langs = ChatLangs::default();
        assert_eq!(langs.of(1), None);
        langs.remember(1, Lang::Es);
        langs.remember(2, Lang::Ru);
        langs.remember(1, Lang::Ru);
        assert_eq!((langs.of(1), langs.of(2)), (Some(Lang::Ru), Some(Lang::Ru)));
    }

    #[test]
    fn starts_afresh_when_full() {
        let langs = ChatLangs::default();
        for chat in 0..MAX_CHATS as i64 {
            langs.remember(chat, Lang::Es);
        }
        // A chat already known is updated in place.
        langs.remember(0, Lang::Ru);
        assert_eq!(langs.of(1), Some(Lang::Es));
        // A new one past the limit clears the rest.
        langs.remember(-1, Lang::Ru);
        assert_eq!((langs.of(-1), langs.of(1)), (Some(Lang::Ru), None));
    }
}
