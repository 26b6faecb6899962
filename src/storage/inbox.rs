//! The inbox of incoming updates, and which updates have taken effect.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Db, Result, secs};

/// Whether a statement over `n` rows (its text differs with `n`) is prepared for this one
/// use rather than kept in the connection's statement cache. Every count would be a
/// statement of its own, up to a hundred per connection, each holding its compiled
/// program, and pushing the bot's everyday statements out of the cache (sqlx keeps the
/// last 100 per connection); seen as ~30 MiB more resident memory at 400 chats.
fn one_off(n: usize) -> bool {
    n > 1
}

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
    /// Returns false when it was already in the inbox.
    pub async fn inbox_add(
        &self,
        update_id: i64,
        payload: &str,
        now: DateTime<Utc>,
        hold_until: DateTime<Utc>,
    ) -> Result<bool> {
        let added = self
            .inbox_add_all(&[(update_id, payload)], now, hold_until)
            .await?;
        Ok(!added.is_empty())
    }

    /// [`Db::inbox_add`] for a page of updates (id, JSON), in one statement: all are
    /// kept or none. Returns the ids that were not in the inbox yet. A page is what one
    /// getUpdates call brings (at most 100), well under either engine's limit on bound
    /// parameters (two per update).
    pub async fn inbox_add_all(
        &self,
        updates: &[(i64, &str)],
        now: DateTime<Utc>,
        hold_until: DateTime<Utc>,
    ) -> Result<Vec<i64>> {
        if updates.is_empty() {
            return Ok(Vec::new());
        }
        // $1 and $2 are the times every row shares; then id and JSON per update.
        let rows: Vec<String> = (0..updates.len())
            .map(|i| format!("(${}, ${}, $1, $2)", 3 + 2 * i, 4 + 2 * i))
            .collect();
        let sql = format!(
            "INSERT INTO inbox (update_id, payload, received_at, next_try_at) VALUES {} \
             ON CONFLICT (update_id) DO NOTHING RETURNING update_id",
            rows.join(", ")
        );
        // Only numbered placeholders are spliced in; the values are bound. Each page
        // size is its own statement: only the one-update form is kept prepared (see
        // [`one_off`]).
        let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .persistent(!one_off(updates.len()))
            .bind(secs(now))
            .bind(secs(hold_until));
        for (id, payload) in updates {
            query = query.bind(*id).bind(*payload);
        }
        let gate = self.gate().await?;
        Ok(query.fetch_all(gate.writer()).await?)
    }

    /// At start: everything left in the inbox is due now.
    pub async fn inbox_release_all(&self) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query("UPDATE inbox SET next_try_at = 0")
            .execute(gate.writer())
            .await?;
        Ok(())
    }

    /// The update was handled: forget it.
    pub async fn inbox_done(&self, update_id: i64) -> Result<()> {
        self.inbox_done_all(&[update_id]).await
    }

    /// These updates were handled: forget them, in one write.
    pub async fn inbox_done_all(&self, update_ids: &[i64]) -> Result<()> {
        for chunk in update_ids.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "DELETE FROM inbox WHERE update_id IN ({})",
                marks.join(", ")
            );
            // Only numbered placeholders are spliced in; the ids are bound.
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(!one_off(chunk.len()));
            for id in chunk {
                query = query.bind(*id);
            }
            let gate = self.gate().await?;
            query.execute(gate.writer()).await?;
        }
        Ok(())
    }

    /// Handling failed: try again after `next_try`. Returns the attempts so far.
    pub async fn inbox_failed(&self, update_id: i64, next_try: DateTime<Utc>) -> Result<i64> {
        let gate = self.gate().await?;
        let attempts: Option<i64> = sqlx::query_scalar(
            "UPDATE inbox SET attempts = attempts + 1, next_try_at = $1 WHERE update_id = $2 \
             RETURNING attempts",
        )
        .bind(secs(next_try))
        .bind(update_id)
        .fetch_optional(gate.writer())
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
        let sql = format!(
            "SELECT update_id, payload, attempts FROM inbox WHERE next_try_at <= $1 \
             ORDER BY update_id LIMIT $2{}",
            self.backend.skip_locked()
        );
        let mut tx = self.begin_write().await?;
        let items: Vec<InboxItem> = sqlx::query(sqlx::AssertSqlSafe(sql))
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

    /// How many updates in the inbox are due to be handed out (again) at `now`: not in
    /// hand, not waiting for a later retry (for tests that wait until the bot is idle).
    pub async fn inbox_due_count(&self, now: DateTime<Utc>) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM inbox WHERE next_try_at <= $1")
                .bind(secs(now))
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// How many updates wait in the inbox (for health checks and tests).
    pub async fn inbox_len(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM inbox")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Drops "processed update" marks older than `before` (see `upkeep` for how long
    /// they must be kept). Returns how many went.
    pub async fn prune_processed(&self, before: DateTime<Utc>) -> Result<u64> {
        let gate = self.gate().await?;
        Ok(
            sqlx::query("DELETE FROM processed_updates WHERE processed_at < $1")
                .bind(secs(before))
                .execute(gate.writer())
                .await?
                .rows_affected(),
        )
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    #[tokio::test]
    async fn an_update_is_kept_once_and_handed_out_again_only_when_due() {
        let (_guard, db) = super::super::families::tests::temp_db().await;
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let hold = chrono::Duration::seconds(60);
        assert!(db.inbox_add(7, "{}", now, now + hold).await.unwrap());
        // Telegram sends it again (not confirmed before a crash): nothing new to hand out.
        assert!(!db.inbox_add(7, "{}", now, now + hold).await.unwrap());
        assert_eq!(db.inbox_len().await.unwrap(), 1);
        // While it is held (being handled), the retry loop leaves it alone ...
        assert!(db.inbox_due(now, hold, 10).await.unwrap().is_empty());
        // ... and once the hold is over, it comes back exactly once.
        let later = now + hold;
        let due = db.inbox_due(later, hold, 10).await.unwrap();
        assert_eq!(due.iter().map(|i| i.update_id).collect::<Vec<_>>(), [7]);
        assert!(db.inbox_due(later, hold, 10).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_page_is_kept_in_one_write_and_only_the_new_updates_are_reported() {
        let (_guard, db) = super::super::families::tests::temp_db().await;
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let hold = chrono::Duration::seconds(60);
        // Update 2 arrived before (its page was not confirmed before a crash).
        assert!(
            db.inbox_add(2, r#"{"first":true}"#, now, now)
                .await
                .unwrap()
        );
        let page = [(1, r#"{"u":1}"#), (2, r#"{"u":2}"#), (3, r#"{"u":3}"#)];
        let mut added = db.inbox_add_all(&page, now, now + hold).await.unwrap();
        added.sort();
        assert_eq!(added, [1, 3]);
        assert!(db.inbox_add_all(&[], now, now).await.unwrap().is_empty());
        assert_eq!(db.inbox_len().await.unwrap(), 3);
        // The one kept before is unchanged (its JSON, its time); the new ones are held
        // and come back, with the JSON as given, once the hold is over (with update 2,
        // whose own hold began when it was handed out just before).
        let due = db.inbox_due(now, hold, 10).await.unwrap();
        assert_eq!(
            due.iter()
                .map(|i| (i.update_id, i.payload.as_str()))
                .collect::<Vec<_>>(),
            [(2, r#"{"first":true}"#)]
        );
        let due = db.inbox_due(now + hold, hold, 10).await.unwrap();
        assert_eq!(
            due.iter()
                .map(|i| (i.update_id, i.payload.as_str()))
                .collect::<Vec<_>>(),
            [
                (1, r#"{"u":1}"#),
                (2, r#"{"first":true}"#),
                (3, r#"{"u":3}"#)
            ]
        );
    }

    #[tokio::test]
    async fn handled_updates_leave_the_inbox_together_and_only_they() {
        let (_guard, db) = super::super::families::tests::temp_db().await;
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        for id in 1..=1_200 {
            db.inbox_add(id, "{}", now, now).await.unwrap();
        }
        // More than one chunk of ids, in any order, with one unknown id.
        let done: Vec<i64> = (1..=1_199).rev().chain([9_999]).collect();
        db.inbox_done_all(&done).await.unwrap();
        db.inbox_done_all(&[]).await.unwrap();
        assert_eq!(db.inbox_len().await.unwrap(), 1);
        let left = db
            .inbox_due(now, chrono::Duration::seconds(60), 10)
            .await
            .unwrap();
        assert_eq!(
            left.iter().map(|i| i.update_id).collect::<Vec<_>>(),
            [1_200]
        );
    }
}
