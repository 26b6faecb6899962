//! Logging a batch, and correcting one through an edit of the message that logged it.

use chrono::{DateTime, Utc};

use super::{Result, reminder_rows};
use crate::domain::EventKind;
use crate::domain::batch::{self, BatchError, NewBatch};
use crate::domain::limits::{MAX_BATCHES, MAX_STORED};
use crate::storage::{
    Actor, BatchRow, Db, FamilyRow, NewBatchRow, NewEvent, Origin, StorageError, Written,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Logged {
    New(BatchRow),
    /// The same message or button was handled before: this is what it logged.
    Again(BatchRow),
    Invalid(BatchError),
    /// The family reached a limit on stored rows; nothing was logged.
    Full {
        stored: bool,
    },
}

/// Logs a new batch. The same `origin` message (or `update_id`) never logs twice.
pub async fn log_batch(
    db: &Db,
    family: &FamilyRow,
    actor: &Actor,
    new: NewBatch,
    origin: Option<Origin>,
    update_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Logged> {
    let state = match batch::log(new, now) {
        Ok(state) => state,
        Err(e) => return Ok(Logged::Invalid(e)),
    };
    let (stored, total) = db.batch_counts(family.id).await?;
    if stored >= MAX_STORED || total >= MAX_BATCHES {
        // A redelivered log of a batch that exists is still "Again", not "Full".
        if let Some(origin) = origin
            && let Some(row) = db.batch_by_origin(family.id, origin).await?
        {
            return Ok(Logged::Again(row));
        }
        return Ok(Logged::Full {
            stored: stored >= MAX_STORED,
        });
    }
    let row = NewBatchRow {
        family_id: family.id,
        logged: state.amount,
        sides: new.sides,
        state,
        actor,
        origin,
        update_id,
    };
    let settings = &family.settings;
    Ok(
        match db
            .insert_batch(row, now, |row| reminder_rows(row, settings, now))
            .await?
        {
            Written::Done(row) => Logged::New(row),
            Written::Duplicate(Some(row)) | Written::Stale(Some(row)) => Logged::Again(row),
            Written::Duplicate(None) | Written::Stale(None) => {
                return Err(StorageError::Corrupt(
                    "duplicate log without its batch".into(),
                ));
            }
        },
    )
}

/// What correcting a logging message (Telegram's "edit") did.
#[derive(Debug, Clone, PartialEq)]
pub enum Relogged {
    Done {
        before: BatchRow,
        after: BatchRow,
    },
    /// Too late, the batch moved on, the deadline would move later, or the new text
    /// is not a valid log. Nothing changed.
    Refused {
        batch: BatchRow,
        why: BatchError,
    },
    /// The same edit was handled before (or the batch changed meanwhile): as it is now.
    Again(BatchRow),
}

/// The message that logged `row` was edited to log `new`: correct the batch, if the
/// domain allows it (see [`batch::relog`]; `confirmed`: the parent saw both deadlines
/// and accepted the later one).
#[allow(clippy::too_many_arguments)]
pub async fn relog(
    db: &Db,
    family: &FamilyRow,
    actor: &Actor,
    row: BatchRow,
    new: NewBatch,
    update_id: Option<i64>,
    now: DateTime<Utc>,
    confirmed: bool,
) -> Result<Relogged> {
    let settings = &family.settings;
    // Nothing was done to it since it was logged (or last corrected this way): still
    // where it was logged, never moved, nothing used.
    let s = &row.state;
    let untouched = s.place == row.logged_place
        && s.amount == row.logged
        && s.clocks.place_since == s.clocks.expressed_at;
    let after = match batch::relog(
        &row.state,
        untouched,
        row.created_at,
        new,
        now,
        settings.guideline(),
        confirmed,
    ) {
        Ok(after) => after,
        Err(why) => return Ok(Relogged::Refused { batch: row, why }),
    };
    let event = NewEvent {
        kind: EventKind::Edited,
        actor,
        place_from: Some(row.state.place),
        place_to: Some(after.place),
        amount: Some(after.amount),
        reason: Some("message"),
        before: Some(row.state),
        undoes: None,
    };
    let written = db
        .relog_batch(
            family.id,
            row.id,
            row.version,
            &after,
            new.sides,
            &event,
            update_id,
            now,
            |r| reminder_rows(r, settings, now),
        )
        .await?;
    Ok(match written {
        Written::Done(after) => Relogged::Done { before: row, after },
        Written::Duplicate(Some(current)) | Written::Stale(Some(current)) => {
            Relogged::Again(current)
        }
        Written::Duplicate(None) | Written::Stale(None) => Relogged::Again(row),
    })
}
