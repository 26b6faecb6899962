//! Changing a family's settings, and the morning and weekly summaries they schedule.

use chrono::{DateTime, Utc};

use super::{Result, reminder_rows};
use crate::domain::reminders::Kind;
use crate::domain::settings::Settings;
use crate::storage::{Db, FamilyRow, NewReminder};

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
        (Kind::Morning, morning_job(&family, now)),
        (Kind::Weekly, weekly_job(&family, now)),
    ];
    db.save_settings(family.id, &family.settings, &jobs, &plans)
        .await?;
    Ok(family)
}

/// Schedules the family's next morning summary (or none, when it is off), replacing any
/// that is pending.
pub async fn schedule_morning(db: &Db, family: &FamilyRow, now: DateTime<Utc>) -> Result<()> {
    db.replace_family_job(family.id, Kind::Morning, morning_job(family, now).as_ref())
        .await
}

/// The family's next morning summary, if it wants one.
fn morning_job(family: &FamilyRow, now: DateTime<Utc>) -> Option<NewReminder> {
    family.settings.morning_digest.then(|| {
        let due = crate::domain::settings::next_morning(&family.settings, now);
        family_job(family, Kind::Morning, due)
    })
}

/// A summary for the whole family (no batch, no particular chat), keyed by its minute.
fn family_job(family: &FamilyRow, kind: Kind, due: DateTime<Utc>) -> NewReminder {
    NewReminder {
        key: format!("f{}:{}:{}", family.id, kind.code(), due.timestamp() / 60),
        family_id: family.id,
        batch_id: None,
        chat_id: None,
        kind,
        place: None,
        due_at: due,
        urgent: false,
    }
}

/// Schedules the family's next weekly summary (Monday morning), or none when it is off.
pub async fn schedule_weekly(db: &Db, family: &FamilyRow, now: DateTime<Utc>) -> Result<()> {
    db.replace_family_job(family.id, Kind::Weekly, weekly_job(family, now).as_ref())
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
    Some(family_job(family, Kind::Weekly, due))
}
