use super::polling::{FETCH_BACKOFF, STORE_BACKOFF, backoff, update_id};
use serde_json::value::RawValue;

fn raw(text: &str) -> Box<RawValue> {
    RawValue::from_string(text.to_owned()).unwrap()
}

#[test]
fn the_id_of_an_update_no_client_can_read_is_still_found() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(
        update_id(&raw(r#"{"update_id":5,"message":{"text":"\ud800 hi"}}"#)),
        Some(5)
    );
    assert_eq!(
        update_id(&raw(&format!(r#"{{"x":{deep},"update_id":6}}"#))),
        Some(6)
    );
    assert_eq!(
        update_id(&raw(r#"{"update_id":4294967303}"#)),
        Some(4_294_967_303)
    );
    assert_eq!(update_id(&raw(r#"{"message":{}}"#)), None);
}

#[test]
fn backoff_doubles_up_to_the_longest_wait() {
    let waits: Vec<_> = (0..7)
        .map(|n| backoff(n, STORE_BACKOFF).as_millis())
        .collect();
    assert_eq!(waits, [100, 200, 400, 800, 1600, 2000, 2000]);
    assert_eq!(backoff(u32::MAX, FETCH_BACKOFF), FETCH_BACKOFF.1);
}

/// A text message in a private chat. Read from text, as updates arrive: teloxide reads
/// an update given as a `serde_json::Value` as one it does not know (no chat).
fn message(update_id: i64, chat: i64) -> teloxide::types::Update {
    let json = serde_json::json!({
        "update_id": update_id,
        "message": {
            "message_id": update_id, "date": 0, "text": "90 fridge",
            "chat": {"id": chat, "type": "private", "first_name": "A"},
            "from": {"id": chat, "is_bot": false, "first_name": "A"}
        }
    });
    let update: teloxide::types::Update = serde_json::from_str(&json.to_string()).unwrap();
    assert_eq!(update.chat().map(|c| c.id.0), Some(chat));
    update
}

/// A handled update's row leaves the inbox a moment after its handler ends (in a batch);
/// if the row fell due meanwhile (a handler that took longer than the hold), the update
/// must not be handed out again, or its reply would repeat.
#[tokio::test]
async fn a_released_update_stays_held_until_the_inbox_has_settled_it() {
    let (tx, mut rx) = tokio::sync::mpsc::channel(8);
    let lanes = super::Lanes::new(tx, crate::activity::Activity::default());
    let first = message(1, 7);
    lanes.dispatch(first.clone()).await;
    assert!(rx.try_recv().is_ok(), "the first update goes at once");
    lanes.release(&first).await;
    assert!(
        lanes.holds(1),
        "released, not yet out of the inbox: still held"
    );
    lanes.dispatch(first.clone()).await;
    assert!(rx.try_recv().is_err(), "not handed out a second time");

    // The chat's slot was freed all the same: its next update goes.
    lanes.dispatch(message(2, 7)).await;
    assert!(rx.try_recv().is_ok());

    lanes.forget(&[1]);
    assert!(
        !lanes.holds(1),
        "settled in the inbox: the inbox decides from now on"
    );
}

fn handed_out(
    rx: &mut tokio::sync::mpsc::Receiver<Result<teloxide::types::Update, std::convert::Infallible>>,
) -> Vec<u32> {
    std::iter::from_fn(|| rx.try_recv().ok())
        .filter_map(Result::ok)
        .map(|u| u.id.0)
        .collect()
}

/// The dispatcher gets a bounded number of updates, all chats together; the rest wait,
/// each chat's in order, and go in the order they came as room frees up.
#[tokio::test]
async fn the_dispatcher_holds_a_few_updates_at_a_time_and_the_rest_go_in_turn() {
    let (tx, mut rx) = tokio::sync::mpsc::channel(16);
    let lanes = super::Lanes::with_room(tx, crate::activity::Activity::default(), 2);
    let updates = [(1, 7), (2, 7), (3, 7), (4, 8), (5, 9)].map(|(id, chat)| message(id, chat));
    for u in &updates {
        lanes.dispatch(u.clone()).await;
    }
    assert_eq!(handed_out(&mut rx), [1, 2], "room for two");
    lanes.release(&updates[0]).await;
    assert_eq!(
        handed_out(&mut rx),
        [3],
        "chat 7's third came before the others"
    );
    lanes.release(&updates[1]).await;
    assert_eq!(handed_out(&mut rx), [4]);
    lanes.release(&updates[2]).await;
    assert_eq!(handed_out(&mut rx), [5]);
    lanes.release(&updates[3]).await;
    lanes.release(&updates[4]).await;
    assert!(handed_out(&mut rx).is_empty(), "nothing else waits");

    // With room to spare, one chat still has at most four in hand.
    let many: Vec<_> = (10..16).map(|id| message(id, 7)).collect();
    for u in &many {
        lanes.dispatch(u.clone()).await;
    }
    assert_eq!(handed_out(&mut rx), [10, 11], "room for two, all of chat 7");
    let (tx, mut rx) = tokio::sync::mpsc::channel(16);
    let roomy = super::Lanes::with_room(tx, crate::activity::Activity::default(), 100);
    for u in &many {
        roomy.dispatch(u.clone()).await;
    }
    assert_eq!(handed_out(&mut rx), [10, 11, 12, 13], "four per chat");
    roomy.release(&many[0]).await;
    assert_eq!(handed_out(&mut rx), [14]);
}
