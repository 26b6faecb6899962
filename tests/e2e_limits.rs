//! Limits that keep one person (or a runaway client) from flooding the bot or growing the
//! database without bound.

mod support;

use milkbot::actions::{self, Logged, MAX_STORED};
use milkbot::domain::batch::{NewBatch, Sides};
use milkbot::domain::{Ml, Place};
use milkbot::storage::{Actor, NewChat};
use support::TestBot;

#[tokio::test]
async fn a_flood_from_one_person_gets_a_polite_note_and_others_are_unaffected() {
    let mut bot = TestBot::start_with(|c| c.user_actions_per_minute = 5).await;
    let mut ana = bot.private(8001, "Ana");
    for i in 0..8 {
        ana.send(&format!("{} fridge", 50 + i));
    }
    let mut notes = 0;
    let mut logged = 0;
    for _ in 0..6 {
        let m = ana.next_message().await;
        if m.text().contains("That's a lot at once") {
            notes += 1;
        } else if m.text().contains("Logged") {
            logged += 1;
        }
    }
    assert_eq!(
        (logged, notes),
        (5, 1),
        "five go through, one note for the rest"
    );
    // Someone else is not slowed down.
    let mut bo = bot.private(8002, "Bo");
    assert!(bo.say("90 fridge").await.text().contains("Logged 90 ml"));
    let stash = bo.say("/stash").await;
    assert!(
        stash.text().contains("90 ml in 1 batch"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_family_cannot_store_more_than_the_limit() {
    let bot = TestBot::start().await;
    let db = bot.db().await;
    let now = support::start_time();
    let (family, _) = db
        .family_for_chat(
            NewChat {
                id: 8100,
                kind: "private",
                title: None,
            },
            chrono_tz::UTC,
            now,
        )
        .await
        .unwrap();
    let actor = Actor {
        id: 8100,
        name: "Cy".into(),
    };
    let new = NewBatch {
        amount: Ml(30),
        place: Place::Freezer,
        expressed_at: now,
        sides: Sides::default(),
    };
    for _ in 0..MAX_STORED {
        let r = actions::log_batch(&db, &family, &actor, new, None, None, now)
            .await
            .unwrap();
        assert!(matches!(r, Logged::New(_)));
    }
    let r = actions::log_batch(&db, &family, &actor, new, None, None, now)
        .await
        .unwrap();
    assert_eq!(r, Logged::Full { stored: true });
    assert_eq!(
        db.batch_counts(family.id).await.unwrap(),
        (MAX_STORED, MAX_STORED)
    );
}
