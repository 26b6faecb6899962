//! The board's doors in Telegram: with `MILKBOT_WEBAPP_URL`, the menu button opens it
//! (setChatMenuButton at start), /stash has a Board button (a web_app button in private
//! chats, a t.me startapp link in groups, which opens the group's family for its
//! members); without it, neither.

use crate::support::fake_api::BOT_USERNAME;
use crate::support::{TestBot, board};
use reqwest::Method;

fn board_button(chat: &crate::support::TestChat<'_>, message: i64) -> Option<String> {
    chat.buttons(message)
        .into_iter()
        .find(|(label, _)| label.contains("Board"))
        .map(|(_, target)| target)
}

#[tokio::test]
async fn without_a_board_url_there_is_no_board_button_and_no_menu_button() {
    let bot = TestBot::start().await;
    let mut chat = bot.private(4301, "Ana");
    chat.say("90 fridge").await;
    let stash = chat.say("/stash").await;
    assert!(stash.text().contains("90 ml"), "{}", stash.text());
    assert_eq!(board_button(&chat, stash.sent_id.unwrap()), None);
    let mut group = bot.group(-4302, "Milk", 4301, "Ana");
    let stash = group.say("/stash").await;
    assert_eq!(board_button(&group, stash.sent_id.unwrap()), None);
    let menu = bot
        .api
        .calls()
        .into_iter()
        .filter(|c| c.method == "setchatmenubutton");
    assert_eq!(menu.count(), 0);
}

#[tokio::test]
async fn the_menu_button_and_stash_open_the_board_in_private_and_in_groups() {
    let (bot, base) = board::start().await;
    // At start: the default menu button (no chat id) opens the board.
    let menu: Vec<_> = bot
        .api
        .calls()
        .into_iter()
        .filter(|c| c.method == "setchatmenubutton")
        .collect();
    assert_eq!(menu.len(), 1, "{menu:?}");
    let button = &menu[0].params["menu_button"];
    assert_eq!(button["type"], "web_app");
    assert_eq!(button["web_app"]["url"], base.as_str());
    assert!(button["text"].as_str().unwrap().contains("Board"));
    assert!(menu[0].params.get("chat_id").is_none());

    // Private /stash: a web_app button to the page.
    let mut chat = bot.private(4303, "Ana");
    chat.say("90 fridge").await;
    let stash = chat.say("/stash").await;
    let id = stash.sent_id.unwrap();
    assert_eq!(board_button(&chat, id).as_deref(), Some(base.as_str()));
    let raw = bot.api.message(4303, id).unwrap();
    assert!(raw.to_string().contains("\"web_app\""), "{raw}");

    // A group's /stash: a t.me link (no web_app buttons in groups) naming the group.
    let mut group = bot.group(-4304, "Milk", 4305, "Ben");
    group.say("/log 120 freezer").await;
    let stash = group.say("/stash").await;
    let link = board_button(&group, stash.sent_id.unwrap()).unwrap();
    assert_eq!(link, format!("https://t.me/{BOT_USERNAME}?startapp=g-4304"));
    // Telegram opens the main Mini App with that start_param: a member of the group
    // sees the group's stash; Ana, who is not in the group, does not.
    let start = link.split("startapp=").nth(1).unwrap();
    let ben = board::init_data(4305, "Ben", bot.clock.now(), Some(start));
    let (status, json) = board::call(&base, Method::GET, "api/board", &ben, None).await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(json["summary"], "120 ml in 1 batch");
    let ana = board::init_data(4303, "Ana", bot.clock.now(), Some(start));
    let (status, json) = board::call(&base, Method::GET, "api/board", &ana, None).await;
    assert_eq!(status, 403, "{json}");
    // Ben leaves the group: Telegram says so (getChatMember), and the link he still
    // has shows him nothing of the group's stash.
    bot.api.set_member_status(-4304, 4305, "left");
    let (status, json) = board::call(&base, Method::GET, "api/board", &ben, None).await;
    assert_eq!(status, 403, "{json}");
    assert!(json.get("shelves").is_none(), "{json}");
    let asked = bot.api.calls().into_iter().any(|c| {
        c.method == "getchatmember" && c.params["chat_id"] == -4304 && c.params["user_id"] == 4305
    });
    assert!(asked, "the board asks Telegram who is in the group");
}
