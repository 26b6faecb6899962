//! Text from Telegram that the bot must survive: NUL characters in names and titles
//! (PostgreSQL refuses them in text), and families big enough that a screen runs past
//! Telegram's 4,096 characters (the fake Bot API refuses longer texts, as Telegram does).

use crate::support;

use serde_json::json;
use support::TestBot;
use support::fake_api::shown_len;

#[tokio::test]
async fn nul_characters_in_names_and_titles_are_dropped_before_storage() {
    let mut bot = TestBot::start().await;
    let g = -7100;
    let chat = json!({"id": g, "type": "group", "title": "Ho\u{0}me"});
    let mut eve = bot.chat(chat, 9001, "Ev\u{0}e");
    let logged = eve.say("/log 90 fridge").await;
    assert!(
        logged.text().contains("Eve logged 90 ml in the fridge"),
        "{:?}",
        logged.text()
    );
    // A button press carries the name too.
    let mut jo = eve.as_user(9002, "\u{0}Jo\u{0}");
    let press = jo.tap(logged.sent_id.unwrap(), "To the freezer");
    assert_eq!(jo.note_for(&press).await, "");
    let moved = jo.next_edit().await;
    assert!(
        moved.text().contains("Jo moved 90 ml"),
        "{:?}",
        moved.text()
    );
    let db = bot.db().await;
    let stored = db.chat(g).await.unwrap().expect("chat stored");
    assert_eq!(stored.title.as_deref(), Some("Home"));
    let names: Vec<String> = db
        .members(stored.family_id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, vec!["Eve".to_owned(), "Jo".to_owned()]);
    bot.stop().await;
}

#[tokio::test]
async fn a_family_of_sixty_is_listed_in_parts_that_telegram_accepts() {
    let mut bot = TestBot::start().await;
    let g = -7200;
    let mut sam = bot.group(g, "Big family", 9100, "Sam");
    sam.say("/stash").await;
    // Sixty relatives with long names (emoji count twice towards Telegram's limit).
    let db = bot.db().await;
    let family = db.chat(g).await.unwrap().expect("chat").family_id;
    let long = "Ёж🍼".repeat(15);
    for i in 0..60 {
        let name = format!("{i:02} {long}");
        db.touch_member(family, 9200 + i, &name, None, support::start_time())
            .await
            .unwrap();
    }
    let first = sam.say("/family").await;
    let second = sam.next_message().await;
    for part in [&first, &second] {
        assert!(shown_len(part.text()) <= 4096);
    }
    assert!(
        first.buttons().is_empty(),
        "the buttons go under the last part"
    );
    let all = format!("{}\n{}", first.text(), second.text());
    for i in 0..60 {
        assert!(
            all.contains(&format!("• {i:02} {long}")),
            "relative {i} missing"
        );
    }
    assert!(all.contains("Sam (you)"));
    // Choosing on the last part redraws the list: its first part there, the rest below.
    let press = sam.tap(second.sent_id.unwrap(), "In the group");
    assert_eq!(sam.note_for(&press).await, "");
    let edited = sam.next_edit().await;
    assert!(shown_len(edited.text()) <= 4096);
    assert!(edited.text().contains("👪"), "{}", edited.text());
    let rest = sam.next_message().await;
    assert!(
        rest.buttons().iter().any(|b| b.0 == "✓ 🔔 In the group"),
        "{:?}",
        rest.buttons()
    );
    bot.stop().await;
}
