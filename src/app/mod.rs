//! The bot's use cases: log a batch, act on one, undo, change settings. Each loads what
//! it needs, asks the pure domain, and writes the result (with the batch's reminders) in
//! one transaction. No Telegram types here: the adapter renders what these return.
//!
//! One file per feature: `log` (log and correct a batch), `batch` (act on one: move,
//! use, undo, snooze), `settings` (family settings and the summaries they schedule),
//! `insights` (stats and the low-stash alert), `guidance` (the walkthrough's reminder);
//! `notify` is what the scheduler tells families unprompted, and the port it sends
//! through.

use chrono::{DateTime, Utc};

use crate::domain::reminders;
use crate::domain::settings::Settings;
use crate::storage::{BatchRow, NewReminder, StorageError};

mod batch;
mod guidance;
mod insights;
mod log;
pub mod notify;
mod settings;

pub use crate::domain::limits::{MAX_BATCHES, MAX_STORED};
pub use batch::{Act, Acted, act, act_on};
pub use guidance::remind_switch_sides;
pub use insights::{InsightsData, check_low_stash, insights};
pub use log::{Logged, Relogged, log_batch, relog};
pub use settings::{change_settings, schedule_morning, schedule_weekly};

pub type Result<T> = std::result::Result<T, StorageError>;

/// The reminders to store for a batch as it now is.
pub fn reminder_rows(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Vec<NewReminder> {
    reminders::plan(&row.state, settings, now)
        .into_iter()
        .map(|p| NewReminder {
            key: reminders::key(row.id, &p),
            family_id: row.family_id,
            batch_id: Some(row.id),
            chat_id: None,
            kind: p.kind,
            place: Some(p.place),
            due_at: p.due,
            urgent: p.urgent,
        })
        .collect()
}
