//! The slash commands, their menu descriptions, and the reply-keyboard texts that
//! stand for them.

use teloxide::utils::command::BotCommands;

use crate::domain::Lang;
use crate::messages::{self as m, Key};

#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    #[command(description = "start, and show the buttons")]
    Start(String),
    #[command(description = "log milk: /log, or e.g. /log 90 fridge 14:30")]
    Log(String),
    #[command(description = "your stash, and what to use first")]
    Stash,
    #[command(description = "unit, timezone, guideline")]
    Settings,
    #[command(description = "the language I speak")]
    Language,
    #[command(description = "set the timezone, e.g. /timezone Berlin")]
    Timezone(String),
    #[command(description = "questions and answers, by topic")]
    Faq,
    #[command(description = "hand expression, step by step")]
    Express,
    #[command(description = "how long milk keeps, under your guideline")]
    Storage,
    #[command(description = "your numbers and a chart")]
    Stats,
    #[command(description = "invite someone to share this stash")]
    Invite,
    #[command(description = "who is in the family, and where reminders go")]
    Family,
    #[command(description = "unlink this private chat from the family")]
    Leave,
    #[command(description = "download the whole history (CSV)")]
    Export,
    #[command(description = "delete all of this family's data")]
    Forget,
    #[command(description = "what I can do")]
    Help,
}

impl Command {
    /// The command a reply-keyboard button stands for.
    pub fn from_keyboard(text: &str) -> Option<Command> {
        Some(match m::key_of(text)? {
            Key::Log => Command::Log(String::new()),
            Key::Stash => Command::Stash,
            Key::Settings => Command::Settings,
            Key::Ask => Command::Faq,
            Key::Express => Command::Express,
            Key::Help => Command::Help,
        })
    }

    /// (name, description) pairs for /help and the command menu, in `lang`.
    pub fn listing(lang: Lang) -> Vec<(String, String)> {
        Command::bot_commands()
            .into_iter()
            .map(|c| {
                let name = c.command.trim_start_matches('/').to_owned();
                let description = m::command_description(lang, &name);
                (name, description)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_with_and_without_the_bot_name() {
        assert_eq!(Command::parse("/help", "milkbot").ok(), Some(Command::Help));
        assert_eq!(
            Command::parse("/help@milkbot", "milkbot").ok(),
            Some(Command::Help)
        );
        assert!(Command::parse("/help@otherbot", "milkbot").is_err());
        assert_eq!(
            Command::parse("/start join_abc", "milkbot").ok(),
            Some(Command::Start("join_abc".into()))
        );
        assert!(Command::parse("/nonsense", "milkbot").is_err());
    }

    #[test]
    fn menu_descriptions_are_short_and_worded_in_every_language() {
        for lang in Lang::ALL {
            for (name, description) in Command::listing(lang) {
                assert!(name.len() <= 32 && !description.is_empty() && description.len() <= 256);
                assert_ne!(description, format!("cmd-{name}"), "no wording for /{name}");
            }
        }
        let es = Command::listing(Lang::Es);
        assert!(es.contains(&("language".into(), "el idioma en que te hablo".into())));
    }
}
