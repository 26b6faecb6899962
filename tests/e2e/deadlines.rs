//! Deadlines that follow the guidance, driven the way a parent drives them through the
//! fake Bot API: thawing, leftovers, the NHS fridge question, the freezer's best-quality
//! time, and the guideline line under storage answers.

use crate::support;

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

/// Picks a guideline in /settings; returns the settings message id.
async fn choose_guideline(chat: &mut TestChat<'_>, name: &str) -> i64 {
    let s = chat.say("/settings").await;
    let id = s.sent_id.unwrap();
    chat.tap(id, "Guideline");
    chat.next_edit().await;
    chat.tap(id, name);
    id
}

#[tokio::test]
async fn nhs_asks_about_the_fridge_once_and_every_deadline_follows_the_answer() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7002, "Nia");
    let id = choose_guideline(&mut chat, "NHS").await;
    let asked = chat.next_edit().await;
    assert!(
        asked.text().contains("How cold is your fridge?"),
        "{}",
        asked.text()
    );
    chat.tap(id, "Warmer or not sure");
    let saved = chat.next_edit().await;
    assert!(
        saved
            .text()
            .contains("Fridge: warmer than 4 °C or not sure"),
        "{}",
        saved.text()
    );
    // Warmer or not sure: 3 days.
    let logged = chat.say("90 fridge").await;
    assert!(logged.text().contains("(3 d left)"), "{}", logged.text());
    let card = chat.say("/storage").await;
    assert!(
        card.text().contains("Fridge: <b>3 days</b>"),
        "{}",
        card.text()
    );
    // Choosing NHS again does not ask again.
    let id = choose_guideline(&mut chat, "NHS").await;
    let again = chat.next_edit().await;
    assert!(again.text().contains("Settings"), "{}", again.text());
    // Changed in /settings: the batch logged before follows, reminders too.
    chat.tap(id, "Fridge:");
    chat.next_edit().await;
    chat.tap(id, "4 °C or colder");
    let saved = chat.next_edit().await;
    assert!(
        saved.text().contains("Fridge: 4 °C or colder"),
        "{}",
        saved.text()
    );
    let stash = chat.say("/stash").await;
    assert!(stash.text().contains("8 d left"), "{}", stash.text());
    // The first reminder is the day before the 8 days (not the day before 3 days).
    bot.clock.advance(Duration::days(7));
    let reminder = chat.next_message().await;
    assert!(
        reminder
            .text()
            .contains("in the fridge, expressed Tue 10 Mar: use by tomorrow 09:00 (1 d left)"),
        "{}",
        reminder.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn nhs_cooler_bag_gives_24_hours_only_to_milk_chilled_first() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7003, "Ola");
    let id = choose_guideline(&mut chat, "NHS").await;
    chat.next_edit().await;
    chat.tap(id, "4 °C or colder");
    chat.next_edit().await;
    // Straight into the bag: as at room temperature.
    let fresh = chat.say("60 cooler").await;
    assert!(fresh.text().contains("(4 h left)"), "{}", fresh.text());
    let late = chat.say("80 fridge").await;
    let lid = late.sent_id.unwrap();
    // Chilled first, then into the bag 2 days later: 24 h from the move.
    let chilled = chat.say("90 fridge").await;
    let cid = chilled.sent_id.unwrap();
    bot.clock.advance(Duration::days(2));
    // The jump sends reminders and refreshes cards (the 60 ml's time is up): let them
    // land first, so the next edit read is the tap's.
    bot.idle().await;
    chat.catch_up();
    chat.tap(cid, "Into a cooler bag");
    let moved = chat.next_edit().await;
    assert!(
        moved.text().contains("Moved 90 ml to a cooler bag"),
        "{}",
        moved.text()
    );
    assert!(moved.text().contains("(1 d left)"), "{}", moved.text());
    // Seven and a half days in the fridge: the bag's 24 h stop at the fridge's 8 days.
    bot.clock.advance(Duration::hours(5 * 24 + 12));
    bot.idle().await;
    chat.catch_up();
    chat.tap(lid, "Into a cooler bag");
    let capped = chat.next_edit().await;
    assert!(capped.text().contains("(12 h left)"), "{}", capped.text());
    bot.stop().await;
}

#[tokio::test]
async fn a_thawing_bag_has_no_clock_until_fully_thawed() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7004, "Tam");
    let id = choose_guideline(&mut chat, "Strictest").await;
    chat.next_edit().await;
    let logged = chat.say("120 freezer").await;
    let bag = logged.sent_id.unwrap();
    bot.clock.advance(Duration::days(20));
    chat.tap(bag, "Thaw in the fridge");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("Started thawing 120 ml in the fridge"),
        "{}",
        e.text()
    );
    assert!(e.text().contains("No clock runs yet"), "{}", e.text());
    assert!(!e.text().contains("Past its time"), "{}", e.text());
    assert!(e.text().contains("can't be frozen again"), "{}", e.text());
    let buttons = labels(&chat, bag);
    for expected in [
        "Fully thawed",
        "Thaw in lukewarm water",
        "Used",
        "Discard",
        "Undo",
    ] {
        assert!(
            buttons.iter().any(|b| b.contains(expected)),
            "{expected} in {buttons:?}"
        );
    }
    // Still thawing hours later: never "past its time" under the strictest profile.
    bot.clock.advance(Duration::hours(6));
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("no clock until fully thawed"),
        "{}",
        stash.text()
    );
    assert!(!stash.text().contains("past"), "{}", stash.text());
    // After 12 h, a nudge to check it, with the button that starts its clock.
    bot.clock.advance(Duration::hours(6));
    let nudge = chat.next_message().await;
    assert!(
        nudge
            .text()
            .contains("has been thawing in the fridge since"),
        "{}",
        nudge.text()
    );
    chat.tap(nudge.sent_id.unwrap(), "Fully thawed");
    let thawed = chat.next_edit().await;
    assert!(
        thawed.text().contains("Marked 120 ml as fully thawed"),
        "{}",
        thawed.text()
    );
    // Strictest follows NHS for thawed milk: use it straight away.
    assert!(
        thawed.text().contains("use it straight away"),
        "{}",
        thawed.text()
    );
    let _ = id;
    bot.stop().await;
}

#[tokio::test]
async fn fully_thawed_starts_the_24_hour_clock_under_cdc() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7005, "Uma");
    let logged = chat.say("120 freezer").await;
    let bag = logged.sent_id.unwrap();
    bot.clock.advance(Duration::days(3));
    chat.tap(bag, "Thaw in the fridge");
    chat.next_edit().await;
    bot.clock.advance(Duration::hours(10));
    chat.tap(bag, "Fully thawed");
    let thawed = chat.next_edit().await;
    // 24 h from the tap (Sat 19:00), not from when thawing began (Fri 09:00).
    assert!(
        thawed.text().contains("use by tomorrow 19:00 (1 d left)"),
        "{}",
        thawed.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn baby_left_some_asks_how_much_and_when_the_feed_ended() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7006, "Vi");
    let logged = chat.say("120 fridge").await;
    let id = logged.sent_id.unwrap();
    chat.tap(id, "Used");
    chat.next_edit().await;
    chat.tap(id, "Baby left some");
    let how_much = chat.next_edit().await;
    assert!(
        how_much.text().contains("How much is left in the bottle?"),
        "{}",
        how_much.text()
    );
    chat.tap(id, "30 ml");
    let when = chat.next_edit().await;
    assert!(
        when.text().contains("When did the feed end?"),
        "{}",
        when.text()
    );
    let buttons = labels(&chat, id);
    for expected in ["Just now", "15 min ago", "30 min ago", "1 h ago"] {
        assert!(
            buttons.iter().any(|b| b.contains(expected)),
            "{expected} in {buttons:?}"
        );
    }
    chat.tap(id, "30 min ago");
    let done = chat.next_edit().await;
    assert!(
        done.text()
            .contains("Noted the feed that ended today 08:30: baby drank 90 ml, 30 ml left over"),
        "{}",
        done.text()
    );
    // CDC: 2 h from the end of the feed (08:30), not from the tap (09:00).
    assert!(
        done.text().contains("use by today 10:30 (1 h 30 min left)"),
        "{}",
        done.text()
    );
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("Left from a feed"),
        "{}",
        stash.text()
    );
    assert!(
        stash.text().contains("30 ml in 1 batch"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_typed_leftover_amount_goes_on_to_when_the_feed_ended() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7016, "Ada");
    let logged = chat.say("120 fridge").await;
    let id = logged.sent_id.unwrap();
    chat.tap(id, "Used");
    chat.next_edit().await;
    chat.tap(id, "Baby left some");
    chat.next_edit().await;
    chat.tap(id, "Type it");
    let asked = chat.next_edit().await;
    assert!(
        asked.text().contains("Type it, e.g. <code>40</code>"),
        "{}",
        asked.text()
    );
    // More than the batch holds: refused kindly, still waiting for the amount.
    let too_much = chat.say("200").await;
    assert!(
        too_much
            .text()
            .contains("That's more than this batch holds (120 ml in it, 200 ml typed)"),
        "{}",
        too_much.text()
    );
    let when = chat.say("40").await;
    assert!(
        when.text().contains("40 ml left. When did the feed end?"),
        "{}",
        when.text()
    );
    let when_id = when.sent_id.unwrap();
    chat.tap(when_id, "15 min ago");
    let done = chat.next_edit().await;
    assert!(
        done.text()
            .contains("Noted the feed that ended today 08:45: baby drank 80 ml, 40 ml left over"),
        "{}",
        done.text()
    );
    // CDC: 2 h from the end of the feed (08:45), not from the typed reply (09:00).
    assert!(
        done.text().contains("use by today 10:45 (1 h 45 min left)"),
        "{}",
        done.text()
    );
    // The wait ended with the reply: a new amount logs a new batch again.
    let next = chat.say("60 fridge").await;
    assert!(next.text().contains("60 ml"), "{}", next.text());
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("100 ml in 2 batches")
            && stash.text().contains("40 ml left from a feed"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn frozen_milk_at_six_months_is_past_its_best_quality_time_not_unsafe() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7007, "Wen");
    let logged = chat.say("150 freezer").await;
    assert!(
        logged
            .text()
            .contains("best quality until Thu 10 Sep (6 months left), fine until 10 Mar 2027"),
        "{}",
        logged.text()
    );
    let bag = logged.sent_id.unwrap();
    // Frozen Tue 10 March: best quality until 10 September, acceptable until 10 March 2027.
    bot.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 8, 27, 9, 0, 0).unwrap());
    let lead = chat.next_message().await;
    assert!(lead.text().contains("best used by"), "{}", lead.text());
    bot.clock
        .set(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 9, 10, 9, 0, 0).unwrap());
    let best = chat.next_message().await;
    assert!(
        best.text().contains("is past its best-quality time"),
        "{}",
        best.text()
    );
    assert!(!best.text().contains("discard"), "{}", best.text());
    let buttons: Vec<String> = best.buttons().into_iter().map(|b| b.0).collect();
    assert!(
        buttons.iter().any(|b| b.contains("Thaw in the fridge")),
        "{buttons:?}"
    );
    let stash = chat.say("/stash").await;
    assert!(
        stash.text().contains("past its best-quality time"),
        "{}",
        stash.text()
    );
    assert!(!stash.text().contains("⚠️"), "{}", stash.text());
    // It can still be thawed.
    chat.tap(bag, "Thaw in the fridge");
    let e = chat.next_edit().await;
    assert!(
        e.text().contains("Started thawing 150 ml in the fridge"),
        "{}",
        e.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn storage_answers_add_the_familys_own_figure_which_the_deadlines_share() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7008, "Xu");
    let answer = chat.say("how long does milk last in the fridge").await;
    assert!(
        answer
            .text()
            .contains("📌 Your guideline (CDC (US)): 4 days"),
        "{}",
        answer.text()
    );
    let id = choose_guideline(&mut chat, "NHS").await;
    chat.next_edit().await;
    chat.tap(id, "4 °C or colder");
    chat.next_edit().await;
    let answer = chat.say("how long does milk last in the fridge").await;
    assert!(
        answer
            .text()
            .contains("📌 Your guideline (NHS (UK), fridge at 4 °C or colder): 8 days"),
        "{}",
        answer.text()
    );
    let logged = chat.say("90 fridge").await;
    assert!(logged.text().contains("(8 d left)"), "{}", logged.text());
    let answer = chat.say("how long is frozen breast milk good for").await;
    assert!(
        answer.text().contains("📌 Your guideline (NHS (UK)"),
        "{}",
        answer.text()
    );
    assert!(answer.text().contains("): 6 months"), "{}", answer.text());
    // Answers that are not about a storage time carry no such line.
    let other = chat.say("can i microwave breast milk").await;
    assert!(!other.text().contains("📌"), "{}", other.text());
    bot.stop().await;
}

#[tokio::test]
async fn days_of_supply_wait_for_three_days_of_recorded_use() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7009, "Yan");
    let logged = chat.say("600 freezer").await;
    let id = logged.sent_id.unwrap();
    // An unusual amount is confirmed first.
    chat.tap(id, "Yes, 600 ml");
    chat.next_edit().await;
    for day in 1..=3 {
        bot.clock.advance(Duration::days(1));
        chat.tap(id, "Used");
        chat.next_edit().await;
        chat.tap(id, "60 ml");
        chat.next_edit().await;
        let stats = chat.say("/stats").await;
        if day < 3 {
            assert!(
                stats.text().contains(&format!(
                    "days of supply show after 3 days of recorded use: {day} so far"
                )),
                "{}",
                stats.text()
            );
        } else {
            // 180 ml over 2 days: 90 ml a day; 420 ml left.
            assert!(
                stats
                    .text()
                    .contains("usable: about 4.7 days at 90 ml a day"),
                "{}",
                stats.text()
            );
        }
        chat.next_message().await; // the chart
    }
    bot.stop().await;
}
