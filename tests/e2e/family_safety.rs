//! Family safety through the fake Bot API: reminders chosen "in private" by a member
//! with no private chat still arrive (in the group), guideline and timezone changes are
//! announced in the group, and invite links that do not work say so.

use crate::support;

use chrono::Duration;
use serde_json::json;
use support::{TestBot, TestChat, user};

const GROUP: i64 = -6100;
const SAM: i64 = 8001;
const JO: i64 = 8002;

/// A group family with the bot added by Sam; returns Sam's view of the group after the
/// welcome.
async fn group_family(bot: &TestBot) -> TestChat<'_> {
    let group_json = json!({"id": GROUP, "type": "group", "title": "Baby Lu"});
    bot.api
        .bot_status(&group_json, &user(SAM, "Sam"), "left", "member");
    let mut sam = bot.group(GROUP, "Baby Lu", SAM, "Sam");
    sam.next_message().await;
    // No timezone chosen yet: the question after the welcome says which one is used.
    let question = sam.next_message().await;
    assert!(
        question
            .text()
            .contains("Until you choose, I use <b>UTC</b>"),
        "{}",
        question.text()
    );
    sam
}

/// Jo joins the family from a private chat through Sam's invite link.
async fn jo_joins<'a>(bot: &'a TestBot, sam: &mut TestChat<'_>) -> TestChat<'a> {
    let invite = sam.say("/invite").await;
    let payload = invite
        .text()
        .split("start=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("an invite link")
        .to_owned();
    let mut jo = bot.private(JO, "Jo");
    let joined = jo.say(&format!("/start {payload}")).await;
    assert!(joined.text().contains("You're in"), "{}", joined.text());
    jo
}

#[tokio::test]
async fn private_reminders_without_a_private_chat_come_to_the_group() {
    let mut bot = TestBot::start().await;
    let mut sam = group_family(&bot).await;
    // Jo is in the group only: no private chat with the bot.
    let mut jo = sam.as_user(JO, "Jo");
    jo.catch_up();
    let family = jo.say("/family").await;
    jo.tap(family.sent_id.unwrap(), "In private");
    let warning = jo.next_message().await;
    assert!(
        warning
            .text()
            .contains("Jo, I can't reach you in a private chat")
            && warning.text().contains("come here in the group meanwhile"),
        "{}",
        warning.text()
    );
    jo.next_edit().await;
    // Sam wants none: without the fallback nobody would get the reminder.
    let mut sam_again = jo.as_user(SAM, "Sam");
    sam_again.catch_up();
    let family = sam_again.say("/family").await;
    sam_again.tap(family.sent_id.unwrap(), "None");
    let shown = sam_again.next_edit().await;
    assert!(
        shown.text().contains("Jo: reminders in private")
            && shown.text().contains("Sam (you): no reminders"),
        "{}",
        shown.text()
    );
    // Sam's "none" is no private-only choice: no warning for Sam. The next answer in
    // the chat is the log's, which proves the press was handled with nothing sent.
    let logged = sam_again.say("/log 60 room").await;
    assert!(logged.text().contains("60 ml"), "{}", logged.text());

    bot.clock
        .advance(Duration::hours(3) + Duration::minutes(30));
    let reminder = sam_again.next_message().await;
    assert!(
        reminder.text().contains("<b>60 ml</b>"),
        "{}",
        reminder.text()
    );
    sam.catch_up();
    bot.stop().await;
}

#[tokio::test]
async fn guideline_and_timezone_changes_are_announced_in_the_group() {
    let mut bot = TestBot::start().await;
    let mut sam = group_family(&bot).await;
    let mut jo = jo_joins(&bot, &mut sam).await;
    sam.catch_up();

    // Jo changes the timezone from a private chat: the group hears who, from and to.
    let reply = jo.say("/timezone Berlin").await;
    assert!(reply.text().contains("Europe/Berlin"), "{}", reply.text());
    let said = sam.next_message().await;
    assert!(
        said.text()
            .contains("Jo changed the timezone from <b>UTC</b> to <b>Europe/Berlin</b>"),
        "{}",
        said.text()
    );

    // Sam changes the guideline with the settings buttons in the group.
    let settings = sam.say("/settings").await;
    let id = settings.sent_id.unwrap();
    sam.tap(id, "Guideline");
    sam.next_edit().await;
    sam.tap(id, "La Leche League");
    let said = sam.next_message().await;
    assert!(
        said.text().contains(
            "Sam changed the storage guideline from <b>CDC (US)</b> to <b>La Leche League</b>"
        ),
        "{}",
        said.text()
    );

    // A fixed offset typed in the group is shown as typed, and the group's answer is
    // the announcement itself.
    let said = sam.say("/timezone UTC+3").await;
    assert!(
        said.text()
            .contains("Sam changed the timezone from <b>Europe/Berlin</b> to <b>UTC+3</b>"),
        "{}",
        said.text()
    );
    assert!(!said.text().contains("Etc/GMT"), "{}", said.text());
    let shown = sam.say("/settings").await;
    assert!(shown.text().contains("Timezone: UTC+3"), "{}", shown.text());

    // A change that moves nothing (the unit) is not announced: the next message in the
    // group is the answer to the log after it.
    sam.tap(shown.sent_id.unwrap(), "Unit: ml");
    sam.next_edit().await;
    let logged = sam.say("/log 3 oz fridge").await;
    assert!(logged.text().contains("Sam logged"), "{}", logged.text());
    bot.stop().await;
}

#[tokio::test]
async fn invite_links_that_do_not_work_say_so() {
    let mut bot = TestBot::start().await;
    let mut kim = bot.private(8009, "Kim");
    for payload in [
        "join_",
        "join_short",
        "join_ABCDEFGH1234",
        "join_abcdefgh1234",
        "join_abcdefgh1234xyz",
        "something_else",
    ] {
        let r = kim.say(&format!("/start {payload}")).await;
        assert!(
            r.text()
                .contains("This invite link is not valid or has expired; ask for a new one"),
            "{payload}: {}",
            r.text()
        );
        assert!(!r.text().contains("I'm milkbot"), "{payload}: {}", r.text());
    }
    // A plain /start still greets, with the disclaimer once.
    let r = kim.say("/start").await;
    assert!(r.text().contains("I'm milkbot"), "{}", r.text());
    assert_eq!(
        r.text().matches("not medical advice").count(),
        1,
        "{}",
        r.text()
    );
    bot.stop().await;
}
