//! Places, moves, discard reasons, guideline names and amounts, in the chat's language.

use crate::domain::batch::DiscardReason;
use crate::domain::{Lang, Ml, Place, Profile, Unit};

use super::{decimal, tr};

pub fn place_emoji(p: Place) -> &'static str {
    match p {
        Place::Room => "🌡",
        Place::Cooler => "🎒",
        Place::Fridge => "🧊",
        Place::IceBox => "🧊",
        Place::Freezer => "❄️",
        Place::Thawing => "⏳",
        Place::ThawedFridge => "💧",
        Place::ThawedRoom => "💧",
        Place::Leftover => "🍼",
    }
}

/// The part of a key that names a place ("place-fridge", "in-fridge").
pub(super) fn place_key(p: Place) -> &'static str {
    match p {
        Place::Room => "room",
        Place::Cooler => "cooler",
        Place::Fridge => "fridge",
        Place::IceBox => "icebox",
        Place::Freezer => "freezer",
        Place::Thawing => "thawing",
        Place::ThawedFridge => "thawed-fridge",
        Place::ThawedRoom => "thawed-room",
        Place::Leftover => "leftover",
    }
}

/// Short name for headings: "Fridge".
pub fn place_name(lang: Lang, p: Place) -> String {
    tr(lang, &format!("place-{}", place_key(p)))
}

/// "in the fridge"
pub fn in_place(lang: Lang, p: Place) -> String {
    tr(lang, &format!("in-{}", place_key(p)))
}

/// "to the fridge": where a move took a batch.
pub fn to_place(lang: Lang, p: Place) -> String {
    tr(lang, &format!("to-{}", place_key(p)))
}

/// Label of the button that moves a batch to `to`.
pub fn move_button(lang: Lang, from: Place, to: Place) -> String {
    let key = match (from, to) {
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => "move-thaw-warm",
        (_, Place::ThawedRoom) => "move-out-of-fridge",
        (_, to) => return format!("{} {}", place_emoji(to), move_label(lang, to)),
    };
    format!("{} {}", place_emoji(to), tr(lang, key))
}

fn move_label(lang: Lang, to: Place) -> String {
    tr(lang, &format!("move-{}", place_key(to)))
}

/// Label for picking a place when logging.
pub fn place_button(lang: Lang, p: Place) -> String {
    let label = match p {
        Place::Room | Place::Cooler | Place::Fridge | Place::IceBox | Place::Freezer => {
            tr(lang, &format!("pick-{}", place_key(p)))
        }
        other => place_name(lang, other),
    };
    format!("{} {label}", place_emoji(p))
}

/// What a move did, for confirmations: "is in the freezer now", "is thawing in the fridge".
pub fn moved(lang: Lang, from: Place, to: Place) -> String {
    match (from, to) {
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => {
            tr(lang, "now-thawed-warm")
        }
        (_, to) => tr(lang, &format!("now-{}", place_key(to))),
    }
}

pub fn reason_label(lang: Lang, r: DiscardReason) -> String {
    tr(
        lang,
        match r {
            DiscardReason::Expired => "reason-expired",
            DiscardReason::Spilled => "reason-spilled",
            DiscardReason::SmelledOff => "reason-smelled-off",
            DiscardReason::Other => "reason-other",
        },
    )
}

pub fn profile_name(lang: Lang, p: Profile) -> String {
    tr(
        lang,
        match p {
            Profile::Cdc => "profile-cdc",
            Profile::Nhs => "profile-nhs",
            Profile::Abm => "profile-abm",
            Profile::Lll => "profile-lll",
            Profile::Strictest => "profile-strictest",
        },
    )
}

/// The bare number of an amount in `unit`, with the language's decimal separator:
/// "2.5" or "2,5".
pub fn number(lang: Lang, amount: Ml, unit: Unit) -> String {
    decimal(lang, &amount.number(unit))
}

/// An amount as people read it: "90 ml", "2,5 oz", "90 мл".
pub fn amount(lang: Lang, amount: Ml, unit: Unit) -> String {
    let symbol = match unit {
        Unit::Ml => tr(lang, "unit-ml"),
        Unit::Oz => tr(lang, "unit-oz"),
    };
    format!("{} {symbol}", number(lang, amount, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_places_read_in_each_language() {
        assert_eq!(amount(Lang::En, Ml(74), Unit::Oz), "2.5 oz");
        assert_eq!(amount(Lang::Es, Ml(74), Unit::Oz), "2,5 oz");
        assert_eq!(amount(Lang::Ru, Ml(90), Unit::Ml), "90 мл");
        assert_eq!(in_place(Lang::En, Place::Fridge), "in the fridge");
        assert_eq!(in_place(Lang::Es, Place::Freezer), "en el congelador");
        assert_eq!(place_button(Lang::Ru, Place::Fridge), "🧊 Холодильник");
        for lang in Lang::ALL {
            for p in Place::ALL {
                for text in [place_name(lang, p), in_place(lang, p), moved(lang, p, p)] {
                    assert!(
                        !text.contains('-') || text.contains(' '),
                        "{lang:?} {p:?}: {text}"
                    );
                }
            }
        }
    }
}
