//! Telegram answers after the bot stopped waiting: the message went out (Telegram
//! delivered it, only its answer is late), so the bot takes it as delivered. It neither
//! runs the parent's update again nor pushes the reminder again: in the chat once, never
//! twice. The bot's request timeout is one second here, so each test takes seconds.

use crate::support;

use chrono::Duration as ChronoDuration;
use std::time::{Duration, Instant};
use support::fake_api::Fault;
use support::{TestBot, WAIT};

/// The bot's request timeout in these tests (teloxide's 17 s in production).
const TIMEOUT: Duration = Duration::from_secs(1);

/// An answer that comes back well after the bot stopped waiting.
fn late() -> Fault {
    Fault::Delay(TIMEOUT * 5)
}

async fn start() -> TestBot {
    TestBot::start_with(|c| c.request_timeout = TIMEOUT).await
}

#[tokio::test]
async fn a_confirmation_answered_late_is_said_once_and_the_bot_goes_on() {
    let started = Instant::now();
    let mut bot = start().await;
    let mut chat = bot.private(5101, "Dee");
    bot.api
        .inject(Some("sendMessage"), Some(chat.id()), Some(1), late());
    let logged = chat.say("90 fridge").await;
    assert!(logged.text().contains("Logged 90 ml"), "{}", logged.text());
    assert_eq!(logged.fault, Some(late()));
    // The bot stopped waiting for the answer and is done with the message.
    bot.api.wait_abandoned("sendmessage", 1, WAIT).await;
    bot.idle().await;
    // Had the update been put off for another try, it would be due by now.
    bot.clock.advance(ChronoDuration::minutes(30));
    chat.nothing_more().await;

    // The next message is answered as usual.
    let next = chat.say("60 freezer").await;
    assert!(next.text().contains("Logged 60 ml"), "{}", next.text());
    chat.nothing_more().await;
    let db = bot.db().await;
    let batches: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT amount_ml, COUNT(*) FROM batches GROUP BY amount_ml ORDER BY amount_ml",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    assert_eq!(batches, vec![(60, 1), (90, 1)], "one batch per message");
    assert_eq!(bot.api.abandoned("sendmessage"), 1);
    db.close().await;
    bot.stop().await;
    eprintln!("late confirmation: {:?}", started.elapsed());
}

#[tokio::test]
async fn a_reminder_answered_late_is_pushed_once() {
    let started = Instant::now();
    let mut bot = start().await;
    let mut chat = bot.private(5102, "Eli");
    chat.say("120 fridge").await;
    chat.nothing_more().await;

    bot.api
        .inject(Some("sendMessage"), Some(chat.id()), Some(1), late());
    bot.clock.advance(ChronoDuration::days(3));
    let reminder = chat.next_message().await;
    assert!(
        reminder.text().contains("use by tomorrow 09:00"),
        "{}",
        reminder.text()
    );
    assert_eq!(reminder.fault, Some(late()));
    bot.api.wait_abandoned("sendmessage", 1, WAIT).await;
    bot.idle().await;
    // Past the longest wait before a failed reminder is tried again (640 s), and well
    // before the last call (tomorrow).
    bot.clock.advance(ChronoDuration::minutes(15));
    chat.nothing_more().await;

    // Recorded as delivered, without its message id (the answer that had it never
    // came); its buttons still work.
    let db = bot.db().await;
    let unknown: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM reminder_deliveries WHERE message_id IS NULL")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(unknown, 1);
    let id = reminder.sent_id.expect("the fake sent it");
    chat.tap(id, "To the freezer");
    let edit = chat.next_edit().await;
    assert!(
        edit.text().contains("Moved 120 ml to the freezer"),
        "{}",
        edit.text()
    );
    chat.nothing_more().await;
    db.close().await;
    bot.stop().await;
    eprintln!("late reminder: {:?}", started.elapsed());
}
