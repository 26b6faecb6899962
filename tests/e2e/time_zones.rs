//! Time zones through the fake Bot API: the first-contact question, logs before a zone
//! is chosen, and daylight-saving changes in America/New_York and Europe/Berlin in both
//! directions. Deadlines are exact instants (4 h at room temperature is 4 hours of real
//! time, whatever the clocks do); reminders fire at that instant and show the local
//! clock it reads; a typed clock time that happened twice is read as the first, one that
//! never happened as the earliest it could mean, and the reply says so.

use crate::support;

use chrono::{DateTime, Duration, TimeZone, Utc};
use support::fake_api::Call;
use support::{TestBot, TestChat, user};

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

/// Reminders about room-temperature milk sent to this chat so far.
fn room_reminders(chat: &TestChat<'_>) -> Vec<Call> {
    let id = chat.id();
    chat.bot
        .api
        .calls()
        .into_iter()
        .filter(|c| c.method == "sendmessage" && c.chat_id() == Some(id))
        .filter(|c| c.text().contains("into the fridge or freezer by"))
        .collect()
}

/// 90 ml logged at room temperature at `logged` (UTC) in `zone`: the card shows the
/// local clock `expressed` and the deadline `deadline` (4 h later in real time, across
/// the change); the reminder comes exactly 30 minutes before it, not a minute earlier,
/// and shows the same local deadline.
async fn room_milk_across_a_change(
    zone: &str,
    logged: DateTime<Utc>,
    expressed: &str,
    deadline: &str,
) {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9300, "Mia");
    let set = chat.say(&format!("/timezone {zone}")).await;
    assert!(set.text().contains(zone), "{}", set.text());

    bot.clock.set(logged);
    let card = chat.say("90 room").await;
    assert!(
        card.text()
            .contains(&format!("Expressed today {expressed}")),
        "{zone}: {}",
        card.text()
    );
    assert!(card.text().contains(deadline), "{zone}: {}", card.text());

    let due = logged + Duration::hours(4) - Duration::minutes(30);
    bot.clock.set(due - Duration::minutes(1));
    // An answer to a later message proves the bot has caught up with the clock.
    chat.say("/stash").await;
    assert!(
        room_reminders(&chat).is_empty(),
        "{zone}: reminder too early"
    );

    bot.clock.set(due);
    let reminder = chat.next_message().await;
    assert!(
        reminder.text().contains(&format!(
            "into the fridge or freezer by today {deadline} (30 min left)"
        )),
        "{zone}: {}",
        reminder.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn new_york_fall_back() {
    // 2026-11-01: 02:00 EDT becomes 01:00 EST at 06:00 UTC. 01:00 EDT + 4 h = 04:00 EST.
    room_milk_across_a_change("America/New_York", utc(2026, 11, 1, 5, 0), "01:00", "04:00").await;
}

#[tokio::test]
async fn new_york_spring_forward() {
    // 2027-03-14: 02:00 EST becomes 03:00 EDT at 07:00 UTC. 01:00 EST + 4 h = 06:00 EDT.
    room_milk_across_a_change("America/New_York", utc(2027, 3, 14, 6, 0), "01:00", "06:00").await;
}

#[tokio::test]
async fn berlin_spring_forward() {
    // 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC. 01:00 CET + 4 h = 06:00 CEST.
    room_milk_across_a_change("Europe/Berlin", utc(2026, 3, 29, 0, 0), "01:00", "06:00").await;
}

#[tokio::test]
async fn berlin_fall_back() {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00 UTC. 02:00 CEST + 4 h = 05:00 CET.
    room_milk_across_a_change("Europe/Berlin", utc(2026, 10, 25, 0, 0), "02:00", "05:00").await;
}

#[tokio::test]
async fn a_typed_time_that_never_happened_or_happened_twice() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9301, "Lou");
    chat.say("/timezone Europe/Berlin").await;
    // Berlin, 29 March 2026, 10:00 CEST: 02:30 that night never happened. Read as the
    // earliest it could mean, 01:30 CET (00:30 UTC); 4 days in the fridge from then end
    // at 00:30 UTC on 2 April, 02:30 CEST.
    bot.clock.set(utc(2026, 3, 29, 8, 0));
    let card = chat.say("90 fridge 02:30").await;
    assert!(
        card.text().contains("Expressed today 01:30"),
        "{}",
        card.text()
    );
    assert!(card.text().contains("Thu 02:30"), "{}", card.text());
    assert!(
        card.text().contains("02:30 didn't happen") && card.text().contains("earliest"),
        "{}",
        card.text()
    );

    // New York, 1 November 2026, 07:00 EST: 01:30 happened twice. Read as the first,
    // 01:30 EDT (05:30 UTC); 4 days later is 05:30 UTC on 5 November, 00:30 EST.
    // (Another family: the Berlin milk's reminders go to the first chat.)
    let mut chat = bot.private(9304, "Ezra");
    chat.say("/timezone America/New_York").await;
    bot.clock.set(utc(2026, 11, 1, 12, 0));
    let card = chat.say("90 fridge 01:30").await;
    assert!(
        card.text().contains("Expressed today 01:30"),
        "{}",
        card.text()
    );
    assert!(card.text().contains("Thu 00:30"), "{}", card.text());
    assert!(
        card.text().contains("01:30 happened twice") && card.text().contains("the first"),
        "{}",
        card.text()
    );
    // An ordinary time gets no note.
    let card = chat.say("90 fridge 05:30").await;
    assert!(!card.text().contains("happen"), "{}", card.text());
    bot.stop().await;
}

#[tokio::test]
async fn first_contact_asks_for_the_timezone_and_logs_say_which_one_was_assumed() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9302, "Lena");
    chat.user["language_code"] = serde_json::json!("de");
    let hello = chat.say("/start").await;
    assert!(hello.text().contains("Hi Lena!"), "{}", hello.text());
    assert!(
        !hello.reply_keyboard().is_empty(),
        "the big buttons come first"
    );
    let question = chat.next_message().await;
    assert!(
        question.text().contains("which timezone"),
        "{}",
        question.text()
    );
    assert!(
        question.text().contains("I use <b>UTC</b>"),
        "{}",
        question.text()
    );
    let labels: Vec<String> = question.buttons().into_iter().map(|b| b.0).collect();
    // German: Berlin first, with the time it is there now (09:00 UTC is 10:00 CET).
    assert_eq!(
        labels.first().map(String::as_str),
        Some("Berlin · 10:00"),
        "{labels:?}"
    );
    for wanted in ["Other zones", "Share location", "Type a city"] {
        assert!(
            labels.iter().any(|l| l.contains(wanted)),
            "{wanted} in {labels:?}"
        );
    }

    // Before a zone is chosen, a typed log says which one its times were read in.
    let card = chat.say("90 fridge 08:00").await;
    assert!(
        card.text()
            .contains("I read times in <b>UTC</b> because your timezone isn't set yet"),
        "{}",
        card.text()
    );
    assert!(
        card.text().contains("Expressed today 08:00"),
        "{}",
        card.text()
    );
    // The button on it asks again, in a new message; the card stays.
    chat.tap(card.sent_id.unwrap(), "Set my timezone");
    let again = chat.next_message().await;
    assert!(again.text().contains("which timezone"), "{}", again.text());
    assert!(chat.text_of(card.sent_id.unwrap()).contains("90 ml"));

    chat.tap(again.sent_id.unwrap(), "Type a city");
    let how = chat.next_message().await;
    assert!(how.text().contains("Type your city"), "{}", how.text());
    chat.tap(again.sent_id.unwrap(), "Share location");
    let ask = chat.next_message().await;
    assert!(ask.text().contains("Send my location"), "{}", ask.text());
    let keyboard = &ask.params["reply_markup"]["keyboard"];
    assert_eq!(keyboard[0][0]["request_location"], true, "{keyboard}");
    assert!(ask.reply_keyboard().iter().any(|k| k == "🍼 Log milk"));

    // Picking Berlin: set, and logs no longer carry the note.
    chat.tap(question.sent_id.unwrap(), "Berlin");
    let set = chat.next_edit().await;
    assert!(
        set.text().contains("Timezone: Europe/Berlin"),
        "{}",
        set.text()
    );
    let card = chat.say("60 fridge").await;
    assert!(!card.text().contains("isn't set yet"), "{}", card.text());
    let labels: Vec<String> = card.buttons().into_iter().map(|b| b.0).collect();
    assert!(
        !labels.iter().any(|l| l.contains("Set my timezone")),
        "{labels:?}"
    );
    // A /start now greets without asking again: the next message is the stash's answer.
    chat.say("/start").await;
    let stash = chat.say("/stash").await;
    assert!(stash.text().contains("150 ml"), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn english_alone_offers_several_zones_and_offsets_read_as_typed() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9303, "Sam");
    chat.say("/start").await;
    let question = chat.next_message().await;
    let labels: Vec<String> = question.buttons().into_iter().map(|b| b.0).collect();
    for city in ["London", "New York", "Los Angeles", "Sydney"] {
        assert!(
            labels.iter().any(|l| l.starts_with(city)),
            "{city} in {labels:?}"
        );
    }
    let set = chat.say("/timezone UTC+3").await;
    assert!(
        set.text().contains("Timezone set to <b>UTC+3</b>"),
        "{}",
        set.text()
    );
    assert!(set.text().contains("12:00"), "{}", set.text());
    let settings = chat.say("/settings").await;
    assert!(
        settings.text().contains("Timezone: UTC+3"),
        "{}",
        settings.text()
    );
    assert!(!settings.text().contains("Etc/GMT"), "{}", settings.text());
    bot.stop().await;
}

/// The zone buttons of a timezone question, by label.
fn labels(question: &Call) -> Vec<String> {
    question.buttons().into_iter().map(|b| b.0).collect()
}

#[tokio::test]
async fn a_group_added_by_a_german_parent_is_asked_once_with_berlin_first() {
    const GROUP: i64 = -6300;
    const SAM: i64 = 8301;
    let mut bot = TestBot::start().await;
    let mut sam_user = user(SAM, "Sam");
    sam_user["language_code"] = serde_json::json!("de");
    let group_json = serde_json::json!({"id": GROUP, "type": "group", "title": "Baby Mo"});
    bot.api.set_member_status(GROUP, SAM, "administrator");
    bot.api.bot_status(&group_json, &sam_user, "left", "member");
    let mut sam = bot.group(GROUP, "Baby Mo", SAM, "Sam");
    sam.user = sam_user;
    let welcome = sam.next_message().await;
    assert!(
        !welcome.reply_keyboard().is_empty(),
        "the big buttons first"
    );
    let question = sam.next_message().await;
    assert!(
        question.text().contains("which timezone"),
        "{}",
        question.text()
    );
    let labels = labels(&question);
    // German: Berlin first (09:00 UTC is 10:00 CET); no location button in a group,
    // where Telegram does not offer one; typing a city works.
    assert_eq!(
        labels.first().map(String::as_str),
        Some("Berlin · 10:00"),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("Type a city")),
        "{labels:?}"
    );
    assert!(
        !labels.iter().any(|l| l.contains("Share location")),
        "{labels:?}"
    );

    // Asked once: a /start in the group greets without asking again (the next message
    // after the greeting is the stash's answer).
    sam.say("/start").await;
    let stash = sam.say("/stash").await;
    assert!(!stash.text().contains("which timezone"), "{}", stash.text());

    // A tap on Berlin sets it.
    sam.catch_up();
    sam.tap(question.sent_id.unwrap(), "Berlin");
    let shown = sam.say("/settings").await;
    let shown = if shown.text().contains("Timezone:") {
        shown
    } else {
        sam.next_message().await
    };
    assert!(
        shown.text().contains("Timezone: Europe/Berlin"),
        "{}",
        shown.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn type_a_city_waits_for_the_city() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9311, "Ana");
    // A Spanish Telegram app: Spanish zones suggested, and Spanish spoken.
    chat.user["language_code"] = serde_json::json!("es");
    chat.say("/start").await;
    let question = chat.next_message().await;
    chat.tap(question.sent_id.unwrap(), "Escribir una ciudad");
    let how = chat.next_message().await;
    assert!(how.text().contains("Escribe tu ciudad"), "{}", how.text());
    // A log typed meanwhile is a log, read in the zone still in use; the wait stays.
    let card = chat.say("90 fridge").await;
    assert!(card.text().contains("90 ml"), "{}", card.text());
    assert!(
        card.text().contains("aún no has elegido tu zona horaria"),
        "{}",
        card.text()
    );
    // So is a question.
    let answer = chat.say("how long does milk keep in the fridge?").await;
    assert!(
        !answer.text().contains("Zona horaria: <b>"),
        "{}",
        answer.text()
    );
    // The city, typed alone, sets the zone.
    let set = chat.say("Madrid").await;
    assert!(
        set.text().contains("Zona horaria: <b>Europe/Madrid</b>"),
        "{}",
        set.text()
    );
    // Once answered, a city typed again is an ordinary message (not a second change).
    let again = chat.say("Lisbon").await;
    assert!(
        !again.text().contains("Zona horaria: <b>"),
        "{}",
        again.text()
    );
    let shown = chat.say("/settings").await;
    assert!(
        shown.text().contains("Zona horaria: Europe/Madrid"),
        "{}",
        shown.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn type_a_city_in_a_group_reads_a_reply_to_the_bot() {
    const GROUP: i64 = -6310;
    const SAM: i64 = 8311;
    let mut bot = TestBot::start().await;
    bot.api.set_member_status(GROUP, SAM, "administrator");
    let mut sam = bot.group(GROUP, "Baby Io", SAM, "Sam");
    sam.say("/start").await;
    let question = sam.next_message().await;
    assert!(
        question.text().contains("which timezone"),
        "{}",
        question.text()
    );
    sam.tap(question.sent_id.unwrap(), "Type a city");
    let how = sam.next_message().await;
    assert!(
        how.text().contains("Reply to this message"),
        "{}",
        how.text()
    );
    bot.api
        .send_reply(&sam.chat, &sam.user, how.sent_id.unwrap(), "Madrid");
    let said = sam.next_message().await;
    assert!(said.text().contains("Europe/Madrid"), "{}", said.text());
    bot.stop().await;
}
