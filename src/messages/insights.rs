//! Insights: /stats, the low-stash note and the weekly summary.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{Lang, Ml, Unit};

use super::*;

fn tally_line(lang: Lang, label: &str, t: &crate::domain::stats::Tally, unit: Unit) -> String {
    let mut line = t!(
        lang,
        "tally-line",
        label = tr(lang, label),
        total = amount(lang, t.total, unit),
        sessions = t.sessions
    );
    if t.sides_known() {
        line.push_str(&format!(
            " ({} · {})",
            t!(lang, "side-left", amount = number(lang, t.left, unit)),
            t!(lang, "side-right", amount = number(lang, t.right, unit))
        ));
    }
    line
}

fn days(lang: Lang, d: f64) -> String {
    if d < 1.0 {
        t!(lang, "supply-under-a-day")
    } else if d < 10.0 {
        t!(
            lang,
            "supply-about",
            days = decimal(lang, &format!("{d:.1}"))
        )
    } else {
        t!(lang, "supply-about", days = format!("{d:.0}"))
    }
}

/// `/stats`.
pub fn stats(
    lang: Lang,
    i: &crate::domain::stats::Insights,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let e = &i.expressed;
    let mut text = format!("📊 <b>{}</b>\n", t!(lang, "stats-title"));
    text.push_str(&tally_line(lang, "stats-today", &e.today, unit));
    text.push('\n');
    text.push_str(&tally_line(lang, "stats-yesterday", &e.yesterday, unit));
    text.push('\n');
    text.push_str(&tally_line(lang, "stats-week", &e.last_7_days, unit));
    if let Some(avg) = e.last_7_days.average_per_session() {
        text.push_str(&t!(lang, "stats-average", amount = amount(lang, avg, unit)));
    }
    text.push_str("\n\n");
    text.push_str(&t!(
        lang,
        "stats-usable",
        amount = amount(lang, i.usable, unit)
    ));
    match (i.daily_use, i.days_of_supply) {
        (Some(per_day), Some(d)) => {
            let per_day = Ml(per_day.round().clamp(0.0, f64::from(u32::MAX)) as u32);
            text.push_str(&t!(
                lang,
                "stats-supply",
                days = days(lang, d),
                per_day = amount(lang, per_day, unit)
            ));
            if let Some(frozen) = i.frozen_days_of_supply {
                text.push_str(&t!(lang, "stats-frozen", days = days(lang, frozen)));
            }
        }
        (Some(_), None) => text.push_str(&t!(
            lang,
            "stats-supply-later",
            needed = crate::domain::stats::MIN_USE_DAYS,
            so_far = i.use_days
        )),
        _ => text.push_str(&t!(lang, "stats-supply-none")),
    }
    if i.expiring_soon.is_empty() {
        text.push('\n');
        text.push_str(&t!(lang, "stats-nothing-expires"));
    } else {
        text.push_str(&format!("\n\n⏳ <b>{}</b>", t!(lang, "stats-next-48")));
        for b in &i.expiring_soon {
            let line = t!(
                lang,
                "morning-item",
                amount = amount(lang, b.amount, unit),
                place = in_place(lang, b.place),
                until = when(lang, b.deadline, now, tz)
            );
            text.push_str(&format!("\n• {line}"));
        }
    }
    if !i.expired.is_empty() {
        text.push_str("\n\n");
        text.push_str(&expired_count(lang, i.expired.len()));
    }
    text
}

pub fn low_stash(lang: Lang, days_left: f64, threshold: u32) -> String {
    t!(
        lang,
        "low-stash",
        days = days(lang, days_left),
        threshold = threshold
    )
}

pub fn weekly_summary(lang: Lang, i: &crate::domain::stats::Insights, unit: Unit) -> String {
    let week = &i.expressed.last_7_days;
    let mut text = t!(
        lang,
        "weekly-summary",
        total = amount(lang, week.total, unit),
        sessions = week.sessions,
        usable = amount(lang, i.usable, unit)
    );
    if let Some(d) = i.days_of_supply {
        text.push_str(&format!(", {}", days(lang, d)));
    }
    text.push('.');
    text
}

pub fn low_stash_button(lang: Lang, current: Option<u32>, choice: Option<u32>) -> String {
    let mark = if current == choice { "✓ " } else { "" };
    match choice {
        None => format!("{mark}{}", t!(lang, "low-stash-off")),
        Some(d) => format!("{mark}{}", t!(lang, "low-stash-under", days = d)),
    }
}

pub fn weekly_button(lang: Lang, on: bool) -> String {
    if on {
        t!(lang, "weekly-button-on")
    } else {
        t!(lang, "weekly-button-off")
    }
}
