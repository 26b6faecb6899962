//! Acting on a batch: move, thaw, use, discard, correct, undo, snooze.

use chrono::{DateTime, Utc};

use super::{Result, reminder_rows};
use crate::domain::EventKind;
use crate::domain::batch::{self, Action, BatchError, Status};
use crate::domain::reminders::{self, Kind};
use crate::domain::{Ml, Place};
use crate::storage::{Actor, BatchRow, Db, FamilyRow, NewEvent, NewReminder, Written};

/// What a parent asks of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Apply(Action),
    Undo,
    /// Push the batch's reminder back: by minutes, or to tomorrow morning (None).
    Snooze(Option<u32>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Acted {
    Done {
        before: BatchRow,
        after: BatchRow,
        act: Act,
        /// For use: how much was used.
        used: Option<Ml>,
        /// For undo: the kind of event that was reverted.
        undid: Option<EventKind>,
    },
    /// The domain refused (already used, cannot refreeze, ...). Nothing changed.
    Refused {
        batch: BatchRow,
        why: BatchError,
    },
    /// The button was older than the batch's last change. Nothing changed.
    Stale {
        current: BatchRow,
    },
    /// No such batch in this family (another family's, deleted, or forged).
    NotFound,
    NothingToUndo {
        batch: BatchRow,
    },
    /// The same update was handled before.
    Duplicate {
        current: Option<BatchRow>,
    },
    Snoozed {
        batch: BatchRow,
        until: DateTime<Utc>,
    },
}

/// Acts on batch `batch_id` of `family`, if it is still at `version`.
#[allow(clippy::too_many_arguments)]
pub async fn act(
    db: &Db,
    family: &FamilyRow,
    actor: &Actor,
    batch_id: i64,
    version: i64,
    act: Act,
    update_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Acted> {
    let Some(before) = db.batch(family.id, batch_id).await? else {
        return Ok(Acted::NotFound);
    };
    act_on(db, family, actor, before, version, act, update_id, now).await
}

/// [`act`] on a batch the caller has just read (`before`, a row of `family`), so it is
/// not read twice for one press. The write still checks `before.version` against the
/// stored row: a change made since the read is refused as stale.
#[allow(clippy::too_many_arguments)]
pub async fn act_on(
    db: &Db,
    family: &FamilyRow,
    actor: &Actor,
    before: BatchRow,
    version: i64,
    act: Act,
    update_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Acted> {
    let batch_id = before.id;
    if before.version != version {
        return Ok(Acted::Stale { current: before });
    }
    let settings = &family.settings;
    let (after, event, used, undid) = match act {
        Act::Apply(action) => {
            let outcome = match batch::apply(&before.state, action, now, settings.guideline()) {
                Ok(o) => o,
                Err(why) => return Ok(Acted::Refused { batch: before, why }),
            };
            let (kind, reason) = event_kind(&before, action);
            let event = NewEvent {
                kind,
                actor,
                place_from: Some(before.state.place),
                place_to: Some(outcome.after.place),
                amount: outcome.used.or(match action {
                    Action::SetAmount(ml) => Some(ml),
                    _ => None,
                }),
                reason,
                before: Some(before.state),
                undoes: None,
            };
            (outcome.after, event, outcome.used, None)
        }
        Act::Undo => {
            let Some(last) = db.last_event(family.id, batch_id).await? else {
                return Ok(Acted::NothingToUndo { batch: before });
            };
            let restored = match (last.kind, last.before) {
                (EventKind::Logged, _) => batch::BatchState {
                    status: Status::Removed,
                    ..before.state
                },
                (_, Some(state)) => state,
                (_, None) => return Ok(Acted::NothingToUndo { batch: before }),
            };
            if let Err(why) =
                batch::check_undo(&before.state, &restored, last.at, now, settings.guideline())
            {
                return Ok(Acted::Refused { batch: before, why });
            }
            let event = NewEvent {
                kind: EventKind::Undone,
                actor,
                place_from: Some(before.state.place),
                place_to: Some(restored.place),
                amount: None,
                reason: Some(undo_reason(last.kind)),
                before: Some(before.state),
                undoes: Some(last.id),
            };
            (restored, event, None, Some(last.kind))
        }
        Act::Snooze(minutes) => return snooze(db, family, before, minutes, update_id, now).await,
    };
    match db
        .change_batch(
            family.id,
            batch_id,
            version,
            &after,
            &event,
            update_id,
            now,
            |row| reminder_rows(row, settings, now),
        )
        .await?
    {
        Written::Done(row) => Ok(Acted::Done {
            before,
            after: row,
            act,
            used,
            undid,
        }),
        Written::Stale(Some(current)) => Ok(Acted::Stale { current }),
        Written::Stale(None) => Ok(Acted::NotFound),
        Written::Duplicate(current) => Ok(Acted::Duplicate { current }),
    }
}

/// The reason an undo records: the kind of event it reverted.
fn undo_reason(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Undone => EventKind::Edited.code(),
        other => other.code(),
    }
}

fn event_kind(before: &BatchRow, action: Action) -> (EventKind, Option<&'static str>) {
    match action {
        Action::Move(to) if to.is_thawed() && before.state.place.is_frozen() => {
            (EventKind::Thawed, None)
        }
        Action::Move(Place::Leftover) => (EventKind::Moved, Some("feed")),
        // What the baby drank counts as used (in stats and days of supply).
        Action::Leftover { .. } => (EventKind::Used, Some("feed")),
        Action::Move(_) => (EventKind::Moved, None),
        Action::Use(_) => (EventKind::Used, None),
        Action::Discard(reason) => (EventKind::Discarded, Some(reason.code())),
        Action::SetAmount(_) => (EventKind::Edited, Some("amount")),
        Action::SetExpressed(_) => (EventKind::Edited, Some("time")),
    }
}

async fn snooze(
    db: &Db,
    family: &FamilyRow,
    batch: BatchRow,
    minutes: Option<u32>,
    update_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Acted> {
    if batch.state.status != Status::Stored {
        return Ok(Acted::Refused {
            why: BatchError::Finished(batch.state.status),
            batch,
        });
    }
    let until = reminders::snooze_until(&family.settings, now, minutes);
    let planned = reminders::Planned {
        kind: Kind::Snooze,
        place: batch.state.place,
        due: until,
        urgent: true,
    };
    // The same press handled twice (a redelivered update) snoozes once.
    let key = match update_id {
        Some(u) => format!("b{}:{}:snooze:u{u}", batch.id, planned.place.code()),
        None => reminders::key(batch.id, &planned),
    };
    db.add_reminder(&NewReminder {
        key,
        family_id: family.id,
        batch_id: Some(batch.id),
        chat_id: None,
        kind: Kind::Snooze,
        place: Some(planned.place),
        due_at: until,
        urgent: true,
    })
    .await?;
    Ok(Acted::Snoozed { batch, until })
}
