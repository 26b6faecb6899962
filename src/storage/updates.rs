//! The inbox of incoming updates, and which updates have taken effect.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Db, Result, secs};

/// An update waiting in the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxItem {
    pub update_id: i64,
    pub payload: String,
    pub attempts: i64,
}

impl Db {
    /// Keeps an update before it is confirmed to Telegram; it is not retried before
    /// `hold_until` (it is being handled now). Receiving it again changes nothing.
    pub async fn inbox_add(
        &self,
        update_id: i64,
        payload: &str,
        now: DateTime<Utc>,
        hold_until: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO inbox (update_id, payload, received_at, next_try_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (update_id) DO NOTHING",
        )
        .bind(update_id)
        .bind(payload)
        .bind(secs(now))
        .bind(secs(hold_until))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// At start: everything left in the inbox is due now.
    pub async fn inbox_release_all(&self) -> Result<()> {
        sqlx::query("UPDATE inbox SET next_try_at = 0")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The update was handled: forget it.
    pub async fn inbox_done(&self, update_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM inbox WHERE update_id = $1")
            .bind(update_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Handling failed: try again after `next_try`. Returns the attempts so far.
    pub async fn inbox_failed(&self, update_id: i64, next_try: DateTime<Utc>) -> Result<i64> {
        let attempts: Option<i64> = sqlx::query_scalar(
            "UPDATE inbox SET attempts = attempts + 1, next_try_at = $1 WHERE update_id = $2 \
             RETURNING attempts",
        )
        .bind(secs(next_try))
        .bind(update_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(attempts.unwrap_or(0))
    }

    /// How often handling this update failed so far.
    pub async fn inbox_attempts(&self, update_id: i64) -> Result<i64> {
        let n: Option<i64> = sqlx::query_scalar("SELECT attempts FROM inbox WHERE update_id = $1")
            .bind(update_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(n.unwrap_or(0))
    }

    /// Updates whose turn has come (at start: everything left from before), oldest
    /// first. Each is pushed back by `hold` so it is not handed out twice meanwhile.
    pub async fn inbox_due(
        &self,
        now: DateTime<Utc>,
        hold: chrono::Duration,
        limit: i64,
    ) -> Result<Vec<InboxItem>> {
        let mut tx = self.begin_write().await?;
        let items: Vec<InboxItem> = sqlx::query(
            "SELECT update_id, payload, attempts FROM inbox WHERE next_try_at <= $1 \
             ORDER BY update_id LIMIT $2",
        )
        .bind(secs(now))
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| {
            Ok(InboxItem {
                update_id: row.try_get("update_id")?,
                payload: row.try_get("payload")?,
                attempts: row.try_get("attempts")?,
            })
        })
        .collect::<Result<_>>()?;
        for item in &items {
            sqlx::query("UPDATE inbox SET next_try_at = $1 WHERE update_id = $2")
                .bind(secs(now + hold))
                .bind(item.update_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(items)
    }

    /// How many updates wait in the inbox (for health checks and tests).
    pub async fn inbox_len(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM inbox")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Drops old "processed update" marks: Telegram redelivers within a day at most.
    pub async fn prune_processed(&self, before: DateTime<Utc>) -> Result<u64> {
        Ok(
            sqlx::query("DELETE FROM processed_updates WHERE processed_at < $1")
                .bind(secs(before))
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }
}
