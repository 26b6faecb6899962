//! Scheduled reminders: written with the batch change that causes them, claimed and
//! marked sent by the scheduler.

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};

use super::{Result, secs};
use crate::domain::Place;

/// A reminder to schedule. `key` is unique for (batch, place, kind) or a family job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder {
    pub key: String,
    pub family_id: i64,
    pub batch_id: Option<i64>,
    pub chat_id: Option<i64>,
    pub kind: String,
    pub place: Option<Place>,
    pub due_at: DateTime<Utc>,
    pub urgent: bool,
}

/// Replaces a batch's pending reminders with `plan`. Reminders already sent keep their
/// keys, so a reminder that went out is not written (or sent) again.
pub(super) async fn replace_pending(
    tx: &mut Transaction<'static, Any>,
    batch_id: i64,
    plan: &[NewReminder],
) -> Result<()> {
    sqlx::query("DELETE FROM reminders WHERE batch_id = $1 AND status = 'pending'")
        .bind(batch_id)
        .execute(&mut **tx)
        .await?;
    for r in plan {
        insert(tx, r).await?;
    }
    Ok(())
}

pub(super) async fn insert(tx: &mut Transaction<'static, Any>, r: &NewReminder) -> Result<()> {
    sqlx::query(
        "INSERT INTO reminders (key, family_id, batch_id, chat_id, kind, place, due_at, urgent) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING",
    )
    .bind(r.key.as_str())
    .bind(r.family_id)
    .bind(r.batch_id)
    .bind(r.chat_id)
    .bind(r.kind.as_str())
    .bind(r.place.map(Place::code))
    .bind(secs(r.due_at))
    .bind(i64::from(r.urgent))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl super::Db {
    /// Schedules one reminder (a snooze, a "switch sides" push, a family job).
    pub async fn add_reminder(&self, r: &NewReminder) -> Result<()> {
        let mut tx = self.begin_write().await?;
        insert(&mut tx, r).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces a batch's pending reminders (after a settings change moved its deadlines).
    pub async fn replace_reminders(&self, batch_id: i64, plan: &[NewReminder]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        replace_pending(&mut tx, batch_id, plan).await?;
        tx.commit().await?;
        Ok(())
    }
}
