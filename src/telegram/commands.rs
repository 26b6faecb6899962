//! The slash commands, their menu descriptions, and the reply-keyboard texts that
//! stand for them.

use teloxide::utils::command::BotCommands;

use crate::messages as m;

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
        match text.trim() {
            t if t == m::KEY_LOG => Some(Command::Log(String::new())),
            t if t == m::KEY_STASH => Some(Command::Stash),
            t if t == m::KEY_SETTINGS => Some(Command::Settings),
            t if t == m::KEY_ASK => Some(Command::Faq),
            t if t == m::KEY_EXPRESS => Some(Command::Express),
            t if t == m::KEY_HELP => Some(Command::Help),
            _ => None,
        }
    }

    /// (name, description) pairs for /help.
    pub fn listing() -> Vec<(String, String)> {
        Command::bot_commands()
            .into_iter()
            .map(|c| (c.command.trim_start_matches('/').to_owned(), c.description))
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
    fn menu_descriptions_are_short() {
        for (name, description) in Command::listing() {
            assert!(name.len() <= 32 && !description.is_empty() && description.len() <= 256);
        }
    }
}
