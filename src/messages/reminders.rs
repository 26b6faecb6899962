//! Reminders, digests, reminder settings and the morning summary.

use crate::domain::reminders::Kind;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{Lang, Ml, Place, Unit};

use super::*;

words! {
    snooze_hour => "snooze-hour",
    snooze_morning => "snooze-morning",
    discard_now => "discard-now",
}

/// The text of a reminder about one batch.
/// `deadline` is the batch's use-by (or best-quality) time and when it must be discarded.
pub fn reminder(
    lang: Lang,
    kind: Kind,
    batch: &crate::domain::BatchState,
    (deadline, safe_until): (DateTime<Utc>, DateTime<Utc>),
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let place = batch.place;
    let a = format!("<b>{}</b>", amount(lang, batch.amount, unit));
    let exp = when(lang, batch.clocks.expressed_at, now, tz);
    let by = when(lang, deadline, now, tz);
    let left = left(lang, deadline, now);
    let (key, place_text) = match (kind, place) {
        (_, Place::Thawing) => {
            let since = when(lang, batch.clocks.place_since, now, tz);
            return t!(lang, "remind-thawing", amount = a, since = since);
        }
        (Kind::Best, _) => {
            let safe = when(lang, safe_until, now, tz);
            let place = in_place(lang, place);
            return t!(
                lang,
                "remind-best",
                amount = a,
                place = place,
                expressed = exp,
                safe = safe
            );
        }
        (Kind::Deadline, _) => ("remind-deadline", in_place(lang, place)),
        (Kind::LastCall, _) => ("remind-last-call", String::new()),
        (_, Place::Room) => ("remind-room", String::new()),
        (_, Place::Cooler) => ("remind-cooler", String::new()),
        (_, Place::Fridge) => ("remind-fridge", String::new()),
        // "Best used by" where the time after it is still acceptable; "use by" otherwise.
        (_, Place::IceBox | Place::Freezer) if safe_until > deadline => {
            ("remind-frozen-best", in_place(lang, place))
        }
        (_, Place::IceBox | Place::Freezer) => ("remind-frozen", in_place(lang, place)),
        (_, Place::ThawedFridge) => ("remind-thawed-fridge", String::new()),
        (_, Place::ThawedRoom) => ("remind-thawed-room", String::new()),
        (_, Place::Leftover) => ("remind-leftover", String::new()),
    };
    t!(
        lang,
        key,
        amount = a,
        place = place_text,
        expressed = exp,
        by = by,
        left = left
    )
}

pub fn digest_header(lang: Lang, count: usize) -> String {
    t!(lang, "digest-header", count = count)
}

pub fn digest_line(
    lang: Lang,
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
        super::amount(lang, amount, unit),
        in_place(lang, place),
        left(lang, deadline, now)
    )
}

pub fn digest_done_line(lang: Lang, number: usize, amount: Ml, what: &str, unit: Unit) -> String {
    format!("{number}. ✅ {}: {what}", super::amount(lang, amount, unit))
}

pub fn switch_sides(lang: Lang, minutes: u32) -> String {
    t!(lang, "switch-sides", minutes = minutes)
}

words! {
    reminders_button => "reminders-button",
}

/// "30 min", "1 h", "1 day", "2 weeks": a lead time.
pub fn lead_label(lang: Lang, minutes: u32) -> String {
    match minutes {
        m if m < 60 => t!(lang, "lead-min", mins = m),
        m if m < 1440 => t!(lang, "lead-h", hours = m / 60),
        m if m < 7 * 1440 => t!(lang, "lead-days", days = m / 1440),
        m => t!(lang, "lead-weeks", weeks = m / (7 * 1440)),
    }
}

pub fn lead_class_name(lang: Lang, class: crate::domain::settings::LeadClass) -> String {
    use crate::domain::settings::LeadClass;
    tr(
        lang,
        match class {
            LeadClass::Room => "lead-class-room",
            LeadClass::Thawed => "lead-class-thawed",
            LeadClass::Fridge => "lead-class-fridge",
            LeadClass::Freezer => "lead-class-freezer",
        },
    )
}

pub fn quiet_label(lang: Lang, q: Option<(u16, u16)>) -> String {
    match q {
        None => t!(lang, "no-quiet-hours"),
        Some((start, end)) => format!(
            "🌙 {}–{}",
            crate::domain::settings::hhmm(start),
            crate::domain::settings::hhmm(end)
        ),
    }
}

fn on_off(lang: Lang, on: bool) -> String {
    tr(lang, if on { "on" } else { "off" })
}

pub fn reminders_summary(lang: Lang, s: &crate::domain::settings::Settings) -> String {
    use crate::domain::settings::LeadClass;
    let mut text = t!(lang, "reminders-title");
    text.push('\n');
    for class in LeadClass::ALL {
        let line = t!(
            lang,
            "reminders-lead-line",
            class = lead_class_name(lang, class),
            lead = lead_label(lang, s.leads.get(class))
        );
        text.push_str(&format!("• {line}\n"));
    }
    let quiet = match s.quiet {
        Some(q) => q.label(),
        None => t!(lang, "none"),
    };
    let low = match s.low_stash_days {
        Some(d) => t!(lang, "low-stash-when", days = d),
        None => on_off(lang, false),
    };
    let lines = [
        t!(lang, "reminders-quiet", quiet = quiet),
        t!(
            lang,
            "reminders-morning",
            state = on_off(lang, s.morning_digest)
        ),
        t!(lang, "reminders-low-stash", state = low),
        t!(
            lang,
            "reminders-weekly",
            state = on_off(lang, s.weekly_summary)
        ),
    ];
    text.push_str(&lines.join("\n"));
    text
}

pub fn morning_button(lang: Lang, on: bool) -> String {
    if on {
        t!(lang, "morning-button-on")
    } else {
        t!(lang, "morning-button-off")
    }
}

pub fn morning_summary(
    lang: Lang,
    view: &crate::domain::stash::View,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let mut text = t!(
        lang,
        "morning-hello",
        total = amount(lang, view.total, unit),
        count = view.count
    );
    let totals: Vec<String> = view
        .groups
        .iter()
        .map(|g| {
            format!(
                "{} {} {}",
                place_emoji(g.place),
                place_name(lang, g.place),
                amount(lang, g.total, unit)
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
                t!(
                    lang,
                    "morning-item",
                    amount = amount(lang, i.amount, unit),
                    place = in_place(lang, i.place),
                    until = when(lang, i.deadline, now, tz)
                )
            })
            .collect()
    };
    let (today_items, tomorrow_items) = (due_on(0), due_on(1));
    if today_items.is_empty() && tomorrow_items.is_empty() {
        text.push('\n');
        text.push_str(&t!(lang, "morning-nothing-due"));
    }
    for (key, items) in [
        ("morning-use-today", today_items),
        ("morning-tomorrow", tomorrow_items),
    ] {
        if !items.is_empty() {
            text.push_str(&format!("\n\n<b>{}</b>\n• ", tr(lang, key)));
            text.push_str(&items.join("\n• "));
        }
    }
    if view.expired > 0 {
        text.push_str("\n\n");
        text.push_str(&expired_count(lang, view.expired));
    }
    text
}
