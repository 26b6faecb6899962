//! No tap may stretch a deadline by accident: undo, edits, typed replies, message edits
//! and implausible amounts, driven through the fake Bot API the way a parent would.

mod support;

use chrono::Duration;
use support::TestBot;

#[tokio::test]
async fn undo_of_a_thaw_works_for_a_mis_tap_and_is_refused_once_it_may_have_thawed() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4001, "Uma");
    let id = chat.say("120 freezer").await.sent_id.unwrap();
    bot.clock.advance(Duration::days(10));

    // A mis-tap, undone within the window: back in the freezer, on its first clock.
    chat.tap(id, "Thaw in the fridge");
    chat.next_edit().await;
    bot.clock.advance(Duration::minutes(4));
    chat.tap(id, "Undo");
    let e = chat.next_edit().await;
    assert!(e.text().contains("Undid the move"), "{}", e.text());
    assert!(e.text().contains("in the freezer"), "{}", e.text());
    assert!(e.text().contains("left)"), "{}", e.text());

    // Thawed for real: ten minutes later, undo is refused with the reason.
    chat.tap(id, "Thaw in the fridge");
    chat.next_edit().await;
    bot.clock.advance(Duration::minutes(10));
    let press = chat.tap(id, "Undo");
    let note = chat.note_for(&press).await;
    assert!(note.contains("may have started to thaw"), "{note}");
    assert!(note.contains("5 minutes"), "{note}");
    let e = chat.next_edit().await;
    assert!(e.text().contains("can't be frozen again"), "{}", e.text());
    assert!(!e.text().contains("in the freezer"), "{}", e.text());
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("Thawing in the fridge") && !stash.text().contains("Freezer"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn undo_never_brings_back_used_milk_or_milk_past_its_time() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4002, "Vi");
    let id = chat.say("90 fridge").await.sent_id.unwrap();
    chat.tap(id, "Used");
    chat.next_edit().await;
    chat.tap(id, "All of it");
    chat.next_edit().await;
    bot.clock.advance(Duration::hours(1));
    let press = chat.tap(id, "Undo");
    let note = chat.note_for(&press).await;
    assert!(note.contains("Undo only works for 5 minutes"), "{note}");
    chat.next_edit().await;

    // Fridge for 3 days, then frozen; undone two days later: the fridge time is over.
    let id = chat.say("100 fridge").await.sent_id.unwrap();
    bot.clock.advance(Duration::days(3));
    chat.tap(id, "To the freezer");
    chat.next_edit().await;
    bot.clock.advance(Duration::days(2));
    let press = chat.tap(id, "Undo");
    let note = chat.note_for(&press).await;
    assert!(note.contains("passed its time"), "{note}");
    let e = chat.next_edit().await;
    assert!(e.text().contains("in the freezer"), "{}", e.text());
    bot.stop().await;
}
