use super::*;

/// Telegram's limits, as production keeps them.
fn telegram() -> SendLimits {
    SendLimits::default()
}

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

/// A send let through: which one, to which chat, when.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Sent {
    label: u32,
    chat: i64,
    at: Duration,
}

/// Runs the limiter on manual time from `from` until nothing more can go: every send let
/// through is answered at once. Returns the sends in the order they went.
fn drive(core: &mut Core<u32>, from: Duration) -> Vec<Sent> {
    drive_until(core, from, Duration::MAX)
}

fn drive_until(core: &mut Core<u32>, from: Duration, until: Duration) -> Vec<Sent> {
    let mut now = from;
    let mut sent = Vec::new();
    loop {
        let (grants, next) = core.release(now);
        let any = !grants.is_empty();
        for g in grants {
            sent.push(Sent {
                label: g.token,
                chat: g.chat,
                at: now,
            });
            core.done(g.chat, now);
        }
        if any {
            continue;
        }
        match next {
            Some(at) if at <= until => {
                assert!(at > now, "time moves on ({at:?} after {now:?})");
                now = at;
            }
            _ => return sent,
        }
    }
}

/// The most sends (to `chat`, or to any chat) within any window of `window`.
fn most_within(sent: &[Sent], window: Duration, chat: Option<i64>) -> usize {
    let times: Vec<Duration> = sent
        .iter()
        .filter(|s| chat.is_none_or(|c| c == s.chat))
        .map(|s| s.at)
        .collect();
    (0..times.len())
        .map(|i| {
            times[i..]
                .iter()
                .take_while(|t| **t < times[i] + window)
                .count()
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn a_private_chat_gets_a_short_burst_at_once_then_one_a_second() {
    let mut core = Core::new(&telegram());
    for label in 0..6 {
        core.push(7, Priority::Reply, label, Duration::ZERO);
    }
    let sent = drive(&mut core, Duration::ZERO);
    let labels: Vec<u32> = sent.iter().map(|s| s.label).collect();
    assert_eq!(labels, vec![0, 1, 2, 3, 4, 5], "in the order asked for");
    let at: Vec<f64> = sent.iter().map(|s| s.at.as_secs_f64()).collect();
    // At once, as far as the overall pace allows (one every 1/29 s).
    assert!(at[2] < 0.07, "the burst goes at once: {at:?}");
    for pair in at[3..].windows(2) {
        assert!(pair[1] - pair[0] >= 0.999, "then a second apart: {at:?}");
    }
    // A second and the 5 % margin (see MARGIN) each, not more.
    assert!(at[5] <= 0.07 + 3.0 * 1.05 + 0.01, "and no later: {at:?}");
}

#[test]
fn a_group_gets_at_most_twenty_a_minute() {
    let mut core = Core::new(&telegram());
    for label in 0..45 {
        core.push(-100, Priority::Reply, label, Duration::ZERO);
    }
    let sent = drive(&mut core, Duration::ZERO);
    assert_eq!(sent.len(), 45, "every one goes");
    assert_eq!(most_within(&sent, secs(60.0), Some(-100)), 20);
    assert!(sent[2].at < secs(0.07), "a short burst at once: {sent:?}");
    let last = sent[44].at.as_secs_f64();
    // 45 in groups of at most 20 a minute: a little over two minutes, not much more.
    assert!((120.0..=150.0).contains(&last), "{last}");
}

#[test]
fn all_chats_together_stay_under_thirty_a_second_yet_near_it() {
    let mut core = Core::new(&telegram());
    for chat in 1..=300 {
        core.push(chat, Priority::Reply, chat as u32, Duration::ZERO);
    }
    let sent = drive(&mut core, Duration::ZERO);
    assert_eq!(sent.len(), 300);
    let most = most_within(&sent, secs(1.0), None);
    assert!((28..=30).contains(&most), "{most} in one second");
    let took = sent[299].at.as_secs_f64();
    assert!(took <= 300.0 / 29.0 + 0.01, "{took} s for 300");
    let labels: Vec<u32> = sent.iter().map(|s| s.label).collect();
    assert_eq!(
        labels,
        (1..=300).collect::<Vec<u32>>(),
        "first asked, first sent"
    );
}

#[test]
fn a_chat_sends_one_message_at_a_time_in_order() {
    let mut core = Core::new(&telegram());
    for label in 0..3 {
        core.push(7, Priority::Reply, label, Duration::ZERO);
    }
    let (grants, _) = core.release(Duration::ZERO);
    assert_eq!(
        grants.len(),
        1,
        "the next waits for the answer to the first"
    );
    let (more, next) = core.release(Duration::ZERO);
    assert!(more.is_empty());
    assert_eq!(
        next, None,
        "nothing to wait for on the clock: the answer wakes it"
    );
    core.done(7, secs(0.05));
    let (grants, _) = core.release(secs(0.05));
    assert_eq!(grants.iter().map(|g| g.token).collect::<Vec<_>>(), vec![1]);
}

#[test]
fn a_429_holds_the_chat_for_retry_after_and_keeps_its_order() {
    let mut core = Core::new(&telegram());
    for label in 0..3 {
        core.push(7, Priority::Reply, label, Duration::ZERO);
    }
    core.push(8, Priority::Reply, 10, Duration::ZERO);
    let (grants, _) = core.release(Duration::ZERO);
    let first = grants
        .into_iter()
        .find(|g| g.chat == 7)
        .expect("chat 7 goes");
    assert_eq!(first.token, 0);
    // Telegram says 429, retry after 5 s; the chat had room, but this is its freeze.
    core.refused(first, secs(5.0), false, secs(0.1));
    let sent = drive(&mut core, secs(0.1));
    let chat7: Vec<(u32, f64)> = sent
        .iter()
        .filter(|s| s.chat == 7)
        .map(|s| (s.label, s.at.as_secs_f64()))
        .collect();
    assert_eq!(chat7.iter().map(|c| c.0).collect::<Vec<_>>(), vec![0, 1, 2]);
    assert!(chat7[0].1 >= 5.1, "not before retry_after: {chat7:?}");
    let chat8 = sent.iter().find(|s| s.chat == 8).map(|s| s.at);
    assert!(
        chat8.is_some_and(|at| at < secs(0.2)),
        "another chat is not held: {chat8:?}"
    );
}

#[test]
fn a_429_for_the_whole_bot_holds_every_chat() {
    let mut core = Core::new(&telegram());
    core.push(7, Priority::Reply, 0, Duration::ZERO);
    let (mut grants, _) = core.release(Duration::ZERO);
    let first = grants.pop().expect("goes");
    assert!(first.spare, "one message left the chat room for more");
    core.push(8, Priority::Reply, 1, secs(0.1));
    core.refused(first, secs(3.0), true, secs(0.1));
    let sent = drive(&mut core, secs(0.1));
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|s| s.at >= secs(3.1)), "{sent:?}");
}

#[test]
fn replies_go_before_pushes_that_wait_for_the_same_second() {
    let mut core = Core::new(&telegram());
    // Reminders for 100 chats are waiting; then two people write.
    for chat in 1..=100 {
        core.push(chat, Priority::Push, chat as u32, Duration::ZERO);
    }
    let early = drive_until(&mut core, Duration::ZERO, secs(0.5));
    core.push(501, Priority::Reply, 501, secs(0.5));
    core.push(502, Priority::Reply, 502, secs(0.5));
    let sent = drive(&mut core, secs(0.5));
    assert_eq!(early.len() + sent.len(), 102);
    let order: Vec<u32> = sent.iter().map(|s| s.label).collect();
    assert_eq!(&order[..2], &[501, 502], "replies first: {order:?}");
    assert!(
        sent[1].at <= secs(0.6),
        "within a slot or two: {:?}",
        sent[1]
    );
}

#[test]
fn pushes_are_not_starved_by_a_stream_of_replies() {
    let mut core = Core::new(&telegram());
    core.push(1, Priority::Push, 0, Duration::ZERO);
    // More replies than the overall limit lets through, to ever new chats, for 20 s.
    let mut now = Duration::ZERO;
    let mut sent = Vec::new();
    let mut label = 1;
    while now < secs(20.0) {
        for _ in 0..2 {
            core.push(1000 + i64::from(label), Priority::Reply, label, now);
            label += 1;
        }
        sent.extend(drive_until(&mut core, now, now + secs(0.05)));
        now += secs(0.05);
    }
    let push = sent.iter().find(|s| s.label == 0).map(|s| s.at);
    assert!(
        push.is_some_and(|at| at <= AGING + secs(0.1)),
        "the push went once it had waited {AGING:?}: {push:?}"
    );
}

#[test]
fn a_busy_chat_does_not_hold_up_another() {
    let mut core = Core::new(&telegram());
    for label in 0..50 {
        core.push(7, Priority::Reply, label, Duration::ZERO);
    }
    let first = drive_until(&mut core, Duration::ZERO, secs(2.0));
    core.push(8, Priority::Reply, 100, secs(2.0));
    let sent = drive_until(&mut core, secs(2.0), secs(3.0));
    let other = sent.iter().find(|s| s.chat == 8).map(|s| s.at);
    assert!(
        other.is_some_and(|at| at <= secs(2.05)),
        "within an overall slot: {other:?}"
    );
    assert!(first.len() < 10, "chat 7 keeps its own pace");
}

#[test]
fn idle_chats_are_forgotten() {
    let mut core = Core::new(&telegram());
    for chat in 1..=1_000 {
        core.push(chat, Priority::Reply, 0, Duration::ZERO);
        core.push(-chat, Priority::Reply, 0, Duration::ZERO);
    }
    let sent = drive(&mut core, Duration::ZERO);
    assert_eq!(sent.len(), 2_000);
    let after = sent[1_999].at;
    assert!(core.remembered().0 > 0 || core.remembered().1 > 0);
    // Once every chat could send a full burst again, nothing of them is kept.
    core.sweep(after + secs(120.0));
    assert_eq!(core.remembered(), (0, 0));
    assert_eq!(core.waiting(), 0);
}
