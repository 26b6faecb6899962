//! Per-chat lanes to the dispatcher: a few updates of one chat at a time, the rest
//! waiting in order.

use std::collections::{HashMap, HashSet, VecDeque};
use std::convert::Infallible;
use std::time::Duration as StdDuration;

use teloxide::types::Update;
use tokio::sync::mpsc;

use crate::activity::Activity;

/// How many updates of one chat the dispatcher holds at a time; the rest wait here, in
/// order. teloxide's dispatcher queues at most 64 updates per chat and then stops taking
/// updates for every chat, so one chat whose replies are held back by the send limits
/// would otherwise silence everyone.
const PER_CHAT: usize = 4;
/// A chat whose updates in hand made no progress for this long is not waited for.
const STUCK: StdDuration = StdDuration::from_secs(60);
/// How many updates the dispatcher holds at a time, all chats together; the rest wait
/// here, each chat's in order, chats taking turns. Each update in hand may have a
/// request to Telegram under way, and each request under way holds a connection of its
/// own: with a page of updates stored at once, 400 chats had ~400 connections open
/// (VmRSS 38 → 70 MiB in the throughput bench). Handlers spend most of their time
/// waiting on Telegram or the database, so a few dozen keep both cores busy.
const IN_HAND: usize = 48;

/// The way to the dispatcher, a few updates per chat at a time (see [`PER_CHAT`]).
pub struct Lanes {
    /// None once the feed ended: the dispatcher then finishes when its queue is empty.
    tx: std::sync::Mutex<Option<mpsc::Sender<Result<Update, Infallible>>>>,
    state: std::sync::Mutex<LaneState>,
    /// Counts the updates in hand.
    activity: Activity,
    /// At most this many updates with the dispatcher, all chats together.
    in_hand: usize,
}

#[derive(Default)]
struct LaneState {
    /// By chat (or by person, for updates without a chat).
    lanes: HashMap<i64, Lane>,
    /// Updates handed out or waiting, not settled yet.
    held: HashSet<i64>,
    /// Updates with the dispatcher now (of chats; see [`IN_HAND`]).
    busy: usize,
    /// Chats with updates waiting, in turn (each at most once, see [`Lane::queued`]).
    turns: VecDeque<i64>,
}

struct Lane {
    busy: usize,
    waiting: VecDeque<Update>,
    progress: std::time::Instant,
    /// In [`LaneState::turns`].
    queued: bool,
}

impl LaneState {
    /// Takes the updates that may go now: chats in turn, while the dispatcher has room.
    /// A chat with more waiting goes to the back of the turns; one at its own limit
    /// leaves them until one of its updates is released.
    fn next_to_go(&mut self, in_hand: usize) -> Vec<Update> {
        let mut go = Vec::new();
        while self.busy < in_hand {
            let Some(key) = self.turns.pop_front() else {
                break;
            };
            let Some(lane) = self.lanes.get_mut(&key) else {
                continue;
            };
            lane.queued = false;
            if lane.busy >= PER_CHAT {
                continue;
            }
            let Some(update) = lane.waiting.pop_front() else {
                continue;
            };
            lane.busy += 1;
            lane.progress = std::time::Instant::now();
            self.busy += 1;
            if !lane.waiting.is_empty() {
                lane.queued = true;
                self.turns.push_back(key);
            }
            go.push(update);
        }
        go
    }
}

fn lane_of(update: &Update) -> Option<i64> {
    update.chat().map(|c| c.id.0).or_else(|| {
        update
            .from()
            .map(|u| i64::try_from(u.id.0).unwrap_or(i64::MAX))
    })
}

impl Lanes {
    pub(super) fn new(tx: mpsc::Sender<Result<Update, Infallible>>, activity: Activity) -> Lanes {
        Lanes::with_room(tx, activity, IN_HAND)
    }

    /// Lanes that give the dispatcher at most `in_hand` updates at a time.
    pub(super) fn with_room(
        tx: mpsc::Sender<Result<Update, Infallible>>,
        activity: Activity,
        in_hand: usize,
    ) -> Lanes {
        Lanes {
            tx: std::sync::Mutex::new(Some(tx)),
            state: Default::default(),
            activity,
            in_hand: in_hand.max(1),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, LaneState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether `update_id` is in hand (handed out or waiting for its chat's turn).
    pub(super) fn holds(&self, update_id: i64) -> bool {
        self.state().held.contains(&update_id)
    }

    /// Hands `update` to the dispatcher, or queues it behind its chat's updates in hand
    /// (and behind other chats' turns while the dispatcher is full).
    pub(super) async fn dispatch(&self, update: Update) {
        let go = {
            let mut state = self.state();
            if !state.held.insert(i64::from(update.id.0)) {
                return;
            }
            self.activity.update_taken();
            match lane_of(&update) {
                None => vec![update],
                Some(key) => {
                    let now = std::time::Instant::now();
                    let lane = state.lanes.entry(key).or_insert_with(|| Lane {
                        busy: 0,
                        waiting: VecDeque::new(),
                        progress: now,
                        queued: false,
                    });
                    let stuck = lane.busy >= PER_CHAT && now.duration_since(lane.progress) >= STUCK;
                    let freed = if stuck {
                        tracing::warn!("a chat's updates made no progress for a minute");
                        std::mem::take(&mut lane.busy)
                    } else {
                        0
                    };
                    lane.waiting.push_back(update);
                    let queue = !lane.queued;
                    lane.queued = true;
                    state.busy = state.busy.saturating_sub(freed);
                    if queue {
                        state.turns.push_back(key);
                    }
                    state.next_to_go(self.in_hand)
                }
            }
        };
        for update in go {
            self.send(update).await;
        }
    }

    async fn send(&self, update: Update) {
        let tx = self.tx.lock().ok().and_then(|tx| tx.clone());
        if let Some(tx) = tx {
            let _ = tx.send(Ok(update)).await;
        }
    }

    /// The feed ended: nothing more goes to the dispatcher, which ends once it has taken
    /// what it was given.
    pub(super) fn close(&self) {
        if let Ok(mut tx) = self.tx.lock() {
            *tx = None;
        }
    }

    /// The dispatcher is done with `update`: the next one of its chat goes (after the
    /// chats whose turn came first, when the dispatcher is full). The update itself stays
    /// held (not handed out again) until [`Lanes::forget`]: its row leaves the inbox a
    /// moment later, and by then it may be due again.
    pub(super) async fn release(&self, update: &Update) {
        let go = {
            let mut state = self.state();
            let Some(key) = lane_of(update) else {
                return;
            };
            let Some(lane) = state.lanes.get_mut(&key) else {
                return;
            };
            let was_busy = lane.busy > 0;
            lane.busy = lane.busy.saturating_sub(1);
            lane.progress = std::time::Instant::now();
            let requeue = !lane.waiting.is_empty() && !lane.queued;
            if requeue {
                lane.queued = true;
            }
            let idle = lane.busy == 0 && lane.waiting.is_empty();
            if idle {
                state.lanes.remove(&key);
            }
            if was_busy {
                state.busy = state.busy.saturating_sub(1);
            }
            if requeue {
                state.turns.push_back(key);
            }
            state.next_to_go(self.in_hand)
        };
        for update in go {
            self.send(update).await;
        }
    }

    /// These updates are settled in the inbox (gone, or due later after a failure): from
    /// now on the inbox says whether they are handed out again.
    pub(super) fn forget(&self, update_ids: &[i64]) {
        let mut state = self.state();
        for id in update_ids {
            if state.held.remove(id) {
                self.activity.update_settled();
            }
        }
    }
}
