use super::*;
use crate::domain::family::ChatType;
use crate::domain::reminders::Kind;
use crate::storage::testing::TestDb;
use chrono::TimeZone;

/// A fresh database for one test (SQLite, or PostgreSQL when `MILKBOT_TEST_POSTGRES`
/// is set: see `storage::testing`). Keep the first value alive while using the `Db`.
pub(crate) async fn temp_db() -> (TestDb, Db) {
    let test_db = TestDb::create().await.unwrap();
    let db = Db::open(test_db.url()).await.unwrap();
    (test_db, db)
}

#[tokio::test]
async fn first_contact_creates_a_family_once() {
    let (_dir, db) = temp_db().await;
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let chat = NewChat {
        id: 42,
        kind: ChatType::Private,
        title: None,
    };
    let (f1, c1) = db
        .family_for_chat(chat.clone(), chrono_tz::Europe::Paris, now)
        .await
        .unwrap();
    let (f2, _) = db.family_for_chat(chat, chrono_tz::UTC, now).await.unwrap();
    assert_eq!(f1.id, f2.id);
    assert_eq!(c1.family_id, f1.id);
    assert_eq!(f1.settings.tz, chrono_tz::Europe::Paris);
    assert_eq!(f1.settings, Settings::new(chrono_tz::Europe::Paris));
}

#[tokio::test]
async fn a_chats_language_is_unknown_until_set_and_then_kept() {
    let (_dir, db) = temp_db().await;
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let chat = NewChat {
        id: 42,
        kind: ChatType::Private,
        title: None,
    };
    let (family, first) = db
        .family_for_chat(chat.clone(), chrono_tz::UTC, now)
        .await
        .unwrap();
    assert_eq!((first.lang, first.lang()), (None, Lang::En));
    db.set_chat_lang(42, Lang::Ru).await.unwrap();
    let (_, again) = db.family_for_chat(chat, chrono_tz::UTC, now).await.unwrap();
    assert_eq!(again.lang, Some(Lang::Ru));
    db.set_chat_lang(42, Lang::Es).await.unwrap();
    assert_eq!(db.chat(42).await.unwrap().unwrap().lang, Some(Lang::Es));
    let chats = db.family_chats(family.id).await.unwrap();
    assert_eq!(
        chats.iter().map(|c| c.lang).collect::<Vec<_>>(),
        [Some(Lang::Es)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_first_contacts_make_one_family() {
    let (_dir, db) = temp_db().await;
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    for chat_id in 1..=5_i64 {
        let tries = (0..6).map(|_| {
            let db = db.clone();
            tokio::spawn(async move {
                let chat = NewChat {
                    id: chat_id,
                    kind: ChatType::Private,
                    title: None,
                };
                db.family_for_chat(chat, chrono_tz::UTC, now).await
            })
        });
        let mut families = Vec::new();
        for joined in futures::future::join_all(tries).await {
            let (family, chat) = joined.unwrap().unwrap();
            assert_eq!(chat.family_id, family.id);
            families.push(family.id);
        }
        families.dedup();
        assert_eq!(families.len(), 1, "chat {chat_id}: {families:?}");
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM families")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(count, 5, "one family per chat, none left over");
}

#[tokio::test]
async fn settings_round_trip() {
    let (_dir, db) = temp_db().await;
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let (family, _) = db
        .family_for_chat(
            NewChat {
                id: -100,
                kind: ChatType::Group,
                title: Some("Family"),
            },
            chrono_tz::UTC,
            now,
        )
        .await
        .unwrap();
    let mut s = family.settings.clone();
    s.unit = Unit::Oz;
    s.tz = chrono_tz::America::New_York;
    s.tz_chosen = true;
    s.profile = Profile::Nhs;
    s.cold_fridge = Some(true);
    s.quiet = QuietHours::new(22 * 60, 7 * 60);
    s.leads.fridge = 12 * 60;
    s.morning_digest = true;
    s.low_stash_days = Some(3);
    s.access = Access::AdminsOnly;
    db.save_settings(family.id, &s, &[], &[]).await.unwrap();
    assert_eq!(db.family(family.id).await.unwrap().settings, s);
}

/// New settings, the summaries they schedule and the reminders they move are one write:
/// when any part fails, nothing changed.
#[tokio::test]
async fn settings_and_the_reminders_they_move_are_written_together_or_not_at_all() {
    let (_dir, db) = temp_db().await;
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let chat = NewChat {
        id: 42,
        kind: ChatType::Private,
        title: None,
    };
    let (family, _) = db.family_for_chat(chat, chrono_tz::UTC, now).await.unwrap();
    let job = |key: &str, batch_id: Option<i64>| NewReminder {
        key: key.into(),
        family_id: family.id,
        batch_id,
        chat_id: None,
        kind: Kind::Morning,
        place: None,
        due_at: now,
        urgent: false,
    };
    let pending = || async {
        db.pending_reminders(family.id)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.key)
            .collect::<Vec<_>>()
    };
    let old = family.settings.clone();
    db.save_settings(
        family.id,
        &old,
        &[(Kind::Morning, Some(job("m1", None)))],
        &[],
    )
    .await
    .unwrap();
    assert_eq!(pending().await, ["m1"]);

    let mut new = old.clone();
    new.profile = Profile::Nhs;
    // The last part fails (a plan for a batch that does not exist breaks its foreign
    // key) after the settings and the new summary were written.
    let broken = [(999_999, vec![job("b", Some(999_999))])];
    let jobs = [(Kind::Morning, Some(job("m2", None)))];
    assert!(
        db.save_settings(family.id, &new, &jobs, &broken)
            .await
            .is_err()
    );
    assert_eq!(db.family(family.id).await.unwrap().settings, old);
    assert_eq!(pending().await, ["m1"]);

    db.save_settings(family.id, &new, &jobs, &[]).await.unwrap();
    assert_eq!(db.family(family.id).await.unwrap().settings, new);
    assert_eq!(pending().await, ["m2"]);
}
