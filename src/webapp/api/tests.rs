//! The board's API, request by request, against a real test database: signed, forged,
//! replayed, expired, and across families.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::Request;
use chrono::{Duration, TimeZone};
use tower::ServiceExt;

use super::*;
use crate::app::notify::Undelivered;
use crate::clock::Clock;
use crate::domain::batch::{NewBatch, Sides};
use crate::domain::family::ChatType;
use crate::storage::testing::TestDb;
use crate::storage::{Db, NewChat};
use crate::webapp::{Board, Groups, router};

const TOKEN: &str = "123456:board-test-token";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

/// Words a notice as the chat's headline and keeps every send.
#[derive(Default)]
struct Recorder {
    sent: Mutex<Vec<(i64, String)>>,
}

impl Notifier for Recorder {
    type Message = String;

    async fn word(
        &self,
        notice: &Notice<'_>,
        _: &Settings,
        _: crate::domain::Lang,
        _: DateTime<Utc>,
    ) -> String {
        match notice {
            Notice::BoardActed {
                who,
                acted: Acted::Done { after, .. },
            } => format!("{who} changed batch {}", after.id),
            _ => "other".into(),
        }
    }

    async fn send(&self, chat: i64, message: &String) -> Result<Option<i64>, Undelivered> {
        self.sent.lock().unwrap().push((chat, message.clone()));
        Ok(Some(1))
    }
}

struct Setup {
    _test_db: TestDb,
    db: Db,
    recorder: Arc<Recorder>,
    roster: Arc<Roster>,
    app: Router,
    /// Ann's family (private chat 10) and its batches: 90 ml in the fridge, 120 ml frozen.
    ann_fridge: BatchRow,
    ann_frozen: BatchRow,
    /// Bob's family (private chat 20): one batch.
    bob_batch: BatchRow,
}

async fn family_with(db: &Db, user: i64, name: &str) -> FamilyRow {
    let chat = NewChat {
        id: user,
        kind: ChatType::Private,
        title: None,
    };
    let actor = Actor::new(user, name);
    db.family_for_member(chat, &actor, Some(user), chrono_tz::UTC, now())
        .await
        .unwrap()
        .0
}

async fn logged(db: &Db, family: &FamilyRow, user: i64, ml: u32, place: Place) -> BatchRow {
    let new = NewBatch {
        amount: Ml(ml),
        place,
        expressed_at: now() - Duration::hours(1),
        sides: Sides::default(),
    };
    let actor = Actor::new(user, "x");
    match app::log_batch(db, family, &actor, new, None, None, now())
        .await
        .unwrap()
    {
        app::Logged::New(row) => row,
        other => panic!("not logged: {other:?}"),
    }
}

/// Who is in which group, as a test says (everyone is, unless told otherwise); `None`
/// stands for Telegram not answering.
#[derive(Default)]
struct Roster(Mutex<std::collections::HashMap<(i64, i64), Option<bool>>>);

impl Roster {
    fn set(&self, group: i64, user: i64, present: Option<bool>) {
        self.0.lock().unwrap().insert((group, user), present);
    }
}

impl Groups for Roster {
    fn is_member(&self, group: i64, user: i64) -> futures::future::BoxFuture<'_, Option<bool>> {
        let present = self.0.lock().unwrap().get(&(group, user)).copied();
        Box::pin(async move { present.unwrap_or(Some(true)) })
    }
}

async fn setup() -> Setup {
    let test_db = TestDb::create().await.unwrap();
    let db = Db::open(test_db.url()).await.unwrap();
    let ann = family_with(&db, 10, "Ann").await;
    let bob = family_with(&db, 20, "Bob").await;
    let ann_fridge = logged(&db, &ann, 10, 90, Place::Fridge).await;
    let ann_frozen = logged(&db, &ann, 10, 120, Place::Freezer).await;
    let bob_batch = logged(&db, &bob, 20, 60, Place::Fridge).await;
    let recorder = Arc::new(Recorder::default());
    let roster = Arc::new(Roster::default());
    let app = router(Board {
        db: db.clone(),
        clock: Clock::manual(now()),
        token: TOKEN.into(),
        notifier: recorder.clone(),
        groups: roster.clone(),
    });
    Setup {
        _test_db: test_db,
        db,
        recorder,
        roster,
        app,
        ann_fridge,
        ann_frozen,
        bob_batch,
    }
}

fn init_for(user: i64, name: &str, at: DateTime<Utc>, start: Option<&str>) -> String {
    let user_json = format!(r#"{{"id":{user},"first_name":"{name}"}}"#);
    let date = at.timestamp().to_string();
    let mut fields = vec![
        ("query_id", "AAHdF6IQ"),
        ("user", user_json.as_str()),
        ("auth_date", date.as_str()),
    ];
    if let Some(start) = start {
        fields.push(("start_param", start));
    }
    initdata::sign(&fields, TOKEN)
}

fn ann() -> String {
    init_for(10, "Ann", now(), None)
}

async fn call(
    app: &Router,
    method: &str,
    path: &str,
    init: Option<&str>,
    body: Option<serde_json::Value>,
) -> (StatusCode, serde_json::Value) {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(init) = init {
        request = request.header("authorization", format!("tma {init}"));
    }
    let body = match body {
        Some(json) => {
            request = request.header("content-type", "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    let response = app
        .clone()
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    (status, json)
}

fn ids_on(board: &serde_json::Value) -> Vec<i64> {
    let board: BoardJson = serde_json::from_value(board.clone()).unwrap();
    board
        .shelves
        .iter()
        .flat_map(|s| s.cards.iter().map(|c| c.id))
        .collect()
}

#[tokio::test]
async fn the_board_shows_the_callers_family_by_shelf() {
    let s = setup().await;
    let (status, json) = call(&s.app, "GET", "/api/board", Some(&ann()), None).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let board: BoardJson = serde_json::from_value(json).unwrap();
    assert_eq!(board.summary, "210 ml in 2 batches");
    let places: Vec<&str> = board.shelves.iter().map(|s| s.place.as_str()).collect();
    assert_eq!(places, ["fridge", "freezer"]);
    let fridge = &board.shelves[0];
    assert_eq!(fridge.total, "90 ml");
    assert_eq!(fridge.cards[0].id, s.ann_fridge.id);
    assert_eq!(fridge.cards[0].by, "logged by Ann");
    assert_eq!(fridge.cards[0].band, "fine");
    // The fridge milk has the earliest deadline: use it next.
    assert_eq!(board.use_next, Some(s.ann_fridge.id));
    assert!(fridge.cards[0].use_next);
    assert!(!board.shelves[1].cards[0].use_next);
    assert!(!ids_on(&serde_json::to_value(&board).unwrap()).contains(&s.bob_batch.id));
}

#[tokio::test]
async fn no_family_data_without_a_valid_signature() {
    let s = setup().await;
    // No header, a header of another scheme, a forged hash, another bot's signature.
    let forged = ann().replace("Ann", "Eve");
    let other_bot = initdata::sign(
        &[
            ("user", r#"{"id":10,"first_name":"Ann"}"#),
            ("auth_date", &now().timestamp().to_string()),
        ],
        "999:another-bot",
    );
    for init in [
        None,
        Some("garbage"),
        Some(forged.as_str()),
        Some(&other_bot),
    ] {
        let (status, json) = call(&s.app, "GET", "/api/board", init, None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{init:?}");
        assert_eq!(json["error"], m::board_unsigned(Lang::En));
        assert!(json.get("shelves").is_none());
    }
    let request = Request::builder()
        .uri("/api/board")
        .header("authorization", format!("Bearer {}", ann()))
        .body(Body::empty())
        .unwrap();
    let response = s.app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_replayed_hash_with_changed_data_is_refused_and_changes_nothing() {
    let s = setup().await;
    // Ann's real signature, reused with Bob's user id: to read Bob's family, or to act.
    let replayed = ann().replace("%3A10%2C", "%3A20%2C");
    assert_ne!(replayed, ann());
    let (status, _) = call(&s.app, "GET", "/api/board", Some(&replayed), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let path = format!("/api/batch/{}", s.bob_batch.id);
    let body = serde_json::json!({"version": s.bob_batch.version, "act": "use"});
    let (status, _) = call(&s.app, "POST", &path, Some(&replayed), Some(body)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let bob = s.db.batch(s.bob_batch.family_id, s.bob_batch.id).await;
    assert_eq!(bob.unwrap().unwrap(), s.bob_batch);
    assert!(s.recorder.sent.lock().unwrap().is_empty());
}

#[tokio::test]
async fn an_expired_signature_is_refused() {
    let s = setup().await;
    let old = init_for(10, "Ann", now() - Duration::hours(25), None);
    let (status, json) = call(&s.app, "GET", "/api/board", Some(&old), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(json["error"], m::board_unsigned(Lang::En));
    let recent = init_for(10, "Ann", now() - Duration::hours(23), None);
    let (status, _) = call(&s.app, "GET", "/api/board", Some(&recent), None).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn someone_in_no_family_is_forbidden() {
    let s = setup().await;
    let stranger = init_for(99, "Zed", now(), None);
    let (status, json) = call(&s.app, "GET", "/api/board", Some(&stranger), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(json["error"], m::board_no_family(Lang::En));
    // A link naming a group they are not a member of does not let them in either, nor
    // does it let Ann into Bob's family through his private chat id.
    for start in ["g20", "g-100500", "gx"] {
        let init = init_for(99, "Zed", now(), Some(start));
        let (status, _) = call(&s.app, "GET", "/api/board", Some(&init), None).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{start}");
    }
    let ann_into_bob = init_for(10, "Ann", now(), Some("g20"));
    let (status, _) = call(&s.app, "GET", "/api/board", Some(&ann_into_bob), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_group_link_opens_the_groups_family_for_its_members() {
    let s = setup().await;
    let group = NewChat {
        id: -100_777,
        kind: ChatType::Supergroup,
        title: Some("Milk"),
    };
    let carol = Actor::new(30, "Carol");
    let (family, _) =
        s.db.family_for_member(group, &carol, None, chrono_tz::UTC, now())
            .await
            .unwrap();
    let batch = logged(&s.db, &family, 30, 150, Place::Freezer).await;
    let init = init_for(
        30,
        "Carol",
        now(),
        Some(&crate::telegram::board::group_param(-100_777)),
    );
    let (status, json) = call(&s.app, "GET", "/api/board", Some(&init), None).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(ids_on(&json), [batch.id]);

    // Carol leaves the group: the same signed link no longer shows its stash, nor
    // lets her act on it.
    s.roster.set(-100_777, 30, Some(false));
    let (status, json) = call(&s.app, "GET", "/api/board", Some(&init), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        json.to_string().contains("no longer in this group"),
        "{json}"
    );
    let path = format!("/api/batch/{}", batch.id);
    let (status, _) = call(&s.app, "GET", &path, Some(&init), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // When Telegram cannot say who is in the group, nothing is shown.
    s.roster.set(-100_777, 30, None);
    let (status, json) = call(&s.app, "GET", "/api/board", Some(&init), None).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(json.get("shelves").is_none(), "{json}");
}

#[tokio::test]
async fn a_batch_opens_with_its_history_and_actions() {
    let s = setup().await;
    let path = format!("/api/batch/{}", s.ann_frozen.id);
    let (status, json) = call(&s.app, "GET", &path, Some(&ann()), None).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let detail: Detail = serde_json::from_value(json).unwrap();
    assert_eq!(detail.place, "freezer");
    assert!(detail.stored);
    assert_eq!(detail.history.len(), 1);
    assert!(
        detail.history[0].contains("logged 120 ml in the freezer"),
        "{:?}",
        detail.history
    );
    let moves: Vec<_> = detail
        .actions
        .iter()
        .filter(|a| a.act == "move")
        .filter_map(|a| a.to.as_deref())
        .collect();
    assert_eq!(moves, ["thawing", "thawed_room"]);
    assert!(
        detail
            .actions
            .iter()
            .any(|a| a.act == "use" && a.ml.is_none())
    );
    assert!(
        detail
            .actions
            .iter()
            .any(|a| a.act == "use" && a.ml == Some(60))
    );
    assert!(detail.actions.iter().any(|a| a.act == "discard"));
    assert!(detail.actions.iter().any(|a| a.act == "undo"));
}

#[tokio::test]
async fn another_familys_batch_is_not_found_and_unchanged() {
    let s = setup().await;
    let path = format!("/api/batch/{}", s.bob_batch.id);
    let (status, json) = call(&s.app, "GET", &path, Some(&ann()), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json["error"], m::board_not_found(Lang::En));
    for act in [
        serde_json::json!({"version": s.bob_batch.version, "act": "use"}),
        serde_json::json!({"version": s.bob_batch.version, "act": "move", "to": "freezer"}),
        serde_json::json!({"version": s.bob_batch.version, "act": "discard", "reason": "spilled"}),
        serde_json::json!({"version": s.bob_batch.version, "act": "undo"}),
    ] {
        let (status, _) = call(&s.app, "POST", &path, Some(&ann()), Some(act)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let bob = s.db.batch(s.bob_batch.family_id, s.bob_batch.id).await;
    assert_eq!(bob.unwrap().unwrap(), s.bob_batch);
    assert!(
        s.db.batch_events(s.bob_batch.family_id, s.bob_batch.id)
            .await
            .unwrap()
            .len()
            == 1
    );
    assert!(s.recorder.sent.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_move_goes_through_the_use_case_and_the_chat_is_told() {
    let s = setup().await;
    let path = format!("/api/batch/{}", s.ann_fridge.id);
    let body = serde_json::json!({
        "version": s.ann_fridge.version, "act": "move", "to": "freezer"
    });
    let (status, json) = call(&s.app, "POST", &path, Some(&ann()), Some(body.clone())).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["done"], true);
    let board: BoardJson = serde_json::from_value(json["board"].clone()).unwrap();
    assert_eq!(board.shelves.len(), 1);
    assert_eq!(board.shelves[0].place, "freezer");
    let row = s.db.batch(s.ann_fridge.family_id, s.ann_fridge.id).await;
    assert_eq!(row.unwrap().unwrap().state.place, Place::Freezer);
    let events =
        s.db.batch_events(s.ann_fridge.family_id, s.ann_fridge.id)
            .await;
    let last = events.unwrap().pop().unwrap();
    assert_eq!((last.actor_id, last.actor_name.as_str()), (10, "Ann"));
    assert_eq!(
        *s.recorder.sent.lock().unwrap(),
        [(10, format!("Ann changed batch {}", s.ann_fridge.id))]
    );
    // The same request again (a double tap) is stale: nothing changes, nothing is said.
    let (status, json) = call(&s.app, "POST", &path, Some(&ann()), Some(body)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(json["message"], m::batch_changed(crate::domain::Lang::En));
    assert_eq!(s.recorder.sent.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn using_part_then_undo() {
    let s = setup().await;
    let path = format!("/api/batch/{}", s.ann_frozen.id);
    let thaw =
        serde_json::json!({"version": s.ann_frozen.version, "act": "move", "to": "thawed_room"});
    let (status, _) = call(&s.app, "POST", &path, Some(&ann()), Some(thaw)).await;
    assert_eq!(status, StatusCode::OK);
    let row =
        s.db.batch(s.ann_frozen.family_id, s.ann_frozen.id)
            .await
            .unwrap()
            .unwrap();
    let part = serde_json::json!({"version": row.version, "act": "use", "ml": 50});
    let (status, json) = call(&s.app, "POST", &path, Some(&ann()), Some(part)).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let row = s.db.batch(row.family_id, row.id).await.unwrap().unwrap();
    assert_eq!(row.state.amount, Ml(70));
    let undo = serde_json::json!({"version": row.version, "act": "undo"});
    let (status, _) = call(&s.app, "POST", &path, Some(&ann()), Some(undo)).await;
    assert_eq!(status, StatusCode::OK);
    let row = s.db.batch(row.family_id, row.id).await.unwrap().unwrap();
    assert_eq!(row.state.amount, Ml(120));
    assert_eq!(s.recorder.sent.lock().unwrap().len(), 3);
}

#[tokio::test]
async fn a_refused_or_unreadable_action_changes_nothing() {
    let s = setup().await;
    let path = format!("/api/batch/{}", s.ann_fridge.id);
    // Fridge milk cannot start thawing: the domain refuses, with its reason.
    let thaw = serde_json::json!({"version": s.ann_fridge.version, "act": "move", "to": "thawing"});
    let (status, json) = call(&s.app, "POST", &path, Some(&ann()), Some(thaw)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{json}");
    assert_eq!(json["done"], false);
    assert!(!json["message"].as_str().unwrap().is_empty());
    for bad in [
        serde_json::json!({"version": 1, "act": "explode"}),
        serde_json::json!({"version": 1, "act": "move", "to": "moon"}),
        serde_json::json!({"act": "use"}),
        serde_json::json!({"version": s.ann_fridge.version, "act": "use", "ml": 0}),
    ] {
        let (status, json) = call(&s.app, "POST", &path, Some(&ann()), Some(bad)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(json["error"], m::board_bad_request(Lang::En));
    }
    let row = s.db.batch(s.ann_fridge.family_id, s.ann_fridge.id).await;
    assert_eq!(row.unwrap().unwrap(), s.ann_fridge);
    assert!(s.recorder.sent.lock().unwrap().is_empty());
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    let s = setup().await;
    for (path, kind) in [
        ("/", "text/html"),
        ("/board.js", "text/javascript"),
        ("/board.css", "text/css"),
    ] {
        let request = Request::builder().uri(path).body(Body::empty()).unwrap();
        let response = s.app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let headers = response.headers();
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
        assert!(
            headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .contains("default-src 'none'")
        );
    }
}

#[tokio::test]
async fn the_board_speaks_the_language_of_the_callers_telegram() {
    let s = setup().await;
    let user = r#"{"id":10,"first_name":"Ann","language_code":"es"}"#;
    let date = now().timestamp().to_string();
    let init = initdata::sign(&[("user", user), ("auth_date", &date)], TOKEN);
    let (status, json) = call(&s.app, "GET", "/api/board", Some(&init), None).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["summary"], "210 ml en 2 porciones");
    assert_eq!(json["shelves"][0]["cards"][0]["by"], "registrado por Ann");
    // The page's own labels come with it, placeholders left for the page.
    assert_eq!(json["words"]["move"], "Mover");
    assert_eq!(json["words"]["done"], "Hecho: {action}");
    assert_eq!(json["words"]["use_next_button"], "Usa primero: {amount}");
}

#[tokio::test]
async fn a_huge_body_is_refused_before_it_is_read() {
    let s = setup().await;
    let path = format!("/api/batch/{}", s.ann_fridge.id);
    let huge = serde_json::json!({"version": 1, "act": "x".repeat(crate::webapp::MAX_BODY)});
    let (status, _) = call(&s.app, "POST", &path, Some(&ann()), Some(huge)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let row = s.db.batch(s.ann_fridge.family_id, s.ann_fridge.id).await;
    assert_eq!(row.unwrap().unwrap(), s.ann_fridge);
}
