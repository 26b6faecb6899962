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

fn message(update_id: i64, chat: i64) -> teloxide::types::Update {
    serde_json::from_value(serde_json::json!({
        "update_id": update_id,
        "message": {
            "message_id": update_id, "date": 0, "text": "90 fridge",
            "chat": {"id": chat, "type": "private", "first_name": "A"},
            "from": {"id": chat, "is_bot": false, "first_name": "A"}
        }
    }))
    .unwrap()
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
