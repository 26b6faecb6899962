//! Batches and their append-only history. Every change is one transaction that writes
//! the new state (checked against the version the caller saw), one history event, the
//! batch's replacement reminders, and the update id that caused it.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Row};

use super::events::insert_event;
use super::reminders::{NewReminder, insert_all, replace_pending};
use super::rows::{ml, opt_ml, place};
use super::{Db, NewEvent, Result, StorageError, opt_time, secs, time};
use crate::domain::EventKind;
use crate::domain::rules::Clocks;
use crate::domain::{BatchState, Ml, Place, Sides, Status};

/// A batch as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchRow {
    pub id: i64,
    pub family_id: i64,
    pub version: i64,
    pub logged: Ml,
    /// Where it was first put, for "same again".
    pub logged_place: Place,
    pub sides: Sides,
    pub state: BatchState,
    pub created_at: DateTime<Utc>,
    pub created_by: i64,
}

/// Who did something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: i64,
    pub name: String,
}

impl Actor {
    /// Someone as Telegram names them, fit for storage (see [`super::storable`]).
    pub fn new(id: i64, name: &str) -> Actor {
        Actor {
            id,
            name: super::storable(name),
        }
    }
}

/// Where a new batch came from: the message (or button message) that logged it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub chat_id: i64,
    pub message_id: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    Done(BatchRow),
    /// The same update or message was already handled: here is the batch it produced.
    Duplicate(Option<BatchRow>),
    /// The batch changed since the caller read it (or is not this family's).
    Stale(Option<BatchRow>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StashFilter {
    Stored,
    All,
}

const BATCH_COLUMNS: &str = "id, family_id, version, logged_ml, logged_place, left_ml, right_ml, amount_ml, place, \
     status, expressed_at, frozen_at, thawed_at, place_since, cap_at, created_at, created_by";

fn batch_from_row(row: &AnyRow) -> Result<BatchRow> {
    let status: String = row.try_get("status")?;
    Ok(BatchRow {
        id: row.try_get("id")?,
        family_id: row.try_get("family_id")?,
        version: row.try_get("version")?,
        logged: ml(row.try_get("logged_ml")?)?,
        logged_place: place(&row.try_get::<String, _>("logged_place")?)?,
        sides: Sides {
            left: opt_ml(row.try_get("left_ml")?)?,
            right: opt_ml(row.try_get("right_ml")?)?,
        },
        state: BatchState {
            amount: ml(row.try_get("amount_ml")?)?,
            place: place(&row.try_get::<String, _>("place")?)?,
            clocks: Clocks {
                expressed_at: time(row.try_get("expressed_at")?)?,
                frozen_at: opt_time(row.try_get("frozen_at")?)?,
                thawed_at: opt_time(row.try_get("thawed_at")?)?,
                place_since: time(row.try_get("place_since")?)?,
                cap: opt_time(row.try_get("cap_at")?)?,
            },
            status: Status::from_code(&status)
                .ok_or_else(|| StorageError::Corrupt(format!("status {status}")))?,
        },
        created_at: time(row.try_get("created_at")?)?,
        created_by: row.try_get("created_by")?,
    })
}

/// Records `update_id` as handled inside `tx`. False when it already was.
async fn claim_update(
    tx: &mut AnyConnection,
    update_id: Option<i64>,
    batch_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let Some(update_id) = update_id else {
        return Ok(true);
    };
    let inserted = sqlx::query(
        "INSERT INTO processed_updates (update_id, processed_at, batch_id) VALUES ($1, $2, $3) \
         ON CONFLICT (update_id) DO NOTHING",
    )
    .bind(update_id)
    .bind(secs(now))
    .bind(batch_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

/// Binds a batch's state as the next eight parameters: amount_ml, place, status,
/// expressed_at, frozen_at, thawed_at, place_since, cap_at.
fn bind_state<'q>(
    query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>,
    s: &BatchState,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments> {
    let c = &s.clocks;
    query
        .bind(i64::from(s.amount.get()))
        .bind(s.place.code())
        .bind(s.status.code())
        .bind(secs(c.expressed_at))
        .bind(c.frozen_at.map(secs))
        .bind(c.thawed_at.map(secs))
        .bind(secs(c.place_since))
        .bind(c.cap.map(secs))
}

async fn fetch_batch(
    exec: impl sqlx::Executor<'_, Database = Any>,
    family_id: i64,
    batch_id: i64,
) -> Result<Option<BatchRow>> {
    let sql = format!("SELECT {BATCH_COLUMNS} FROM batches WHERE id = $1 AND family_id = $2");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(batch_id)
        .bind(family_id)
        .fetch_optional(exec)
        .await?
        .as_ref()
        .map(batch_from_row)
        .transpose()
}

/// One change to a batch, as `write_change` takes it.
struct Change<'a> {
    family_id: i64,
    batch_id: i64,
    version: i64,
    after: &'a BatchState,
    event: &'a NewEvent<'a>,
    /// For a corrected logging message: the sides it now gives.
    relogged: Option<Sides>,
}

/// A new batch to store.
#[derive(Debug, Clone)]
pub struct NewBatchRow<'a> {
    pub family_id: i64,
    pub logged: Ml,
    pub sides: Sides,
    pub state: BatchState,
    pub actor: &'a Actor,
    pub origin: Option<Origin>,
    pub update_id: Option<i64>,
}

impl Db {
    /// Stores a newly logged batch with its first event and reminders. Logging the same
    /// message or update twice returns the batch of the first time.
    pub async fn insert_batch(
        &self,
        new: NewBatchRow<'_>,
        now: DateTime<Utc>,
        plan: impl FnOnce(&BatchRow) -> Vec<NewReminder>,
    ) -> Result<Written> {
        // A second delivery of the same message or update is caught inside the write
        // (the origin's unique key, the processed-updates mark), which is then rolled
        // back: no read before it for the first delivery, which is nearly every one.
        let mut tx = self.begin_write().await?;
        let s = &new.state;
        // The new row comes back whole: no read after the write.
        let sql = format!(
            "INSERT INTO batches (family_id, version, logged_ml, logged_place, left_ml, right_ml, \
             amount_ml, place, status, expressed_at, frozen_at, thawed_at, place_since, cap_at, \
             created_at, created_by, origin_chat_id, origin_msg_id) \
             VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
             ON CONFLICT (origin_chat_id, origin_msg_id) DO NOTHING RETURNING {BATCH_COLUMNS}"
        );
        let inserted = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(new.family_id)
            .bind(i64::from(new.logged.get()))
            .bind(s.place.code())
            .bind(new.sides.left.map(|m| i64::from(m.get())))
            .bind(new.sides.right.map(|m| i64::from(m.get())));
        let inserted = bind_state(inserted, s)
            .bind(secs(now))
            .bind(new.actor.id)
            .bind(new.origin.map(|o| o.chat_id))
            .bind(new.origin.map(|o| o.message_id))
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = inserted.as_ref().map(batch_from_row).transpose()? else {
            tx.rollback().await?;
            return Ok(Written::Duplicate(self.batch_logged_by(&new).await?));
        };
        let id = row.id;
        if !claim_update(&mut tx, new.update_id, Some(id), now).await? {
            tx.rollback().await?;
            return Ok(Written::Duplicate(self.batch_logged_by(&new).await?));
        }
        let event = NewEvent {
            kind: EventKind::Logged,
            actor: new.actor,
            place_from: None,
            place_to: Some(s.place),
            amount: Some(s.amount),
            reason: None,
            before: None,
            undoes: None,
        };
        insert_event(&mut tx, new.family_id, id, &event, now).await?;
        // A new batch has no reminders to replace.
        let plan = plan(&row);
        insert_all(&mut tx, &plan).await?;
        tx.commit().await?;
        self.wake_scheduler_for(&plan);
        Ok(Written::Done(row))
    }

    /// The batch logged by message `origin` in this family, if any.
    pub async fn batch_by_origin(
        &self,
        family_id: i64,
        origin: Origin,
    ) -> Result<Option<BatchRow>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM batches WHERE origin_chat_id = $1 AND origin_msg_id = $2",
        )
        .bind(origin.chat_id)
        .bind(origin.message_id)
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some(id) => fetch_batch(&self.pool, family_id, id).await,
            None => Ok(None),
        }
    }

    /// The batch an earlier delivery of the same message or update created, if any: one
    /// statement (the message's batch first, then the update's).
    async fn batch_logged_by(&self, new: &NewBatchRow<'_>) -> Result<Option<BatchRow>> {
        if new.origin.is_none() && new.update_id.is_none() {
            return Ok(None);
        }
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM (SELECT id, 0 AS pick FROM batches \
             WHERE origin_chat_id = $1 AND origin_msg_id = $2 \
             UNION ALL SELECT batch_id, 1 FROM processed_updates \
             WHERE update_id = $3 AND batch_id IS NOT NULL) found ORDER BY pick LIMIT 1",
        )
        .bind(new.origin.map(|o| o.chat_id))
        .bind(new.origin.map(|o| o.message_id))
        .bind(new.update_id)
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some(id) => fetch_batch(&self.pool, new.family_id, id).await,
            None => Ok(None),
        }
    }

    /// Writes a change the domain approved, if the batch is still at `version`.
    #[allow(clippy::too_many_arguments)]
    pub async fn change_batch(
        &self,
        family_id: i64,
        batch_id: i64,
        version: i64,
        after: &BatchState,
        event: &NewEvent<'_>,
        update_id: Option<i64>,
        now: DateTime<Utc>,
        plan: impl FnOnce(&BatchRow) -> Vec<NewReminder>,
    ) -> Result<Written> {
        let change = Change {
            family_id,
            batch_id,
            version,
            after,
            event,
            relogged: None,
        };
        self.write_change(change, update_id, now, plan).await
    }

    /// Writes a batch as its corrected logging message logs it: the new state and what
    /// counts as logged (amount, place, sides), if the batch is still at `version`.
    #[allow(clippy::too_many_arguments)]
    pub async fn relog_batch(
        &self,
        family_id: i64,
        batch_id: i64,
        version: i64,
        after: &BatchState,
        sides: Sides,
        event: &NewEvent<'_>,
        update_id: Option<i64>,
        now: DateTime<Utc>,
        plan: impl FnOnce(&BatchRow) -> Vec<NewReminder>,
    ) -> Result<Written> {
        let change = Change {
            family_id,
            batch_id,
            version,
            after,
            event,
            relogged: Some(sides),
        };
        self.write_change(change, update_id, now, plan).await
    }

    async fn write_change(
        &self,
        change: Change<'_>,
        update_id: Option<i64>,
        now: DateTime<Utc>,
        plan: impl FnOnce(&BatchRow) -> Vec<NewReminder>,
    ) -> Result<Written> {
        let Change {
            family_id,
            batch_id,
            version,
            after,
            event,
            relogged,
        } = change;
        let mut tx = self.begin_write().await?;
        if !claim_update(&mut tx, update_id, None, now).await? {
            tx.rollback().await?;
            return Ok(Written::Duplicate(self.batch(family_id, batch_id).await?));
        }
        // A correction through the logging message also sets what counts as logged.
        let relogged_columns = if relogged.is_some() {
            ", logged_ml = $1, logged_place = $2, left_ml = $12, right_ml = $13"
        } else {
            ""
        };
        // The changed row comes back whole: no read after the write.
        let sql = format!(
            "UPDATE batches SET version = version + 1, amount_ml = $1, place = $2, status = $3, \
             expressed_at = $4, frozen_at = $5, thawed_at = $6, place_since = $7, cap_at = $8\
             {relogged_columns} WHERE id = $9 AND family_id = $10 AND version = $11 \
             RETURNING {BATCH_COLUMNS}"
        );
        let mut update = bind_state(sqlx::query(sqlx::AssertSqlSafe(sql)), after)
            .bind(batch_id)
            .bind(family_id)
            .bind(version);
        if let Some(sides) = relogged {
            update = update
                .bind(sides.left.map(|m| i64::from(m.get())))
                .bind(sides.right.map(|m| i64::from(m.get())));
        }
        let updated = update.fetch_optional(&mut *tx).await?;
        let Some(row) = updated.as_ref().map(batch_from_row).transpose()? else {
            tx.rollback().await?;
            return Ok(Written::Stale(self.batch(family_id, batch_id).await?));
        };
        insert_event(&mut tx, family_id, batch_id, event, now).await?;
        let plan = plan(&row);
        replace_pending(&mut tx, batch_id, &plan).await?;
        tx.commit().await?;
        self.wake_scheduler_for(&plan);
        Ok(Written::Done(row))
    }

    /// How many batches a family has stored now, and in all.
    pub async fn batch_counts(&self, family_id: i64) -> Result<(i64, i64)> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS total, \
             COALESCE(SUM(CASE WHEN status = 'stored' THEN 1 ELSE 0 END), 0) AS stored \
             FROM batches WHERE family_id = $1",
        )
        .bind(family_id)
        .fetch_one(&self.pool)
        .await?;
        let stored: i64 = row.try_get("stored")?;
        let total: i64 = row.try_get("total")?;
        Ok((stored, total))
    }

    /// A batch of this family, or None (also when it belongs to another family).
    pub async fn batch(&self, family_id: i64, batch_id: i64) -> Result<Option<BatchRow>> {
        fetch_batch(&self.pool, family_id, batch_id).await
    }

    pub async fn batches(&self, family_id: i64, filter: StashFilter) -> Result<Vec<BatchRow>> {
        let sql = match filter {
            StashFilter::Stored => format!(
                "SELECT {BATCH_COLUMNS} FROM batches WHERE family_id = $1 AND status = 'stored' \
                 ORDER BY expressed_at, id"
            ),
            StashFilter::All => {
                format!("SELECT {BATCH_COLUMNS} FROM batches WHERE family_id = $1 ORDER BY id")
            }
        };
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(family_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(batch_from_row)
            .collect()
    }

    /// The newest batches of a family, newest first (for presets and "same again").
    pub async fn recent_batches(&self, family_id: i64, limit: i64) -> Result<Vec<BatchRow>> {
        let sql = format!(
            "SELECT {BATCH_COLUMNS} FROM batches WHERE family_id = $1 AND status <> 'removed' \
             ORDER BY id DESC LIMIT $2"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(family_id)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(batch_from_row)
            .collect()
    }

    /// Expressing sessions (logged batches, not undone) since `since`, for stats.
    pub async fn sessions(
        &self,
        family_id: i64,
        since: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::stats::Session>> {
        sqlx::query(
            "SELECT expressed_at, logged_ml, left_ml, right_ml FROM batches \
             WHERE family_id = $1 AND status <> 'removed' AND expressed_at >= $2 \
             ORDER BY expressed_at",
        )
        .bind(family_id)
        .bind(secs(since))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(crate::domain::stats::Session {
                expressed_at: time(row.try_get("expressed_at")?)?,
                amount: ml(row.try_get("logged_ml")?)?,
                left: opt_ml(row.try_get("left_ml")?)?,
                right: opt_ml(row.try_get("right_ml")?)?,
            })
        })
        .collect()
    }
}

#[cfg(test)]
mod tests;
