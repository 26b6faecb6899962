//! Limits that keep one person (or a runaway client) from flooding the bot or growing the
//! database without bound.

use crate::support;
use milkbot::domain::family::ChatType;

use milkbot::app::{self, Logged, MAX_STORED};
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
                kind: ChatType::Private,
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
        let r = app::log_batch(&db, &family, &actor, new, None, None, now)
            .await
            .unwrap();
        assert!(matches!(r, Logged::New(_)));
    }
    let r = app::log_batch(&db, &family, &actor, new, None, None, now)
        .await
        .unwrap();
    assert_eq!(r, Logged::Full { stored: true });
    assert_eq!(
        db.batch_counts(family.id).await.unwrap(),
        (MAX_STORED, MAX_STORED)
    );
}

/// One private chat sends `flood` logs within 3 s while `others` people each log three
/// times, a second and a half apart (during the flood and after it). Returns the others'
/// reply times (from their message reaching the fake Bot API to the reply arriving
/// there), sorted.
async fn flood_while_others_talk(
    bot: &support::TestBot,
    flood: usize,
    others: i64,
) -> Vec<std::time::Duration> {
    use std::time::{Duration, Instant};
    let flooder = bot.private(8500, "Flo");
    let talkers: Vec<_> = (0..others)
        .map(|i| bot.private(8600 + i, "Other"))
        .collect();
    let mut asked: Vec<(i64, String, Instant)> = Vec::new();
    let start = Instant::now();
    let mut sent = 0;
    for round in 0..3 {
        for (i, talker) in talkers.iter().enumerate() {
            // Each person's amounts differ, so each reply names its message.
            let ml = 100 + 10 * i as i64 + round;
            talker.send(&format!("{ml} fridge"));
            asked.push((talker.id(), format!("Logged {ml} ml"), Instant::now()));
            // The flood goes on in between, evenly over the first two rounds (3 s).
            let due = (flood * asked.len() / (2 * talkers.len())).min(flood);
            while sent < due {
                flooder.send(&format!("{} fridge", 30 + sent % 50));
                sent += 1;
            }
            // Paces the talk on purpose: the others speak over 3 s while the flood runs.
            tokio::time::sleep(Duration::from_millis(1_500 / others as u64)).await;
        }
    }
    while sent < flood {
        flooder.send("30 fridge");
        sent += 1;
    }
    println!(
        "{flood} flood messages and {} others' sent in {:?}",
        asked.len(),
        start.elapsed()
    );
    // Every other person's log is answered.
    bot.api
        .wait_until(Duration::from_secs(20), |calls| {
            asked.iter().all(|(chat, text, _)| {
                calls.iter().any(|c| {
                    c.method == "sendmessage"
                        && c.chat_id() == Some(*chat)
                        && c.text().contains(text)
                })
            })
        })
        .await;
    let calls = bot.api.calls();
    let mut waits: Vec<Duration> = asked
        .iter()
        .map(|(chat, text, at)| {
            let reply = calls
                .iter()
                .find(|c| {
                    c.method == "sendmessage"
                        && c.chat_id() == Some(*chat)
                        && c.text().contains(text)
                })
                .expect("answered");
            reply.at.saturating_duration_since(*at)
        })
        .collect();
    waits.sort();
    waits
}

fn percentile(sorted: &[std::time::Duration], p: usize) -> std::time::Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_chat_flooding_never_holds_up_the_others() {
    let _heavy = support::heavy().await;
    // Telegram's real send limits (one message a second per chat, 20 a minute), and a
    // per-person limit high enough that the whole flood is taken in: what is tested is
    // that the flooder's held-back replies do not hold up anyone else.
    let bot = TestBot::start_with(|c| {
        c.limits = milkbot::config::SendLimits::default();
        c.user_actions_per_minute = 1_000;
    })
    .await;
    let waits = flood_while_others_talk(&bot, 300, 20).await;
    let (p50, p99, max) = (
        percentile(&waits, 50),
        percentile(&waits, 99),
        waits[waits.len() - 1],
    );
    println!(
        "flood of 300 from one chat (all taken in), {} replies to 20 others: p50 {p50:?}, p99 {p99:?}, max {max:?}",
        waits.len()
    );
    assert!(
        max <= std::time::Duration::from_secs(2),
        "others waited up to {max:?}"
    );
    // Not stopped gracefully: the flooder's replies would take many minutes.
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooder_is_told_once_and_the_excess_is_dropped_at_intake() {
    let _heavy = support::heavy().await;
    let bot = TestBot::start_with(|c| {
        c.limits = milkbot::config::SendLimits::default();
        c.user_actions_per_minute = 5;
    })
    .await;
    let waits = flood_while_others_talk(&bot, 300, 20).await;
    let (p99, max) = (percentile(&waits, 99), waits[waits.len() - 1]);
    println!(
        "flood of 300 from one chat (limit 5 a minute), {} replies to 20 others: p99 {p99:?}, max {max:?}",
        waits.len()
    );
    assert!(
        max <= std::time::Duration::from_secs(2),
        "others waited up to {max:?}"
    );
    // Five logs, then the note (the sixth reply, at one a second).
    let flooder = |calls: &[support::fake_api::Call]| -> Vec<String> {
        calls
            .iter()
            .filter(|c| c.method == "sendmessage" && c.chat_id() == Some(8500))
            .map(|c| c.text().to_owned())
            .collect()
    };
    bot.api
        .wait_until(std::time::Duration::from_secs(15), |calls| {
            flooder(calls).len() >= 6
        })
        .await;
    // Anything more would come from the excess, which was dropped, not stored: once
    // the inbox is empty nothing of the flood is left to answer.
    let db = bot.db().await;
    let start = std::time::Instant::now();
    while db.inbox_len().await.unwrap() > 0 {
        assert!(start.elapsed() < support::WAIT, "the excess was kept");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let replies = flooder(&bot.api.calls());
    let notes = replies
        .iter()
        .filter(|t| t.contains("That's a lot at once"))
        .count();
    let logged = replies.iter().filter(|t| t.contains("Logged")).count();
    assert_eq!((logged, notes), (5, 1), "{replies:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_across_300_chats_keeps_telegrams_limits_and_each_chats_order() {
    let _heavy = support::heavy().await;
    use std::time::Duration;
    let bot = TestBot::start_with(|c| c.limits = milkbot::config::SendLimits::default()).await;
    bot.api.enforce_telegram_limits();
    // 300 people log at once; ten of them log four times in a row.
    let chats: Vec<_> = (0..300).map(|i| bot.private(9000 + i, "Parent")).collect();
    let mut expected: Vec<(i64, Vec<String>)> = Vec::new();
    for (i, chat) in chats.iter().enumerate() {
        let times = if i % 30 == 0 { 4 } else { 1 };
        let mut said = Vec::new();
        for n in 0..times {
            let ml = 100 + 10 * n;
            chat.send(&format!("{ml} fridge"));
            said.push(format!("Logged {ml} ml"));
        }
        expected.push((chat.id(), said));
    }
    let logged = |calls: &[support::fake_api::Call], chat: i64| -> Vec<String> {
        calls
            .iter()
            .filter(|c| c.method == "sendmessage" && c.chat_id() == Some(chat) && c.succeeded())
            .filter_map(|c| {
                let text = c.text();
                let at = text.find("Logged ")?;
                let end = text[at..].find(" ml")? + at + 3;
                Some(text[at..end].to_owned())
            })
            .collect()
    };
    bot.api
        .wait_until(Duration::from_secs(30), |calls| {
            expected
                .iter()
                .all(|(chat, said)| logged(calls, *chat).len() >= said.len())
        })
        .await;
    let calls = bot.api.calls();
    for (chat, said) in &expected {
        assert_eq!(
            &logged(&calls, *chat),
            said,
            "chat {chat}: all, once, in order"
        );
    }
    assert_eq!(
        bot.api.limit_refusals(),
        0,
        "no send went over Telegram's limits"
    );
    let sends: Vec<_> = calls.iter().filter(|c| c.method == "sendmessage").collect();
    let took = sends[sends.len() - 1].at.duration_since(sends[0].at);
    // How close this comes to the overall limit depends on the machine: the pace is a
    // figure for `cargo bench --bench reminders` (at least 0.9 of 30 a second, none
    // refused), printed here only, not asserted.
    println!("{} messages in {took:?}", sends.len());
}
