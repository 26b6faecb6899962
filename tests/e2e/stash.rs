//! The stash, driven the way a parent drives it: the Log button and its quick replies,
//! typed shortcuts, and the buttons on each batch, through the fake Bot API.

use crate::support;

use chrono::Duration;
use serde_json::json;
use support::{TestBot, TestChat};

/// Logs `label` amount into `place` with the buttons; returns the flow message id.
async fn log_by_buttons(chat: &mut TestChat<'_>, amount: &str, place: &str, when: &str) -> i64 {
    let flow = chat.say("🍼 Log milk").await;
    assert!(flow.text().contains("How much?"), "{}", flow.text());
    let id = flow.sent_id.expect("flow message id");
    chat.tap(id, amount);
    let step = chat.next_edit().await;
    assert!(step.text().contains("where is it?"), "{}", step.text());
    chat.tap(id, place);
    let step = chat.next_edit().await;
    assert!(
        step.text().contains("when was it expressed?"),
        "{}",
        step.text()
    );
    chat.tap(id, when);
    id
}

#[tokio::test]
async fn log_with_three_taps_and_see_the_deadline() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2001, "Ana");
    let id = log_by_buttons(&mut chat, "90 ml", "Fridge", "Now").await;
    let done = chat.next_edit().await;
    // Tuesday 10 March 09:00 UTC + 4 days (CDC) = Saturday 09:00.
    assert!(
        done.text().contains("Logged 90 ml in the fridge"),
        "{}",
        done.text()
    );
    // No timezone chosen yet: the card says which one its times are in.
    assert!(
        done.text().contains("I read times in <b>UTC</b>"),
        "{}",
        done.text()
    );
    assert!(
        done.text().contains("use by Sat 09:00 (4 d left)"),
        "{}",
        done.text()
    );
    let buttons: Vec<String> = chat.buttons(id).into_iter().map(|b| b.0).collect();
    for expected in ["To the freezer", "Used", "Discard", "Undo", "Edit"] {
        assert!(
            buttons.iter().any(|b| b.contains(expected)),
            "{expected} in {buttons:?}"
        );
    }
    // Undo right from the confirmation takes the batch out again.
    chat.tap(id, "Undo");
    let undone = chat.next_edit().await;
    assert!(
        undone.text().contains("Removed the 90 ml batch"),
        "{}",
        undone.text()
    );
    let stash = chat.say("/stash").await;
    assert!(stash.text().contains("empty"), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn double_tap_on_now_logs_once() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2002, "Bo");
    let flow = chat.say("/log").await;
    let id = flow.sent_id.unwrap();
    chat.tap(id, "60 ml");
    chat.next_edit().await;
    chat.tap(id, "Room");
    chat.next_edit().await;
    let now = chat.button_data(id, "Now");
    let first = chat.press_data(id, &now);
    let second = chat.press_data(id, &now);
    assert_eq!(chat.note_for(&first).await, "");
    assert!(chat.note_for(&second).await.contains("Already logged"));
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("60 ml in 1 batch"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn typed_shortcuts_log_and_ask_for_what_is_missing() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2003, "Cy");
    let r = chat.say("90 fridge").await;
    assert!(
        r.text().contains("Logged 90 ml in the fridge"),
        "{}",
        r.text()
    );
    let r = chat.say("3oz freezer 1h ago").await;
    assert!(
        r.text().contains("Logged 89 ml in the freezer"),
        "{}",
        r.text()
    );
    assert!(r.text().contains("Expressed today 08:00"), "{}", r.text());
    let r = chat.say("left 40 right 50 fridge").await;
    assert!(r.text().contains("90 ml (L 40 + R 50)"), "{}", r.text());
    let r = chat.say("/log 60 room 07:30").await;
    assert!(r.text().contains("Expressed today 07:30"), "{}", r.text());

    // An amount alone: the bot asks where, with buttons, and finishes in two taps.
    let ask = chat.say("120ml").await;
    assert!(
        ask.text().contains("120 ml</b>: where is it?"),
        "{}",
        ask.text()
    );
    let id = ask.sent_id.unwrap();
    chat.tap(id, "Cooler");
    chat.next_edit().await;
    chat.tap(id, "30 min ago");
    let done = chat.next_edit().await;
    assert!(
        done.text().contains("Logged 120 ml in a cooler bag"),
        "{}",
        done.text()
    );

    let stash = chat.say("/stash").await;
    let t = stash.text();
    assert!(t.contains("449 ml in 5 batches"), "{t}");
    // Room milk expires first: it is the one to use next.
    assert!(t.contains("Use next: 60 ml at room temperature"), "{t}");
    let room = t.find("Room temperature").unwrap();
    let fridge = t.find("Fridge").unwrap();
    let freezer = t.find("Freezer").unwrap();
    assert!(room < fridge && fridge < freezer, "grouped by urgency: {t}");
    bot.stop().await;
}

#[tokio::test]
async fn bad_input_gets_a_kind_message_and_stores_nothing() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2004, "Di");
    let r = chat.say("0 fridge").await;
    assert!(r.text().contains("zero"), "{}", r.text());
    let r = chat.say("5000 fridge").await;
    assert!(r.text().contains("more than 1000 ml"), "{}", r.text());
    let r = chat.say("99999999999999999999999 freezer").await;
    assert!(r.text().contains("more than 1000 ml"), "{}", r.text());
    let r = chat.say("90 fridge 25:00").await;
    assert!(r.text().contains("25:00"), "{}", r.text());
    let r = chat.say("left 40 right 50 total 100 fridge").await;
    assert!(!r.text().contains("Logged"), "{}", r.text());
    let long = "9".repeat(2000);
    let r = chat.say(&long).await;
    assert!(r.text().contains("a bit long"), "{}", r.text());
    let stash = chat.say("/stash").await;
    assert!(stash.text().contains("empty"), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn move_thaw_use_part_discard_and_undo() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2005, "Ed");
    let logged = chat.say("120 fridge").await;
    let id = logged.sent_id.unwrap();

    chat.tap(id, "To the freezer");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("Moved 120 ml to the freezer"),
        "{}",
        e.text()
    );
    assert!(e.text().contains("6 months left"), "{}", e.text());

    bot.clock.advance(Duration::days(30));
    chat.tap(id, "Thaw in the fridge");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("Started thawing 120 ml in the fridge"),
        "{}",
        e.text()
    );
    assert!(e.text().contains("No clock runs yet"), "{}", e.text());
    assert!(e.text().contains("can't be frozen again"), "{}", e.text());
    let labels: Vec<String> = chat.buttons(id).into_iter().map(|b| b.0).collect();
    assert!(!labels.iter().any(|l| l.contains("freezer")), "{labels:?}");
    bot.clock.advance(Duration::hours(8));
    chat.tap(id, "Fully thawed");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("use by tomorrow 17:00 (1 d left)"),
        "{}",
        e.text()
    );

    chat.tap(id, "Used");
    let menu = chat.next_edit().await;
    assert!(
        menu.text().contains("How much was used?"),
        "{}",
        menu.text()
    );
    chat.tap(id, "60 ml");
    let e = chat.next_edit().await;
    assert!(e.text().contains("Used 60 ml (60 ml left)"), "{}", e.text());

    chat.tap(id, "Undo");
    let e = chat.next_edit().await;
    assert!(e.text().contains("Undid the use"), "{}", e.text());
    assert!(e.text().contains("<b>120 ml</b>"), "{}", e.text());

    chat.tap(id, "Discard");
    chat.next_edit().await;
    chat.tap(id, "Smelled sour");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("Discarded 120 ml (smelled sour)"),
        "{}",
        e.text()
    );

    let stash = chat.say("/stash").await;
    assert!(stash.text().contains("empty"), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn stale_forged_and_foreign_buttons_change_nothing() {
    let mut bot = TestBot::start().await;
    let mut ana = bot.private(2006, "Ana");
    let mut bo = bot.private(2007, "Bo");
    let logged = ana.say("90 fridge").await;
    let id = logged.sent_id.unwrap();
    let old_freeze = ana.button_data(id, "To the freezer");
    let old_discard = ana.button_data(id, "Discard");
    ana.tap(id, "To the freezer");
    ana.next_edit().await;

    // The old "Discard…" button carries the old version: refused, card refreshed.
    let press = ana.press_data(id, &old_discard);
    assert!(
        ana.note_for(&press)
            .await
            .contains("changed in the meantime")
    );

    // Bo replays Ana's button data in his own chat: not his family's batch.
    let bos = bo.say("/start").await;
    let press = bo.press_data(bos.sent_id.unwrap(), &old_freeze);
    assert!(
        bo.note_for(&press)
            .await
            .contains("isn't in this chat's stash")
    );
    // Garbage data.
    for garbage in ["1b:zz:1:m:z", "definitely not ours", "1b:1:1:m:z:extra"] {
        let press = bo.press_data(bos.sent_id.unwrap(), garbage);
        assert!(!bo.note_for(&press).await.is_empty(), "{garbage}");
    }
    let stash = ana.say("/stash").await;
    assert!(stash.text().contains("Freezer"), "{}", stash.text());
    assert!(
        stash.text().contains("90 ml in 1 batch"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn settings_change_units_timezone_and_guideline_everywhere() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2008, "Fi");
    chat.say("90 fridge").await;
    let s = chat.say("⚙️ Settings").await;
    let id = s.sent_id.unwrap();
    assert!(s.text().contains("Guideline: CDC"), "{}", s.text());

    chat.tap(id, "Unit: ml");
    let e = chat.next_edit().await;
    assert!(e.text().contains("Unit: oz"), "{}", e.text());

    chat.tap(id, "Timezone");
    chat.next_edit().await;
    chat.tap(id, "New York");
    let e = chat.next_edit().await;
    assert!(e.text().contains("America/New_York"), "{}", e.text());

    chat.tap(id, "Guideline");
    chat.next_edit().await;
    chat.tap(id, "NHS");
    chat.next_edit().await;
    chat.tap(id, "4 °C or colder");
    let e = chat.next_edit().await;
    assert!(e.text().contains("Guideline: NHS"), "{}", e.text());

    let stash = chat.say("/stash").await;
    let t = stash.text();
    assert!(t.contains("3 oz in 1 batch"), "{t}");
    // Expressed 09:00 UTC = 05:00 in New York; NHS gives 8 days in a fridge at 4 °C.
    assert!(t.contains("today 05:00"), "{t}");
    assert!(t.contains("8 d left"), "{t}");

    let r = chat.say("/timezone Berlin").await;
    assert!(r.text().contains("Europe/Berlin"), "{}", r.text());
    let r = chat.say("/timezone Atlantis").await;
    assert!(r.text().contains("couldn't find"), "{}", r.text());
    bot.stop().await;
}

#[tokio::test]
async fn a_shared_location_offers_the_timezones_nearby() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2018, "Ina");
    // Delhi: several foreign zones are nearer than Kolkata, so the bot asks which clock.
    let r = chat
        .share(json!({"location": {"latitude": 28.61, "longitude": 77.21}}))
        .await;
    let id = r.sent_id.unwrap();
    let labels: Vec<String> = r.buttons().into_iter().map(|(label, _)| label).collect();
    assert!(r.text().contains("Which of these"), "{}", r.text());
    assert!(labels.len() >= 3 && labels.len() <= 6, "{labels:?}");
    // Each button shows the time there now (the test clock starts at 09:00 UTC).
    assert!(labels.contains(&"Kolkata · 14:30".to_owned()), "{labels:?}");
    assert!(
        labels.iter().any(|l| l.starts_with("Karachi · 14:00")),
        "{labels:?}"
    );
    let forged = chat
        .button_data(id, "Kolkata · 14:30")
        .replace("Asia/Kolkata", "Mars/Olympus_Mons");
    chat.tap(id, "Kolkata · 14:30");
    let e = chat.next_edit().await;
    assert!(e.text().contains("Asia/Kolkata"), "{}", e.text());
    let stash = chat.say("90 fridge").await;
    assert!(stash.text().contains("14:30"), "{}", stash.text());

    // A sticker gets a kind word instead of silence.
    let r = chat.share(json!({"sticker": {"file_id": "x", "file_unique_id": "y", "type": "regular", "width": 512, "height": 512, "is_animated": false, "is_video": false}})).await;
    assert!(r.text().contains("only read text"), "{}", r.text());
    // A forged zone name in button data is refused and changes nothing.
    let note = chat.press_data(id, &forged);
    assert!(!chat.note_for(&note).await.is_empty());
    let s = chat.say("/settings").await;
    assert!(s.text().contains("Asia/Kolkata"), "{}", s.text());
    bot.stop().await;
}

#[tokio::test]
async fn the_stash_survives_a_restart() {
    let mut bot = TestBot::start().await;
    {
        let mut chat = bot.private(2009, "Gu");
        chat.say("90 fridge").await;
        chat.say("60 freezer").await;
    }
    bot.restart().await;
    let mut chat = bot.private(2009, "Gu");
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("150 ml in 2 batches"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn same_again_is_two_taps_and_edits_fix_amount_and_time() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2010, "Hu");
    chat.say("110 freezer").await;
    let flow = chat.say("🍼 Log milk").await;
    let id = flow.sent_id.unwrap();
    let labels: Vec<String> = chat.buttons(id).into_iter().map(|b| b.0).collect();
    // The family's own amount comes first among the presets.
    assert_eq!(labels[1], "110 ml", "{labels:?}");
    chat.tap(id, "Same again");
    let done = chat.next_edit().await;
    assert!(
        done.text().contains("Logged 110 ml in the freezer"),
        "{}",
        done.text()
    );

    chat.tap(id, "Edit");
    chat.next_edit().await;
    chat.tap(id, "Change the time");
    chat.next_edit().await;
    chat.tap(id, "2 h ago");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("Changed the time to today 07:00"),
        "{}",
        e.text()
    );
    chat.tap(id, "Edit");
    chat.next_edit().await;
    chat.tap(id, "Change the amount");
    chat.next_edit().await;
    chat.tap(id, "120 ml");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("Changed the amount to 120 ml"),
        "{}",
        e.text()
    );
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("230 ml in 2 batches"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_long_stash_pages_and_each_batch_opens() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(2011, "Io");
    for i in 0..10 {
        chat.say(&format!("{} freezer", 50 + i)).await;
    }
    let stash = chat.say("/stash").await;
    let id = stash.sent_id.unwrap();
    assert!(stash.text().contains("10 batches"), "{}", stash.text());
    assert!(stash.text().contains("8. "), "{}", stash.text());
    assert!(!stash.text().contains("9. "), "{}", stash.text());
    assert!(chat.buttons(id).iter().any(|b| b.0 == "1/2"));
    chat.tap(id, "Next");
    let page2 = chat.next_edit().await;
    assert!(
        page2.text().contains("9. ") && page2.text().contains("10. "),
        "{}",
        page2.text()
    );
    chat.tap(id, "10. ");
    let card = chat.next_edit().await;
    assert!(
        card.text().contains("<b>59 ml</b> in the freezer"),
        "{}",
        card.text()
    );
    chat.tap(id, "Stash");
    let back = chat.next_edit().await;
    assert!(back.text().contains("Your stash"), "{}", back.text());
    bot.stop().await;
}
