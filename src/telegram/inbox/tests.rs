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
