//! Logging milk: the steps, what was done ("Sam logged 90 ml…"), and edits.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::EventKind;
use crate::domain::batch::DiscardReason;
use crate::domain::{Ml, Place, Unit};

use super::*;

pub fn log_amount_prompt(unit: Unit) -> String {
    format!(
        "🍼 <b>How much?</b>\nOther amount? Just type it, e.g. <code>{}</code>.",
        match unit {
            Unit::Ml => "75",
            Unit::Oz => "2.5oz",
        }
    )
}

pub fn log_place_prompt(amount: Ml, unit: Unit) -> String {
    format!("🍼 <b>{}</b>: where is it?", amount.display(unit))
}

pub fn log_when_prompt(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "🍼 <b>{}</b> {}: when was it expressed?",
        amount.display(unit),
        in_place(place)
    )
}

/// A slash date that reads two ways: "which date is 5/6?" above the two dates.
pub fn which_date_prompt(amount: Ml, place: Place, unit: Unit, typed: &str) -> String {
    format!(
        "🍼 <b>{}</b> {}: which date is <code>{}</code>?",
        amount.display(unit),
        in_place(place),
        esc(typed)
    )
}

/// A date written out for a button, "5 June", with the clock when one was typed:
/// "5 June 14:30".
pub fn date_written_out(t: DateTime<Utc>, tz: Tz, clock: bool) -> String {
    let local = t.with_timezone(&tz);
    let format = if clock { "%-d %B %H:%M" } else { "%-d %B" };
    local.format(format).to_string()
}

/// How to answer "Type it": in a group the bot reads only replies to it.
fn type_it(in_group: bool) -> &'static str {
    if in_group {
        "reply to this message with"
    } else {
        "type"
    }
}

/// After "Type it" on the "when" step: the next text is read as the time.
pub fn log_type_time_prompt(amount: Ml, place: Place, unit: Unit, in_group: bool) -> String {
    format!(
        "🍼 <b>{}</b> {}: {} when it was expressed, e.g. <code>14:30</code>, \
         <code>2h ago</code> or <code>yesterday 21:00</code>.",
        amount.display(unit),
        in_place(place),
        type_it(in_group)
    )
}

/// After "Type it" on the "where" step: the next text is read as the place.
pub fn log_type_place_prompt(amount: Ml, unit: Unit, in_group: bool) -> String {
    format!(
        "🍼 <b>{}</b>: {} where it is, e.g. <code>fridge</code> or <code>freezer</code>.",
        amount.display(unit),
        type_it(in_group)
    )
}

pub fn log_earlier_prompt(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "{}\nFor another time, type it, e.g. <code>{} {} 14:30</code>.",
        log_when_prompt(amount, place, unit),
        amount.number(unit),
        place.code().replace('_', " ")
    )
}

pub const LOG_CANCELLED: &str = "Okay, nothing logged.";

/// Before logging an unusually large amount.
pub fn implausible_amount(amount: Ml, fix: Ml, unit: Unit) -> String {
    format!(
        "🤔 <b>{}</b> is a lot for one session. Did you mean <b>{}</b>?",
        amount.display(unit),
        fix.display(unit)
    )
}

pub fn keep_amount(amount: Ml, unit: Unit) -> String {
    format!("Yes, {}", amount.display(unit))
}

pub fn stash_full(stored: bool) -> String {
    if stored {
        format!(
            "Your stash already holds {} batches, the most I keep at once. Mark some as used \
             or discarded in /stash, then log again.",
            crate::app::MAX_STORED
        )
    } else {
        format!(
            "This family has logged {} batches, the most I keep. Download the history with \
             /export, then start afresh with /forget.",
            crate::app::MAX_BATCHES
        )
    }
}

pub const LOG_NOT_UNDERSTOOD: &str = "I couldn't read that as a batch. Try e.g. \
     <code>90 fridge</code>, <code>3oz freezer 1h ago</code> or \
     <code>left 40 right 50 fridge</code>, or tap 🍼 Log milk.";

pub fn sides_disagree(total: Ml, sides: Ml, unit: Unit) -> String {
    format!(
        "The sides add up to {}, but the total says {}. Which is it? Send it again with one of them.",
        sides.display(unit),
        total.display(unit)
    )
}

pub fn time_error(e: &crate::domain::shortcut::TimeError) -> String {
    use crate::domain::shortcut::TimeError;
    match e {
        TimeError::NotATime { hour, minute } => {
            format!("{hour}:{minute:02} isn't a time of day I know.")
        }
        TimeError::InFuture => "That time hasn't come yet today.".into(),
        TimeError::OutOfRange => "I couldn't place that time.".into(),
        TimeError::TooLongAgo => {
            "That's more than a year ago, so I can't log it. Check the date, or pick a time below."
                .into()
        }
    }
}

/// "Sam logged 90 ml in the fridge." in a group; "Logged 90 ml in the fridge." alone.
pub fn did(actor: Option<&str>, phrase: &str) -> String {
    match actor {
        Some(name) => format!("{} {phrase}.", esc(name)),
        None => {
            let mut chars = phrase.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => String::new(),
            }
        }
    }
}

pub fn logged_phrase(amount: Ml, place: Place, unit: Unit) -> String {
    format!("logged {} {}", amount.display(unit), in_place(place))
}

/// Several batches typed in one message: "logged 2 batches".
pub fn logged_batches(count: usize) -> String {
    format!("logged {count} batches")
}

/// The button that opens the `number`-th batch of a list: "1. 90 ml 🧊 Fridge".
pub fn open_batch_button(number: usize, amount: Ml, place: Place, unit: Unit) -> String {
    format!("{number}. {} {}", amount.display(unit), place_button(place))
}

/// The button that undoes the `number`-th batch of a list.
pub fn undo_batch_button(number: usize) -> String {
    format!("{UNDO} {number}")
}

pub fn moved_phrase(amount: Ml, from: Place, to: Place, unit: Unit) -> String {
    let a = amount.display(unit);
    match (from, to) {
        (_, Place::Thawing) => format!("started thawing {a} in the fridge"),
        (_, Place::ThawedFridge) => format!("marked {a} as fully thawed"),
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => {
            format!("thawed {a} in lukewarm water")
        }
        (_, Place::ThawedRoom) => format!("took {a} of thawed milk out of the fridge"),
        (_, Place::Leftover) => format!("marked {a} as left over from a feed"),
        (_, to) => format!("moved {a} {}", in_place(to).replacen("in ", "to ", 1)),
    }
}

pub fn leftover_phrase(
    drunk: Option<Ml>,
    left: Ml,
    ended_at: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
    unit: Unit,
) -> String {
    let drunk = drunk
        .map(|d| format!("baby drank {}, ", d.display(unit)))
        .unwrap_or_default();
    format!(
        "noted the feed that ended {}: {drunk}{} left over",
        when(crate::domain::Lang::En, ended_at, now, tz),
        left.display(unit)
    )
}

pub fn used_phrase(used: Ml, left: Ml, unit: Unit) -> String {
    if left.get() == 0 {
        format!("used {}: all gone", used.display(unit))
    } else {
        format!("used {} ({} left)", used.display(unit), left.display(unit))
    }
}

pub fn discarded_phrase(amount: Ml, reason: DiscardReason, unit: Unit) -> String {
    let why = match reason {
        DiscardReason::Expired => " (too old)",
        DiscardReason::Spilled => " (spilled)",
        DiscardReason::SmelledOff => " (smelled sour)",
        DiscardReason::Other => "",
    };
    format!("discarded {}{why}", amount.display(unit))
}

pub fn undo_phrase(undid: Option<EventKind>, amount: Ml, unit: Unit) -> String {
    match undid {
        Some(EventKind::Logged) => format!("removed the {} batch", amount.display(unit)),
        Some(EventKind::Used) => "undid the use".into(),
        Some(EventKind::Discarded) => "put it back: not discarded".into(),
        Some(EventKind::Moved | EventKind::Thawed) => "undid the move".into(),
        Some(EventKind::Edited | EventKind::Undone) | None => "undid the edit".into(),
    }
}

pub fn edited_amount_phrase(amount: Ml, unit: Unit) -> String {
    format!("changed the amount to {}", amount.display(unit))
}

pub const EDIT_NOT_A_LOG: &str = "I saw you edited that message, but I can't read it as \
     a log any more, so the batch stays as it was. To fix it, use ✏️ Edit on the batch in /stash.";

pub fn relogged_phrase(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "updated the batch from your edited message: {} {}",
        amount.display(unit),
        in_place(place)
    )
}

/// Before asking to confirm what an edited logging message says.
pub fn edited_message_seen(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "✏️ I saw you edited that message to {} {}.",
        amount.display(unit),
        in_place(place)
    )
}

pub fn edited_time_phrase(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "changed the time to {}",
        when(crate::domain::Lang::En, at, now, tz)
    )
}

pub fn snoozed_phrase(until: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "😴 I'll remind you again {}.",
        when(crate::domain::Lang::En, until, now, tz)
    )
}
