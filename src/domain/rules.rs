//! Storage rules: where milk can be, how long it keeps there under each guideline,
//! and when each clock starts. This is where deadlines are computed.
//!
//! Figures come from `FACTS.md` (CDC, NHS, ABM protocol #8, La Leche League).
//! Where a guideline gives a range ("1–2 h"), the bot counts the shorter figure:
//! it never extends a limit. Where a guideline gives no figure for a place, the bot
//! uses CDC's; where CDC gives none either, the strictest figure that is given.

use chrono::{DateTime, Duration, Months, Utc};
use serde::{Deserialize, Serialize};

use super::code::codes;

/// Where a batch of milk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Fresh milk at room temperature (up to 25 °C).
    Room,
    /// Fresh milk in an insulated cooler bag with ice packs.
    Cooler,
    /// Fresh milk in the fridge (4 °C or colder).
    Fridge,
    /// Frozen in the ice compartment inside a fridge.
    IceBox,
    /// Frozen in a freezer (−18 °C or colder).
    Freezer,
    /// Frozen milk thawing in the fridge: no clock runs until it is fully thawed.
    Thawing,
    /// Thawed, kept in the fridge.
    ThawedFridge,
    /// Thawed, at room temperature.
    ThawedRoom,
    /// Left in the bottle after a feed.
    Leftover,
}

codes!(Place {
    Room => "room",
    Cooler => "cooler",
    Fridge => "fridge",
    IceBox => "icebox",
    Freezer => "freezer",
    Thawing => "thawing",
    ThawedFridge => "thawed_fridge",
    ThawedRoom => "thawed_room",
    Leftover => "leftover",
});

impl Place {
    /// Places a freshly expressed batch can be logged into.
    pub const LOGGABLE: [Place; 5] = [
        Place::Room,
        Place::Fridge,
        Place::Freezer,
        Place::Cooler,
        Place::IceBox,
    ];

    /// One-letter tag for compact button data.
    pub fn tag(self) -> char {
        match self {
            Place::Room => 'r',
            Place::Cooler => 'c',
            Place::Fridge => 'f',
            Place::IceBox => 'i',
            Place::Freezer => 'z',
            Place::Thawing => 'h',
            Place::ThawedFridge => 't',
            Place::ThawedRoom => 'w',
            Place::Leftover => 'l',
        }
    }

    pub fn from_tag(tag: char) -> Option<Place> {
        Place::ALL.into_iter().find(|p| p.tag() == tag)
    }

    /// Frozen places: the freezer clock runs from first freezing.
    pub fn is_frozen(self) -> bool {
        matches!(self, Place::IceBox | Place::Freezer)
    }

    pub fn is_thawed(self) -> bool {
        matches!(self, Place::ThawedFridge | Place::ThawedRoom)
    }

    /// Places where milk is warm enough that a reminder must never wait for morning.
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            Place::Room | Place::Cooler | Place::ThawedRoom | Place::ThawedFridge | Place::Leftover
        )
    }
}

/// Which published guideline the family follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    #[default]
    Cdc,
    Nhs,
    Abm,
    Lll,
    /// The shortest figure any of the guidelines gives, place by place.
    Strictest,
}

codes!(Profile {
    Cdc => "cdc",
    Nhs => "nhs",
    Abm => "abm",
    Lll => "lll",
    Strictest => "strictest",
});

impl Profile {
    /// The named authorities (all profiles but `Strictest`).
    pub const AUTHORITIES: [Profile; 4] = [Profile::Cdc, Profile::Nhs, Profile::Abm, Profile::Lll];
}

/// The "deadline" of milk with no clock running (still thawing): 9999-12-31, later than
/// any real one, and still a date every timezone can show (`MAX_UTC` is not).
pub fn no_deadline() -> DateTime<Utc> {
    DateTime::from_timestamp(253_402_300_799, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The family's guideline, with what it needs to know about the family's own fridge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Guideline {
    pub profile: Profile,
    /// The family said its fridge is at 4 °C or colder. Unknown counts as warmer: NHS
    /// gives 8 days only for a fridge known to be that cold, 3 days otherwise.
    pub cold_fridge: bool,
}

impl From<Profile> for Guideline {
    /// A profile alone: the fridge's temperature is not known (the conservative reading).
    fn from(profile: Profile) -> Guideline {
        Guideline {
            profile,
            cold_fridge: false,
        }
    }
}

impl Profile {
    /// Whether this guideline's fridge figure depends on how cold the fridge is. Only
    /// NHS's does: LLL's and ABM's longer figures need "very clean" expression, which
    /// the bot does not ask about, so it counts their shorter ones.
    pub fn asks_fridge(self) -> bool {
        self == Profile::Nhs
    }

    /// Whether a fresh batch put straight into a cooler bag counts as milk at room
    /// temperature: NHS gives the cooler bag's 24 h only for milk that was already
    /// chilled (and the strictest profile follows it).
    pub fn cooler_needs_chilled(self) -> bool {
        matches!(self, Profile::Nhs | Profile::Strictest)
    }
}

/// How long milk keeps in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Limit {
    /// No clock runs here (milk still thawing): no deadline until it moves on.
    NoClock,
    /// Use straight away: the deadline is the moment the clock starts.
    Immediately,
    Hours(u32),
    Days(u32),
    Months(u32),
}

impl Limit {
    /// The deadline for a clock that started at `start`.
    pub fn after(self, start: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Limit::NoClock => no_deadline(),
            Limit::Immediately => start,
            Limit::Hours(h) => start + Duration::hours(h.into()),
            Limit::Days(d) => start + Duration::days(d.into()),
            Limit::Months(m) => start
                .checked_add_months(Months::new(m))
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
        }
    }

    /// An approximate length, used only to compare limits.
    pub fn approx_hours(self) -> u64 {
        match self {
            Limit::NoClock => u64::MAX,
            Limit::Immediately => 0,
            Limit::Hours(h) => h.into(),
            Limit::Days(d) => u64::from(d) * 24,
            Limit::Months(m) => u64::from(m) * 30 * 24,
        }
    }
}

/// The figure a guideline gives for one place: the limit the bot counts, and the
/// guideline's own wording of it when that says more (a range, a condition).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub limit: Limit,
    /// The authority this figure comes from (may differ from the profile when the
    /// profile's own guideline gives no figure for the place).
    pub source: Profile,
    /// The guideline's fuller statement, e.g. "1–2 h" or "8 days (3 if warmer than 4 °C)".
    pub note: Option<&'static str>,
}

/// The published figure of one authority for one place, if it gives one.
fn published(
    authority: Profile,
    place: Place,
    cold_fridge: bool,
) -> Option<(Limit, Option<&'static str>)> {
    use Limit::*;
    use Place::*;
    use Profile::*;
    let figure = match (authority, place) {
        (Cdc, Room) => (Hours(4), Some("up to 4 h, at up to 25 °C")),
        (Abm, Room) => (Hours(4), Some("4 h best; 6–8 h if expressed very cleanly")),
        (Lll, Room) => (Hours(4), Some("4 h ideal, 6 h acceptable")),
        (Cdc | Abm, Cooler) => (Hours(24), Some("with ice packs")),
        (Nhs, Cooler) => (
            Hours(24),
            Some(
                "with ice packs, for milk already chilled; fresh milk counts as at room temperature",
            ),
        ),
        (Cdc, Fridge) => (Days(4), Some("at 4 °C or colder")),
        (Nhs, Fridge) if cold_fridge => (Days(8), Some("your fridge is at 4 °C or colder")),
        (Nhs, Fridge) => (
            Days(3),
            Some("fridge warmer than 4 °C or not known; 8 days at 4 °C or colder"),
        ),
        (Abm, Fridge) => (
            Days(4),
            Some("4 days best; 5–8 days if expressed very cleanly"),
        ),
        (Lll, Fridge) => (
            Days(3),
            Some("3 days ideal; 8 days if expressed very cleanly"),
        ),
        (Nhs, IceBox) => (Days(14), Some("2 weeks in the ice compartment of a fridge")),
        // 6 months best, 12 acceptable: see `acceptable`.
        (Cdc | Abm | Lll, Freezer) => (Months(6), None),
        (Nhs, Freezer) => (Months(6), None),
        (Cdc | Abm, ThawedRoom) => (Hours(1), Some("1–2 h")),
        (Nhs, ThawedRoom | ThawedFridge) => (Immediately, Some("use straight away")),
        (Cdc, ThawedFridge) => (Hours(24), Some("24 h, counted from fully thawed")),
        (Abm | Lll, ThawedFridge) => (Hours(24), None),
        (Cdc, Leftover) => (Hours(2), Some("within 2 h of the end of the feed")),
        (Nhs, Leftover) => (Hours(1), Some("within 1 h, then discard")),
        (Abm, Leftover) => (Hours(1), Some("1–2 h")),
        _ => return None,
    };
    Some(figure)
}

/// The rule the bot applies for `place` under `guideline`.
pub fn rule(guideline: impl Into<Guideline>, place: Place) -> Rule {
    let Guideline {
        profile,
        cold_fridge,
    } = guideline.into();
    if place == Place::Thawing {
        // Every guideline counts thawed milk from fully thawed: no clock while it thaws.
        return Rule {
            limit: Limit::NoClock,
            source: match profile {
                Profile::Strictest => Profile::Cdc,
                authority => authority,
            },
            note: Some("the clock starts once it is fully thawed"),
        };
    }
    let published = |a: Profile| published(a, place, cold_fridge);
    // On a tie, NHS's figure comes first: where it equals another's, it carries the
    // stricter condition (cooler bag: chilled milk only; freezer: no 12 months).
    let strictest = || {
        [Profile::Nhs, Profile::Cdc, Profile::Abm, Profile::Lll]
            .into_iter()
            .filter_map(|a| published(a).map(|(limit, note)| (a, limit, note)))
            .min_by_key(|(_, limit, _)| limit.approx_hours())
    };
    let chosen = match profile {
        Profile::Strictest => strictest(),
        authority => published(authority)
            .map(|(limit, note)| (authority, limit, note))
            .or_else(|| published(Profile::Cdc).map(|(l, n)| (Profile::Cdc, l, n)))
            .or_else(strictest),
    };
    match chosen {
        Some((source, limit, note)) => Rule {
            limit,
            source,
            note,
        },
        // Every place has a figure from at least one authority (checked by a test);
        // should the table ever lose one, "use straight away" is the safe answer.
        None => Rule {
            limit: Limit::Immediately,
            source: profile,
            note: None,
        },
    }
}

/// Under CDC, ABM and LLL the freezer's 6 months are the best-quality time, with 12
/// months acceptable: past 6 months the milk is "past its best", not unsafe. NHS gives
/// 6 months with no longer figure, so there (and under the strictest profile) the 6
/// months stay the limit.
pub fn acceptable(guideline: impl Into<Guideline>, place: Place) -> Option<Limit> {
    match (guideline.into().profile, place) {
        (Profile::Cdc | Profile::Abm | Profile::Lll, Place::Freezer) => Some(Limit::Months(12)),
        _ => None,
    }
}

/// Which moment a place's clock counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockStart {
    Expressed,
    FirstFrozen,
    Thawed,
    /// When the batch entered this place (the end of a feed, taking thawed milk out).
    EnteredPlace,
}

pub fn clock_start(place: Place) -> ClockStart {
    match place {
        Place::Room | Place::Cooler | Place::Fridge => ClockStart::Expressed,
        Place::IceBox | Place::Freezer => ClockStart::FirstFrozen,
        Place::Thawing | Place::ThawedFridge => ClockStart::Thawed,
        Place::ThawedRoom | Place::Leftover => ClockStart::EnteredPlace,
    }
}

/// Can a batch in `from` be moved to `to`? Thawed milk never goes back into the cold
/// for freezing; moves only go forward along the lifecycle. Frozen milk thaws in the
/// fridge (`Thawing`, then fully thawed: `ThawedFridge`) or in lukewarm water, which
/// leaves it fully thawed (`ThawedRoom`). Chilled milk may travel in a cooler bag.
pub fn can_move(from: Place, to: Place) -> bool {
    use Place::*;
    matches!(
        (from, to),
        (Room, Cooler | Fridge | IceBox | Freezer | Leftover)
            | (Cooler, Fridge | IceBox | Freezer | Leftover)
            | (Fridge, Cooler | IceBox | Freezer | Leftover)
            | (IceBox, Freezer | Thawing | ThawedRoom)
            | (Freezer, Thawing | ThawedRoom)
            | (Thawing, ThawedFridge | ThawedRoom)
            | (ThawedFridge, ThawedRoom | Leftover)
            | (ThawedRoom, Leftover)
    )
}

/// Whether a move from `from` to `to` carries the old deadline along as a cap the new
/// place cannot extend: milk left after a feed, thawed milk taken out of the fridge,
/// and chilled milk moved into a cooler bag (its 24 h count from the move, never beyond
/// the fridge's limit from expression).
pub fn carries_cap(from: Place, to: Place) -> bool {
    clock_start(to) == ClockStart::EnteredPlace || (from == Place::Fridge && to == Place::Cooler)
}

/// The moments a batch's clocks can count from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clocks {
    pub expressed_at: DateTime<Utc>,
    pub frozen_at: Option<DateTime<Utc>>,
    pub thawed_at: Option<DateTime<Utc>>,
    /// When the batch entered its current place.
    pub place_since: DateTime<Utc>,
    /// A deadline carried over from the previous place, which this place cannot extend
    /// (thawed milk taken out of the fridge, milk left after a feed, chilled milk in a
    /// cooler bag). In a cooler bag, a cap also says the milk was chilled first.
    pub cap: Option<DateTime<Utc>>,
}

/// The deadline of a batch in `place` with `clocks` under `guideline`: when it must be
/// used by, or (frozen milk under CDC, ABM, LLL) when its best-quality time ends.
pub fn deadline(guideline: impl Into<Guideline>, place: Place, clocks: &Clocks) -> DateTime<Utc> {
    let guideline = guideline.into();
    if place == Place::Cooler {
        return match clocks.cap {
            // Chilled first: 24 h from the move, never beyond the fridge's limit.
            Some(cap) => rule(guideline, place)
                .limit
                .after(clocks.place_since)
                .min(cap),
            // Straight into the bag: where the cooler bag's figure needs chilled milk,
            // it counts as milk at room temperature.
            None if guideline.profile.cooler_needs_chilled() => rule(guideline, Place::Room)
                .limit
                .after(clocks.expressed_at),
            None => rule(guideline, place).limit.after(clocks.expressed_at),
        };
    }
    let start = match clock_start(place) {
        ClockStart::Expressed => clocks.expressed_at,
        ClockStart::FirstFrozen => clocks.frozen_at.unwrap_or(clocks.place_since),
        ClockStart::Thawed => clocks.thawed_at.unwrap_or(clocks.place_since),
        ClockStart::EnteredPlace => clocks.place_since,
    };
    let own = rule(guideline, place).limit.after(start);
    match clocks.cap {
        Some(cap) if matches!(clock_start(place), ClockStart::EnteredPlace) => own.min(cap),
        _ => own,
    }
}

/// When the milk must be discarded: the deadline, or for frozen milk with an acceptable
/// time beyond its best-quality time, the end of that.
pub fn safe_until(guideline: impl Into<Guideline>, place: Place, clocks: &Clocks) -> DateTime<Utc> {
    let guideline = guideline.into();
    match acceptable(guideline, place) {
        Some(limit) => limit.after(clocks.frozen_at.unwrap_or(clocks.place_since)),
        None => deadline(guideline, place, clocks),
    }
}

#[cfg(test)]
mod tests;
