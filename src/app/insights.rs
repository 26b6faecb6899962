//! Stats and the low-stash alert.

use crate::domain::reminders::Kind;
use chrono::{DateTime, Utc};

use super::Result;
use crate::storage::{Db, FamilyRow, NewReminder};

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
    // Its words come from the adapter that shows the chart, in the chat's language.
    let chart = crate::chart::ChartInput::new(settings.unit, settings.tz, now, &sessions, stash);
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
        kind: Kind::LowStash,
        place: None,
        due_at: now,
        urgent: false,
    })
    .await
}
