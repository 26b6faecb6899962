use super::*;
use crate::domain::family::ChatType;
use crate::storage::NewChat;
use crate::storage::families::tests::temp_db;
use crate::storage::testing::{TestDb, fridge_batch};
use chrono::TimeZone;

async fn family_with_batch() -> (TestDb, Db, i64, BatchRow) {
    let (guard, db) = temp_db().await;
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let (family, _) = db
        .family_for_chat(
            NewChat {
                id: 7,
                kind: ChatType::Private,
                title: None,
            },
            chrono_tz::UTC,
            now,
        )
        .await
        .unwrap();
    let written = db
        .insert_batch(new_batch(family.id, None, None), now, |_| Vec::new())
        .await
        .unwrap();
    let Written::Done(row) = written else {
        panic!("first insert: {written:?}");
    };
    (guard, db, family.id, row)
}

fn actor() -> &'static Actor {
    static ACTOR: std::sync::OnceLock<Actor> = std::sync::OnceLock::new();
    ACTOR.get_or_init(|| Actor {
        id: 7,
        name: "Ana".into(),
    })
}

fn new_batch(
    family_id: i64,
    origin: Option<Origin>,
    update_id: Option<i64>,
) -> NewBatchRow<'static> {
    let at = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).unwrap();
    fridge_batch(family_id, at, actor(), origin, update_id)
}

/// Two people tap a button on the same version at once: one change wins, the others
/// are told it is stale.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_changes_of_one_version_let_exactly_one_win() {
    let (_guard, db, family_id, row) = family_with_batch().await;
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).unwrap();
    let tries = (0..6_i64).map(|i| {
        let db = db.clone();
        let before = row.state;
        tokio::spawn(async move {
            let after = BatchState {
                amount: Ml(100 - u32::try_from(i).unwrap()),
                ..before
            };
            let event = NewEvent {
                kind: EventKind::Used,
                actor: actor(),
                place_from: None,
                place_to: None,
                amount: Some(Ml(20)),
                reason: None,
                before: Some(before),
                undoes: None,
            };
            db.change_batch(
                family_id,
                row.id,
                row.version,
                &after,
                &event,
                Some(100 + i),
                now,
                |_| Vec::new(),
            )
            .await
            .unwrap()
        })
    });
    let results = futures::future::join_all(tries).await;
    let done: Vec<_> = results
        .iter()
        .filter_map(|r| match r.as_ref().unwrap() {
            Written::Done(row) => Some(row.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(done.len(), 1, "{results:?}");
    let stale = results
        .iter()
        .filter(|r| matches!(r.as_ref().unwrap(), Written::Stale(Some(_))))
        .count();
    assert_eq!(stale, 5, "{results:?}");
    let stored = db.batch(family_id, row.id).await.unwrap().unwrap();
    assert_eq!(stored, done[0]);
    assert_eq!(stored.version, row.version + 1);
    assert_eq!(db.events(family_id).await.unwrap().len(), 2);
}

/// The same message delivered several times at once logs one batch; every other
/// delivery gets that batch back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_deliveries_of_one_message_log_once() {
    let (_guard, db, family_id, _) = family_with_batch().await;
    let origin = Origin {
        chat_id: 7,
        message_id: 55,
    };
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).unwrap();
    let tries = (0..6_i64).map(|i| {
        let db = db.clone();
        tokio::spawn(async move {
            let new = new_batch(family_id, Some(origin), Some(200 + i));
            db.insert_batch(new, now, |_| Vec::new()).await.unwrap()
        })
    });
    let results: Vec<Written> = futures::future::join_all(tries)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    let done: Vec<&BatchRow> = results
        .iter()
        .filter_map(|w| match w {
            Written::Done(row) => Some(row),
            _ => None,
        })
        .collect();
    assert_eq!(done.len(), 1, "{results:?}");
    for w in &results {
        assert!(
            matches!(w, Written::Done(_)) || *w == Written::Duplicate(Some(done[0].clone())),
            "{w:?}"
        );
    }
    // The batch logged without an origin, and the one from the message.
    assert_eq!(
        db.batches(family_id, StashFilter::All).await.unwrap().len(),
        2
    );
}
