//! Deadlines that follow the guidance, driven the way a parent drives them through the
//! fake Bot API: thawing, leftovers, the NHS fridge question, the freezer's best-quality
//! time, and the guideline line under storage answers.

mod support;

use chrono::Duration;
use support::{TestBot, TestChat};

fn labels(chat: &TestChat<'_>, id: i64) -> Vec<String> {
    chat.buttons(id).into_iter().map(|b| b.0).collect()
}

#[tokio::test]
async fn frozen_milk_thaws_in_lukewarm_water_not_at_room_temperature() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7001, "Lu");
    let logged = chat.say("120 freezer").await;
    let id = logged.sent_id.unwrap();
    let buttons = labels(&chat, id);
    assert!(
        buttons.iter().any(|b| b.contains("Thaw in lukewarm water")),
        "{buttons:?}"
    );
    assert!(
        !buttons.iter().any(|b| b.contains("room temp")),
        "{buttons:?}"
    );
    bot.clock.advance(Duration::days(10));
    chat.tap(id, "Thaw in lukewarm water");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("Thawed 120 ml in lukewarm water"),
        "{}",
        e.text()
    );
    // Fully thawed at once: CDC's 1–2 h for thawed milk out of the fridge, counted as 1 h.
    assert!(e.text().contains("(1 h left)"), "{}", e.text());
    assert!(e.text().contains("can't be frozen again"), "{}", e.text());
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("Thawed, at room temperature"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}
