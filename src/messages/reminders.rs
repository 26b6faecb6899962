//! Reminders, digests, reminder settings and the morning summary.

use crate::domain::reminders::Kind;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{Ml, Place, Unit};

use super::*;

pub const SNOOZE_HOUR: &str = "😴 In 1 h";
pub const SNOOZE_MORNING: &str = "😴 Tomorrow morning";
pub const DISCARD_NOW: &str = "🗑 Discard";

/// The text of a reminder about one batch.
/// `deadline` is the batch's use-by (or best-quality) time and when it must be discarded.
pub fn reminder(
    kind: Kind,
    batch: &crate::domain::BatchState,
    (deadline, safe_until): (DateTime<Utc>, DateTime<Utc>),
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let place = batch.place;
    let a = format!("<b>{}</b>", batch.amount.display(unit));
    let exp = when(crate::domain::Lang::En, batch.clocks.expressed_at, now, tz);
    let by = when(crate::domain::Lang::En, deadline, now, tz);
    let left = left(crate::domain::Lang::En, deadline, now);
    match (kind, place) {
        (_, Place::Thawing) => format!(
            "⏳ {a} has been thawing in the fridge since {}. No ice crystals left? \
             Tap “Fully thawed” to start its clock.",
            when(crate::domain::Lang::En, batch.clocks.place_since, now, tz)
        ),
        (Kind::Best, _) => format!(
            "🕰 {a} {}, expressed {exp}, is past its best-quality time. It's still fine \
             to use until {}: thaw it soon.",
            in_place(place),
            when(crate::domain::Lang::En, safe_until, now, tz)
        ),
        (Kind::Deadline, _) => format!(
            "⛔ Time's up for {a} {}, expressed {exp}. It's safest to discard it.",
            in_place(place)
        ),
        (Kind::LastCall, _) => format!(
            "⏳ Last call: {a} in the fridge, expressed {exp}, reaches its limit {by}. \
             Use it or freeze it now."
        ),
        (_, Place::Room) => format!(
            "⏰ {a} expressed {exp} is at room temperature: into the fridge or freezer by {by} ({left})."
        ),
        (_, Place::Cooler) => format!(
            "⏰ {a} in the cooler bag, expressed {exp}: into the fridge or freezer by {by} ({left})."
        ),
        (_, Place::Fridge) => format!(
            "⏰ {a} in the fridge, expressed {exp}: use by {by} ({left}). Use it or freeze it before then."
        ),
        // "Best used by" where the time after it is still acceptable; "use by" otherwise.
        (_, Place::IceBox | Place::Freezer) => format!(
            "⏰ {a} {}, expressed {exp}: {} {by} ({left}).",
            in_place(place),
            if safe_until > deadline {
                "best used by"
            } else {
                "use by"
            }
        ),
        (_, Place::ThawedFridge | Place::ThawedRoom) => format!(
            "⏰ Thawed {a} ({}): use it by {by} ({left}).",
            in_place(place).trim_start_matches("thawed, ")
        ),
        (_, Place::Leftover) => {
            format!("⏰ The {a} left from a feed: use it by {by} ({left}), or discard it.")
        }
    }
}

pub fn digest_header(count: usize) -> String {
    format!("🕑 While I was away, {count} batches needed attention:")
}

pub fn digest_line(
    number: usize,
    amount: Ml,
    place: Place,
    deadline: DateTime<Utc>,
    unit: Unit,
    now: DateTime<Utc>,
) -> String {
    let warn = if deadline <= now { "⛔ " } else { "" };
    format!(
        "{number}. {warn}{} {} ({})",
        amount.display(unit),
        in_place(place),
        left(crate::domain::Lang::En, deadline, now)
    )
}

pub fn digest_done_line(number: usize, amount: Ml, what: &str, unit: Unit) -> String {
    format!("{number}. ✅ {}: {what}", amount.display(unit))
}

pub fn switch_sides(minutes: u32) -> String {
    format!("✋ {minutes} minutes: time to switch sides.")
}

pub const REMINDERS_BUTTON: &str = "🔔 Reminders";

/// "30 min", "1 h", "1 day", "2 weeks": a lead time.
pub fn lead_label(minutes: u32) -> String {
    match minutes {
        m if m < 60 => format!("{m} min"),
        m if m < 1440 => format!("{} h", m / 60),
        1440 => "1 day".into(),
        m if m < 7 * 1440 => format!("{} days", m / 1440),
        m if m == 7 * 1440 => "1 week".into(),
        m => format!("{} weeks", m / (7 * 1440)),
    }
}

pub fn lead_class_name(class: crate::domain::settings::LeadClass) -> &'static str {
    use crate::domain::settings::LeadClass;
    match class {
        LeadClass::Room => "Room / cooler",
        LeadClass::Thawed => "Thawed",
        LeadClass::Fridge => "Fridge",
        LeadClass::Freezer => "Freezer",
    }
}

pub fn quiet_label(q: Option<(u16, u16)>) -> String {
    match q {
        None => "No quiet hours".into(),
        Some((start, end)) => format!(
            "🌙 {}–{}",
            crate::domain::settings::hhmm(start),
            crate::domain::settings::hhmm(end)
        ),
    }
}

pub fn reminders_summary(s: &crate::domain::settings::Settings) -> String {
    use crate::domain::settings::LeadClass;
    let mut text = String::from("🔔 <b>Reminders</b>: how long before each deadline\n");
    for class in LeadClass::ALL {
        text.push_str(&format!(
            "• {}: {} before\n",
            lead_class_name(class),
            lead_label(s.leads.get(class))
        ));
    }
    text.push_str(&format!(
        "Quiet hours: {} (fridge and freezer nudges wait for the morning; urgent ones always come)\n",
        match s.quiet {
            Some(q) => q.label(),
            None => "none".into(),
        }
    ));
    text.push_str(&format!(
        "Morning summary: {}\n",
        if s.morning_digest { "on" } else { "off" }
    ));
    text.push_str(&format!(
        "Low-stash alert: {}\n",
        match s.low_stash_days {
            Some(d) => format!("when the frozen stash covers less than {d} days"),
            None => "off".into(),
        }
    ));
    text.push_str(&format!(
        "Weekly summary with a chart: {}",
        if s.weekly_summary { "on" } else { "off" }
    ));
    text
}

pub fn morning_button(on: bool) -> &'static str {
    if on {
        "☀️ Morning summary: on (turn off)"
    } else {
        "☀️ Morning summary: off (turn on)"
    }
}

pub fn morning_summary(
    view: &crate::domain::stash::View,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let mut text = format!(
        "☀️ Good morning! Your stash: {} in {} {}.",
        view.total.display(unit),
        view.count,
        if view.count == 1 { "batch" } else { "batches" }
    );
    let totals: Vec<String> = view
        .groups
        .iter()
        .map(|g| {
            format!(
                "{} {} {}",
                place_emoji(g.place),
                place_name(g.place),
                g.total.display(unit)
            )
        })
        .collect();
    text.push('\n');
    text.push_str(&totals.join(" · "));
    let today = now.with_timezone(&tz).date_naive();
    let due_on = |offset: i64| -> Vec<String> {
        view.items()
            .filter(|i| {
                !i.expired
                    && (i.deadline.with_timezone(&tz).date_naive() - today).num_days() == offset
            })
            .map(|i| {
                format!(
                    "{} {} (until {})",
                    i.amount.display(unit),
                    in_place(i.place),
                    when(crate::domain::Lang::En, i.deadline, now, tz)
                )
            })
            .collect()
    };
    let (today_items, tomorrow_items) = (due_on(0), due_on(1));
    if today_items.is_empty() && tomorrow_items.is_empty() {
        text.push_str("\nNothing needs using today or tomorrow. 🌿");
    }
    if !today_items.is_empty() {
        text.push_str("\n\n<b>Use today</b>\n• ");
        text.push_str(&today_items.join("\n• "));
    }
    if !tomorrow_items.is_empty() {
        text.push_str("\n\n<b>Tomorrow</b>\n• ");
        text.push_str(&tomorrow_items.join("\n• "));
    }
    if view.expired > 0 {
        text.push_str("\n\n");
        text.push_str(&expired_count(view.expired));
    }
    text
}
