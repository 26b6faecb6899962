//! No tap may stretch a deadline by accident: undo, edits, typed replies, message edits
//! and implausible amounts, driven through the fake Bot API the way a parent would.

use crate::support;

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

#[tokio::test]
async fn an_edit_that_gives_more_time_shows_both_deadlines_and_asks_first() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4003, "Wen");
    // Expressed 3 h ago at room temperature: use by 10:00 (CDC, 4 h).
    let id = chat.say("80 room 3h ago").await.sent_id.unwrap();
    chat.tap(id, "Edit");
    chat.next_edit().await;
    chat.tap(id, "Change the time");
    let menu = chat.next_edit().await;
    let labels: Vec<String> = menu.buttons().into_iter().map(|b| b.0).collect();
    // "Now" is a time, not a "done" tick.
    assert!(labels.iter().any(|l| l == "🕑 Now"), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains('✅')), "{labels:?}");

    chat.tap(id, "Now");
    let ask = chat.next_edit().await;
    assert!(
        ask.text()
            .contains("use by today 10:00 becomes use by today 13:00"),
        "{}",
        ask.text()
    );
    chat.tap(id, "No, keep it");
    let kept = chat.next_edit().await;
    assert!(
        kept.text().contains("use by today 10:00"),
        "{}",
        kept.text()
    );

    chat.tap(id, "Edit");
    chat.next_edit().await;
    chat.tap(id, "Change the time");
    chat.next_edit().await;
    chat.tap(id, "1 h ago");
    chat.next_edit().await;
    chat.tap(id, "Yes, change it");
    let done = chat.next_edit().await;
    assert!(
        done.text().contains("Changed the time to today 08:00"),
        "{}",
        done.text()
    );
    assert!(
        done.text().contains("use by today 12:00"),
        "{}",
        done.text()
    );

    // An earlier time needs no question: it only shortens the deadline.
    chat.tap(id, "Edit");
    chat.next_edit().await;
    chat.tap(id, "Change the time");
    chat.next_edit().await;
    chat.tap(id, "2 h ago");
    let done = chat.next_edit().await;
    assert!(
        done.text().contains("Changed the time to today 07:00"),
        "{}",
        done.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_typed_time_or_amount_after_change_edits_that_batch_even_across_a_restart() {
    let mut bot = TestBot::start().await;
    {
        let mut chat = bot.private(4004, "Xan");
        let id = chat.say("90 fridge").await.sent_id.unwrap();
        chat.tap(id, "Edit");
        chat.next_edit().await;
        chat.tap(id, "Change the time");
        let menu = chat.next_edit().await;
        assert!(menu.text().contains("yesterday 22:00"), "{}", menu.text());
    }
    // The wait is kept in storage: a restart in between does not lose it.
    bot.restart().await;
    let mut chat = bot.private(4004, "Xan");
    // Further back than the buttons: yesterday evening (Tue 10 March, 09:00 UTC now).
    let reply = chat.say("yesterday 22:00").await;
    assert!(
        reply.text().contains("Changed the time to yesterday 22:00"),
        "{}",
        reply.text()
    );
    assert!(
        reply.text().contains("use by Fri 22:00"),
        "{}",
        reply.text()
    );
    let id = reply.sent_id.unwrap();

    // The wait is over: the next text is an ordinary log again.
    chat.tap(id, "Edit");
    chat.next_edit().await;
    chat.tap(id, "Change the amount");
    chat.next_edit().await;
    let reply = chat.say("85").await;
    assert!(
        reply.text().contains("Changed the amount to 85 ml"),
        "{}",
        reply.text()
    );
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("85 ml in 1 batch"),
        "{}",
        stash.text()
    );
    // Not a time of day: a kind hint, and still waiting.
    let id = reply.sent_id.unwrap();
    chat.tap(id, "Edit");
    chat.next_edit().await;
    chat.tap(id, "Change the time");
    chat.next_edit().await;
    let hint = chat.say("25:00").await;
    assert!(
        hint.text()
            .contains("waiting for when that batch was expressed"),
        "{}",
        hint.text()
    );
    // Later than the time it has: the typed time asks first, like the buttons.
    let ask = chat.say("8:30").await;
    assert!(
        ask.text()
            .contains("use by Fri 22:00 becomes use by Sat 08:30"),
        "{}",
        ask.text()
    );
    let ask_id = ask.sent_id.unwrap();
    chat.tap(ask_id, "Yes, change it");
    let done = chat.next_edit().await;
    assert!(
        done.text().contains("Changed the time to today 08:30"),
        "{}",
        done.text()
    );
    // A full log while waiting is a new batch, not the reply.
    chat.tap(ask_id, "Edit");
    chat.next_edit().await;
    chat.tap(ask_id, "Change the amount");
    chat.next_edit().await;
    let logged = chat.say("60 freezer").await;
    assert!(
        logged.text().contains("Logged 60 ml in the freezer"),
        "{}",
        logged.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn an_implausible_amount_asks_did_you_mean_before_logging() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4005, "Yas");
    let ask = chat.say("900 fridge 2h ago").await;
    assert!(
        ask.text()
            .contains("900 ml</b> is a lot for one session. Did you mean <b>90 ml"),
        "{}",
        ask.text()
    );
    let labels: Vec<String> = ask.buttons().into_iter().map(|b| b.0).collect();
    assert_eq!(labels, ["90 ml", "Yes, 900 ml", "✖ Cancel"], "{labels:?}");
    let stash = chat.say("/stash").await;
    assert!(stash.text().contains("empty"), "{}", stash.text());

    // Pressed a while later: logged at the time typed, not the time of the press.
    bot.clock.advance(Duration::minutes(20));
    let id = ask.sent_id.unwrap();
    chat.tap(id, "90 ml");
    let done = chat.next_edit().await;
    assert!(
        done.text().contains("Logged 90 ml in the fridge"),
        "{}",
        done.text()
    );
    assert!(
        done.text().contains("Expressed today 07:00"),
        "{}",
        done.text()
    );

    // Without a place: the choice goes on to ask where it is.
    let ask = chat.say("750").await;
    let id = ask.sent_id.unwrap();
    chat.tap(id, "Yes, 750 ml");
    let next = chat.next_edit().await;
    assert!(
        next.text().contains("750 ml</b>: where is it?"),
        "{}",
        next.text()
    );
    chat.tap(id, "Cancel");
    let gone = chat.next_edit().await;
    assert!(gone.text().contains("nothing logged"), "{}", gone.text());
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("90 ml in 1 batch"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn export_has_expressed_amount_sides_place_deadline_who_and_escapes_formulas() {
    let mut bot = TestBot::start().await;
    // A name a spreadsheet would run as a formula.
    let mut chat = bot.private(4006, "=cmd|'/c calc'!A1");
    let id = chat
        .say("left 40 right 50 fridge 1h ago")
        .await
        .sent_id
        .unwrap();
    chat.tap(id, "Discard");
    chat.next_edit().await;
    chat.tap(id, "Spilled");
    chat.next_edit().await;
    chat.send("/export");
    let doc = chat.next_message().await;
    assert_eq!(doc.method, "senddocument");
    let (_, _, bytes) = doc.files.first().expect("a file").clone();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "event_id",
            "batch_id",
            "time",
            "event",
            "by",
            "amount",
            "unit",
            "expressed",
            "sides",
            "from",
            "place",
            "deadline",
            "note"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("csv row")).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    let (logged, discarded) = (&rows[0], &rows[1]);
    assert_eq!(&logged[3], "logged");
    assert_eq!(&logged[4], "'=cmd|'/c calc'!A1");
    assert_eq!((&logged[5], &logged[6]), ("90", "ml"));
    // Expressed 08:00 UTC; CDC fridge: 4 days.
    assert_eq!(&logged[7], "2026-03-10 08:00");
    assert_eq!(&logged[8], "L 40 + R 50");
    assert_eq!(&logged[10], "fridge");
    assert_eq!(&logged[11], "2026-03-14 08:00");
    assert_eq!(&discarded[3], "discarded");
    assert_eq!(&discarded[5], "90", "the discarded amount is kept");
    assert_eq!(&discarded[11], "", "discarded milk has no deadline");
    assert_eq!(&discarded[12], "spilled");
    bot.stop().await;
}

/// Telegram's update for `message_id` edited to `text`.
fn edited(chat: &support::TestChat<'_>, message_id: i64, text: &str) -> serde_json::Value {
    serde_json::json!({
        "edited_message": {
            "message_id": message_id,
            "date": support::fake_api::unix_now() - 60,
            "edit_date": support::fake_api::unix_now(),
            "chat": chat.chat,
            "from": chat.user,
            "text": text,
        }
    })
}

#[tokio::test]
async fn editing_the_logging_message_corrects_the_batch_within_15_minutes() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4007, "Zoe");
    let typo = chat.send("300 fridge 1h ago");
    let logged = chat.next_message().await;
    assert!(logged.text().contains("Logged 300 ml"), "{}", logged.text());

    bot.clock.advance(Duration::minutes(10));
    bot.api.push(edited(&chat, typo, "30 fridge 1h ago"));
    let fixed = chat.next_message().await;
    assert!(
        fixed
            .text()
            .contains("Updated the batch from your edited message: 30 ml in the fridge"),
        "{}",
        fixed.text()
    );
    // Still expressed an hour before the message was first sent (08:00), not the edit.
    assert!(
        fixed.text().contains("Expressed today 08:00"),
        "{}",
        fixed.text()
    );
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("30 ml in 1 batch"),
        "{}",
        stash.text()
    );

    // An edit that would give the milk more time asks first (left unanswered here).
    bot.api.push(edited(&chat, typo, "30 fridge"));
    let note = chat.next_message().await;
    assert!(
        note.text().contains("This gives the milk more time"),
        "{}",
        note.text()
    );

    // Too late: a kind note, and the batch stays.
    bot.clock.advance(Duration::minutes(6));
    bot.api.push(edited(&chat, typo, "40 fridge 1h ago"));
    let note = chat.next_message().await;
    assert!(
        note.text().contains("more than 15 minutes"),
        "{}",
        note.text()
    );
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("30 ml in 1 batch"),
        "{}",
        stash.text()
    );

    // A batch that moved on is not rewritten either.
    let other = chat.send("50 fridge");
    let id = chat.next_message().await.sent_id.unwrap();
    chat.tap(id, "To the freezer");
    chat.next_edit().await;
    bot.api.push(edited(&chat, other, "60 fridge"));
    let note = chat.next_message().await;
    assert!(
        note.text().contains("the batch has changed"),
        "{}",
        note.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_message_edit_that_gives_more_time_shows_both_deadlines_and_applies_only_on_yes() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4008, "Ida");
    bot.clock.advance(Duration::hours(3));
    let first = chat.send("90 fridge 10:00");
    let logged = chat.next_message().await;
    assert!(logged.text().contains("Logged 90 ml"), "{}", logged.text());

    bot.clock.advance(Duration::minutes(5));
    bot.api.push(edited(&chat, first, "90 fridge 11:00"));
    let ask = chat.next_message().await;
    assert!(
        ask.text()
            .contains("I saw you edited that message to 90 ml in the fridge"),
        "{}",
        ask.text()
    );
    // Both deadlines: CDC fridge, 4 days from 10:00 and from 11:00.
    assert!(
        ask.text()
            .contains("use by Sat 10:00 becomes use by Sat 11:00"),
        "{}",
        ask.text()
    );
    let ask_id = ask.sent_id.unwrap();
    chat.tap(ask_id, "Yes, change it");
    let done = chat.next_edit().await;
    assert!(
        done.text()
            .contains("Updated the batch from your edited message: 90 ml in the fridge"),
        "{}",
        done.text()
    );
    assert!(
        done.text().contains("Expressed today 11:00"),
        "{}",
        done.text()
    );

    // Another one, kept as it was: "No" changes nothing.
    let second = chat.send("60 fridge 10:00");
    chat.next_message().await;
    bot.api.push(edited(&chat, second, "60 fridge 11:00"));
    let ask = chat.next_message().await;
    let ask_id = ask.sent_id.unwrap();
    chat.tap(ask_id, "No, keep it");
    let kept = chat.next_edit().await;
    assert!(
        kept.text().contains("Expressed today 10:00"),
        "{}",
        kept.text()
    );

    // Asked, then the batch moved on: "Yes" changes nothing and says so.
    let third = chat.send("30 fridge 10:00");
    let third_id = chat.next_message().await.sent_id.unwrap();
    bot.api.push(edited(&chat, third, "30 fridge 11:00"));
    let ask = chat.next_message().await;
    let ask_id = ask.sent_id.unwrap();
    chat.tap(third_id, "To the freezer");
    chat.next_edit().await;
    let press = chat.tap(ask_id, "Yes, change it");
    assert_eq!(
        chat.note_for(&press).await,
        "This batch changed in the meantime: here's how it is now."
    );
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("30 ml · today 10:00"),
        "{}",
        stash.text()
    );
    assert!(
        stash.text().contains("60 ml · today 10:00")
            && stash.text().contains("90 ml · today 11:00"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}
