//! The greeting, /help, the reply-keyboard texts, and what is said when something fails.

use crate::domain::Lang;

use super::tr;

/// Escapes text for Telegram's HTML parse mode.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A button of the persistent reply keyboard. The bot recognises its text in every
/// language (a chat that switched language may still show the old keyboard).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Log,
    Stash,
    Ask,
    Express,
    Settings,
    Help,
}

impl Key {
    pub const ALL: [Key; 6] = [
        Key::Log,
        Key::Stash,
        Key::Ask,
        Key::Express,
        Key::Settings,
        Key::Help,
    ];

    fn id(self) -> &'static str {
        match self {
            Key::Log => "key-log",
            Key::Stash => "key-stash",
            Key::Ask => "key-ask",
            Key::Express => "key-express",
            Key::Settings => "key-settings",
            Key::Help => "key-help",
        }
    }
}

/// The text of a reply-keyboard button.
pub fn key(lang: Lang, key: Key) -> String {
    tr(lang, key.id())
}

/// The reply-keyboard button whose text this is, in any language.
pub fn key_of(text: &str) -> Option<Key> {
    let text = text.trim();
    Key::ALL
        .into_iter()
        .find(|k| Lang::ALL.iter().any(|lang| key(*lang, *k) == text))
}

pub fn greeting(lang: Lang, name: &str, in_group: bool) -> String {
    let hello = if name.is_empty() {
        t!(lang, "greeting-hello")
    } else {
        t!(lang, "greeting-hello-name", name = esc(name))
    };
    let mut out = format!("{hello}\n{}", t!(lang, "greeting-what"));
    if in_group {
        out.push_str("\n\n");
        out.push_str(&t!(lang, "greeting-group"));
    }
    out.push_str("\n\n");
    out.push_str(&t!(lang, "greeting-buttons"));
    out.push_str("\n\n");
    out.push_str(&not_medical_advice(lang));
    out
}

/// Said once on `/start`; `/help` has the longer [`disclaimer`].
pub fn not_medical_advice(lang: Lang) -> String {
    t!(lang, "not-medical-advice")
}

/// Under every FAQ answer.
pub fn answer_footer(lang: Lang) -> String {
    t!(lang, "answer-footer")
}

pub fn timezone_hint(lang: Lang, tz: &str) -> String {
    t!(lang, "timezone-hint", zone = esc(tz))
}

pub fn disclaimer(lang: Lang) -> String {
    t!(lang, "disclaimer")
}

/// The bot's profile text, shown before the first /start (up to 512 characters).
pub fn bot_description(lang: Lang) -> String {
    t!(lang, "bot-description")
}

/// The bot's short profile text (up to 120 characters).
pub fn bot_short_description(lang: Lang) -> String {
    t!(lang, "bot-short-description")
}

/// A command's line in the menu and in /help, by its name ("stash").
pub fn command_description(lang: Lang, command: &str) -> String {
    tr(lang, &format!("cmd-{command}"))
}

/// `/help`: the commands, one per line, then the disclaimer.
pub fn help(lang: Lang, commands: &[(String, String)]) -> String {
    let mut out = format!("<b>{}</b>\n", t!(lang, "help-title"));
    for (command, description) in commands {
        out.push_str(&format!("/{} – {}\n", esc(command), esc(description)));
    }
    out.push('\n');
    out.push_str(&t!(lang, "help-typing"));
    out.push_str("\n\n");
    out.push_str(&disclaimer(lang));
    out
}

pub fn unknown_command(lang: Lang, command: &str) -> String {
    t!(lang, "unknown-command", command = esc(command))
}

pub fn something_went_wrong(lang: Lang) -> String {
    t!(lang, "something-went-wrong")
}

/// The database could not take the change (it is down, full or read-only).
pub fn not_saved(lang: Lang) -> String {
    t!(lang, "not-saved")
}

pub fn slow_down(lang: Lang) -> String {
    t!(lang, "slow-down")
}

pub fn text_too_long(lang: Lang) -> String {
    t!(lang, "text-too-long")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_html() {
        assert_eq!(
            esc("<b>Sam & \"Jo\"</b>"),
            "&lt;b&gt;Sam &amp; &quot;Jo&quot;&lt;/b&gt;"
        );
        assert!(greeting(Lang::Es, "<script>", false).contains("&lt;script&gt;"));
    }

    #[test]
    fn the_greeting_and_disclaimer_speak_each_language() {
        assert!(greeting(Lang::En, "Ana", true).starts_with("Hi Ana! I'm milkbot 🍼\n"));
        assert!(greeting(Lang::Es, "Ana", false).starts_with("¡Hola, Ana! Soy milkbot 🍼\n"));
        assert!(greeting(Lang::Ru, "", false).starts_with("Здравствуйте! Я milkbot 🍼\n"));
        assert!(disclaimer(Lang::Es).contains("IBCLC"));
        assert!(disclaimer(Lang::Ru).contains("IBCLC"));
    }

    #[test]
    fn keyboard_texts_are_recognised_in_every_language() {
        for lang in Lang::ALL {
            for k in Key::ALL {
                assert_eq!(
                    key_of(&format!(" {} ", key(lang, k))),
                    Some(k),
                    "{lang:?} {k:?}"
                );
            }
        }
        assert_eq!(key_of("🧊 Запас"), Some(Key::Stash));
        assert_eq!(key_of("Stash"), None);
    }

    #[test]
    fn help_lists_commands_and_the_disclaimer() {
        let text = help(Lang::En, &[("log".into(), "log milk".into())]);
        assert!(text.contains("/log – log milk"));
        assert!(text.contains("IBCLC"));
    }
}
