//! Insights through the fake Bot API: /stats with a seeded history (numbers and a chart
//! the test decodes), the low-stash alert, and the weekly summary.

use crate::support;

use chrono::Duration;
use support::TestBot;

/// Decodes a PNG: (width, height, RGB pixels).
fn decode(bytes: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, pixels)
}

#[tokio::test]
async fn stats_sends_the_numbers_and_a_chart() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(6001, "Ana");
    // Yesterday: two sessions with sides. Today: one without.
    chat.say("left 40 right 50 fridge 23h ago").await;
    chat.say("left 60 right 70 fridge 20h ago").await;
    let today = chat.say("100 freezer").await;
    // Use 90 ml of yesterday's first batch: a use history for days of supply.
    let stash = chat.say("/stash").await;
    let id = stash.sent_id.unwrap();
    chat.tap(id, "1. ");
    chat.next_edit().await;
    chat.tap(id, "Used");
    chat.next_edit().await;
    chat.tap(id, "All of it");
    chat.next_edit().await;
    assert!(today.text().contains("Logged 100 ml"));

    chat.send("/stats");
    let text = chat.next_message().await;
    let t = text.text();
    assert!(t.contains("Today: <b>100 ml</b> in 1 session"), "{t}");
    assert!(
        t.contains("Yesterday: <b>220 ml</b> in 2 sessions (L 100 · R 120)"),
        "{t}"
    );
    assert!(
        t.contains("Last 7 days: <b>320 ml</b> in 3 sessions"),
        "{t}"
    );
    assert!(t.contains("107 ml a session on average"), "{t}");
    // 230 ml usable (130 fridge + 100 freezer); one day of use is too little to plan by.
    assert!(
        t.contains(
            "Stash: <b>230 ml</b> usable (days of supply show after 3 days of recorded use: 1 so far)"
        ),
        "{t}"
    );

    let photo = chat.next_message().await;
    assert_eq!(photo.method, "sendphoto");
    let (_, _, bytes) = photo.files.first().expect("a picture").clone();
    let (w, h, pixels) = decode(&bytes);
    assert_eq!((w, h), (1080, 1620));
    let distinct: std::collections::HashSet<[u8; 3]> = pixels.iter().copied().collect();
    assert!(distinct.len() > 50, "not blank: {} colours", distinct.len());
    let count = |c: [u8; 3]| pixels.iter().filter(|p| **p == c).count();
    assert!(count([0x00, 0x72, 0xB2]) > 1000, "left bars are drawn");
    assert!(count([0xE6, 0x9F, 0x00]) > 1000, "right bars are drawn");
    assert!(
        count([0x2E, 0x4A, 0x7D]) > 200,
        "the freezer batch is on the timeline"
    );
    bot.stop().await;
}

#[tokio::test]
async fn the_low_stash_alert_comes_when_frozen_milk_runs_short() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(6002, "Bo");
    let s = chat.say("/settings").await;
    let id = s.sent_id.unwrap();
    chat.tap(id, "Reminders");
    chat.next_edit().await;
    chat.tap(id, "Under 3 days");
    let menu = chat.next_edit().await;
    assert!(
        menu.text().contains("covers less than 3 days"),
        "{}",
        menu.text()
    );

    let frozen = chat.say("600 freezer").await;
    let id = frozen.sent_id.unwrap();
    // An unusual amount is confirmed first.
    chat.tap(id, "Yes, 600 ml");
    chat.next_edit().await;
    // Use on three days (days of supply need three): 60 ml, 60 ml, then 180 ml two
    // days after the first use: 300 ml over 2 days, 150 ml a day, 300 ml frozen left.
    for ml in ["60 ml", "60 ml", "180 ml"] {
        bot.clock.advance(Duration::days(1));
        chat.tap(id, "Used");
        chat.next_edit().await;
        chat.tap(id, ml);
        chat.next_edit().await;
    }
    let alert = chat.next_message().await;
    assert!(
        alert.text().contains("frozen stash covers about 2.0 days"),
        "{}",
        alert.text()
    );
    // At most one a day.
    chat.tap(id, "Used");
    chat.next_edit().await;
    chat.tap(id, "60 ml");
    chat.next_edit().await;
    bot.idle().await;
    let alerts = bot
        .api
        .calls()
        .iter()
        .filter(|c| c.method == "sendmessage" && c.text().contains("Heads-up"))
        .count();
    assert_eq!(alerts, 1);
    bot.stop().await;
}

#[tokio::test]
async fn the_weekly_summary_comes_on_monday_morning_with_a_chart() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(6003, "Cy");
    chat.say("left 50 right 60 freezer").await;
    let s = chat.say("/settings").await;
    let id = s.sent_id.unwrap();
    chat.tap(id, "Reminders");
    chat.next_edit().await;
    chat.tap(id, "Weekly summary");
    chat.next_edit().await;
    // Tuesday 10 March 09:00 -> Monday 16 March 08:00.
    bot.clock
        .advance(Duration::days(5) + Duration::hours(22) + Duration::minutes(59));
    bot.idle().await;
    assert!(!bot.api.calls().iter().any(|c| c.method == "sendphoto"));
    bot.clock.advance(Duration::minutes(1));
    let weekly = chat.next_message().await;
    assert_eq!(weekly.method, "sendphoto");
    assert!(
        weekly
            .text()
            .contains("Your week</b>: 110 ml expressed in 1 session."),
        "{}",
        weekly.text()
    );
    // The next one is written once this one is done: wait for it, then jump a week.
    bot.idle().await;
    let db = bot.db().await;
    let family = db.chat(6003).await.unwrap().unwrap().family_id;
    let next_monday = bot.clock.now() + Duration::days(7);
    let pending = db.pending_reminders(family).await.unwrap();
    assert!(
        pending
            .iter()
            .any(|r| r.kind == milkbot::domain::reminders::Kind::Weekly && r.due_at == next_monday),
        "{pending:?}"
    );
    bot.clock.advance(Duration::days(7));
    let next = chat.next_message().await;
    assert_eq!(next.method, "sendphoto");
    bot.stop().await;
}
