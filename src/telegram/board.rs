//! The stash board's doors in Telegram: the chat's menu button, and a Board button
//! under /stash: a `web_app` button in private chats; in groups, where Telegram allows
//! no `web_app` buttons, a `t.me` link that opens the bot's main Mini App with
//! `startapp=g<chat id>`, so the board shows the group's family (to its members only:
//! see `Db::board_family`).

use teloxide::prelude::*;
use teloxide::types::{
    InlineKeyboardButton, InlineKeyboardMarkup, MenuButton, ReplyMarkup, WebAppInfo,
};

use super::{Screen, TgBot};
use crate::domain::Lang;
use crate::messages as m;

/// Where the board is and which bot opens it.
#[derive(Debug, Clone)]
pub struct BoardDoor {
    /// The page's public URL (`MILKBOT_WEBAPP_URL`).
    pub url: url::Url,
    /// The bot's username, for `t.me` links.
    pub bot_name: String,
}

/// The `startapp` parameter naming a group: `g<chat id>`.
pub fn group_param(chat_id: i64) -> String {
    format!("g{chat_id}")
}

/// The group a `startapp` parameter names, if it names one.
pub fn group_from_param(param: Option<&str>) -> Option<i64> {
    param?.strip_prefix('g')?.parse().ok()
}

/// The link that opens the bot's main Mini App for a group.
pub fn group_link(door: &BoardDoor, chat_id: i64) -> Option<url::Url> {
    let mut link = url::Url::parse(&format!("https://t.me/{}", door.bot_name)).ok()?;
    link.query_pairs_mut()
        .append_pair("startapp", &group_param(chat_id));
    Some(link)
}

/// `screen` with the board's button in a last row of its own, when the board is served.
pub fn with_board_button(
    mut screen: Screen,
    door: Option<&BoardDoor>,
    chat: ChatId,
    in_group: bool,
    lang: Lang,
) -> Screen {
    let Some(door) = door else {
        return screen;
    };
    let label = m::board_button(lang);
    let button = if in_group {
        match group_link(door, chat.0) {
            Some(link) => InlineKeyboardButton::url(label, link),
            None => return screen,
        }
    } else {
        InlineKeyboardButton::web_app(
            label,
            WebAppInfo {
                url: door.url.clone(),
            },
        )
    };
    let keyboard = match screen.markup.take() {
        Some(ReplyMarkup::InlineKeyboard(keyboard)) => keyboard,
        Some(other) => {
            // Another kind of keyboard stays as it is.
            screen.markup = Some(other);
            return screen;
        }
        None => InlineKeyboardMarkup::default(),
    };
    screen.with(keyboard.append_row(vec![button]))
}

/// Sets the default menu button of private chats to open the board. Best effort: the
/// bot works without it.
pub async fn set_menu_button(bot: &TgBot, door: &BoardDoor) {
    let button = MenuButton::WebApp {
        text: m::board_button(Lang::En),
        web_app: WebAppInfo {
            url: door.url.clone(),
        },
    };
    if let Err(e) = bot.inner().set_chat_menu_button().menu_button(button).await {
        tracing::warn!("cannot set the menu button to the board: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_link_names_the_group_and_reads_back() {
        let door = BoardDoor {
            url: "https://bot.example.com/board/".parse().unwrap(),
            bot_name: "milk_test_bot".into(),
        };
        let link = group_link(&door, -1_001_234_567_890).unwrap();
        assert_eq!(
            link.as_str(),
            "https://t.me/milk_test_bot?startapp=g-1001234567890"
        );
        let param = link.query_pairs().next().unwrap().1.into_owned();
        assert_eq!(group_from_param(Some(&param)), Some(-1_001_234_567_890));
        for bad in [None, Some(""), Some("g"), Some("x-100"), Some("g12a")] {
            assert_eq!(group_from_param(bad), None, "{bad:?}");
        }
    }
}
