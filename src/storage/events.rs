//! The history of each batch: one event per change (logged, moved, used, undone...),
//! with the state before it, which is what makes undo exact.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::batches::Actor;
use super::rows::{coded, ml, opt_ml, place};
use super::{Db, Result, StorageError, secs, time};
use crate::domain::{BatchState, EventKind, Ml, Place};

/// One history event, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub id: i64,
    pub batch_id: i64,
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    pub actor_id: i64,
    pub actor_name: String,
    pub place_from: Option<Place>,
    pub place_to: Option<Place>,
    pub amount: Option<Ml>,
    pub reason: Option<String>,
    pub before: Option<BatchState>,
    pub undone: bool,
}

/// A history event to append.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    pub kind: EventKind,
    pub actor: &'a Actor,
    pub place_from: Option<Place>,
    pub place_to: Option<Place>,
    pub amount: Option<Ml>,
    pub reason: Option<&'a str>,
    /// The state before the change, kept for undo.
    pub before: Option<BatchState>,
    /// For an undo: the event it reverts, which gets marked undone.
    pub undoes: Option<i64>,
}

/// The columns [`event_from_row`] reads.
const EVENT_COLUMNS: &str = "id, batch_id, kind, at, actor_id, actor_name, place_from, place_to, \
     amount_ml, reason, before_state, undone";

fn event_from_row(row: &AnyRow) -> Result<EventRow> {
    let before = row
        .try_get::<Option<String>, _>("before_state")?
        .map(|json| {
            serde_json::from_str::<BatchState>(&json)
                .map_err(|e| StorageError::Corrupt(format!("event state: {e}")))
        })
        .transpose()?;
    Ok(EventRow {
        id: row.try_get("id")?,
        batch_id: row.try_get("batch_id")?,
        kind: coded(
            "event kind",
            &row.try_get::<String, _>("kind")?,
            EventKind::from_code,
        )?,
        at: time(row.try_get("at")?)?,
        actor_id: row.try_get("actor_id")?,
        actor_name: row.try_get("actor_name")?,
        place_from: row
            .try_get::<Option<String>, _>("place_from")?
            .as_deref()
            .map(place)
            .transpose()?,
        place_to: row
            .try_get::<Option<String>, _>("place_to")?
            .as_deref()
            .map(place)
            .transpose()?,
        amount: opt_ml(row.try_get("amount_ml")?)?,
        reason: row.try_get("reason")?,
        before,
        undone: row.try_get::<i64, _>("undone")? != 0,
    })
}

pub(super) async fn insert_event(
    tx: &mut AnyConnection,
    family_id: i64,
    batch_id: i64,
    event: &NewEvent<'_>,
    now: DateTime<Utc>,
) -> Result<()> {
    let before = event
        .before
        .map(|s| serde_json::to_string(&s))
        .transpose()
        .map_err(|e| StorageError::Corrupt(e.to_string()))?;
    sqlx::query(
        "INSERT INTO batch_events (batch_id, family_id, kind, at, actor_id, actor_name, \
         place_from, place_to, amount_ml, reason, before_state) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(batch_id)
    .bind(family_id)
    .bind(event.kind.code())
    .bind(secs(now))
    .bind(event.actor.id)
    .bind(event.actor.name.as_str())
    .bind(event.place_from.map(Place::code))
    .bind(event.place_to.map(Place::code))
    .bind(event.amount.map(|m| i64::from(m.get())))
    .bind(event.reason)
    .bind(before)
    .execute(&mut *tx)
    .await?;
    if let Some(undone) = event.undoes {
        sqlx::query("UPDATE batch_events SET undone = 1 WHERE id = $1 AND batch_id = $2")
            .bind(undone)
            .bind(batch_id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

impl Db {
    /// The newest event of a batch that has not been undone (what Undo reverts).
    pub async fn last_event(&self, family_id: i64, batch_id: i64) -> Result<Option<EventRow>> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM batch_events \
             WHERE batch_id = $1 AND family_id = $2 AND undone = 0 AND kind <> 'undone' \
             ORDER BY id DESC LIMIT 1"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(batch_id)
            .bind(family_id)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(event_from_row)
            .transpose()
    }

    /// Milk used from the stash since `since` (uses that were not undone), for stats.
    pub async fn usage(
        &self,
        family_id: i64,
        since: DateTime<Utc>,
    ) -> Result<Vec<crate::domain::stats::Usage>> {
        sqlx::query(
            "SELECT at, amount_ml FROM batch_events WHERE family_id = $1 AND kind = 'used' \
             AND undone = 0 AND at >= $2 AND amount_ml IS NOT NULL ORDER BY at",
        )
        .bind(family_id)
        .bind(secs(since))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(crate::domain::stats::Usage {
                at: time(row.try_get("at")?)?,
                amount: ml(row.try_get("amount_ml")?)?,
            })
        })
        .collect()
    }

    /// One batch's history, oldest first (the board shows it on the batch's card).
    pub async fn batch_events(&self, family_id: i64, batch_id: i64) -> Result<Vec<EventRow>> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM batch_events \
             WHERE batch_id = $1 AND family_id = $2 ORDER BY id"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(batch_id)
            .bind(family_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(event_from_row)
            .collect()
    }

    /// A family's whole history, oldest first.
    pub async fn events(&self, family_id: i64) -> Result<Vec<EventRow>> {
        let sql =
            format!("SELECT {EVENT_COLUMNS} FROM batch_events WHERE family_id = $1 ORDER BY id");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(family_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(event_from_row)
            .collect()
    }
}
