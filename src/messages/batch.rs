//! A batch: why an action could not happen, its deadlines, and the prompts on its card.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::batch::{BatchError, Status};
use crate::domain::{Ml, Unit};
use crate::storage::Awaited;

use super::*;

/// Why an action on milk could not happen, kindly.
pub fn batch_error(e: &BatchError, unit: Unit, now: DateTime<Utc>, tz: Tz) -> String {
    match e {
        BatchError::ZeroAmount => "That's zero: nothing to log. How much was it?".into(),
        BatchError::TooMuch { max } => format!(
            "That's more than {} in one batch. Is there a typo?",
            max.display(unit)
        ),
        BatchError::MoreThanLeft { left } => {
            format!("Only {} is left in that batch.", left.display(unit))
        }
        BatchError::InFuture => "That time hasn't come yet. When was it expressed?".into(),
        BatchError::TooOld => {
            "That's more than a year ago: I can only keep milk from the last 12 months.".into()
        }
        BatchError::AfterLaterStep => {
            "The milk was expressed before it was frozen or moved: pick an earlier time.".into()
        }
        BatchError::NotLoggable(_) => {
            "New milk goes to the room, a cooler bag, the fridge or the freezer.".into()
        }
        BatchError::Finished(Status::Used) => "This batch is already used up.".into(),
        BatchError::Finished(Status::Discarded) => "This batch was already discarded.".into(),
        BatchError::Finished(_) => "This batch is no longer in the stash.".into(),
        BatchError::AlreadyThere(p) => format!("It's already {}.", in_place(*p)),
        BatchError::Refreeze => {
            "Thawed milk can never go back in the freezer. Use it or discard it.".into()
        }
        BatchError::CannotMove { from, .. } => {
            format!("That move isn't possible for milk {}.", in_place(*from))
        }
        BatchError::Expired { deadline } => format!(
            "⚠️ This milk passed its time ({}). It's safest to discard it.",
            when(crate::domain::Lang::En, *deadline, now, tz)
        ),
        BatchError::UndoThawTooLate => format!(
            "It's been more than {} since it came out of the freezer, so it may have started \
             to thaw: I can't put it back. Thawed milk can't be frozen again; use it or \
             discard it.",
            undo_window()
        ),
        BatchError::UndoTooLate => format!(
            "Undo only works for {} when it would give the milk more time. If something \
             was logged wrong, discard this batch and log it again.",
            undo_window()
        ),
        BatchError::TimeAfterMove => "It has moved since it was logged, so its time can't \
             change any more: I couldn't tell whether it was within its time at each step. If it \
             was expressed earlier than logged, it's safest to discard it."
            .into(),
        BatchError::EditTooLate => format!(
            "I saw you edited that message. It's been more than {} since it logged the \
             batch, so I left the batch as it is: fix it with ✏️ Edit on the batch in /stash.",
            minutes(crate::domain::batch::MESSAGE_EDIT_WINDOW)
        ),
        BatchError::MovedOn => "I saw you edited that message, but the batch has changed \
             since, so I left it as it is: fix it with ✏️ Edit on the batch in /stash."
            .into(),
        BatchError::LaterDeadline { old, new } => format!(
            "I saw you edited that message, but that would give the milk more time (use by \
             {} would become {}), so I left the batch as it is. If the new time is right, \
             change it with ✏️ Edit → Change the time on the batch.",
            when(crate::domain::Lang::En, *old, now, tz),
            when(crate::domain::Lang::En, *new, now, tz)
        ),
        BatchError::UndoExpired { deadline } => format!(
            "⚠️ Undoing would bring back milk that passed its time ({}). It's safest to \
             discard it.",
            when(crate::domain::Lang::En, *deadline, now, tz)
        ),
    }
}

fn undo_window() -> String {
    minutes(crate::domain::batch::UNDO_WINDOW)
}

fn minutes(d: chrono::Duration) -> String {
    format!("{} minutes", d.num_minutes())
}

pub fn amount_with_sides(amount: Ml, left: Option<Ml>, right: Option<Ml>, unit: Unit) -> String {
    match (left, right) {
        (None, None) => amount.display(unit),
        (l, r) => {
            let mut parts = Vec::new();
            if let Some(l) = l {
                parts.push(format!("L {}", l.number(unit)));
            }
            if let Some(r) = r {
                parts.push(format!("R {}", r.number(unit)));
            }
            format!("{} ({})", amount.display(unit), parts.join(" + "))
        }
    }
}

pub fn expressed(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!("Expressed {}", when(crate::domain::Lang::En, at, now, tz))
}

pub fn use_by(deadline: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        " · use by {} ({})",
        when(crate::domain::Lang::En, deadline, now, tz),
        left(crate::domain::Lang::En, deadline, now)
    )
}

/// Frozen milk with an acceptable time after its best-quality time.
pub fn best_by(
    best: DateTime<Utc>,
    safe_until: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    format!(
        " · best quality until {} ({}), fine until {}",
        when(crate::domain::Lang::En, best, now, tz),
        left(crate::domain::Lang::En, best, now),
        when(crate::domain::Lang::En, safe_until, now, tz)
    )
}

pub fn use_straight_away(source: &str) -> String {
    format!(" · use it straight away ({source})")
}

pub fn past_its_time(deadline: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "⚠️ Past its time since {}: it's safest to discard it.",
        when(crate::domain::Lang::En, deadline, now, tz)
    )
}

/// Past the freezer's best-quality time, still within its acceptable time.
pub fn past_best(
    best: DateTime<Utc>,
    safe_until: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    format!(
        "🕰 Past its best-quality time since {}: still fine to use until {}. Thaw it soon.",
        when(crate::domain::Lang::En, best, now, tz),
        when(crate::domain::Lang::En, safe_until, now, tz)
    )
}

/// A bag thawing in the fridge: no clock yet.
pub fn thawing_since(since: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "⏳ Thawing since {}. No clock runs yet: once no ice crystals are left, tap          “Fully thawed” and its clock starts.",
        when(crate::domain::Lang::En, since, now, tz)
    )
}

pub const NO_REFREEZE: &str = "Thawed milk can't be frozen again.";
pub const USE_PROMPT: &str = "How much was used?";
pub const LEFTOVER_PROMPT: &str =
    "How much is left in the bottle? (What the baby drank counts as used.)";
pub const FEED_ENDED_NOW: &str = "Just now";
pub const TYPE_IT: &str = "⌨️ Type it";
pub const LEFTOVER_TYPE_PROMPT: &str =
    "How much is left in the bottle? Type it, e.g. <code>40</code>.";

/// A typed leftover larger than the batch.
pub fn leftover_too_much(typed: Ml, batch: Ml, unit: Unit) -> String {
    format!(
        "That's more than this batch holds ({} in it, {} typed). How much is left in the \
         bottle? Type a smaller amount, or send /stash to leave it.",
        batch.display(unit),
        typed.display(unit)
    )
}

pub fn feed_ended_prompt(left: Ml, unit: Unit) -> String {
    format!(
        "{} left. When did the feed end? The leftover clock starts then.",
        left.display(unit)
    )
}
pub const DISCARD_PROMPT: &str = "Why is it going? (This helps the history; any answer is fine.)";
pub const EDIT_PROMPT: &str = "Fix the amount, or when it was expressed:";
pub const AMOUNT_PROMPT: &str =
    "How much is in this batch? Tap an amount, or type it, e.g. <code>85</code>.";
pub const TIME_PROMPT: &str = "When was it expressed? Tap a time, or type it, e.g. \
     <code>14:30</code>, <code>5h ago</code> or <code>yesterday 22:00</code>.";

/// Asking before an edit that gives the milk more time.
pub fn confirm_later_deadline(
    old: DateTime<Utc>,
    new: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    format!(
        "⚠️ This gives the milk more time: use by {} becomes use by {}. Only change it if \
         the milk really was expressed then. Change it?",
        when(crate::domain::Lang::En, old, now, tz),
        when(crate::domain::Lang::En, new, now, tz)
    )
}

/// A text that did not read as the amount, time or city the bot asked for.
pub fn reply_not_understood(kind: Awaited) -> &'static str {
    match kind {
        Awaited::Time => {
            "I'm waiting for when that batch was expressed: type it like <code>14:30</code>, \
             <code>2h ago</code> or <code>yesterday 22:00</code>. Or send /stash to leave it."
        }
        Awaited::Amount => {
            "I'm waiting for the amount in that batch: type a number, e.g. <code>85</code>. \
             Or send /stash to leave it."
        }
        Awaited::Leftover => {
            "I'm waiting for how much is left in the bottle: type a number, e.g. \
             <code>40</code>. Or send /stash to leave it."
        }
        Awaited::City => {
            "I'm waiting for your city: type it like <code>Lisbon</code> or an offset like \
             <code>UTC+3</code>."
        }
        Awaited::LogTime => {
            "I'm waiting for when that milk was expressed: type it like <code>14:30</code>, \
             <code>2h ago</code> or <code>yesterday 22:00</code>. Or send /log to start again."
        }
        Awaited::LogPlace => {
            "I'm waiting for where that milk is: type <code>fridge</code>, \
             <code>freezer</code>, <code>room</code> or <code>cooler</code>. Or send /log to \
             start again."
        }
    }
}
