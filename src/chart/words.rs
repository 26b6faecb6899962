//! Every word the picture shows, asked of the caller: the chart draws, and
//! `messages::ChartWords` words it in the chat's language. Times come in already local.

use chrono::{NaiveDateTime, Weekday};

use crate::domain::{Ml, Place, Unit};

/// One entry of the legend of the per-day panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legend {
    Left,
    Right,
    SideNotNoted,
}

/// A mark on the stash timeline: "now", "6 h", "1 day", "1 week", ...
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    Now,
    Hours(u32),
    Days(u32),
    Weeks(u32),
    Months(u32),
    Years(u32),
}

/// The chart's wording, in one language.
pub trait Words: Send + Sync {
    /// The heading: "Milk this fortnight".
    fn title(&self) -> String;
    /// Under the heading: "As of Mo 3 Dec, 14:05".
    fn as_of(&self, local: NaiveDateTime) -> String;
    /// The per-day panel's heading: "Expressed per day (ml)".
    fn per_day(&self, unit: Unit) -> String;
    fn legend(&self, entry: Legend) -> String;
    /// Shown over an empty per-day panel.
    fn no_sessions(&self) -> String;
    /// A day under its bar, in two or three letters: "Mo".
    fn weekday(&self, day: Weekday) -> String;
    /// A number on the per-day panel ("2.5"), with the language's decimal separator.
    fn number(&self, number: &str) -> String;
    /// A deadline: day and clock time when `near` ("Tu 16, 14:00"), else day and month
    /// ("2 Dec").
    fn deadline(&self, local: NaiveDateTime, near: bool) -> String;
    /// A stash row's label: "Fridge · 120 ml", "Fridge · 3 batches · 330 ml · 1 expired".
    fn row(&self, place: Place, batches: u32, amount: Ml, unit: Unit, expired: u32) -> String;
    /// Deadlines of a row, fullest first: "Tu 16, 14:00 to 11 Nov", then "to 11 Nov".
    fn between(&self, first: &str, last: &str) -> String;
    fn to(&self, last: &str) -> String;
    /// "until Tu 16, 14:00"
    fn until(&self, first: &str) -> String;
    /// "expired Su 14, 13:30", then "expired".
    fn expired_at(&self, when: &str) -> String;
    fn expired(&self) -> String;
    /// The stash panel's heading: "Stash: time left".
    fn stash_heading(&self) -> String;
    /// Shown over an empty stash panel, then a hint under it.
    fn nothing_stored(&self) -> String;
    fn nothing_stored_hint(&self) -> String;
    fn tick(&self, tick: Tick) -> String;
}
