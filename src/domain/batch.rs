//! The batch lifecycle: logging a batch and every action on it (move, thaw, use,
//! discard, edit). Pure: takes the batch as it is, the action and the current time,
//! and returns the batch as it becomes, or why the action cannot happen.

use super::code::codes;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::rules::{self, Clocks, Guideline, Place};
use super::units::{MAX_BATCH_ML, Ml};

/// How far back a batch may be logged or edited.
pub const MAX_AGE: Duration = Duration::days(365);
/// Clock skew tolerated before a time counts as "in the future".
pub const FUTURE_TOLERANCE: Duration = Duration::minutes(2);
/// How long after a step an undo may still give the milk more time: put it back in the
/// freezer, back in the fridge from a feed or the room, bring used or discarded milk
/// back, or restore a later deadline. Long enough to catch a mis-tap; short enough that
/// milk taken out cannot have started to thaw or warm.
pub const UNDO_WINDOW: Duration = Duration::minutes(5);
/// The longest a bag takes to thaw in the fridge. "Fully thawed" tapped later than this
/// after thawing began counts from this moment: a forgotten tap never starts the thawed
/// clock later than the milk can have thawed.
pub const MAX_THAW: Duration = Duration::hours(24);
/// How long after logging an edit of the logging message (Telegram's "edit") still
/// corrects the batch, as long as nothing else was done to it.
pub const MESSAGE_EDIT_WINDOW: Duration = Duration::minutes(15);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Stored,
    Used,
    Discarded,
    /// Logging was undone: the batch never existed as far as the stash is concerned.
    Removed,
}

codes!(Status {
    Stored => "stored",
    Used => "used",
    Discarded => "discarded",
    Removed => "removed",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscardReason {
    Expired,
    Spilled,
    SmelledOff,
    Other,
}

/// What happened to a batch, as its history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    Logged,
    Moved,
    /// Moved out of the freezer or ice compartment to thaw or to be used thawed.
    Thawed,
    /// Used (a feed, or what the baby drank of a bottle).
    Used,
    Discarded,
    /// The amount, the time or the whole log corrected.
    Edited,
    /// An earlier event reverted.
    Undone,
}

codes!(EventKind {
    Logged => "logged",
    Moved => "moved",
    Thawed => "thawed",
    Used => "used",
    Discarded => "discarded",
    Edited => "edited",
    Undone => "undone",
});

codes!(DiscardReason {
    Expired => "expired",
    Spilled => "spilled",
    SmelledOff => "smelled_off",
    Other => "other",
});

/// Amount expressed per side, when the parent said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Sides {
    pub left: Option<Ml>,
    pub right: Option<Ml>,
}

/// Everything about a batch that actions change. Serialised into each history event
/// (as the state before it), which is what makes undo exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchState {
    /// What is left in the container.
    pub amount: Ml,
    pub place: Place,
    pub clocks: Clocks,
    pub status: Status,
}

impl BatchState {
    /// When to use it by (for frozen milk under CDC, ABM and LLL: its best-quality time).
    pub fn deadline(&self, guideline: impl Into<Guideline>) -> DateTime<Utc> {
        rules::deadline(guideline, self.place, &self.clocks)
    }

    /// When it must be discarded.
    pub fn safe_until(&self, guideline: impl Into<Guideline>) -> DateTime<Utc> {
        rules::safe_until(guideline, self.place, &self.clocks)
    }

    pub fn is_expired(&self, guideline: impl Into<Guideline>, now: DateTime<Utc>) -> bool {
        now >= self.safe_until(guideline)
    }

    /// The latest moment the milk can still be usable, for overviews that need a finite
    /// time (stats, the chart): when it must be discarded, or for milk still thawing,
    /// the longest thaw plus the thawed clock.
    pub fn horizon(&self, guideline: impl Into<Guideline>) -> DateTime<Utc> {
        let g = guideline.into();
        match self.place {
            Place::Thawing => rules::rule(g, Place::ThawedFridge)
                .limit
                .after(self.clocks.place_since + MAX_THAW),
            _ => self.safe_until(g),
        }
    }

    /// Past its best-quality time but still acceptable (frozen milk, 6 to 12 months).
    pub fn past_best(&self, guideline: impl Into<Guideline>, now: DateTime<Utc>) -> bool {
        let g = guideline.into();
        now >= self.deadline(g) && now < self.safe_until(g)
    }
}

/// What a parent logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewBatch {
    pub amount: Ml,
    pub place: Place,
    pub expressed_at: DateTime<Utc>,
    pub sides: Sides,
}

/// An action on a stored batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move to another place; moving frozen milk to a thawed place is thawing it.
    Move(Place),
    /// Use some (`Some`) or all (`None`) of it.
    Use(Option<Ml>),
    Discard(DiscardReason),
    SetAmount(Ml),
    SetExpressed(DateTime<Utc>),
    /// The baby drank from it and left `left`; the feed ended at `ended_at`. What was
    /// drunk counts as used; the leftover clock starts at the end of the feed.
    Leftover {
        left: Ml,
        ended_at: DateTime<Utc>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    #[error("the amount is zero")]
    ZeroAmount,
    #[error("the amount is more than {max:?}")]
    TooMuch { max: Ml },
    #[error("only {left:?} is left")]
    MoreThanLeft { left: Ml },
    #[error("the time is in the future")]
    InFuture,
    #[error("the time is more than a year ago")]
    TooOld,
    #[error("the time is after the milk was frozen, thawed or moved")]
    AfterLaterStep,
    #[error("milk cannot be logged straight into {0:?}")]
    NotLoggable(Place),
    #[error("the batch is already {0:?}")]
    Finished(Status),
    #[error("it is already in {0:?}")]
    AlreadyThere(Place),
    #[error("thawed milk can never be frozen again")]
    Refreeze,
    #[error("milk in {from:?} cannot go to {to:?}")]
    CannotMove { from: Place, to: Place },
    #[error("the milk passed its time at {deadline}")]
    Expired { deadline: DateTime<Utc> },
    #[error("the milk may have started to thaw: it cannot go back in the freezer")]
    UndoThawTooLate,
    #[error("undoing now would give the milk more time than it has had")]
    UndoTooLate,
    #[error("undoing would bring back milk that passed its time at {deadline}")]
    UndoExpired { deadline: DateTime<Utc> },
    #[error("the batch moved since it was logged; its time cannot change")]
    TimeAfterMove,
    #[error("the message was edited too long after it logged the batch")]
    EditTooLate,
    #[error("the batch was changed since it was logged")]
    MovedOn,
    #[error("the edit would move the deadline from {old} to {new}")]
    LaterDeadline {
        old: DateTime<Utc>,
        new: DateTime<Utc>,
    },
}

pub fn check_amount(amount: Ml) -> Result<Ml, BatchError> {
    match amount.get() {
        0 => Err(BatchError::ZeroAmount),
        n if n > MAX_BATCH_ML => Err(BatchError::TooMuch {
            max: Ml(MAX_BATCH_ML),
        }),
        _ => Ok(amount),
    }
}

pub fn check_time(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<DateTime<Utc>, BatchError> {
    if at > now + FUTURE_TOLERANCE {
        Err(BatchError::InFuture)
    } else if at < now - MAX_AGE {
        Err(BatchError::TooOld)
    } else {
        Ok(at.min(now))
    }
}

/// The state of a freshly logged batch.
pub fn log(new: NewBatch, now: DateTime<Utc>) -> Result<BatchState, BatchError> {
    let amount = check_amount(new.amount)?;
    let expressed_at = check_time(new.expressed_at, now)?;
    if !Place::LOGGABLE.contains(&new.place) {
        return Err(BatchError::NotLoggable(new.place));
    }
    Ok(BatchState {
        amount,
        place: new.place,
        clocks: Clocks {
            expressed_at,
            frozen_at: new.place.is_frozen().then_some(expressed_at),
            thawed_at: None,
            place_since: expressed_at,
            cap: None,
        },
        status: Status::Stored,
    })
}

/// Whether a step that turned `restored` into `current` at `step_at` may be undone at
/// `now`. Undo restores the exact state before the step, so it must never give milk more
/// time than its true history allows: after [`UNDO_WINDOW`] it may not put milk back in
/// the freezer (it may have started to thaw), bring used or discarded milk back, or
/// restore a later deadline (back to the fridge from the room or a feed, an edit that
/// made the time earlier); and at no time may it bring back milk that is past its time.
pub fn check_undo(
    current: &BatchState,
    restored: &BatchState,
    step_at: DateTime<Utc>,
    now: DateTime<Utc>,
    guideline: impl Into<Guideline>,
) -> Result<(), BatchError> {
    let profile = guideline.into();
    if restored.status != Status::Stored {
        // Undoing a log removes the batch: that never gives milk more time.
        return Ok(());
    }
    let late = now - step_at > UNDO_WINDOW;
    let refreezes = restored.place.is_frozen() && !current.place.is_frozen();
    if late && refreezes {
        return Err(BatchError::UndoThawTooLate);
    }
    let current_stored = current.status == Status::Stored;
    let revives = !current_stored;
    let later = current_stored && restored.deadline(profile) > current.deadline(profile);
    if late && (revives || later) {
        return Err(BatchError::UndoTooLate);
    }
    let deadline = restored.safe_until(profile);
    if now >= deadline && !(current_stored && current.is_expired(profile, now)) {
        return Err(BatchError::UndoExpired { deadline });
    }
    Ok(())
}

/// The batch as an edited logging message logs it: `new` read as if typed at
/// `logged_at`. Only within [`MESSAGE_EDIT_WINDOW`] of logging, while nothing else was
/// done to the batch (`untouched`), and never to a later deadline unless `confirmed`
/// (the parent was shown both deadlines and tapped "Yes").
pub fn relog(
    current: &BatchState,
    untouched: bool,
    logged_at: DateTime<Utc>,
    new: NewBatch,
    now: DateTime<Utc>,
    guideline: impl Into<Guideline>,
    confirmed: bool,
) -> Result<BatchState, BatchError> {
    let profile = guideline.into();
    if now - logged_at > MESSAGE_EDIT_WINDOW {
        return Err(BatchError::EditTooLate);
    }
    if !untouched || current.status != Status::Stored {
        return Err(BatchError::MovedOn);
    }
    let state = log(new, logged_at)?;
    let (old, new) = (current.deadline(profile), state.deadline(profile));
    if new > old && !confirmed {
        return Err(BatchError::LaterDeadline { old, new });
    }
    Ok(state)
}

/// When `action` would move the batch's deadline later: the deadline before and after.
/// Such an edit is shown and confirmed before it is made; `None` when the action keeps or
/// shortens the deadline, or is refused anyway.
pub fn later_deadline(
    state: &BatchState,
    action: Action,
    now: DateTime<Utc>,
    guideline: impl Into<Guideline>,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let profile = guideline.into();
    let after = apply(state, action, now, profile).ok()?.after;
    let (old, new) = (state.deadline(profile), after.deadline(profile));
    (new > old).then_some((old, new))
}

/// What an action did, beyond the new state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub after: BatchState,
    /// Milk used by this action (for `Use`).
    pub used: Option<Ml>,
}

/// Applies `action` to a batch in state `state` at `now` under `guideline`.
pub fn apply(
    state: &BatchState,
    action: Action,
    now: DateTime<Utc>,
    guideline: impl Into<Guideline>,
) -> Result<Outcome, BatchError> {
    let guideline = guideline.into();
    if state.status != Status::Stored {
        return Err(BatchError::Finished(state.status));
    }
    let mut after = *state;
    let mut used = None;
    match action {
        Action::Move(to) => {
            let from = state.place;
            if from == to {
                return Err(BatchError::AlreadyThere(to));
            }
            let thawing = state.clocks.thawed_at.is_some() || from == Place::Thawing;
            if thawing && to.is_frozen() {
                return Err(BatchError::Refreeze);
            }
            if !rules::can_move(from, to) {
                return Err(BatchError::CannotMove { from, to });
            }
            let deadline = check_usable(state, now, guideline)?;
            let clocks = &mut after.clocks;
            clocks.place_since = now;
            if to.is_frozen() && clocks.frozen_at.is_none() {
                clocks.frozen_at = Some(now);
            }
            if to.is_thawed() && clocks.thawed_at.is_none() {
                // Lukewarm water thaws it now; a bag thawing in the fridge counts from
                // the tap, or from the longest a bag takes to thaw, whichever is first.
                clocks.thawed_at = Some(match from {
                    Place::Thawing => now.min(state.clocks.place_since + MAX_THAW),
                    _ => now,
                });
            }
            clocks.cap = rules::carries_cap(from, to).then_some(deadline);
            after.place = to;
        }
        Action::Leftover { left, ended_at } => {
            let from = state.place;
            if !rules::can_move(from, Place::Leftover) {
                return Err(BatchError::CannotMove {
                    from,
                    to: Place::Leftover,
                });
            }
            let ended_at = check_time(ended_at, now)?;
            if left.get() == 0 {
                return Err(BatchError::ZeroAmount);
            }
            if left > state.amount {
                return Err(BatchError::MoreThanLeft { left: state.amount });
            }
            let deadline = check_usable(state, now, guideline)?;
            let drunk = state.amount - left;
            used = (drunk.get() > 0).then_some(drunk);
            after.amount = left;
            after.place = Place::Leftover;
            after.clocks.place_since = ended_at;
            after.clocks.cap = Some(deadline);
        }
        Action::Use(amount) => {
            let amount = amount.unwrap_or(state.amount);
            if amount.get() == 0 {
                return Err(BatchError::ZeroAmount);
            }
            if amount > state.amount {
                return Err(BatchError::MoreThanLeft { left: state.amount });
            }
            after.amount = state.amount - amount;
            if after.amount.get() == 0 {
                after.status = Status::Used;
            }
            used = Some(amount);
        }
        Action::Discard(_) => after.status = Status::Discarded,
        Action::SetAmount(amount) => after.amount = check_amount(amount)?,
        Action::SetExpressed(at) => {
            let at = check_time(at, now)?;
            let clocks = &mut after.clocks;
            let never_moved = clocks.place_since == clocks.expressed_at;
            let later_steps = [clocks.frozen_at, clocks.thawed_at]
                .into_iter()
                .flatten()
                .chain((!never_moved).then_some(clocks.place_since));
            if later_steps.into_iter().any(|step| at > step) {
                return Err(BatchError::AfterLaterStep);
            }
            // Once it has moved, its steps were judged against the time it had: earlier,
            // it may already have been past its time when it moved (into the fridge, the
            // freezer, a feed); later, a move back to a place counting from expression
            // would get more time. The clocks cannot tell, so the time stays.
            if !never_moved && at != clocks.expressed_at {
                return Err(BatchError::TimeAfterMove);
            }
            if never_moved {
                clocks.place_since = at;
                if clocks.frozen_at == Some(clocks.expressed_at) {
                    clocks.frozen_at = Some(at);
                }
            }
            clocks.expressed_at = at;
        }
    }
    Ok(Outcome { after, used })
}

/// When the batch must be discarded where it is, if milk may still leave there:
/// milk past its time cannot be moved to buy time (it can still be used or discarded).
fn check_usable(
    state: &BatchState,
    now: DateTime<Utc>,
    guideline: Guideline,
) -> Result<DateTime<Utc>, BatchError> {
    let safe_until = state.safe_until(guideline);
    if now >= safe_until {
        return Err(BatchError::Expired {
            deadline: safe_until,
        });
    }
    Ok(safe_until)
}

#[cfg(test)]
mod tests;
