//! The harness itself: `bot.idle()` returns only once the bot has done what it was
//! given (handled the updates, sent what falls due), so a "nothing more was sent" check
//! after it fails when the bot did send.

use chrono::Duration;

use crate::support::TestBot;

/// What the bot sent to chat `id` (message texts) from call `from` on.
fn sent_to(bot: &TestBot, id: i64, from: usize) -> Vec<String> {
    bot.api
        .calls()
        .into_iter()
        .skip(from)
        .filter(|c| c.method == "sendmessage" && c.chat_id() == Some(id) && c.succeeded())
        .map(|c| c.text().to_owned())
        .collect()
}

#[tokio::test]
async fn idle_returns_after_the_reply_was_sent() {
    let mut bot = TestBot::start().await;
    let chat = bot.private(9901, "Ida");
    chat.send("/start");
    bot.idle().await;
    // Read without waiting: the greeting is already there.
    let sent = sent_to(&bot, 9901, 0);
    assert!(sent.iter().any(|t| t.contains("milkbot")), "{sent:?}");
    bot.stop().await;
}

#[tokio::test]
#[should_panic(expected = "unexpected messages")]
async fn nothing_more_fails_when_the_bot_did_send() {
    let bot = TestBot::start().await;
    let chat = bot.private(9902, "Ned");
    chat.send("/start");
    chat.nothing_more().await;
}

#[tokio::test]
async fn idle_returns_after_a_reminder_that_fell_due_was_sent() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9903, "Rae");
    chat.say("90 room").await;
    bot.idle().await;
    let from = bot.api.call_count();
    // Room milk keeps 4 hours: its reminder is due by then.
    bot.clock.advance(Duration::hours(4));
    bot.idle().await;
    let sent = sent_to(&bot, 9903, from);
    assert!(!sent.is_empty(), "no reminder sent");
    bot.stop().await;
}
