//! The walkthrough's "time to switch sides" reminder.

use crate::domain::reminders::Kind;
use chrono::{DateTime, Utc};

use super::Result;
use crate::storage::{Db, FamilyRow, NewReminder};

/// Pushes "time to switch sides" to `chat_id` in `minutes` (from the walkthrough).
pub async fn remind_switch_sides(
    db: &Db,
    family: &FamilyRow,
    chat_id: i64,
    minutes: u8,
    update_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let due = now + chrono::Duration::minutes(minutes.into());
    // Keyed by the press, so a redelivered press does not push twice.
    let press = update_id.map_or_else(|| due.timestamp().to_string(), |u| format!("u{u}"));
    db.add_reminder(&NewReminder {
        key: format!("c{chat_id}:switch:{press}:{minutes}"),
        family_id: family.id,
        batch_id: None,
        chat_id: Some(chat_id),
        kind: Kind::SwitchSides,
        place: None,
        due_at: due,
        urgent: true,
    })
    .await
}
