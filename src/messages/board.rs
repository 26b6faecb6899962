//! The stash board (the Telegram Mini App): what its API says (plain text: the page
//! shows it as text, never as HTML), in the language of the person who opened it, and
//! the chat's line when something was done there. The wording is in `locales/*.ftl`
//! (`board-*`).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{EventKind, Lang, Ml, Place, Unit};

use super::*;

/// The "Board" button under /stash, and the chat's menu button.
pub fn board_button(lang: Lang) -> String {
    t!(lang, "board-button")
}

/// The page's own labels, by the name the page looks them up with. `{amount}` and
/// `{action}` are left for the page to fill in.
pub fn board_page_words(lang: Lang) -> Vec<(&'static str, String)> {
    const LABELS: [(&str, &str); 14] = [
        ("title", "board-page-title"),
        ("use_next", "board-page-use-next"),
        ("move", "board-page-move"),
        ("used", "board-page-used"),
        ("discard", "board-page-discard"),
        ("back", "board-page-back"),
        ("history", "board-page-history"),
        ("pull", "board-page-pull"),
        ("cant_open", "board-page-cant-open"),
        ("went_wrong", "board-page-went-wrong"),
        ("offline", "board-page-offline"),
        ("offline_unchanged", "board-page-offline-unchanged"),
        ("unavailable", "board-page-unavailable"),
        ("not_through", "board-page-not-through"),
    ];
    let mut words: Vec<(&'static str, String)> = LABELS
        .iter()
        .map(|(name, key)| (*name, tr(lang, key)))
        .collect();
    words.push((
        "use_next_button",
        t!(lang, "board-page-use-next-button", amount = "{amount}"),
    ));
    words.push(("done", t!(lang, "board-page-done", action = "{action}")));
    words
}

/// The API's answer to a request without a valid Telegram signature (HTTP 401).
pub fn board_unsigned(lang: Lang) -> String {
    t!(lang, "board-unsigned")
}

/// Someone with a valid signature who is in no family the bot knows (HTTP 403).
pub fn board_no_family(lang: Lang) -> String {
    t!(lang, "board-no-family")
}

/// Someone who opened a group's board after leaving the group (HTTP 403).
pub fn board_left_group(lang: Lang) -> String {
    t!(lang, "board-left-group")
}

/// A batch that is not this family's, or no longer exists (HTTP 404).
pub fn board_not_found(lang: Lang) -> String {
    t!(lang, "board-not-found")
}

/// The request to act could not be read (HTTP 400).
pub fn board_bad_request(lang: Lang) -> String {
    t!(lang, "board-bad-request")
}

/// The chat's line after a change on the board: "Ann moved 90 ml to the freezer (on the
/// stash board)." Telegram HTML: the name is escaped.
pub fn board_did(lang: Lang, who: &str, phrase: &str) -> String {
    t!(lang, "board-did", name = esc(who), phrase = phrase)
}

/// The board's headline: "450 ml in 5 batches".
pub fn board_summary(lang: Lang, total: Ml, count: usize, unit: Unit) -> String {
    t!(
        lang,
        "board-summary",
        total = amount(lang, total, unit),
        count = count
    )
}

/// Days of supply at the family's recent use, or how to get them.
pub fn board_supply(lang: Lang, days: Option<f64>) -> String {
    match days {
        Some(d) if d < 1.0 => t!(lang, "board-supply-under-a-day"),
        Some(d) => t!(lang, "board-supply", days = d.floor() as u64),
        None => t!(lang, "board-supply-unknown"),
    }
}

/// A shelf's heading: "🧊 Fridge".
pub fn board_shelf(lang: Lang, place: Place) -> String {
    format!("{} {}", place_emoji(place), place_name(lang, place))
}

/// Who logged a batch, on its card.
pub fn board_logged_by(lang: Lang, name: &str) -> String {
    t!(lang, "board-logged-by", name = name)
}

/// When a batch was expressed, on its card.
pub fn board_expressed(lang: Lang, at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    t!(lang, "board-expressed", when = when(lang, at, now, tz))
}

/// Time left on a card: "2 d 4 h left", "expired 3 h ago", "past its best-quality time".
pub fn board_left(
    lang: Lang,
    deadline: DateTime<Utc>,
    past_best: bool,
    now: DateTime<Utc>,
) -> String {
    if past_best && deadline > now {
        t!(lang, "board-past-best")
    } else {
        left(lang, deadline, now)
    }
}

/// One event of a batch's history, as the board lists it.
pub struct HistoryLine<'a> {
    pub kind: EventKind,
    pub who: &'a str,
    pub to: Option<Place>,
    pub amount: Option<Ml>,
    pub undone: bool,
    pub at: DateTime<Utc>,
}

/// One line of a batch's history: "today 09:12 · Ann put it in the freezer".
pub fn board_history_line(
    lang: Lang,
    e: &HistoryLine<'_>,
    now: DateTime<Utc>,
    tz: Tz,
    unit: Unit,
) -> String {
    let amount = e.amount.map(|a| super::amount(lang, a, unit));
    let what = match (e.kind, e.to, amount) {
        (EventKind::Logged, Some(p), Some(a)) => {
            t!(
                lang,
                "board-logged-in",
                amount = a,
                place = in_place(lang, p)
            )
        }
        (EventKind::Logged, _, a) => t!(lang, "board-logged", amount = a.unwrap_or_default()),
        (EventKind::Moved | EventKind::Thawed, Some(p), _) => {
            t!(lang, "board-put", place = in_place(lang, p))
        }
        (EventKind::Moved | EventKind::Thawed, None, _) => t!(lang, "board-moved"),
        (EventKind::Used, _, Some(a)) => t!(lang, "board-used-amount", amount = a),
        (EventKind::Used, _, None) => t!(lang, "board-used"),
        (EventKind::Discarded, _, _) => t!(lang, "board-discarded"),
        (EventKind::Edited, _, _) => t!(lang, "board-corrected"),
        (EventKind::Undone, _, _) => t!(lang, "board-undid"),
    };
    let key = if e.undone {
        "board-history-undone"
    } else {
        "board-history"
    };
    t!(
        lang,
        key,
        when = when(lang, e.at, now, tz),
        name = e.who,
        what = what
    )
}
