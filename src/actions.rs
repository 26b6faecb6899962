//! The bot's use cases: log a batch, act on one, undo, change settings. Each loads what
//! it needs, asks the pure domain, and writes the result (with the batch's reminders) in
//! one transaction. No Telegram types here: the adapter renders what these return.

use chrono::{DateTime, Utc};

use crate::domain::batch::{self, Action, BatchError, NewBatch, Status};
use crate::domain::reminders::{self, Kind};
use crate::domain::settings::Settings;
use crate::domain::{Ml, Place};
use crate::storage::{
    Actor, BatchRow, Db, FamilyRow, NewBatchRow, NewEvent, NewReminder, Origin, StorageError,
    Written,
};

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
            kind: p.kind.code().to_owned(),
            place: Some(p.place),
            due_at: p.due,
            urgent: p.urgent,
        })
        .collect()
}

/// Most batches a family may have in the stash at once.
pub const MAX_STORED: i64 = 500;
/// Most batches a family may have logged in all (its history included).
pub const MAX_BATCHES: i64 = 50_000;

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
        undid: Option<String>,
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
            let restored = match (last.kind.as_str(), last.before) {
                ("logged", _) => batch::BatchState {
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
                kind: "undone",
                actor,
                place_from: Some(before.state.place),
                place_to: Some(restored.place),
                amount: None,
                reason: Some(undo_reason(&last.kind)),
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
        kind: "edited",
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

fn undo_reason(kind: &str) -> &'static str {
    match kind {
        "logged" => "logged",
        "moved" => "moved",
        "thawed" => "thawed",
        "used" => "used",
        "discarded" => "discarded",
        _ => "edited",
    }
}

fn event_kind(before: &BatchRow, action: Action) -> (&'static str, Option<&'static str>) {
    match action {
        Action::Move(to) if to.is_thawed() && before.state.place.is_frozen() => ("thawed", None),
        Action::Move(Place::Leftover) => ("moved", Some("feed")),
        // What the baby drank counts as used (in stats and days of supply).
        Action::Leftover { .. } => ("used", Some("feed")),
        Action::Move(_) => ("moved", None),
        Action::Use(_) => ("used", None),
        Action::Discard(reason) => ("discarded", Some(reason.code())),
        Action::SetAmount(_) => ("edited", Some("amount")),
        Action::SetExpressed(_) => ("edited", Some("time")),
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
        kind: Kind::Snooze.code().to_owned(),
        place: Some(planned.place),
        due_at: until,
        urgent: true,
    })
    .await?;
    Ok(Acted::Snoozed { batch, until })
}

/// Saves new settings and rewrites the reminders of every stored batch to match (a new
/// guideline or timezone moves deadlines and quiet hours).
pub async fn change_settings(
    db: &Db,
    family: &FamilyRow,
    settings: Settings,
    now: DateTime<Utc>,
) -> Result<FamilyRow> {
    let family = FamilyRow {
        id: family.id,
        settings,
    };
    // The new deadlines of every stored batch, the next summaries and the settings
    // themselves are written in one transaction: all or nothing.
    let stored = db
        .batches(family.id, crate::storage::StashFilter::Stored)
        .await?;
    let plans: Vec<(i64, Vec<NewReminder>)> = stored
        .iter()
        .map(|row| (row.id, reminder_rows(row, &family.settings, now)))
        .collect();
    let jobs = [
        (MORNING, morning_job(&family, now)),
        (WEEKLY, weekly_job(&family, now)),
    ];
    db.save_settings(family.id, &family.settings, &jobs, &plans)
        .await?;
    Ok(family)
}

const MORNING: &str = "morning";
const WEEKLY: &str = "weekly";

/// Schedules the family's next morning summary (or none, when it is off), replacing any
/// that is pending.
pub async fn schedule_morning(db: &Db, family: &FamilyRow, now: DateTime<Utc>) -> Result<()> {
    db.replace_family_job(family.id, MORNING, morning_job(family, now).as_ref())
        .await
}

/// The family's next morning summary, if it wants one.
fn morning_job(family: &FamilyRow, now: DateTime<Utc>) -> Option<NewReminder> {
    family.settings.morning_digest.then(|| {
        let due = crate::domain::settings::next_morning(&family.settings, now);
        family_job(family, MORNING, due)
    })
}

/// A summary for the whole family (no batch, no particular chat), keyed by its minute.
fn family_job(family: &FamilyRow, kind: &str, due: DateTime<Utc>) -> NewReminder {
    NewReminder {
        key: format!("f{}:{kind}:{}", family.id, due.timestamp() / 60),
        family_id: family.id,
        batch_id: None,
        chat_id: None,
        kind: kind.into(),
        place: None,
        due_at: due,
        urgent: false,
    }
}

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
        kind: "switch".into(),
        place: None,
        due_at: due,
        urgent: true,
    })
    .await
}

/// Everything `/stats`, the weekly summary and the low-stash alert need.
pub struct InsightsData {
    pub insights: crate::domain::stats::Insights,
    pub chart: crate::chart::ChartInput,
}

/// Loads a family's recent history and computes its insights.
pub async fn insights(db: &Db, family: &FamilyRow, now: DateTime<Utc>) -> Result<InsightsData> {
    use crate::domain::stats::{self, StoredBatch};
    let settings = &family.settings;
    // Two weeks of sessions for the chart (plus a day for timezone edges); a week of use.
    let sessions = db
        .sessions(family.id, now - chrono::Duration::days(15))
        .await?;
    let usage = db.usage(family.id, now - chrono::Duration::days(8)).await?;
    let stash: Vec<StoredBatch> = db
        .batches(family.id, crate::storage::StashFilter::Stored)
        .await?
        .iter()
        .map(|b| StoredBatch {
            id: b.id,
            place: b.state.place,
            amount: b.state.amount,
            expressed_at: b.state.clocks.expressed_at,
            deadline: b.state.horizon(settings.guideline()),
        })
        .collect();
    let insights = stats::insights(&sessions, &usage, &stash, settings.tz, now);
    let chart = crate::chart::ChartInput::new(
        crate::messages::CHART_TITLE,
        settings.unit,
        settings.tz,
        now,
        &sessions,
        stash,
    );
    Ok(InsightsData { insights, chart })
}

/// After milk left the frozen stash: if the family asked for a low-stash alert and the
/// frozen stash now lasts fewer days than its threshold, schedule the alert (at most one
/// a day).
pub async fn check_low_stash(db: &Db, family: &FamilyRow, now: DateTime<Utc>) -> Result<()> {
    let Some(threshold) = family.settings.low_stash_days else {
        return Ok(());
    };
    let data = insights(db, family, now).await?;
    let Some(days) = data.insights.frozen_days_of_supply else {
        return Ok(());
    };
    if days >= f64::from(threshold) {
        return Ok(());
    }
    let date = now.with_timezone(&family.settings.tz).format("%Y-%m-%d");
    db.add_reminder(&NewReminder {
        key: format!("f{}:lowstash:{date}", family.id),
        family_id: family.id,
        batch_id: None,
        chat_id: None,
        kind: "lowstash".into(),
        place: None,
        due_at: now,
        urgent: false,
    })
    .await
}

/// Schedules the family's next weekly summary (Monday morning), or none when it is off.
pub async fn schedule_weekly(db: &Db, family: &FamilyRow, now: DateTime<Utc>) -> Result<()> {
    db.replace_family_job(family.id, WEEKLY, weekly_job(family, now).as_ref())
        .await
}

/// The family's next weekly summary (Monday morning), if it wants one.
fn weekly_job(family: &FamilyRow, now: DateTime<Utc>) -> Option<NewReminder> {
    use chrono::Datelike;
    if !family.settings.weekly_summary {
        return None;
    }
    let mut due = crate::domain::settings::next_morning(&family.settings, now);
    while due.with_timezone(&family.settings.tz).weekday() != chrono::Weekday::Mon {
        due = crate::domain::settings::next_morning(&family.settings, due);
    }
    Some(family_job(family, WEEKLY, due))
}
