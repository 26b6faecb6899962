//! Scheduled reminders: written with the batch change that causes them, claimed and
//! marked sent by the scheduler.

use crate::domain::reminders::Kind;
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::{Result, secs};
use crate::domain::Place;

/// A reminder to schedule. `key` is unique for (batch, place, kind) or a family job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder {
    pub key: String,
    pub family_id: i64,
    pub batch_id: Option<i64>,
    pub chat_id: Option<i64>,
    pub kind: Kind,
    pub place: Option<Place>,
    pub due_at: DateTime<Utc>,
    pub urgent: bool,
}

/// Replaces a batch's pending reminders with `plan`. Reminders already sent keep their
/// keys, so a reminder that went out is not written (or sent) again.
pub(super) async fn replace_pending(
    tx: &mut AnyConnection,
    batch_id: i64,
    plan: &[NewReminder],
) -> Result<()> {
    sqlx::query("DELETE FROM reminders WHERE batch_id = $1 AND status = 'pending'")
        .bind(batch_id)
        .execute(&mut *tx)
        .await?;
    insert_all(tx, plan).await
}

pub(super) async fn insert(tx: &mut AnyConnection, r: &NewReminder) -> Result<()> {
    insert_all(tx, std::slice::from_ref(r)).await
}

/// Inserts `plan` in one statement (a batch's plan is a few rows; each statement is a
/// round trip, on SQLite to the connection's own thread).
pub(super) async fn insert_all(tx: &mut AnyConnection, plan: &[NewReminder]) -> Result<()> {
    const COLUMNS: usize = 8;
    for chunk in plan.chunks(100) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let marks: Vec<String> = (1..=COLUMNS)
                    .map(|c| format!("${}", i * COLUMNS + c))
                    .collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO reminders (key, family_id, batch_id, chat_id, kind, place, due_at, \
             urgent) VALUES {} ON CONFLICT (key) DO NOTHING",
            rows.join(", ")
        );
        // Only numbered placeholders are spliced in; the values are bound.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in chunk {
            query = query
                .bind(r.key.as_str())
                .bind(r.family_id)
                .bind(r.batch_id)
                .bind(r.chat_id)
                .bind(r.kind.code())
                .bind(r.place.map(Place::code))
                .bind(secs(r.due_at))
                .bind(i64::from(r.urgent));
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}

/// Replaces a family's pending (or paused) jobs of one kind with `next`, or with none.
pub(super) async fn replace_family_job(
    tx: &mut AnyConnection,
    family_id: i64,
    kind: Kind,
    next: Option<&NewReminder>,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM reminders WHERE family_id = $1 AND kind = $2 AND batch_id IS NULL \
         AND status IN ('pending', 'paused')",
    )
    .bind(family_id)
    .bind(kind.code())
    .execute(&mut *tx)
    .await?;
    if let Some(next) = next {
        insert(tx, next).await?;
    }
    Ok(())
}

impl super::Db {
    /// Schedules one reminder (a snooze, a "switch sides" push, a family job).
    pub async fn add_reminder(&self, r: &NewReminder) -> Result<()> {
        let mut tx = self.begin_write().await?;
        insert(&mut tx, r).await?;
        tx.commit().await?;
        self.wake_scheduler();
        Ok(())
    }

    /// Replaces a batch's pending reminders (after a settings change moved its deadlines).
    pub async fn replace_reminders(&self, batch_id: i64, plan: &[NewReminder]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        replace_pending(&mut tx, batch_id, plan).await?;
        tx.commit().await?;
        self.wake_scheduler();
        Ok(())
    }
}

/// A reminder that is due, as claimed by one scheduler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReminder {
    pub id: i64,
    pub key: String,
    pub family_id: i64,
    pub batch_id: Option<i64>,
    pub chat_id: Option<i64>,
    pub kind: Kind,
    pub place: Option<Place>,
    pub due_at: DateTime<Utc>,
    pub attempts: i64,
}

fn due_from_row(row: &sqlx::any::AnyRow) -> Result<DueReminder> {
    use sqlx::Row;
    Ok(DueReminder {
        id: row.try_get("id")?,
        key: row.try_get("key")?,
        family_id: row.try_get("family_id")?,
        batch_id: row.try_get("batch_id")?,
        chat_id: row.try_get("chat_id")?,
        kind: super::rows::coded(
            "reminder kind",
            &row.try_get::<String, _>("kind")?,
            Kind::from_code,
        )?,
        place: row
            .try_get::<Option<String>, _>("place")?
            .as_deref()
            .and_then(Place::from_code),
        due_at: super::time(row.try_get("due_at")?)?,
        attempts: row.try_get("attempts")?,
    })
}

/// When the scheduler should next look (see [`super::Db::next_due`]).
pub(super) fn next_due_sql(backend: super::Backend) -> String {
    format!(
        "SELECT MIN(t) FROM ( \
         SELECT (SELECT due_at FROM reminders WHERE status = 'pending' \
         AND lease_until IS NULL ORDER BY due_at LIMIT 1) AS t \
         UNION ALL \
         SELECT MIN({greatest}(due_at, lease_until)) FROM reminders \
         WHERE status = 'pending' AND lease_until IS NOT NULL) AS next_times",
        greatest = backend.greatest()
    )
}

impl super::Db {
    /// Claims up to `limit` due reminders for `owner` until `lease_until`: nobody else
    /// sends them meanwhile. A lease that runs out (the owner died) frees the row again.
    pub async fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        owner: &str,
        limit: i64,
    ) -> Result<Vec<DueReminder>> {
        let sql = format!(
            "UPDATE reminders SET lease_until = $1, lease_owner = $2, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM reminders WHERE status = 'pending' AND due_at <= $3 \
             AND (lease_until IS NULL OR lease_until <= $3) ORDER BY due_at, id LIMIT $4{}) \
             RETURNING id, key, family_id, batch_id, chat_id, kind, place, due_at, attempts",
            self.backend.skip_locked()
        );
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(secs(lease_until))
            .bind(owner)
            .bind(secs(now))
            .bind(limit)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut due: Vec<DueReminder> = rows.iter().map(due_from_row).collect::<Result<_>>()?;
        due.sort_by_key(|d| (d.due_at, d.id));
        Ok(due)
    }

    /// When the scheduler should next look: the earliest pending due time (or the end of
    /// a retry lease, whichever is later for that row).
    ///
    /// Two index lookups, not a pass over every pending reminder (the scheduler asks
    /// after every round and every write): the first unleased row in due order
    /// (`reminders_due`), and the few leased ones (`reminders_leased`).
    pub async fn next_due(&self) -> Result<Option<DateTime<Utc>>> {
        let sql = next_due_sql(self.backend);
        let next: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(&self.pool)
            .await?;
        next.map(super::time).transpose()
    }

    /// Reminders due at `now` and not sent yet (for /metrics).
    pub async fn due_count(&self, now: DateTime<Utc>) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM reminders WHERE status = 'pending' AND due_at <= $1",
        )
        .bind(secs(now))
        .fetch_one(&self.pool)
        .await?)
    }

    /// Chats that already got this reminder.
    pub async fn delivered_to(&self, reminder_id: i64) -> Result<Vec<i64>> {
        Ok(
            sqlx::query_scalar("SELECT chat_id FROM reminder_deliveries WHERE reminder_id = $1")
                .bind(reminder_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Records that reminder `reminder_id` became message `message_id` in `chat_id`.
    pub async fn record_delivery(
        &self,
        reminder_id: i64,
        chat_id: i64,
        message_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query(
            "INSERT INTO reminder_deliveries (reminder_id, chat_id, message_id, sent_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (reminder_id, chat_id) DO NOTHING",
        )
        .bind(reminder_id)
        .bind(chat_id)
        .bind(message_id)
        .bind(secs(now))
        .execute(gate.writer())
        .await?;
        Ok(())
    }

    /// Marks a reminder done: `sent`, or `cancelled` when it no longer applies.
    pub async fn finish_reminder(&self, id: i64, status: &str, now: DateTime<Utc>) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query(
            "UPDATE reminders SET status = $1, sent_at = $2, lease_until = NULL WHERE id = $3",
        )
        .bind(status)
        .bind(secs(now))
        .bind(id)
        .execute(gate.writer())
        .await?;
        Ok(())
    }

    /// Replaces a family's pending jobs of one kind (e.g. the morning summary) with
    /// `next`, or with none.
    pub async fn replace_family_job(
        &self,
        family_id: i64,
        kind: Kind,
        next: Option<&NewReminder>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        replace_family_job(&mut tx, family_id, kind, next).await?;
        tx.commit().await?;
        self.wake_scheduler();
        Ok(())
    }

    /// Deletes reminders finished (sent or cancelled) before `before` that no longer
    /// guard anything: about no batch, or about a batch that left the stash. A stored
    /// batch keeps its rows, whose keys stop a rewritten plan from sending them again.
    /// Their delivery records go with them. Returns how many reminders went.
    pub async fn prune_finished_reminders(&self, before: DateTime<Utc>) -> Result<u64> {
        let gate = self.gate().await?;
        Ok(sqlx::query(
            "DELETE FROM reminders WHERE status IN ('sent', 'cancelled') AND sent_at < $1 \
             AND (batch_id IS NULL OR batch_id NOT IN \
             (SELECT id FROM batches WHERE status = 'stored'))",
        )
        .bind(secs(before))
        .execute(gate.writer())
        .await?
        .rows_affected())
    }

    /// Holds a reminder that has nowhere to go (every chat of the family blocked or
    /// removed the bot) until one of them comes back.
    pub async fn pause_reminder(&self, id: i64) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query("UPDATE reminders SET status = 'paused', lease_until = NULL WHERE id = $1")
            .bind(id)
            .execute(gate.writer())
            .await?;
        Ok(())
    }

    /// A chat of the family is back: its paused reminders are due again.
    pub async fn resume_reminders(&self, family_id: i64) -> Result<()> {
        let gate = self.gate().await?;
        let resumed = sqlx::query(
            "UPDATE reminders SET status = 'pending', lease_until = NULL \
             WHERE family_id = $1 AND status = 'paused'",
        )
        .bind(family_id)
        .execute(gate.writer())
        .await?
        .rows_affected();
        if resumed > 0 {
            self.wake_scheduler();
        }
        Ok(())
    }

    /// Leaves a reminder pending, to be tried again after `until`.
    pub async fn retry_reminder(&self, id: i64, until: DateTime<Utc>, error: &str) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query("UPDATE reminders SET lease_until = $1, last_error = $2 WHERE id = $3")
            .bind(secs(until))
            .bind(error)
            .bind(id)
            .execute(gate.writer())
            .await?;
        Ok(())
    }

    /// Gives claimed reminders back at shutdown, before anything was sent for them, so
    /// another instance (or the next start) sends them at once instead of after the lease.
    pub async fn release_reminders(&self, ids: &[i64], owner: &str) -> Result<()> {
        for id in ids {
            let gate = self.gate().await?;
            sqlx::query(
                "UPDATE reminders SET lease_until = NULL, lease_owner = NULL, \
                 attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END \
                 WHERE id = $1 AND status = 'pending' AND lease_owner = $2",
            )
            .bind(*id)
            .bind(owner)
            .execute(gate.writer())
            .await?;
        }
        if !ids.is_empty() {
            self.wake_scheduler();
        }
        Ok(())
    }

    /// The reminders a message in a chat carries: one for a single reminder, several
    /// for a digest.
    pub async fn message_reminders(
        &self,
        chat_id: i64,
        message_id: i64,
    ) -> Result<Vec<DueReminder>> {
        sqlx::query(
            "SELECT r.id, r.key, r.family_id, r.batch_id, r.chat_id, r.kind, r.place, r.due_at, \
             r.attempts FROM reminder_deliveries d \
             JOIN reminders r ON r.id = d.reminder_id \
             WHERE d.chat_id = $1 AND d.message_id = $2 AND r.batch_id IS NOT NULL \
             ORDER BY r.due_at, r.id",
        )
        .bind(chat_id)
        .bind(message_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(due_from_row)
        .collect()
    }

    /// Reminder messages about a batch in every chat: (chat, message id).
    pub async fn batch_reminder_messages(&self, batch_id: i64) -> Result<Vec<(i64, i64)>> {
        use sqlx::Row;
        sqlx::query(
            "SELECT DISTINCT d.chat_id, d.message_id FROM reminder_deliveries d \
             JOIN reminders r ON r.id = d.reminder_id \
             WHERE r.batch_id = $1 AND d.message_id IS NOT NULL",
        )
        .bind(batch_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("chat_id")?, row.try_get("message_id")?)))
        .collect()
    }

    /// Pending reminders of a family, soonest first (for tests and the morning digest).
    pub async fn pending_reminders(&self, family_id: i64) -> Result<Vec<DueReminder>> {
        sqlx::query(
            "SELECT id, key, family_id, batch_id, chat_id, kind, place, due_at, attempts \
             FROM reminders WHERE family_id = $1 AND status = 'pending' ORDER BY due_at, id",
        )
        .bind(family_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(due_from_row)
        .collect()
    }
}

#[cfg(test)]
mod tests;
