//! The stash board (the Telegram Mini App): what its API says (plain text: the page
//! shows it as text, never as HTML), and the chat's line when something was done there.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{EventKind, Ml, Place, Unit};

use super::*;

/// The "Board" button under /stash, and the chat's menu button.
pub const BOARD_BUTTON: &str = "🗂 Board";

/// The API's answer to a request without a valid Telegram signature (HTTP 401).
pub const BOARD_UNSIGNED: &str = "This board opens from the bot in Telegram, and this copy \
     could not be checked. Close it and open it again from the chat.";

/// Someone with a valid signature who is in no family the bot knows (HTTP 403).
pub const BOARD_NO_FAMILY: &str = "You're not part of a family on this bot yet. Send /start \
     to the bot (or join your family's group), then open the board again.";

/// A batch that is not this family's, or no longer exists (HTTP 404).
pub const BOARD_NOT_FOUND: &str = "That batch isn't in your stash.";

/// The request to act could not be read (HTTP 400).
pub const BOARD_BAD_REQUEST: &str = "That didn't work: the board sent something the bot \
     can't read. Refresh the board and try again.";

/// The chat's line after a change on the board: "Ann moved 90 ml to the freezer (on the
/// stash board)."
pub fn board_did(who: &str, phrase: &str) -> String {
    format!("{} {phrase} (on the stash board).", esc(who))
}

/// The board's headline: "450 ml in 5 batches".
pub fn board_summary(total: Ml, count: usize, unit: Unit) -> String {
    let batches = if count == 1 { "batch" } else { "batches" };
    format!("{} in {count} {batches}", total.display(unit))
}

/// Days of supply at the family's recent use, or how to get them.
pub fn board_supply(days: Option<f64>) -> String {
    match days {
        Some(d) if d < 1.0 => "Less than a day of supply".into(),
        Some(d) => {
            let d = d.floor() as u64;
            let unit = if d == 1 { "day" } else { "days" };
            format!("About {d} {unit} of supply")
        }
        None => "Days of supply show once milk is logged as used".into(),
    }
}

/// A shelf's heading: "🧊 Fridge".
pub fn board_shelf(place: Place) -> String {
    format!("{} {}", place_emoji(place), place_name(place))
}

/// Who logged a batch, on its card.
pub fn board_logged_by(name: &str) -> String {
    format!("logged by {name}")
}

/// When a batch was expressed, on its card.
pub fn board_expressed(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!("expressed {}", when(at, now, tz))
}

/// Time left on a card: "2 d 4 h left", "expired 3 h ago", "past its best-quality time".
pub fn board_left(deadline: DateTime<Utc>, past_best: bool, now: DateTime<Utc>) -> String {
    if past_best && deadline > now {
        "past its best-quality time".into()
    } else {
        left(deadline, now)
    }
}

/// One line of a batch's history: "today 09:12 · Ann moved it to the freezer".
#[allow(clippy::too_many_arguments)]
pub fn board_history_line(
    kind: EventKind,
    who: &str,
    to: Option<Place>,
    amount: Option<Ml>,
    undone: bool,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
    unit: Unit,
) -> String {
    let amount = amount.map(|a| a.display(unit)).unwrap_or_default();
    let what = match (kind, to) {
        (EventKind::Logged, Some(p)) => format!("logged {amount} {}", in_place(p)),
        (EventKind::Logged, None) => format!("logged {amount}"),
        (EventKind::Moved | EventKind::Thawed, Some(p)) => {
            format!("put it {}", in_place(p))
        }
        (EventKind::Moved | EventKind::Thawed, None) => "moved it".into(),
        (EventKind::Used, _) if amount.is_empty() => "used it".into(),
        (EventKind::Used, _) => format!("used {amount}"),
        (EventKind::Discarded, _) => "discarded it".into(),
        (EventKind::Edited, _) => "corrected it".into(),
        (EventKind::Undone, _) => "undid the last change".into(),
    };
    let undone = if undone { " (undone)" } else { "" };
    format!("{} · {who} {what}{undone}", when(at, now, tz))
}
