//! Reminders, driven through the fake Bot API with a manual clock: the exact pushes a
//! parent gets as hours, days and months pass, the buttons on them, and what survives a
//! restart, downtime and a flaky Telegram.

use crate::support;

use chrono::Duration;
use std::time::Duration as StdDuration;
use support::fake_api::{Call, Fault};
use support::{TestBot, TestChat};

fn labels(call: &Call) -> Vec<String> {
    call.buttons().into_iter().map(|b| b.0).collect()
}

#[tokio::test]
async fn room_milk_logged_late_is_pushed_at_once_and_moved_from_the_reminder() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(3001, "Ana");
    let logged = chat.say("90 room 3h45m ago").await;
    assert!(logged.text().contains("15 min left"), "{}", logged.text());
    let reminder = chat.next_message().await;
    assert!(
        reminder.text().contains(
            "is at room temperature: into the fridge or freezer by today 09:15 (15 min left)"
        ),
        "{}",
        reminder.text()
    );
    let l = labels(&reminder);
    assert!(l.iter().any(|b| b.contains("To the fridge")), "{l:?}");
    assert!(
        !l.iter().any(|b| b.contains("In 1 h")),
        "no snooze past the deadline: {l:?}"
    );
    let id = reminder.sent_id.unwrap();
    chat.tap(id, "To the fridge");
    let edit = chat.next_edit().await;
    assert!(
        edit.text().contains("Moved 90 ml to the fridge"),
        "{}",
        edit.text()
    );
    // The room deadline never fires now.
    bot.clock.advance(Duration::minutes(20));
    chat.nothing_more().await;
    bot.stop().await;
}

#[tokio::test]
async fn fridge_milk_gets_the_day_before_the_last_call_and_the_deadline() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(3002, "Bo");
    chat.say("120 fridge").await;
    chat.nothing_more().await;

    bot.clock.advance(Duration::days(3));
    let day_before = chat.next_message().await;
    assert!(
        day_before.text().contains(
            "<b>120 ml</b> in the fridge, expressed Tue 09:00: use by tomorrow 09:00 (1 d left)"
        ),
        "{}",
        day_before.text()
    );
    let l = labels(&day_before);
    for b in [
        "To the freezer",
        "Used",
        "Discard",
        "In 1 h",
        "Tomorrow morning",
    ] {
        assert!(l.iter().any(|x| x.contains(b)), "{b} in {l:?}");
    }
    chat.nothing_more().await;

    bot.clock.advance(Duration::hours(23));
    let last_call = chat.next_message().await;
    assert!(
        last_call.text().contains("Last call"),
        "{}",
        last_call.text()
    );
    assert!(
        last_call.text().contains("Use it or freeze it now"),
        "{}",
        last_call.text()
    );

    bot.clock.advance(Duration::hours(1));
    let deadline = chat.next_message().await;
    assert!(
        deadline
            .text()
            .contains("Time's up for <b>120 ml</b> in the fridge"),
        "{}",
        deadline.text()
    );
    assert_eq!(labels(&deadline), vec!["🗑 Discard", "🍼 Used…"]);
    chat.tap(deadline.sent_id.unwrap(), "Discard");
    let edit = chat.next_edit().await;
    assert!(
        edit.text().contains("Discarded 120 ml (too old)"),
        "{}",
        edit.text()
    );

    bot.clock.advance(Duration::days(200));
    chat.nothing_more().await;
    bot.stop().await;
}

#[tokio::test]
async fn moving_a_batch_replaces_its_reminders() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(3003, "Cy");
    let logged = chat.say("100 fridge").await;
    bot.clock.advance(Duration::days(1));
    chat.tap(logged.sent_id.unwrap(), "To the freezer");
    chat.next_edit().await;
    // Nothing about the fridge, ever.
    bot.clock.advance(Duration::days(10));
    chat.nothing_more().await;
    // Frozen on day 1 (Wed 11 March): six months is 11 September; two weeks before is 28 August.
    bot.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 8, 28, 9, 0, 0).unwrap());
    let lead = chat.next_message().await;
    assert!(
        lead.text().contains(
            "in the freezer, expressed Tue 10 Mar: best used by Fri 11 Sep (14 days left)"
        ),
        "{}",
        lead.text()
    );
    let l = labels(&lead);
    assert!(l.iter().any(|b| b.contains("Thaw in the fridge")), "{l:?}");
    chat.nothing_more().await;
    bot.stop().await;
}

#[tokio::test]
async fn snooze_brings_the_reminder_back() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(3004, "Di");
    chat.say("80 fridge").await;
    bot.clock.advance(Duration::days(3));
    let r = chat.next_message().await;
    chat.tap(r.sent_id.unwrap(), "In 1 h");
    let edit = chat.next_edit().await;
    assert!(
        edit.text().contains("I'll remind you again today 10:00"),
        "{}",
        edit.text()
    );
    bot.clock.advance(Duration::minutes(59));
    chat.nothing_more().await;
    bot.clock.advance(Duration::minutes(1));
    let again = chat.next_message().await;
    assert!(
        again.text().contains("<b>80 ml</b> in the fridge"),
        "{}",
        again.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn downtime_reminders_come_once_as_one_digest() {
    let mut bot = TestBot::start().await;
    {
        let mut chat = bot.private(3005, "Ed");
        chat.say("60 room").await;
        chat.say("70 room").await;
        chat.say("90 fridge").await;
    }
    bot.stop().await;
    bot.clock.advance(Duration::days(2));
    bot.restart().await;
    let mut chat = bot.private(3005, "Ed");
    let digest = chat.next_message().await;
    let t = digest.text();
    assert!(
        t.contains("While I was away, 2 batches needed attention"),
        "{t}"
    );
    assert!(t.contains("60 ml at room temperature (expired"), "{t}");
    assert!(t.contains("70 ml at room temperature (expired"), "{t}");
    let l = labels(&digest);
    assert!(l.iter().any(|b| b.starts_with("1 · 🗑")), "{l:?}");
    chat.nothing_more().await;
    // Acting on one line keeps the digest, with that line done.
    chat.tap(digest.sent_id.unwrap(), "1 · 🗑");
    let edit = chat.next_edit().await;
    assert!(
        edit.text().contains("Discarded 60 ml (too old)"),
        "{}",
        edit.text()
    );
    assert!(
        edit.text().contains("1. ✅ 60 ml: discarded"),
        "{}",
        edit.text()
    );
    assert!(edit.text().contains("2. ⛔ 70 ml"), "{}", edit.text());
    // The fridge batch is not due yet: it comes on its own, once.
    bot.clock.advance(Duration::days(1));
    let fridge = chat.next_message().await;
    assert!(
        fridge.text().contains("<b>90 ml</b> in the fridge"),
        "{}",
        fridge.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_blocked_chat_pauses_and_resumes() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(3006, "Fi");
    chat.say("50 fridge").await;
    chat.say("60 freezer").await;
    bot.api.inject(
        Some("sendMessage"),
        Some(3006),
        None,
        Fault::Forbidden("Forbidden: bot was blocked by the user".into()),
    );
    bot.clock.advance(Duration::days(3));
    bot.api
        .wait_until(support::WAIT, |calls| {
            calls
                .iter()
                .any(|c| c.method == "sendmessage" && !c.succeeded())
        })
        .await;
    bot.api.clear_faults();
    bot.clock.advance(Duration::hours(23));
    chat.nothing_more().await;
    // The parent comes back: reminders resume (the paused ones come as a digest). The
    // scheduler is its own task, so the resumed reminder may arrive before or after the
    // greeting; both must come, once each.
    // The greeting is followed by the timezone question (none was chosen).
    let first = chat.say("/start").await;
    let second = chat.next_message().await;
    let third = chat.next_message().await;
    let texts = [first.text(), second.text(), third.text()];
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.contains("which timezone"))
            .count(),
        1,
        "{texts:?}"
    );
    assert_eq!(
        texts.iter().filter(|t| t.contains("Hi Fi")).count(),
        1,
        "{texts:?}"
    );
    assert_eq!(
        texts.iter().filter(|t| t.contains("50 ml")).count(),
        1,
        "{texts:?}"
    );
    chat.nothing_more().await;
    bot.stop().await;
}

#[tokio::test]
async fn flaky_telegram_still_delivers_every_reminder_exactly_once() {
    let mut bot = TestBot::start().await;
    let chats: Vec<i64> = (0..5).map(|i| 3100 + i).collect();
    for id in &chats {
        let mut c = bot.private(*id, "Parent");
        c.say("90 fridge").await;
    }
    let from = bot.api.call_count();
    bot.api.inject(
        Some("sendMessage"),
        None,
        Some(2),
        Fault::TooManyRequests(1),
    );
    bot.api
        .inject(Some("sendMessage"), None, Some(6), Fault::ServerError(502));
    bot.clock.advance(Duration::days(3));
    // teloxide waits 10 s after a 5xx before reporting it; our retries back off in clock
    // time. Keep the clock moving until all five arrive (a minute of real time at most).
    for _ in 0..120 {
        let delivered = bot
            .api
            .calls()
            .into_iter()
            .skip(from)
            .filter(|c| c.method == "sendmessage" && c.succeeded())
            .count();
        if delivered >= chats.len() {
            break;
        }
        bot.clock.advance(Duration::minutes(2));
        // Paces the clock in real time on purpose: teloxide's own wait after a 5xx
        // is in real time, so the clock moves a step while the sends are retried.
        tokio::time::sleep(StdDuration::from_millis(500)).await;
    }
    // Whatever is still in flight (a repeat would be) lands before counting.
    bot.idle().await;
    let sent: Vec<Call> = bot
        .api
        .calls()
        .into_iter()
        .skip(from)
        .filter(|c| c.method == "sendmessage" && c.succeeded())
        .collect();
    for id in &chats {
        let n = sent.iter().filter(|c| c.chat_id() == Some(*id)).count();
        assert_eq!(n, 1, "chat {id} got {n} reminders");
    }
    let faults = bot
        .api
        .calls()
        .into_iter()
        .skip(from)
        .filter(|c| !c.succeeded())
        .count();
    assert_eq!(faults, 8, "all injected faults were hit");
    bot.stop().await;
}

/// Opens Settings → Reminders and taps `label`.
async fn reminder_setting(chat: &mut TestChat<'_>, label: &str) -> Call {
    let s = chat.say("/settings").await;
    let id = s.sent_id.unwrap();
    chat.tap(id, "Reminders");
    chat.next_edit().await;
    chat.tap(id, label);
    chat.next_edit().await
}

#[tokio::test]
async fn lead_times_are_the_familys_choice() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(3201, "Gu");
    let menu = reminder_setting(&mut chat, "Fridge: 12 h").await;
    assert!(
        menu.text().contains("Fridge: 12 h before"),
        "{}",
        menu.text()
    );
    chat.say("90 fridge").await;
    // Fridge deadline: Saturday 09:00. Twelve hours before is Friday 21:00, not Friday 09:00.
    bot.clock.advance(Duration::days(3));
    chat.nothing_more().await;
    bot.clock.advance(Duration::hours(12));
    let lead = chat.next_message().await;
    assert!(
        lead.text().contains("use by tomorrow 09:00 (12 h left)"),
        "{}",
        lead.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn quiet_hours_hold_nudges_until_the_morning_but_not_urgent_ones() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(3203, "Jo");
    let menu = reminder_setting(&mut chat, "22:00–07:00").await;
    assert!(
        menu.text().contains("Quiet hours: 22:00 to 07:00"),
        "{}",
        menu.text()
    );
    // 23:00: a freezer batch (its two-weeks-before nudge will fall at 23:00) and room
    // milk (urgent: its reminders come at night).
    bot.clock.advance(Duration::hours(14));
    chat.say("60 freezer").await;
    chat.say("40 room").await;
    bot.clock
        .advance(Duration::hours(3) + Duration::minutes(30));
    let room = chat.next_message().await;
    assert!(
        room.text()
            .contains("<b>40 ml</b> expressed yesterday 23:00"),
        "{}",
        room.text()
    );
    chat.tap(room.sent_id.unwrap(), "Used");
    chat.next_edit().await;
    chat.tap(room.sent_id.unwrap(), "All of it");
    chat.next_edit().await;

    let night = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 8, 27, 23, 0, 0).unwrap();
    bot.clock.set(night - Duration::minutes(1));
    chat.nothing_more().await;
    bot.clock.set(night + Duration::hours(1));
    chat.nothing_more().await;
    bot.clock.set(night + Duration::hours(8));
    let nudge = chat.next_message().await;
    assert!(
        nudge.text().contains("<b>60 ml</b> in the freezer"),
        "{}",
        nudge.text()
    );
    assert!(
        nudge.text().contains("best used by Thu 10 Sep"),
        "{}",
        nudge.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn the_morning_summary_lists_what_expires_today_and_tomorrow() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(3202, "Hu");
    chat.say("90 fridge").await;
    chat.say("120 freezer").await;
    // Thursday 09:10: turn the summary on. Friday 08:00 it lists the fridge batch (due
    // Saturday 09:00) under "Tomorrow".
    bot.clock.advance(Duration::days(2) + Duration::minutes(10));
    let menu = reminder_setting(&mut chat, "Morning summary").await;
    assert!(
        menu.text().contains("Morning summary: on"),
        "{}",
        menu.text()
    );
    bot.clock
        .advance(Duration::hours(22) + Duration::minutes(50));
    let summary = chat.next_message().await;
    let t = summary.text();
    assert!(
        t.contains("Good morning! Your stash: 210 ml in 2 batches"),
        "{t}"
    );
    assert!(
        t.contains("Tomorrow</b>\n• 90 ml in the fridge (until tomorrow 09:00)"),
        "{t}"
    );
    assert!(!t.contains("Use today"), "{t}");
    chat.nothing_more().await;
    // Jump to Saturday 08:00, past Friday's day-before nudge: the batch gets one message
    // (the last call, which says more), and the summary comes too.
    bot.clock.advance(Duration::days(1));
    let got = [chat.next_message().await, chat.next_message().await];
    let count = |needle: &str| got.iter().filter(|c| c.text().contains(needle)).count();
    assert_eq!((count("Good morning"), count("Last call")), (1, 1));
    let summary = got
        .iter()
        .find(|c| c.text().contains("Good morning"))
        .expect("a summary");
    assert!(
        summary
            .text()
            .contains("Use today</b>\n• 90 ml in the fridge (until today 09:00)"),
        "{}",
        summary.text()
    );
    chat.nothing_more().await;
    bot.stop().await;
}
