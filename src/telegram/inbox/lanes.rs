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

/// The way to the dispatcher, a few updates per chat at a time (see [`PER_CHAT`]).
pub struct Lanes {
    /// None once the feed ended: the dispatcher then finishes when its queue is empty.
    tx: std::sync::Mutex<Option<mpsc::Sender<Result<Update, Infallible>>>>,
    state: std::sync::Mutex<LaneState>,
    /// Counts the updates in hand.
    activity: Activity,
}

#[derive(Default)]
struct LaneState {
    /// By chat (or by person, for updates without a chat).
    lanes: HashMap<i64, Lane>,
    /// Updates handed out or waiting, not settled yet.
    held: HashSet<i64>,
}

struct Lane {
    busy: usize,
    waiting: VecDeque<Update>,
    progress: std::time::Instant,
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
        Lanes {
            tx: std::sync::Mutex::new(Some(tx)),
            state: Default::default(),
            activity,
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, LaneState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether `update_id` is in hand (handed out or waiting for its chat's turn).
    pub(super) fn holds(&self, update_id: i64) -> bool {
        self.state().held.contains(&update_id)
    }

    /// Hands `update` to the dispatcher, or queues it behind its chat's updates in hand.
    pub(super) async fn dispatch(&self, update: Update) {
        let go = {
            let mut state = self.state();
            if !state.held.insert(i64::from(update.id.0)) {
                return;
            }
            self.activity.update_taken();
            match lane_of(&update) {
                None => Some(update),
                Some(key) => {
                    let now = std::time::Instant::now();
                    let lane = state.lanes.entry(key).or_insert_with(|| Lane {
                        busy: 0,
                        waiting: VecDeque::new(),
                        progress: now,
                    });
                    if lane.busy >= PER_CHAT && now.duration_since(lane.progress) >= STUCK {
                        tracing::warn!("a chat's updates made no progress for a minute");
                        lane.busy = 0;
                    }
                    if lane.busy < PER_CHAT && lane.waiting.is_empty() {
                        lane.busy += 1;
                        lane.progress = now;
                        Some(update)
                    } else {
                        lane.waiting.push_back(update);
                        None
                    }
                }
            }
        };
        if let Some(update) = go {
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

    /// The dispatcher is done with `update`: the next one of its chat goes. The update
    /// itself stays held (not handed out again) until [`Lanes::forget`]: its row leaves
    /// the inbox a moment later, and by then it may be due again.
    pub(super) async fn release(&self, update: &Update) {
        let next = {
            let mut state = self.state();
            let Some(key) = lane_of(update) else {
                return;
            };
            let Some(lane) = state.lanes.get_mut(&key) else {
                return;
            };
            lane.busy = lane.busy.saturating_sub(1);
            lane.progress = std::time::Instant::now();
            let next = lane.waiting.pop_front();
            if next.is_some() {
                lane.busy += 1;
            } else if lane.busy == 0 {
                state.lanes.remove(&key);
            }
            next
        };
        if let Some(update) = next {
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
