use super::*;
use crate::domain::family::ChatType;
use crate::domain::reminders::Kind;
use crate::storage::NewChat;
use crate::storage::families::tests::temp_db;
use chrono::{Duration, TimeZone};

/// The definition of the next wake-up, read straight off every pending row.
async fn next_due_by_definition(db: &super::super::Db) -> Option<DateTime<Utc>> {
    let next: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(CASE WHEN lease_until > due_at THEN lease_until ELSE due_at END) \
         FROM reminders WHERE status = 'pending'",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    next.map(|s| super::super::time(s).unwrap())
}

fn job(family_id: i64, n: u32, due_at: DateTime<Utc>) -> NewReminder {
    NewReminder {
        key: format!("f{family_id}:test:{n}"),
        family_id,
        batch_id: None,
        chat_id: None,
        kind: Kind::Morning,
        place: None,
        due_at,
        urgent: false,
    }
}

#[tokio::test]
async fn next_due_follows_due_times_leases_and_retries() {
    let (_dir, db) = temp_db().await;
    let t0 = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let chat = NewChat {
        id: 7,
        kind: ChatType::Private,
        title: None,
    };
    let (family, _) = db.family_for_chat(chat, chrono_tz::UTC, t0).await.unwrap();
    assert_eq!(db.next_due().await.unwrap(), None);

    let at = |m: i64| t0 + Duration::minutes(m);
    db.add_reminder(&job(family.id, 1, at(10))).await.unwrap();
    db.add_reminder(&job(family.id, 2, at(20))).await.unwrap();
    assert_eq!(db.next_due().await.unwrap(), Some(at(10)));

    // Claimed until minute 12: not before the lease runs out.
    let claimed = db.claim_due(at(10), at(12), "me", 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(db.next_due().await.unwrap(), Some(at(12)));

    // A failed send retries at minute 30, after the other one.
    db.retry_reminder(claimed[0].id, at(30), "flaky")
        .await
        .unwrap();
    assert_eq!(db.next_due().await.unwrap(), Some(at(20)));

    let second = db.claim_due(at(20), at(22), "me", 10).await.unwrap();
    assert_eq!(second.len(), 1);
    db.finish_reminder(second[0].id, "sent", at(20))
        .await
        .unwrap();
    assert_eq!(db.next_due().await.unwrap(), Some(at(30)));

    db.finish_reminder(claimed[0].id, "sent", at(30))
        .await
        .unwrap();
    assert_eq!(db.next_due().await.unwrap(), None);
}

#[tokio::test]
async fn next_due_matches_its_definition_on_mixed_rows() {
    let (_dir, db) = temp_db().await;
    let t0 = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let chat = NewChat {
        id: 8,
        kind: ChatType::Private,
        title: None,
    };
    let (family, _) = db.family_for_chat(chat, chrono_tz::UTC, t0).await.unwrap();
    // A small deterministic mix of due times, leases (before and after the due
    // time) and statuses, checked after every change.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for n in 0..60u32 {
        let due = t0 + Duration::minutes((next() % 600) as i64);
        db.add_reminder(&job(family.id, n, due)).await.unwrap();
        let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM reminders")
            .fetch_one(db.pool())
            .await
            .unwrap();
        match next() % 4 {
            0 => {
                let lease = t0 + Duration::minutes((next() % 900) as i64);
                db.retry_reminder(id, lease, "test").await.unwrap();
            }
            1 if n % 3 == 0 => db.finish_reminder(id, "sent", t0).await.unwrap(),
            1 => db.pause_reminder(id).await.unwrap(),
            _ => {}
        }
        assert_eq!(
            db.next_due().await.unwrap(),
            next_due_by_definition(&db).await,
            "after row {n}"
        );
    }
}

#[tokio::test]
async fn next_due_reads_indexes_not_every_reminder() {
    let (_dir, db) = temp_db().await;
    use sqlx::Row;
    match db.backend() {
        super::super::Backend::Sqlite => {
            // EXPLAIN QUERY PLAN rows: id, parent, unused, detail.
            let plan: Vec<String> = sqlx::query(sqlx::AssertSqlSafe(format!(
                "EXPLAIN QUERY PLAN {}",
                next_due_sql(db.backend())
            )))
            .fetch_all(db.pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String, _>(3).unwrap())
            .collect();
            let touching: Vec<&String> = plan.iter().filter(|l| l.contains("reminders")).collect();
            assert!(
                touching.iter().any(|l| l.contains("reminders_due")),
                "{plan:?}"
            );
            assert!(
                touching.iter().any(|l| l.contains("reminders_leased")),
                "{plan:?}"
            );
            assert!(
                touching.iter().all(|l| l.contains("USING")),
                "no plain table scan: {plan:?}"
            );
        }
        super::super::Backend::Postgres => {
            // PostgreSQL's planner scans tiny tables whole, so give it a table worth
            // indexing: 20,000 reminders, almost all of them already sent.
            let t0 = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
            let chat = NewChat {
                id: 9,
                kind: ChatType::Private,
                title: None,
            };
            let (family, _) = db.family_for_chat(chat, chrono_tz::UTC, t0).await.unwrap();
            sqlx::query(
                "INSERT INTO reminders (key, family_id, kind, due_at, status, lease_until) \
                 SELECT 'bulk:' || n, $1, 'morning', $2 + n, \
                        CASE WHEN n % 500 = 0 THEN 'pending' ELSE 'sent' END, \
                        CASE WHEN n % 1000 = 0 THEN $2 + n + 60 END \
                 FROM generate_series(1, 20000) AS n",
            )
            .bind(family.id)
            .bind(t0.timestamp())
            .execute(db.pool())
            .await
            .unwrap();
            sqlx::query("ANALYZE reminders")
                .execute(db.pool())
                .await
                .unwrap();
            let plan: Vec<String> = sqlx::query(sqlx::AssertSqlSafe(format!(
                "EXPLAIN {}",
                next_due_sql(db.backend())
            )))
            .fetch_all(db.pool())
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String, _>(0).unwrap())
            .collect();
            let text = plan.join("\n");
            assert!(text.contains("reminders_due"), "{text}");
            assert!(text.contains("reminders_leased"), "{text}");
            assert!(!text.contains("Seq Scan on reminders"), "{text}");
        }
    }
}
