//! Logging milk: the steps, what was done ("Sam logged 90 ml…"), and edits.

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use crate::domain::EventKind;
use crate::domain::batch::DiscardReason;
use crate::domain::{Lang, Ml, Place, Unit};

use super::*;

pub fn log_amount_prompt(lang: Lang, unit: Unit) -> String {
    let example = match unit {
        Unit::Ml => "75",
        Unit::Oz => "2.5oz",
    };
    t!(lang, "log-amount-prompt", example = example)
}

pub fn log_place_prompt(lang: Lang, amount: Ml, unit: Unit) -> String {
    t!(
        lang,
        "log-place-prompt",
        amount = super::amount(lang, amount, unit)
    )
}

pub fn log_when_prompt(lang: Lang, amount: Ml, place: Place, unit: Unit) -> String {
    t!(
        lang,
        "log-when-prompt",
        amount = super::amount(lang, amount, unit),
        place = in_place(lang, place)
    )
}

/// A slash date that reads two ways: "which date is 5/6?" above the two dates.
pub fn which_date_prompt(lang: Lang, amount: Ml, place: Place, unit: Unit, typed: &str) -> String {
    t!(
        lang,
        "which-date-prompt",
        amount = super::amount(lang, amount, unit),
        place = in_place(lang, place),
        typed = esc(typed)
    )
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date written out for a button, "5 June", with the clock when one was typed:
/// "5 June 14:30".
pub fn date_written_out(lang: Lang, t: DateTime<Utc>, tz: Tz, clock: bool) -> String {
    let local = t.with_timezone(&tz);
    let month = t!(lang, "month-long", month = MONTHS[local.month0() as usize]);
    let date = t!(lang, "date-long", day = local.day(), month = month);
    if clock {
        format!("{date} {}", local.format("%H:%M"))
    } else {
        date
    }
}

/// After "Type it" on the "when" step: the next text is read as the time (in a group
/// the bot reads only replies to it).
pub fn log_type_time_prompt(
    lang: Lang,
    amount: Ml,
    place: Place,
    unit: Unit,
    in_group: bool,
) -> String {
    let key = match in_group {
        true => "log-type-time-group",
        false => "log-type-time",
    };
    let amount = super::amount(lang, amount, unit);
    t!(lang, key, amount = amount, place = in_place(lang, place))
}

/// After "Type it" on the "where" step: the next text is read as the place.
pub fn log_type_place_prompt(lang: Lang, amount: Ml, unit: Unit, in_group: bool) -> String {
    let key = match in_group {
        true => "log-type-place-group",
        false => "log-type-place",
    };
    t!(lang, key, amount = super::amount(lang, amount, unit))
}

pub fn log_earlier_prompt(lang: Lang, amount: Ml, place: Place, unit: Unit) -> String {
    let typed = match place {
        Place::Room => "typed-room",
        Place::Cooler => "typed-cooler",
        Place::IceBox => "typed-icebox",
        Place::Freezer => "typed-freezer",
        _ => "typed-fridge",
    };
    format!(
        "{}\n{}",
        log_when_prompt(lang, amount, place, unit),
        t!(
            lang,
            "log-earlier-hint",
            number = amount.number(unit),
            place = tr(lang, typed)
        )
    )
}

words! {
    log_cancelled => "log-cancelled",
    log_not_understood => "log-not-understood",
    edit_not_a_log => "edit-not-a-log",
}

/// Before logging an unusually large amount.
pub fn implausible_amount(lang: Lang, amount: Ml, fix: Ml, unit: Unit) -> String {
    t!(
        lang,
        "implausible-amount",
        amount = super::amount(lang, amount, unit),
        fix = super::amount(lang, fix, unit)
    )
}

pub fn keep_amount(lang: Lang, amount: Ml, unit: Unit) -> String {
    t!(
        lang,
        "keep-amount",
        amount = super::amount(lang, amount, unit)
    )
}

pub fn stash_full(lang: Lang, stored: bool) -> String {
    if stored {
        t!(lang, "stash-full", count = crate::app::MAX_STORED)
    } else {
        t!(lang, "history-full", count = crate::app::MAX_BATCHES)
    }
}

pub fn sides_disagree(lang: Lang, total: Ml, sides: Ml, unit: Unit) -> String {
    t!(
        lang,
        "sides-disagree",
        sides = super::amount(lang, sides, unit),
        total = super::amount(lang, total, unit)
    )
}

pub fn time_error(lang: Lang, e: &crate::domain::shortcut::TimeError) -> String {
    use crate::domain::shortcut::TimeError;
    match e {
        TimeError::NotATime { hour, minute } => {
            t!(lang, "not-a-time", time = format!("{hour}:{minute:02}"))
        }
        TimeError::InFuture => t!(lang, "time-in-future"),
        TimeError::OutOfRange => t!(lang, "time-out-of-range"),
        TimeError::TooLongAgo => t!(lang, "time-too-long-ago"),
    }
}

/// "Sam logged 90 ml in the fridge." in a group; "Logged 90 ml in the fridge." alone.
pub fn did(lang: Lang, actor: Option<&str>, phrase: &str) -> String {
    match actor {
        Some(name) => t!(lang, "did-actor", name = esc(name), phrase = phrase),
        None => {
            let mut chars = phrase.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => String::new(),
            }
        }
    }
}

pub fn logged_phrase(lang: Lang, amount: Ml, place: Place, unit: Unit) -> String {
    t!(
        lang,
        "logged-phrase",
        amount = super::amount(lang, amount, unit),
        place = in_place(lang, place)
    )
}

/// Several batches typed in one message: "logged 2 batches".
pub fn logged_batches(lang: Lang, count: usize) -> String {
    t!(lang, "logged-batches", count = count)
}

/// The button that opens the `number`-th batch of a list: "1. 90 ml 🧊 Fridge".
pub fn open_batch_button(
    lang: Lang,
    number: usize,
    amount: Ml,
    place: Place,
    unit: Unit,
) -> String {
    format!(
        "{number}. {} {}",
        super::amount(lang, amount, unit),
        place_button(lang, place)
    )
}

/// The button that undoes the `number`-th batch of a list.
pub fn undo_batch_button(lang: Lang, number: usize) -> String {
    format!("{} {number}", undo(lang))
}

pub fn moved_phrase(lang: Lang, amount: Ml, from: Place, to: Place, unit: Unit) -> String {
    let a = super::amount(lang, amount, unit);
    match (from, to) {
        (_, Place::Thawing) => t!(lang, "moved-thawing", amount = a),
        (_, Place::ThawedFridge) => t!(lang, "moved-thawed-fridge", amount = a),
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => {
            t!(lang, "moved-thawed-warm", amount = a)
        }
        (_, Place::ThawedRoom) => t!(lang, "moved-thawed-room", amount = a),
        (_, Place::Leftover) => t!(lang, "moved-leftover", amount = a),
        (_, to) => t!(lang, "moved-to", amount = a, place = to_place(lang, to)),
    }
}

pub fn leftover_phrase(
    lang: Lang,
    drunk: Option<Ml>,
    left: Ml,
    ended_at: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
    unit: Unit,
) -> String {
    let ended = when(lang, ended_at, now, tz);
    let left = super::amount(lang, left, unit);
    match drunk {
        Some(d) => t!(
            lang,
            "leftover-drunk",
            ended = ended,
            drunk = super::amount(lang, d, unit),
            left = left
        ),
        None => t!(lang, "leftover-phrase", ended = ended, left = left),
    }
}

pub fn used_phrase(lang: Lang, used: Ml, left: Ml, unit: Unit) -> String {
    let used = super::amount(lang, used, unit);
    if left.get() == 0 {
        t!(lang, "used-all-gone", used = used)
    } else {
        let left = super::amount(lang, left, unit);
        t!(lang, "used-some", used = used, left = left)
    }
}

pub fn discarded_phrase(lang: Lang, amount: Ml, reason: DiscardReason, unit: Unit) -> String {
    let key = match reason {
        DiscardReason::Expired => "discarded-expired",
        DiscardReason::Spilled => "discarded-spilled",
        DiscardReason::SmelledOff => "discarded-smelled-off",
        DiscardReason::Other => "discarded-other",
    };
    t!(lang, key, amount = super::amount(lang, amount, unit))
}

pub fn undo_phrase(lang: Lang, undid: Option<EventKind>, amount: Ml, unit: Unit) -> String {
    match undid {
        Some(EventKind::Logged) => {
            t!(
                lang,
                "undid-log",
                amount = super::amount(lang, amount, unit)
            )
        }
        Some(EventKind::Used) => t!(lang, "undid-use"),
        Some(EventKind::Discarded) => t!(lang, "undid-discard"),
        Some(EventKind::Moved | EventKind::Thawed) => t!(lang, "undid-move"),
        Some(EventKind::Edited | EventKind::Undone) | None => t!(lang, "undid-edit"),
    }
}

pub fn edited_amount_phrase(lang: Lang, amount: Ml, unit: Unit) -> String {
    t!(
        lang,
        "edited-amount",
        amount = super::amount(lang, amount, unit)
    )
}

pub fn relogged_phrase(lang: Lang, amount: Ml, place: Place, unit: Unit) -> String {
    t!(
        lang,
        "relogged",
        amount = super::amount(lang, amount, unit),
        place = in_place(lang, place)
    )
}

/// Before asking to confirm what an edited logging message says.
pub fn edited_message_seen(lang: Lang, amount: Ml, place: Place, unit: Unit) -> String {
    t!(
        lang,
        "edited-message-seen",
        amount = super::amount(lang, amount, unit),
        place = in_place(lang, place)
    )
}

pub fn edited_time_phrase(lang: Lang, at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    t!(lang, "edited-time", time = when(lang, at, now, tz))
}

pub fn snoozed_phrase(lang: Lang, until: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    t!(lang, "snoozed", time = when(lang, until, now, tz))
}
