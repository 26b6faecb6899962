//! Crash-safe intake of updates. Every update is written to the inbox table before
//! Telegram is told we have it: polling asks Telegram for updates after the last one
//! stored (which confirms everything before it), and the webhook answers 200 only after
//! the write. An update that cannot be stored (the database is down, the disk full) is
//! tried again with backoff while the feed stays alive; nothing after it is confirmed
//! meanwhile, and the bot catches up by itself when storage returns. Handlers remove an
//! update from the inbox once it took effect; one that failed is tried again later with
//! backoff; whatever is left when the bot stops or dies is handled at the next start.
//! Handlers are idempotent, so handling an update twice changes nothing twice (at worst
//! a reply is repeated).

mod feed;
mod lanes;
mod polling;
mod settle;
#[cfg(test)]
mod tests;

use std::time::Duration as StdDuration;

use chrono::Duration;
use teloxide::types::AllowedUpdate;

pub use feed::{Feed, channel};
pub use lanes::Lanes;
pub use polling::{poll, retries};
pub use settle::{Settled, settle};

/// How the intake fetches updates and how long it keeps trying to store them.
#[derive(Debug, Clone, Copy)]
pub struct IntakeSettings {
    /// Long-polling timeout for getUpdates.
    pub poll_timeout: StdDuration,
    /// How long updates may go unstorable before the bot gives up and exits (non-zero),
    /// so that a supervisor restarts it.
    pub give_up_after: Duration,
}

pub use crate::metrics::IntakeHealth;

/// The intake could not store updates for longer than it may wait.
#[derive(Debug, thiserror::Error)]
#[error(
    "updates could not be stored for {0} s; stopping so that a supervisor restarts the bot \
     (they wait at Telegram)"
)]
pub struct GaveUp(pub i64);

/// The updates the bot asks Telegram for.
pub const ALLOWED: [AllowedUpdate; 5] = [
    AllowedUpdate::Message,
    // A corrected logging message corrects its batch.
    AllowedUpdate::EditedMessage,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::InlineQuery,
    AllowedUpdate::MyChatMember,
];
