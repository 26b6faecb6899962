//! Who may do what in a family, through the fake Bot API: a linked member cannot carry
//! the family's stash off to a group of his own; the family's admin rule holds in groups
//! and in linked private chats, and when the group cannot be asked; removing a member
//! and forgetting the family ask first, say who did it, and are for admins by default.

use crate::support;

use serde_json::json;
use support::fake_api::Fault;
use support::{TestBot, TestChat, user};

const SAM: i64 = 8001;
const BOB: i64 = 8002;
const ALEX: i64 = 8003;
const EVE: i64 = 8004;

/// The invite code in the bot's answer to /invite.
async fn invite_code(chat: &mut TestChat<'_>) -> String {
    let invite = chat.say("/invite").await;
    invite
        .text()
        .split("start=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no invite link in: {}", invite.text()))
        .to_owned()
}

/// How many batches a chat's family has, read from the database.
async fn batches_of_chat(bot: &TestBot, chat: i64) -> i64 {
    let db = bot.db().await;
    let family = db.chat(chat).await.unwrap().expect("chat").family_id;
    sqlx::query_scalar("SELECT COUNT(*) FROM batches WHERE family_id = $1")
        .bind(family)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

/// The names of the members of a chat's family.
async fn member_names(bot: &TestBot, chat: i64) -> Vec<String> {
    let db = bot.db().await;
    let family = db.chat(chat).await.unwrap().expect("chat").family_id;
    let members = db.members(family).await.unwrap();
    members.into_iter().map(|m| m.name).collect()
}

/// Sam, an admin of `group`, makes the family admins-only and logs two batches.
async fn admins_only_family<'a>(bot: &'a TestBot, group: i64) -> TestChat<'a> {
    bot.api.set_member_status(group, SAM, "administrator");
    let mut sam = bot.group(group, "Home", SAM, "Sam");
    sam.say("/log 90 fridge").await;
    sam.say("/log 120 freezer").await;
    let settings = sam.say("/settings").await;
    let id = settings.sent_id.unwrap();
    sam.tap(id, "anyone can change");
    sam.next_edit().await;
    assert!(sam.buttons(id).iter().any(|b| b.0.contains("admins only")));
    sam
}

#[tokio::test]
async fn a_linked_member_cannot_carry_the_family_stash_to_his_own_group() {
    let mut bot = TestBot::start().await;
    let home = -6100;
    let mut sam = admins_only_family(&bot, home).await;

    // Bob, with a stash of his own, joins Sam's family and keeps his own aside.
    let code = invite_code(&mut sam).await;
    let mut bob = bot.private(BOB, "Bob");
    bob.say("50 fridge").await;
    let ask = bob.say(&format!("/start {code}")).await;
    let keep = bob.button_data(ask.sent_id.unwrap(), "Keep them aside");
    bob.tap(ask.sent_id.unwrap(), "Keep them aside");
    assert!(bob.next_edit().await.text().contains("You're in"));
    let stash = bob.say("/stash").await;
    assert!(
        stash.text().contains("210 ml in 2 batches"),
        "{}",
        stash.text()
    );

    // Bob opens a group of his own and invites himself there. Opening the link does
    // not offer to bring the family's stash: it is not his.
    let mut bob_group = bot.group(-6200, "Bob's", BOB, "Bob");
    let own_code = invite_code(&mut bob_group).await;
    let forged_code = invite_code(&mut bob_group).await;
    // A forged "bring them along" (the button the old flow offered) changes nothing
    // for the family either.
    let bare = |c: &str| c.trim_start_matches("join_").to_owned();
    let forged = keep.replace(
        &format!(":k:{}", bare(&code)),
        &format!(":m:{}", bare(&forged_code)),
    );
    assert_ne!(
        forged, keep,
        "the join button's data has the expected shape"
    );
    let hello = bob.say("/help").await;
    bob.press_data(hello.sent_id.unwrap(), &forged);
    let joined = bob.next_edit().await;
    assert!(joined.text().contains("You're in"), "{}", joined.text());
    assert!(!joined.text().contains("moved in"), "{}", joined.text());
    assert_eq!(
        batches_of_chat(&bot, home).await,
        2,
        "the family keeps its stash"
    );
    let stash = sam.say("/stash").await;
    assert!(
        stash.text().contains("210 ml in 2 batches"),
        "{}",
        stash.text()
    );
    // Bob's chat now shares his group's (empty) stash, and his own is still set aside.
    assert_eq!(batches_of_chat(&bot, BOB).await, 0);
    let left = bob.say("/leave").await;
    assert!(
        left.text().contains("its own stash again"),
        "{}",
        left.text()
    );
    let stash = bob.say("/stash").await;
    assert!(
        stash.text().contains("50 ml in 1 batch"),
        "{}",
        stash.text()
    );

    // Alex, linked to Sam's family with nothing of his own, opens an invite to Bob's
    // group: he is asked nothing and joins without the family's stash.
    let code = invite_code(&mut sam).await;
    let mut alex = bot.private(ALEX, "Alex");
    let joined = alex.say(&format!("/start {code}")).await;
    assert!(joined.text().contains("You're in"), "{}", joined.text());
    let joined = alex.say(&format!("/start {own_code}")).await;
    assert!(joined.text().contains("You're in"), "{}", joined.text());
    assert!(joined.buttons().iter().all(|b| !b.0.contains("Bring")));
    assert_eq!(
        batches_of_chat(&bot, home).await,
        2,
        "the family keeps its stash"
    );
    assert_eq!(batches_of_chat(&bot, -6200).await, 0);
    // Alex left Sam's family on the way.
    let names = member_names(&bot, home).await;
    assert!(!names.contains(&"Alex".to_owned()), "{names:?}");
    bot.stop().await;
}

#[tokio::test]
async fn admins_only_holds_in_linked_private_chats_and_when_the_group_is_gone() {
    let mut bot = TestBot::start().await;
    let home = -6300;
    let group_json = json!({"id": home, "type": "group", "title": "Home"});
    let mut sam = admins_only_family(&bot, home).await;
    let code = invite_code(&mut sam).await;
    let mut jo = bot.private(BOB, "Jo");
    assert!(
        jo.say(&format!("/start {code}"))
            .await
            .text()
            .contains("You're in")
    );

    // A non-admin in the group, and the linked non-admin in private, may not invite,
    // export or forget.
    let mut alex = sam.as_user(ALEX, "Alex");
    for chat in [&mut alex, &mut jo] {
        for command in ["/invite", "/export", "/forget"] {
            let r = chat.say(command).await;
            assert!(
                r.text().contains("Only the group's admins"),
                "{command}: {}",
                r.text()
            );
        }
    }
    // The family screen offers no removals, and its invite button is refused too.
    let family = jo.say("/family").await;
    assert!(family.buttons().iter().all(|b| !b.0.starts_with("Remove")));
    let press = jo.tap(family.sent_id.unwrap(), "Invite someone");
    assert!(
        jo.note_for(&press)
            .await
            .contains("Only the group's admins")
    );
    let invites: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM invites WHERE created_by <> $1")
        .bind(SAM)
        .fetch_one(bot.db().await.pool())
        .await
        .unwrap();
    assert_eq!(invites, 0, "only Sam's invite exists");

    // The bot is removed from the group: nobody can be checked, so nothing is erased.
    bot.api
        .bot_status(&group_json, &user(SAM, "Sam"), "member", "left");
    bot.idle().await;
    let db = bot.db().await;
    assert!(!db.chat(home).await.unwrap().expect("chat").active);
    let r = jo.say("/forget").await;
    assert!(r.text().contains("can't check"), "{}", r.text());
    let r = jo.say("/export").await;
    assert!(r.text().contains("can't check"), "{}", r.text());
    assert_eq!(batches_of_chat(&bot, home).await, 2);
    bot.stop().await;
}

#[tokio::test]
async fn removing_and_forgetting_ask_first_say_who_and_are_for_admins_by_default() {
    let mut bot = TestBot::start().await;
    let g = -6400;
    bot.api.set_member_status(g, SAM, "administrator");
    let mut sam = bot.group(g, "Home", SAM, "Sam");
    sam.say("/log 90 fridge").await;
    let mut eve = sam.as_user(EVE, "<b>Eve</b>");
    eve.say("/stash").await;
    let mut alex = eve.as_user(ALEX, "Alex");
    alex.say("/stash").await;

    // By default anyone changes settings, but only admins remove or erase.
    let r = alex.say("/forget").await;
    assert!(r.text().contains("Only the group's admins"), "{}", r.text());
    let family = alex.say("/family").await;
    assert!(family.buttons().iter().all(|b| !b.0.starts_with("Remove")));
    let settings = alex.say("/settings").await;
    let press = alex.tap(settings.sent_id.unwrap(), "Unit: ml");
    assert_eq!(alex.note_for(&press).await, "");
    // ...and who may do what is the admins' call.
    let press = alex.tap(settings.sent_id.unwrap(), "removing, erasing: admins");
    assert!(
        alex.note_for(&press)
            .await
            .contains("Only the group's admins")
    );

    // Sam removes Eve: asked first; "keep them" changes nothing.
    sam.catch_up();
    let family = sam.say("/family").await;
    let id = family.sent_id.unwrap();
    sam.tap(id, "Remove <b>Eve</b>");
    let ask = sam.next_edit().await;
    assert!(
        ask.text()
            .contains("Remove <b>&lt;b&gt;Eve&lt;/b&gt;</b> from the family?"),
        "{}",
        ask.text()
    );
    sam.tap(id, "Keep them");
    let back = sam.next_edit().await;
    assert!(back.text().contains("&lt;b&gt;Eve"), "{}", back.text());
    sam.tap(id, "Remove <b>Eve</b>");
    sam.next_edit().await;
    let press = sam.tap(id, "Yes, remove");
    // The toast has no parse mode: the name shows as typed, not escaped.
    assert_eq!(
        sam.note_for(&press).await,
        "<b>Eve</b> was removed from the family."
    );
    let list = sam.next_edit().await;
    assert!(!list.text().contains("Eve"), "{}", list.text());
    let told = sam.next_message().await;
    assert_eq!(
        told.text(),
        "👪 Sam removed &lt;b&gt;Eve&lt;/b&gt; from the family."
    );
    let names = member_names(&bot, g).await;
    assert_eq!(names, vec!["Sam".to_owned(), "Alex".to_owned()]);

    // Sam opens everything to everyone: now Alex may erase, and the group sees who did.
    let settings = sam.say("/settings").await;
    let id = settings.sent_id.unwrap();
    sam.tap(id, "anyone can change");
    sam.next_edit().await;
    sam.tap(id, "admins only");
    sam.next_edit().await;
    assert!(
        sam.buttons(id)
            .iter()
            .any(|b| b.0.contains("removing, erasing: anyone"))
    );
    alex.catch_up();
    let ask = alex.say("/forget").await;
    alex.tap(ask.sent_id.unwrap(), "Yes, delete everything");
    let gone = alex.next_edit().await;
    assert!(
        gone.text().contains("Deleted by Alex: 1 batches"),
        "{}",
        gone.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn when_telegram_cannot_say_who_is_an_admin_nothing_is_erased() {
    let mut bot = TestBot::start().await;
    let g = -6500;
    let mut sam = admins_only_family(&bot, g).await;
    // Sam is an admin, but Telegram fails to say so: refused, with the reason. (A 4xx:
    // teloxide waits 10 s after a 5xx before it reports one.)
    let fault = Fault::BadRequest("Bad Request: chat not found".into());
    bot.api.inject(Some("getChatMember"), Some(g), None, fault);
    let r = sam.say("/forget").await;
    assert!(r.text().contains("can't check"), "{}", r.text());
    bot.api.clear_faults();
    let ask = sam.say("/forget").await;
    assert!(ask.text().contains("can't be undone"), "{}", ask.text());
    assert_eq!(batches_of_chat(&bot, g).await, 2);
    bot.stop().await;
}
