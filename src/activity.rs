//! What the running bot has in hand, counted cheaply (an atomic per update, a lock per
//! scheduler round), so that a test can wait until the bot is idle instead of sleeping
//! and hoping: a "nothing more was sent" check is only worth something once the bot has
//! nothing left to do.
//!
//! Every message the bot sends is awaited by a handler (counted until its update is
//! settled) or by a scheduler round (busy until the round ends), so these two cover
//! the sends in flight too.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

#[derive(Clone, Default)]
pub struct Activity(Arc<Inner>);

#[derive(Default)]
struct Inner {
    /// Updates handed to the dispatcher or waiting for their chat's turn, not settled.
    updates: AtomicUsize,
    scheduler: Mutex<Scheduler>,
}

/// What the reminder scheduler is doing.
#[derive(Default)]
enum Scheduler {
    /// Not started, in a round, or waiting to retry one that failed.
    #[default]
    Busy,
    /// Waiting until `until` (or, when `None`, only for a write), having seen `seen` of
    /// the reminder writes that `writes` counts: a later write wakes it.
    Asleep {
        until: Option<DateTime<Utc>>,
        seen: u64,
        writes: Arc<AtomicU64>,
    },
}

impl Activity {
    /// An update is in hand from now until [`Activity::update_settled`].
    pub(crate) fn update_taken(&self) {
        self.0.updates.fetch_add(1, Ordering::SeqCst);
    }

    pub(crate) fn update_settled(&self) {
        // Never below zero, whatever the order of calls.
        let _ = self
            .0
            .updates
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1));
    }

    /// The scheduler wakes up (for a round).
    pub(crate) fn scheduler_busy(&self) {
        *self.scheduler() = Scheduler::Busy;
    }

    /// The scheduler goes to sleep until `until` (or until a write, when `None`), having
    /// done everything written before the count `writes` read `seen`.
    pub(crate) fn scheduler_asleep(
        &self,
        until: Option<DateTime<Utc>>,
        seen: u64,
        writes: Arc<AtomicU64>,
    ) {
        *self.scheduler() = Scheduler::Asleep {
            until,
            seen,
            writes,
        };
    }

    fn scheduler(&self) -> std::sync::MutexGuard<'_, Scheduler> {
        self.0.scheduler.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How many updates are in hand (handed out or waiting, not settled).
    pub fn updates_in_hand(&self) -> usize {
        self.0.updates.load(Ordering::SeqCst)
    }

    /// The scheduler sleeps with nothing due at `now` and no reminder written since it
    /// last looked.
    pub fn scheduler_idle(&self, now: DateTime<Utc>) -> bool {
        match &*self.scheduler() {
            Scheduler::Busy => false,
            Scheduler::Asleep {
                until,
                seen,
                writes,
            } => writes.load(Ordering::SeqCst) == *seen && until.is_none_or(|at| at > now),
        }
    }

    /// No update in hand, and the scheduler idle at `now`. (The updates not taken yet,
    /// and those waiting in the inbox for a retry, are for the caller to check.)
    pub fn idle(&self, now: DateTime<Utc>) -> bool {
        self.updates_in_hand() == 0 && self.scheduler_idle(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn idle_only_with_nothing_in_hand_and_the_scheduler_asleep_with_nothing_due() {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let activity = Activity::default();
        // Not started yet: the scheduler counts as busy.
        assert!(!activity.idle(now));
        let writes = Arc::new(AtomicU64::new(3));
        activity.scheduler_asleep(Some(now + Duration::minutes(5)), 3, writes.clone());
        assert!(activity.idle(now));
        // An update in hand, then settled.
        activity.update_taken();
        assert!(!activity.idle(now));
        activity.update_settled();
        assert!(activity.idle(now));
        activity.update_settled();
        assert_eq!(activity.updates_in_hand(), 0);
        // Its next reminder falls due when the clock reaches it.
        assert!(!activity.idle(now + Duration::minutes(5)));
        // A reminder written since it last looked wakes it: not idle until it looked.
        writes.fetch_add(1, Ordering::SeqCst);
        assert!(!activity.idle(now));
        activity.scheduler_busy();
        assert!(!activity.idle(now));
        activity.scheduler_asleep(None, 4, writes);
        assert!(activity.idle(now + Duration::days(365)));
    }
}
