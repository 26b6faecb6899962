//! The outbound send limiter: keeps the bot within Telegram's sending limits and lets
//! each message go the moment those limits allow it (no tick).
//!
//! Telegram's limits, as its FAQ states them: about one message a second in one chat
//! (short bursts are tolerated), at most 20 messages a minute in a group, about 30
//! messages a second overall. Edits are counted like messages (Telegram does not say
//! otherwise, so the cautious reading); answers to button presses and inline queries are
//! not messages and are not held.
//!
//! [`Core`] is the bookkeeping, driven by the time since the limiter started (a
//! parameter, so tests move it by hand); `governor` does the rate arithmetic. Each chat
//! has a queue: its messages leave in the order they were asked for, one at a time (the
//! next waits until the one before has been answered, so a 429 retry cannot be overtaken).
//! Among the chats whose own limits allow a message now, replies to a person go before
//! reminder pushes (a push that has waited [`AGING`] counts as a reply, so pushes are
//! never starved), and within a priority the longest waiting goes first. A 429 freezes
//! the chat for its `retry_after`, and the whole bot when the chat was within its own
//! limits (then it was the overall limit Telegram enforced). Idle chats are forgotten.
//!
//! [`SendLimiter`] runs a `Core` in a task that wakes when a send is asked for, when one
//! is answered, or at the exact moment the next send becomes allowed.

use std::collections::{HashMap, VecDeque};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use governor::clock::FakeRelativeClock;
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::HashMapStateStore;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};
use tokio::sync::{Notify, oneshot};

use crate::config::SendLimits;

/// Messages one chat may send at once before its per-second (or, in a group,
/// per-minute) pace applies.
pub const CHAT_BURST: u32 = 3;
/// A push waiting this long goes like a reply, so replies cannot starve reminders.
pub const AGING: Duration = Duration::from_secs(5);
/// How often idle chats are forgotten.
const SWEEP_EVERY: Duration = Duration::from_secs(10);

/// Whose message it is: a reply to someone who is waiting, or a push (a reminder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    Reply,
    Push,
}

type Direct = RateLimiter<NotKeyed, InMemoryState, FakeRelativeClock, StateInformationMiddleware>;
type Keyed =
    RateLimiter<i64, HashMapStateStore<i64>, FakeRelativeClock, StateInformationMiddleware>;

/// Added to each chat's pace: the network delays messages unevenly, and two sent a
/// pace apart must not arrive closer together than Telegram allows.
const MARGIN: f64 = 1.05;

/// The quotas for [`SendLimits`]: per private chat, per group, overall.
fn quotas(limits: &SendLimits) -> (Quota, Quota, Quota) {
    let nz = |n: u32| NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN);
    let paced = |period: Duration, burst: NonZeroU32| {
        Quota::with_period(period.mul_f64(MARGIN))
            .unwrap_or(Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst)
    };
    let burst = nz(CHAT_BURST);
    let private = paced(
        Duration::from_secs(1) / limits.per_chat_per_sec.max(1),
        burst,
    );
    // At most n in any minute, with bursts of b: a burst, then one every minute /
    // (n - b + 1) (a window then holds b + (n - b + 1) - 1 = n).
    let per_min = limits.per_chat_per_min.min(limits.per_group_per_min).max(1);
    let group_burst = nz(CHAT_BURST.min(per_min));
    let group = paced(
        Duration::from_secs(60) / (per_min - group_burst.get() + 1),
        group_burst,
    );
    // Evenly spaced, no burst: that holds at most n in any one-second window, and one
    // less than the limit leaves room for the jitter of the network.
    let overall = Quota::per_second(nz(limits.overall_per_sec.saturating_sub(1)))
        .allow_burst(NonZeroU32::MIN);
    (private, group, overall)
}

/// One waiting send.
struct Waiter<T> {
    token: T,
    priority: Priority,
    /// The order sends were asked for (the lower, the older).
    seq: u64,
    since: Duration,
}

#[derive(Default)]
struct Chat<T> {
    queue: VecDeque<Waiter<T>>,
    /// A message of this chat is being sent.
    busy: bool,
    /// Not before: what the chat's own limit says (exact after a refusal, a safe upper
    /// bound after a send that used the last of its burst).
    ready_at: Duration,
    /// Telegram asked us to wait (429) until then.
    frozen_until: Duration,
}

impl<T> Chat<T> {
    fn free_at(&self) -> Duration {
        self.ready_at.max(self.frozen_until)
    }

    fn idle(&self, now: Duration) -> bool {
        self.queue.is_empty() && !self.busy && self.free_at() <= now
    }
}

/// A send let through: to whom, and whether the chat had room for more (then a 429 for
/// it was Telegram's overall limit, not the chat's).
#[derive(Debug)]
pub struct Grant<T> {
    pub token: T,
    pub chat: i64,
    pub spare: bool,
    pub seq: u64,
    pub priority: Priority,
}

/// The limiter's bookkeeping. Every method takes `now`, the time since the limiter
/// started, which never goes back.
pub struct Core<T> {
    clock: FakeRelativeClock,
    at: Duration,
    private: Keyed,
    groups: Keyed,
    private_quota: Quota,
    group_quota: Quota,
    overall: Direct,
    chats: HashMap<i64, Chat<T>>,
    /// Not before: the overall limit (after a refusal) or a 429 that froze the bot.
    overall_ready_at: Duration,
    frozen_until: Duration,
    next_seq: u64,
    last_sweep: Duration,
}

impl<T> Core<T> {
    pub fn new(limits: &SendLimits) -> Core<T> {
        let clock = FakeRelativeClock::default();
        let (private_quota, group_quota, overall) = quotas(limits);
        let keyed =
            |q| -> Keyed { RateLimiter::new(q, HashMapStateStore::default(), clock.clone()) };
        Core {
            private: keyed(private_quota),
            groups: keyed(group_quota),
            private_quota,
            group_quota,
            overall: RateLimiter::direct_with_clock(overall, clock.clone())
                .with_middleware::<StateInformationMiddleware>(),
            clock,
            at: Duration::ZERO,
            chats: HashMap::new(),
            overall_ready_at: Duration::ZERO,
            frozen_until: Duration::ZERO,
            next_seq: 0,
            last_sweep: Duration::ZERO,
        }
    }

    fn tick(&mut self, now: Duration) {
        if now > self.at {
            self.clock.advance(now - self.at);
            self.at = now;
        }
    }

    /// Queues a send to `chat`.
    pub fn push(&mut self, chat: i64, priority: Priority, token: T, now: Duration) {
        self.tick(now);
        let seq = self.next_seq;
        self.next_seq += 1;
        self.chats.entry(chat).or_insert_with(|| Chat {
            queue: VecDeque::new(),
            busy: false,
            ready_at: Duration::ZERO,
            frozen_until: Duration::ZERO,
        });
        if let Some(c) = self.chats.get_mut(&chat) {
            c.queue.push_back(Waiter {
                token,
                priority,
                seq,
                since: now,
            });
        }
    }

    /// The send to `chat` let through last has been answered: the chat's next may go.
    pub fn done(&mut self, chat: i64, now: Duration) {
        self.tick(now);
        if let Some(c) = self.chats.get_mut(&chat) {
            c.busy = false;
            if c.idle(now) {
                self.chats.remove(&chat);
            }
        }
    }

    /// Telegram answered the send let through last for `chat` with 429 `retry_after`:
    /// the chat waits that long (and every chat, when `overall`), then the same send
    /// goes first in its chat.
    pub fn refused(
        &mut self,
        grant: Grant<T>,
        retry_after: Duration,
        overall: bool,
        now: Duration,
    ) {
        self.tick(now);
        let until = now + retry_after;
        if overall {
            self.frozen_until = self.frozen_until.max(until);
        }
        let c = self.chats.entry(grant.chat).or_insert_with(|| Chat {
            queue: VecDeque::new(),
            busy: false,
            ready_at: Duration::ZERO,
            frozen_until: Duration::ZERO,
        });
        c.busy = false;
        c.frozen_until = c.frozen_until.max(until);
        c.queue.push_front(Waiter {
            token: grant.token,
            priority: grant.priority,
            seq: grant.seq,
            since: now,
        });
    }

    /// Lets through every send the limits allow at `now`; returns them, and when to look
    /// again (None: nothing waits on time, only on a send being asked for or answered).
    pub fn release(&mut self, now: Duration) -> (Vec<Grant<T>>, Option<Duration>) {
        self.tick(now);
        let mut granted = Vec::new();
        let next = loop {
            // The chat whose head should go next, and the earliest a waiting one may.
            let mut best: Option<((bool, u64), i64)> = None;
            let mut later: Option<Duration> = None;
            for (&id, c) in &self.chats {
                let Some(head) = c.queue.front() else {
                    continue;
                };
                if c.busy {
                    continue;
                }
                let free = c.free_at();
                if free > now {
                    later = Some(later.map_or(free, |l: Duration| l.min(free)));
                    continue;
                }
                let urgent = head.priority == Priority::Reply || now >= head.since + AGING;
                let rank = (!urgent, head.seq);
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, id));
                }
                if !urgent {
                    // Turns urgent then.
                    let at = head.since + AGING;
                    later = Some(later.map_or(at, |l: Duration| l.min(at)));
                }
            }
            let Some((_, id)) = best else {
                break later;
            };
            let blocked = self.overall_ready_at.max(self.frozen_until);
            if blocked > now {
                break Some(blocked);
            }
            if let Err(not_until) = self.overall.check() {
                self.overall_ready_at = not_until.earliest_possible().into();
                continue;
            }
            let (limiter, quota) = if id < 0 {
                (&self.groups, self.group_quota)
            } else {
                (&self.private, self.private_quota)
            };
            let outcome = limiter.check_key(&id);
            let Some(c) = self.chats.get_mut(&id) else {
                continue;
            };
            match outcome {
                Ok(snapshot) => {
                    let spare = snapshot.remaining_burst_capacity() > 0;
                    // Out of burst: the next is allowed within one interval; looking
                    // then (not earlier) means the chat's check never fails after the
                    // overall one has been spent.
                    c.ready_at = if spare {
                        now
                    } else {
                        now + quota.replenish_interval()
                    };
                    c.busy = true;
                    if let Some(w) = c.queue.pop_front() {
                        granted.push(Grant {
                            token: w.token,
                            chat: id,
                            spare,
                            seq: w.seq,
                            priority: w.priority,
                        });
                    }
                }
                // Only when the bound above was wrong: an overall slot goes unused.
                Err(not_until) => c.ready_at = not_until.earliest_possible().into(),
            }
        };
        if now >= self.last_sweep + SWEEP_EVERY {
            self.sweep(now);
        }
        (granted, next)
    }

    /// Forgets chats with nothing waiting, in flight or held back, and the rate state of
    /// chats that could send a full burst again.
    pub fn sweep(&mut self, now: Duration) {
        self.tick(now);
        self.last_sweep = now;
        self.chats.retain(|_, c| !c.idle(now));
        self.chats.shrink_to_fit();
        for limiter in [&self.private, &self.groups] {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// Chats the limiter holds anything for (waiting, in flight, held back, or whose
    /// rate state is not yet back to full).
    pub fn remembered(&self) -> (usize, usize) {
        (self.chats.len(), self.private.len() + self.groups.len())
    }

    /// How many sends wait.
    pub fn waiting(&self) -> usize {
        self.chats.values().map(|c| c.queue.len()).sum()
    }
}

/// The limiter the whole bot shares: replies and reminders alike.
pub struct SendLimiter {
    core: Mutex<Core<oneshot::Sender<Grant<()>>>>,
    wake: Arc<Notify>,
    start: tokio::time::Instant,
    worker: std::sync::Once,
}

impl SendLimiter {
    pub fn new(limits: &SendLimits) -> Arc<SendLimiter> {
        Arc::new(SendLimiter {
            core: Mutex::new(Core::new(limits)),
            wake: Arc::new(Notify::new()),
            start: tokio::time::Instant::now(),
            worker: std::sync::Once::new(),
        })
    }

    fn core(&self) -> MutexGuard<'_, Core<oneshot::Sender<Grant<()>>>> {
        // The bookkeeping stays consistent even if a holder panicked.
        self.core.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn now(&self) -> Duration {
        self.start.elapsed()
    }

    /// Waits until a message to `chat` may be sent now. Hold the permit until Telegram
    /// has answered; on 429 call [`Permit::refused`].
    pub async fn acquire(self: &Arc<Self>, chat: i64, priority: Priority) -> Permit {
        self.worker.call_once(|| {
            tokio::spawn(work(Arc::downgrade(self), self.wake.clone()));
        });
        let (tx, rx) = oneshot::channel();
        self.core().push(chat, priority, tx, self.now());
        self.wake.notify_one();
        self.granted(rx).await
    }

    async fn granted(self: &Arc<Self>, rx: oneshot::Receiver<Grant<()>>) -> Permit {
        // The worker never drops a waiter without granting it; if it ever did, the send
        // goes unlimited rather than never.
        let grant = rx.await.ok();
        Permit {
            limiter: self.clone(),
            grant,
        }
    }

    /// How many chats the limiter holds state for (its own, governor's).
    pub fn remembered(&self) -> (usize, usize) {
        self.core().remembered()
    }
}

/// Lets sends through as the limits allow, until the limiter is dropped.
async fn work(limiter: Weak<SendLimiter>, wake: Arc<Notify>) {
    loop {
        let Some(l) = limiter.upgrade() else {
            return;
        };
        let now = l.now();
        let (grants, next) = l.core().release(now);
        for g in grants {
            let (chat, spare, seq, priority) = (g.chat, g.spare, g.seq, g.priority);
            let to_whom = g.token;
            let sent = to_whom.send(Grant {
                token: (),
                chat,
                spare,
                seq,
                priority,
            });
            if sent.is_err() {
                // Nobody waits for it any more (the request was dropped).
                l.core().done(chat, l.now());
            }
        }
        let deadline = next.map(|at| l.start + at);
        drop(l);
        match deadline {
            Some(at) => {
                tokio::select! {
                    _ = wake.notified() => {}
                    _ = tokio::time::sleep_until(at) => {}
                }
            }
            None => wake.notified().await,
        }
    }
}

/// Leave to send one message; the chat's next waits until this is dropped.
pub struct Permit {
    limiter: Arc<SendLimiter>,
    grant: Option<Grant<()>>,
}

impl Permit {
    /// Telegram answered 429: waits `retry_after` (the chat, or every chat when the
    /// chat was within its own limits) and returns leave to send the same message
    /// again, still before the chat's later ones.
    pub async fn refused(mut self, retry_after: Duration) -> Permit {
        let Some(grant) = self.grant.take() else {
            tokio::time::sleep(retry_after).await;
            return self;
        };
        let limiter = self.limiter.clone();
        let (tx, rx) = oneshot::channel();
        let overall = grant.spare;
        let grant = Grant {
            token: tx,
            chat: grant.chat,
            spare: grant.spare,
            seq: grant.seq,
            priority: grant.priority,
        };
        limiter
            .core()
            .refused(grant, retry_after, overall, limiter.now());
        limiter.wake.notify_one();
        limiter.granted(rx).await
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        if let Some(grant) = self.grant.take() {
            let now = self.limiter.now();
            self.limiter.core().done(grant.chat, now);
            self.limiter.wake.notify_one();
        }
    }
}

#[cfg(test)]
mod tests;
