//! Places, moves, discard reasons and guideline names.

use crate::domain::batch::DiscardReason;
use crate::domain::{Place, Profile};

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

/// Short name for headings: "Fridge".
pub fn place_name(p: Place) -> &'static str {
    match p {
        Place::Room => "Room temperature",
        Place::Cooler => "Cooler bag",
        Place::Fridge => "Fridge",
        Place::IceBox => "Ice compartment",
        Place::Freezer => "Freezer",
        Place::Thawing => "Thawing in the fridge",
        Place::ThawedFridge => "Thawed, in the fridge",
        Place::ThawedRoom => "Thawed, at room temperature",
        Place::Leftover => "Left from a feed",
    }
}

/// "in the fridge"
pub fn in_place(p: Place) -> &'static str {
    match p {
        Place::Room => "at room temperature",
        Place::Cooler => "in a cooler bag",
        Place::Fridge => "in the fridge",
        Place::IceBox => "in the ice compartment",
        Place::Freezer => "in the freezer",
        Place::Thawing => "thawing in the fridge",
        Place::ThawedFridge => "thawed, in the fridge",
        Place::ThawedRoom => "thawed, at room temperature",
        Place::Leftover => "left from a feed",
    }
}

/// Label of the button that moves a batch to `to`.
pub fn move_button(from: Place, to: Place) -> String {
    let label = match (from, to) {
        (_, Place::Fridge) => "To the fridge",
        (_, Place::Freezer) => "To the freezer",
        (_, Place::IceBox) => "To the ice box",
        (_, Place::Cooler) => "Into a cooler bag",
        (_, Place::Thawing) => "Thaw in the fridge",
        (_, Place::ThawedFridge) => "Fully thawed",
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => "Thaw in lukewarm water",
        (_, Place::ThawedRoom) => "Out of the fridge",
        (_, Place::Leftover) => "Baby left some",
        (_, Place::Room) => "Room temperature",
    };
    format!("{} {label}", place_emoji(to))
}

/// Label for picking a place when logging.
pub fn place_button(p: Place) -> String {
    let label = match p {
        Place::Room => "Room",
        Place::Cooler => "Cooler bag",
        Place::Fridge => "Fridge",
        Place::IceBox => "Ice box",
        Place::Freezer => "Freezer",
        other => place_name(other),
    };
    format!("{} {label}", place_emoji(p))
}

/// What a move did, for confirmations: "moved it to the freezer", "started thawing it in the fridge".
pub fn moved(from: Place, to: Place) -> &'static str {
    match (from, to) {
        (_, Place::Thawing) => "is thawing in the fridge",
        (_, Place::ThawedFridge) => "is fully thawed, in the fridge",
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => {
            "was thawed in lukewarm water"
        }
        (_, Place::ThawedRoom) => "is out of the fridge",
        (_, Place::Leftover) => "is left over from a feed",
        (_, Place::Fridge) => "is in the fridge now",
        (_, Place::Freezer) => "is in the freezer now",
        (_, Place::IceBox) => "is in the ice compartment now",
        (_, Place::Cooler) => "is in a cooler bag now",
        (_, Place::Room) => "is at room temperature",
    }
}

pub fn reason_label(r: DiscardReason) -> &'static str {
    match r {
        DiscardReason::Expired => "⏰ Too old",
        DiscardReason::Spilled => "💦 Spilled",
        DiscardReason::SmelledOff => "👃 Smelled sour",
        DiscardReason::Other => "Other",
    }
}

pub fn profile_name(p: Profile) -> &'static str {
    match p {
        Profile::Cdc => "CDC (US)",
        Profile::Nhs => "NHS (UK)",
        Profile::Abm => "ABM protocol",
        Profile::Lll => "La Leche League",
        Profile::Strictest => "Strictest of all",
    }
}
