//! Insights: /stats, the low-stash note and the weekly summary.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{Ml, Unit};

use super::*;

pub const CHART_TITLE: &str = "Milk this fortnight";

fn tally_line(label: &str, t: &crate::domain::stats::Tally, unit: Unit) -> String {
    let sessions = if t.sessions == 1 {
        "session"
    } else {
        "sessions"
    };
    let mut line = format!(
        "{label}: <b>{}</b> in {} {sessions}",
        t.total.display(unit),
        t.sessions
    );
    if t.sides_known() {
        line.push_str(&format!(
            " (L {} · R {})",
            t.left.number(unit),
            t.right.number(unit)
        ));
    }
    line
}

fn days(d: f64) -> String {
    if d < 1.0 {
        "less than a day".into()
    } else if d < 10.0 {
        format!("about {:.1} days", d)
    } else {
        format!("about {:.0} days", d)
    }
}

/// `/stats`.
pub fn stats(i: &crate::domain::stats::Insights, unit: Unit, now: DateTime<Utc>, tz: Tz) -> String {
    let e = &i.expressed;
    let mut text = String::from("📊 <b>Your numbers</b>\n");
    text.push_str(&tally_line("Today", &e.today, unit));
    text.push('\n');
    text.push_str(&tally_line("Yesterday", &e.yesterday, unit));
    text.push('\n');
    text.push_str(&tally_line("Last 7 days", &e.last_7_days, unit));
    if let Some(avg) = e.last_7_days.average_per_session() {
        text.push_str(&format!(", {} a session on average", avg.display(unit)));
    }
    text.push_str(&format!(
        "\n\n🧊 Stash: <b>{}</b> usable",
        i.usable.display(unit)
    ));
    match (i.daily_use, i.days_of_supply) {
        (Some(per_day), Some(d)) => {
            let per_day = Ml(per_day.round().clamp(0.0, f64::from(u32::MAX)) as u32);
            text.push_str(&format!(": {} at {} a day", days(d), per_day.display(unit)));
            if let Some(frozen) = i.frozen_days_of_supply {
                text.push_str(&format!(" (frozen: {})", days(frozen)));
            }
        }
        (Some(_), None) => text.push_str(&format!(
            " (days of supply show after {} days of recorded use: {} so far)",
            crate::domain::stats::MIN_USE_DAYS,
            i.use_days
        )),
        _ => text.push_str(" (days of supply show once you log milk as used)"),
    }
    if i.expiring_soon.is_empty() {
        text.push_str("\nNothing expires in the next 48 hours.");
    } else {
        text.push_str("\n\n⏳ <b>Next 48 hours</b>");
        for b in &i.expiring_soon {
            text.push_str(&format!(
                "\n• {} {} (until {})",
                b.amount.display(unit),
                in_place(crate::domain::Lang::En, b.place),
                when(crate::domain::Lang::En, b.deadline, now, tz)
            ));
        }
    }
    if !i.expired.is_empty() {
        text.push_str("\n\n");
        text.push_str(&expired_count(crate::domain::Lang::En, i.expired.len()));
    }
    text
}

pub fn low_stash(days_left: f64, threshold: u32) -> String {
    format!(
        "📉 Heads-up: the frozen stash covers {} at your current use, below the {threshold} \
         days you asked me to watch for.",
        days(days_left)
    )
}

pub fn weekly_summary(i: &crate::domain::stats::Insights, unit: Unit) -> String {
    let week = &i.expressed.last_7_days;
    let mut text = format!(
        "🗓 <b>Your week</b>: {} expressed in {} sessions.",
        week.total.display(unit),
        week.sessions
    );
    text.push_str(&format!(" Stash: {} usable", i.usable.display(unit)));
    if let Some(d) = i.days_of_supply {
        text.push_str(&format!(", {}", days(d)));
    }
    text.push('.');
    text
}

pub fn low_stash_button(current: Option<u32>, choice: Option<u32>) -> String {
    let mark = if current == choice { "✓ " } else { "" };
    match choice {
        None => format!("{mark}📉 Low-stash alert: off"),
        Some(d) => format!("{mark}📉 Under {d} days"),
    }
}

pub fn weekly_button(on: bool) -> &'static str {
    if on {
        "🗓 Weekly summary: on (turn off)"
    } else {
        "🗓 Weekly summary: off (turn on)"
    }
}
