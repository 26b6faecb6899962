//! A batch: why an action could not happen, its deadlines, and the prompts on its card.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::batch::{BatchError, Status};
use crate::domain::{Lang, Ml, Unit};
use crate::storage::Awaited;

use super::*;

/// Why an action on milk could not happen, kindly.
pub fn batch_error(lang: Lang, e: &BatchError, unit: Unit, now: DateTime<Utc>, tz: Tz) -> String {
    let at = |t: &DateTime<Utc>| when(lang, *t, now, tz);
    match e {
        BatchError::ZeroAmount => t!(lang, "error-zero"),
        BatchError::TooMuch { max } => t!(lang, "error-too-much", max = amount(lang, *max, unit)),
        BatchError::MoreThanLeft { left } => {
            t!(
                lang,
                "error-more-than-left",
                left = amount(lang, *left, unit)
            )
        }
        BatchError::InFuture => t!(lang, "error-in-future"),
        BatchError::TooOld => t!(lang, "error-too-old"),
        BatchError::AfterLaterStep => t!(lang, "error-after-later-step"),
        BatchError::NotLoggable(_) => t!(lang, "error-not-loggable"),
        BatchError::Finished(Status::Used) => t!(lang, "error-used-up"),
        BatchError::Finished(Status::Discarded) => t!(lang, "error-discarded"),
        BatchError::Finished(_) => t!(lang, "error-finished"),
        BatchError::AlreadyThere(p) => t!(lang, "error-already-there", place = in_place(lang, *p)),
        BatchError::Refreeze => t!(lang, "error-refreeze"),
        BatchError::CannotMove { from, .. } => {
            t!(lang, "error-cannot-move", place = in_place(lang, *from))
        }
        BatchError::Expired { deadline } => t!(lang, "error-expired", deadline = at(deadline)),
        BatchError::UndoThawTooLate => {
            t!(lang, "error-undo-thaw-too-late", minutes = undo_window())
        }
        BatchError::UndoTooLate => t!(lang, "error-undo-too-late", minutes = undo_window()),
        BatchError::TimeAfterMove => t!(lang, "error-time-after-move"),
        BatchError::EditTooLate => t!(
            lang,
            "error-edit-too-late",
            minutes = crate::domain::batch::MESSAGE_EDIT_WINDOW.num_minutes()
        ),
        BatchError::MovedOn => t!(lang, "error-moved-on"),
        BatchError::LaterDeadline { old, new } => {
            t!(lang, "error-later-deadline", old = at(old), new = at(new))
        }
        BatchError::UndoExpired { deadline } => {
            t!(lang, "error-undo-expired", deadline = at(deadline))
        }
    }
}

fn undo_window() -> i64 {
    crate::domain::batch::UNDO_WINDOW.num_minutes()
}

pub fn amount_with_sides(
    lang: Lang,
    total: Ml,
    left: Option<Ml>,
    right: Option<Ml>,
    unit: Unit,
) -> String {
    match (left, right) {
        (None, None) => amount(lang, total, unit),
        (l, r) => {
            let mut parts = Vec::new();
            if let Some(l) = l {
                parts.push(t!(lang, "side-left", amount = number(lang, l, unit)));
            }
            if let Some(r) = r {
                parts.push(t!(lang, "side-right", amount = number(lang, r, unit)));
            }
            format!("{} ({})", amount(lang, total, unit), parts.join(" + "))
        }
    }
}

/// The heading of a batch no longer in the stash.
pub fn card_used_up(lang: Lang, logged: Ml, unit: Unit) -> String {
    t!(lang, "card-used-up", amount = amount(lang, logged, unit))
}

pub fn card_discarded(lang: Lang, discarded: Ml, unit: Unit) -> String {
    t!(
        lang,
        "card-discarded",
        amount = amount(lang, discarded, unit)
    )
}

pub fn card_removed(lang: Lang, logged: Ml, unit: Unit) -> String {
    t!(lang, "card-removed", amount = amount(lang, logged, unit))
}

pub fn expressed(lang: Lang, at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    t!(lang, "card-expressed", at = when(lang, at, now, tz))
}

pub fn use_by(lang: Lang, deadline: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    t!(
        lang,
        "card-use-by",
        by = when(lang, deadline, now, tz),
        left = left(lang, deadline, now)
    )
}

/// Frozen milk with an acceptable time after its best-quality time.
pub fn best_by(
    lang: Lang,
    best: DateTime<Utc>,
    safe_until: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    t!(
        lang,
        "card-best-by",
        best = when(lang, best, now, tz),
        left = left(lang, best, now),
        safe = when(lang, safe_until, now, tz)
    )
}

pub fn use_straight_away(lang: Lang, source: &str) -> String {
    t!(lang, "card-straight-away", source = source)
}

pub fn past_its_time(lang: Lang, deadline: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    t!(
        lang,
        "card-past-its-time",
        since = when(lang, deadline, now, tz)
    )
}

/// Past the freezer's best-quality time, still within its acceptable time.
pub fn past_best(
    lang: Lang,
    best: DateTime<Utc>,
    safe_until: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    t!(
        lang,
        "card-past-best",
        since = when(lang, best, now, tz),
        safe = when(lang, safe_until, now, tz)
    )
}

/// A bag thawing in the fridge: no clock yet.
pub fn thawing_since(lang: Lang, since: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    t!(
        lang,
        "card-thawing-since",
        since = when(lang, since, now, tz)
    )
}

words! {
    no_refreeze => "no-refreeze",
    use_prompt => "use-prompt",
    leftover_prompt => "leftover-prompt",
    feed_ended_now => "feed-ended-now",
    type_it => "type-it",
    leftover_type_prompt => "leftover-type-prompt",
    discard_prompt => "discard-prompt",
    edit_prompt => "edit-prompt",
    amount_prompt => "amount-prompt",
    time_prompt => "time-prompt",
}

/// A typed leftover larger than the batch.
pub fn leftover_too_much(lang: Lang, typed: Ml, batch: Ml, unit: Unit) -> String {
    t!(
        lang,
        "leftover-too-much",
        batch = amount(lang, batch, unit),
        typed = amount(lang, typed, unit)
    )
}

pub fn feed_ended_prompt(lang: Lang, left: Ml, unit: Unit) -> String {
    t!(lang, "feed-ended-prompt", left = amount(lang, left, unit))
}

/// Asking before an edit that gives the milk more time.
pub fn confirm_later_deadline(
    lang: Lang,
    old: DateTime<Utc>,
    new: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    t!(
        lang,
        "confirm-later-deadline",
        old = when(lang, old, now, tz),
        new = when(lang, new, now, tz)
    )
}

/// A text that did not read as the amount, time or city the bot asked for.
pub fn reply_not_understood(lang: Lang, kind: Awaited) -> String {
    tr(
        lang,
        match kind {
            Awaited::Time => "waiting-time",
            Awaited::Amount => "waiting-amount",
            Awaited::Leftover => "waiting-leftover",
            Awaited::City => "waiting-city",
            Awaited::LogTime => "waiting-log-time",
            Awaited::LogPlace => "waiting-log-place",
        },
    )
}
