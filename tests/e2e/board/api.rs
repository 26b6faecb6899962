//! The board's API served by the running bot: a change made there goes through the same
//! use case as a button and the chat hears of it, with who did it; a forged signature
//! gets 401 and no data.

use crate::support::board;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_move_on_the_board_is_told_in_the_chat_with_who_did_it() {
    let (bot, base) = board::start().await;
    let mut chat = bot.private(4101, "Ana");
    let logged = chat.say("90 fridge").await;
    assert!(logged.text().contains("90 ml"), "{}", logged.text());
    let init = board::init_data(4101, "Ana", bot.clock.now(), None);

    let (status, json) = board::call(&base, Method::GET, "api/board", &init, None).await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(json["summary"], "90 ml in 1 batch");
    let card = &json["shelves"][0]["cards"][0];
    assert_eq!(json["shelves"][0]["place"], "fridge");
    assert_eq!(card["by"], "logged by Ana");
    let (id, version) = (
        card["id"].as_i64().unwrap(),
        card["version"].as_i64().unwrap(),
    );

    let act = json!({"version": version, "act": "move", "to": "freezer"});
    let path = format!("api/batch/{id}");
    let (status, json) = board::call(&base, Method::POST, &path, &init, Some(act)).await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(json["board"]["shelves"][0]["place"], "freezer");
    let told = board::told(
        &mut chat,
        "Ana moved 90 ml to the freezer (on the stash board).",
    )
    .await;
    // The card in the chat has the batch's buttons, as after a press.
    let buttons: Vec<String> = chat
        .buttons(told.sent_id.unwrap())
        .into_iter()
        .map(|b| b.0)
        .collect();
    assert!(buttons.iter().any(|b| b.contains("Undo")), "{buttons:?}");
}

#[tokio::test]
async fn a_forged_signature_gets_401_from_the_running_bot() {
    let (bot, base) = board::start().await;
    let mut chat = bot.private(4102, "Ben");
    chat.say("60 freezer").await;
    let good = board::init_data(4102, "Ben", bot.clock.now(), None);
    let forged = good.replace("Ben", "Eve");
    let (status, json) = board::call(&base, Method::GET, "api/board", &forged, None).await;
    assert_eq!(status, 401);
    assert!(json.get("shelves").is_none(), "{json}");
    assert_eq!(
        json["error"],
        milkbot::messages::board_unsigned(milkbot::domain::Lang::En)
    );
    let (status, _) = board::call(&base, Method::GET, "api/board", &good, None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_reminder_about_the_batch_shows_what_was_done_on_the_board() {
    let (bot, base) = board::start().await;
    let mut chat = bot.private(4103, "Ana");
    chat.say("90 room 3h45m ago").await;
    let reminder = chat.next_message().await;
    assert!(
        reminder.text().contains("is at room temperature"),
        "{}",
        reminder.text()
    );
    let init = board::init_data(4103, "Ana", bot.clock.now(), None);
    let (_, json) = board::call(&base, Method::GET, "api/board", &init, None).await;
    let card = &json["shelves"][0]["cards"][0];
    let (id, version) = (
        card["id"].as_i64().unwrap(),
        card["version"].as_i64().unwrap(),
    );
    let act = json!({"version": version, "act": "move", "to": "fridge"});
    let path = format!("api/batch/{id}");
    let (status, json) = board::call(&base, Method::POST, &path, &init, Some(act)).await;
    assert_eq!(status, 200, "{json}");
    board::told(
        &mut chat,
        "Ana moved 90 ml to the fridge (on the stash board).",
    )
    .await;
    let edit = chat.next_edit().await;
    assert_eq!(edit.message_id(), reminder.sent_id);
    assert!(
        edit.text()
            .contains("Ana moved 90 ml to the fridge (on the stash board)."),
        "{}",
        edit.text()
    );
    chat.nothing_more().await;
}
