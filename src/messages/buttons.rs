//! Button labels shared by several screens, and the short notes a press can get.

use crate::domain::{Ml, Place, Profile, Unit};

use super::*;

pub const CANCEL: &str = "✖ Cancel";
pub const BACK: &str = "⬅ Back";
/// A time choice, not a "done" button: a clock, never a check mark.
pub const NOW: &str = "🕑 Now";
pub const EARLIER: &str = "⏱ Earlier…";
pub const TO_STASH: &str = "🧊 Stash";
pub const USED: &str = "🍼 Used…";
pub const DISCARD: &str = "🗑 Discard…";
pub const UNDO: &str = "↩️ Undo";
pub const EDIT: &str = "✏️ Edit";
pub const CHANGE_AMOUNT: &str = "Change the amount";
pub const CHANGE_TIME: &str = "Change the time";
pub const CONFIRM_CHANGE: &str = "✔ Yes, change it";
pub const KEEP_IT: &str = "✖ No, keep it";
pub const LOG_BUTTON: &str = "🍼 Log milk";
pub const PREV: &str = "◀ Prev";
pub const NEXT: &str = "Next ▶";
pub const CLOSE: &str = "✖ Close";
pub const TIMEZONE_BUTTON: &str = "🕑 Timezone";

pub fn ago_label(minutes: u32) -> String {
    match minutes {
        0 => "Now".into(),
        m if m < 60 => format!("{m} min ago"),
        1440 => "24 h ago".into(),
        m if m % 60 == 0 => format!("{} h ago", m / 60),
        m => format!("{} h {} min ago", m / 60, m % 60),
    }
}

pub fn same_again(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "↻ Same again: {} · {}",
        amount.display(unit),
        place_button(place)
    )
}

pub fn used_all(amount: Ml, unit: Unit) -> String {
    format!("All of it ({})", amount.display(unit))
}

pub fn used_part(amount: Ml, unit: Unit) -> String {
    amount.display(unit)
}

pub fn unit_button(unit: Unit) -> String {
    match unit {
        Unit::Ml => "📏 Unit: ml (switch to oz)".into(),
        Unit::Oz => "📏 Unit: oz (switch to ml)".into(),
    }
}

pub fn profile_button(p: Profile) -> String {
    format!("📋 Guideline: {}", profile_name(p))
}

pub const STALE_BUTTON: &str = "That button is out of date. Here's a fresh start.";
pub const NOT_YOUR_BATCH: &str = "That batch isn't in this chat's stash.";
pub const BATCH_CHANGED: &str = "This batch changed in the meantime: here's how it is now.";
pub const NOTHING_TO_UNDO: &str = "Nothing to undo for this batch.";
pub const ALREADY_LOGGED: &str = "Already logged: here it is.";
