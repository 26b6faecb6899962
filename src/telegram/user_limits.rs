//! Per-person limits on actions, so one person (or a runaway client) cannot flood the
//! bot or grow the database without bound.
//!
//! The limit is applied when an update arrives, before it is stored or handled (see
//! `inbox::Feed`): counting handled updates let a flood through, since handling is
//! itself held back by the send limits. A person's count is forgotten once it is back
//! to a full allowance (looked at every [`SWEEP_EVERY`] checks), so what the limits hold grows
//! with the people active in the last minute, not with everyone ever seen.

use std::collections::HashSet;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DashMapStateStore;
use governor::{Quota, RateLimiter};

/// How many checks pass between two sweeps of the counts back to full.
const SWEEP_EVERY: u64 = 1024;

type Keyed<C> = RateLimiter<i64, DashMapStateStore<i64>, C, NoOpMiddleware<<C as Clock>::Instant>>;

pub struct UserLimits<C: Clock = DefaultClock> {
    actions: Keyed<C>,
    notes: Keyed<C>,
    /// Updates that are to be answered with the slow-down note instead of being handled.
    notes_due: Mutex<HashSet<i64>>,
    checks: AtomicU64,
}

/// What the limiter says about one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    No,
    /// Over the limit; `note` when the person should be told (once a minute at most).
    Yes {
        note: bool,
    },
}

impl UserLimits {
    pub fn new(actions_per_minute: u32) -> UserLimits {
        UserLimits::with_clock(actions_per_minute, DefaultClock::default())
    }
}

impl<C: Clock + Clone> UserLimits<C> {
    /// Limits on `clock` (a manual one in tests).
    pub fn with_clock(actions_per_minute: u32, clock: C) -> UserLimits<C> {
        let per_minute = NonZeroU32::new(actions_per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        let keyed = |quota| RateLimiter::new(quota, DashMapStateStore::default(), clock.clone());
        UserLimits {
            actions: keyed(Quota::per_minute(per_minute)),
            notes: keyed(Quota::per_minute(NonZeroU32::MIN)),
            notes_due: Default::default(),
            checks: AtomicU64::new(0),
        }
    }

    /// `update_id` is to be answered with the slow-down note.
    pub fn note_due(&self, update_id: i64) {
        if let Ok(mut due) = self.notes_due.lock() {
            due.insert(update_id);
        }
    }

    /// Whether `update_id` is to be answered with the slow-down note (once).
    pub fn take_note(&self, update_id: i64) -> bool {
        self.notes_due
            .lock()
            .map(|mut due| due.remove(&update_id))
            .unwrap_or(false)
    }

    pub fn check(&self, user: i64) -> Limited {
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.sweep();
        }
        if self.actions.check_key(&user).is_ok() {
            Limited::No
        } else {
            Limited::Yes {
                note: self.notes.check_key(&user).is_ok(),
            }
        }
    }

    /// Forgets the people whose allowance is full again: they are as if never seen.
    pub fn sweep(&self) {
        for limiter in [&self.actions, &self.notes] {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// How many people the limits hold a count for.
    pub fn remembered(&self) -> usize {
        self.actions.len() + self.notes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use governor::clock::FakeRelativeClock;
    use std::time::Duration;

    #[test]
    fn people_back_to_a_full_allowance_are_forgotten_and_the_limit_still_holds() {
        let clock = FakeRelativeClock::default();
        let limits = UserLimits::with_clock(3, clock.clone());
        for user in 0..5_000 {
            assert_eq!(limits.check(user), Limited::No);
        }
        // A busy person goes over the limit and is told once.
        let busy = 9_999;
        for _ in 0..3 {
            assert_eq!(limits.check(busy), Limited::No);
        }
        assert_eq!(limits.check(busy), Limited::Yes { note: true });
        assert!(limits.remembered() >= 5_001);

        // 5 s later nobody is back to a full allowance: the sweep keeps everyone, and
        // the busy person is still over the limit (told nothing more).
        clock.advance(Duration::from_secs(5));
        limits.sweep();
        assert!(limits.remembered() >= 5_001);
        assert_eq!(limits.check(busy), Limited::Yes { note: false });

        // Two minutes later everyone has been back to a full allowance for a while (the
        // note's allowance is one a minute): all forgotten, and the busy person may act.
        clock.advance(Duration::from_secs(120));
        limits.sweep();
        assert_eq!(limits.remembered(), 0);
        assert_eq!(limits.check(busy), Limited::No);
    }

    #[test]
    fn checks_sweep_by_themselves() {
        let clock = FakeRelativeClock::default();
        let limits = UserLimits::with_clock(30, clock.clone());
        for user in 0..(SWEEP_EVERY as i64) {
            limits.check(user);
        }
        clock.advance(Duration::from_secs(61));
        // The next round of checks sweeps the earlier people away on its own.
        for user in 0..(SWEEP_EVERY as i64) {
            limits.check(1_000_000 + user);
        }
        assert!(
            limits.remembered() <= SWEEP_EVERY as usize,
            "{} remembered",
            limits.remembered()
        );
    }
}
