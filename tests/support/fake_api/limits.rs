//! Telegram's sending limits, as the fake server enforces them when a test switches them on.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Telegram's limits on sent messages: per chat about one message a second, with a
/// short burst tolerated (a bucket of [`CHAT_BURST`] that refills one a second); per
/// group (a chat id below zero) also at most [`GROUP_PER_MIN`] in any minute; overall
/// at most [`OVERALL_PER_SEC`] in any second. Only accepted messages count.
#[derive(Default)]
pub(super) struct Limiter {
    /// Per chat: what is left of its burst, and when that was.
    chats: HashMap<i64, (f64, Instant)>,
    /// Per group: messages accepted within the last minute, oldest first.
    groups: HashMap<i64, VecDeque<Instant>>,
    /// Messages accepted within the last second, oldest first.
    recent: VecDeque<Instant>,
    /// How many sends were answered 429.
    pub(super) refused: usize,
}

/// Telegram's overall limit on messages a bot sends per second.
pub const OVERALL_PER_SEC: usize = 30;
/// The messages one chat may send at once (Telegram tolerates short bursts).
pub const CHAT_BURST: f64 = 3.0;
/// Telegram's limit on messages a bot sends to one group per minute.
pub const GROUP_PER_MIN: usize = 20;
const SECOND: Duration = Duration::from_secs(1);
const MINUTE: Duration = Duration::from_secs(60);

/// Drops the times older than `window` before `now`.
fn expire(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

impl Limiter {
    /// Accepts a message to `chat` at `now`, or returns the whole seconds to wait (as
    /// Telegram's `retry_after`).
    pub(super) fn admit(&mut self, chat: i64, now: Instant) -> Result<(), u32> {
        expire(&mut self.recent, now, SECOND);
        let (left, at) = self.chats.get(&chat).copied().unwrap_or((CHAT_BURST, now));
        let left = (left + now.saturating_duration_since(at).as_secs_f64()).min(CHAT_BURST);
        let group = self.groups.entry(chat).or_default();
        expire(group, now, MINUTE);
        let wait = if left < 1.0 {
            Some(Duration::from_secs_f64(1.0 - left))
        } else if chat < 0 && group.len() >= GROUP_PER_MIN {
            group
                .front()
                .map(|oldest| (*oldest + MINUTE).saturating_duration_since(now))
        } else if self.recent.len() >= OVERALL_PER_SEC {
            self.recent
                .front()
                .map(|oldest| (*oldest + SECOND).saturating_duration_since(now))
        } else {
            None
        };
        if chat >= 0 || group.is_empty() {
            self.groups.remove(&chat);
        }
        match wait {
            Some(wait) => {
                self.refused += 1;
                self.chats.insert(chat, (left, now));
                Err((wait.as_secs_f64().ceil() as u32).max(1))
            }
            None => {
                self.chats.insert(chat, (left - 1.0, now));
                if chat < 0 {
                    self.groups.entry(chat).or_default().push_back(now);
                }
                self.recent.push_back(now);
                Ok(())
            }
        }
    }
}

/// Methods that post a message, which Telegram's sending limits apply to.
pub(super) fn sends_message(method: &str) -> bool {
    (method.starts_with("send") && method != "sendchataction")
        || matches!(method, "copymessage" | "forwardmessage")
}

#[cfg(test)]
mod limiter_tests {
    // Benches include this file without a test harness, which drops the tests.
    #[allow(unused_imports)]
    use super::{Limiter, sends_message};
    #[allow(unused_imports)]
    use std::time::{Duration, Instant};

    #[test]
    fn a_short_burst_then_one_message_a_second_per_chat() {
        let mut l = Limiter::default();
        let t = Instant::now();
        let ms = |n: u64| t + Duration::from_millis(n);
        for n in 0..3 {
            assert_eq!(l.admit(1, ms(n)), Ok(()), "the burst");
        }
        assert_eq!(l.admit(1, ms(400)), Err(1));
        // Another chat is not held back by the first.
        assert_eq!(l.admit(2, ms(400)), Ok(()));
        assert_eq!(l.admit(1, ms(1010)), Ok(()));
        assert_eq!(l.admit(1, ms(1500)), Err(1));
        assert_eq!(l.admit(1, ms(2020)), Ok(()));
        assert_eq!(l.refused, 2);
    }

    #[test]
    fn twenty_a_minute_per_group() {
        let mut l = Limiter::default();
        let t = Instant::now();
        let s = |n: u64| t + Duration::from_secs(n);
        for n in 0..20 {
            assert_eq!(l.admit(-5, s(n)), Ok(()));
        }
        assert_eq!(l.admit(-5, s(30)), Err(30));
        assert_eq!(l.admit(-5, s(60)), Ok(()));
        // A private chat has no per-minute limit.
        for n in 0..25 {
            assert_eq!(l.admit(5, s(n)), Ok(()));
        }
    }

    #[test]
    fn thirty_a_second_overall_in_any_window() {
        let mut l = Limiter::default();
        let t = Instant::now();
        // 30 chats spread over 0.0 .. 0.29 s fill the window.
        for i in 0..30 {
            assert_eq!(l.admit(i, t + Duration::from_millis(i as u64 * 10)), Ok(()));
        }
        assert_eq!(l.admit(100, t + Duration::from_millis(900)), Err(1));
        // At 1.0 s only the first has left the window: one more fits, not two.
        assert_eq!(l.admit(101, t + Duration::from_millis(1000)), Ok(()));
        assert_eq!(l.admit(102, t + Duration::from_millis(1005)), Err(1));
        assert_eq!(l.admit(102, t + Duration::from_millis(1010)), Ok(()));
        assert_eq!(l.refused, 2);
    }

    #[test]
    fn only_message_sends_are_limited() {
        assert!(sends_message("sendmessage"));
        assert!(sends_message("sendphoto"));
        assert!(sends_message("copymessage"));
        assert!(!sends_message("sendchataction"));
        assert!(!sends_message("editmessagetext"));
        assert!(!sends_message("answercallbackquery"));
    }
}
