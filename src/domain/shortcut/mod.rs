//! The text shortcut for logging milk: reads short texts such as `90 fridge`,
//! `left 40 right 50 freezer 1h ago` or `3oz cooler yesterday 22:00` into a [`LogText`],
//! and turns the time a parent typed into an instant ([`resolve`]).
//!
//! The parser is deliberately strict: a text is a log only when it has an amount and
//! every other word is understood (a place, a time, a side, a unit or a filler word).
//! Anything else, and anything ambiguous (two amounts, two places, two times), is
//! [`Parsed::NotALog`], so questions go to the FAQ and the bot asks rather than guesses.
//! Pure: no clock reads, no I/O; never panics, whatever the text.

mod foreign;
mod grammar;
mod lexer;
mod time;
mod vocabulary;

use chrono::Duration;

use super::Lang;
use super::rules::Place;
use super::units::{Ml, Unit};

pub use time::{ClockNote, clock_note, resolve, slash_readings};

use grammar::{Item, items};
use lexer::lex;

/// Texts longer than this many characters are never read as logs.
pub const MAX_CHARS: usize = 200;

/// An amount as typed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    /// `None` when no unit was typed: the family's unit applies.
    pub unit: Option<Unit>,
}

impl Amount {
    /// The amount in whole millilitres, reading a missing unit as `default`.
    /// `None` when the value is negative, not finite or absurdly large.
    pub fn to_ml(&self, default: Unit) -> Option<Ml> {
        Ml::from_amount(self.value, self.unit.unwrap_or(default))
    }
}

/// When the milk was expressed, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Now,
    /// That long before now (whole minutes).
    Ago(Duration),
    /// A clock time, local to the family. Hour and minute are kept as typed, so
    /// `25:00` reaches [`resolve`], which refuses it.
    At {
        day: Day,
        hour: u32,
        minute: u32,
    },
}

/// The day a clock time was given with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    Today,
    Yesterday,
    /// Two days ago: "the day before yesterday", `anteayer`, `позавчера`.
    BeforeYesterday,
    /// No day typed: the most recent past occurrence of the time.
    Unspecified,
    /// Always in the future: refused.
    Tomorrow,
    /// The most recent such weekday: today when the time has passed, else a week ago.
    Weekday(chrono::Weekday),
    /// A calendar date; without a year, the most recent past one.
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// `a/b` in digits: month/day where the family's zone writes dates that way (the
    /// United States), else day/month; when only one order is a date, that one.
    Slash {
        first: u32,
        second: u32,
        year: Option<i32>,
    },
}

/// What a log text says. Sides are kept as typed: when only sides are given,
/// `amount` is `None` and the caller sums them; when both are given the caller checks
/// they agree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogText {
    pub amount: Option<Amount>,
    pub left: Option<Amount>,
    pub right: Option<Amount>,
    pub place: Option<Place>,
    pub when: Option<When>,
}

impl LogText {
    /// The sides' total in whole millilitres, reading a missing unit as `default`: the
    /// amounts as typed added, then rounded once (`left 1.5 oz right 2 oz` is 104 ml,
    /// not 44 + 59). `Some(None)` when no side was typed; `None` when a side is not a
    /// volume ([`Amount::to_ml`]).
    pub fn sides_total(&self, default: Unit) -> Option<Option<Ml>> {
        let exact = |a: Option<Amount>| -> Option<f64> {
            match a {
                None => Some(0.0),
                Some(a) => {
                    a.to_ml(default)?;
                    Some(match a.unit.unwrap_or(default) {
                        Unit::Ml => a.value,
                        Unit::Oz => a.value * super::units::ML_PER_OZ,
                    })
                }
            }
        };
        if self.left.is_none() && self.right.is_none() {
            return Some(None);
        }
        Ml::from_amount(exact(self.left)? + exact(self.right)?, Unit::Ml).map(Some)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Parsed {
    Log(LogText),
    /// Not a log, or too ambiguous to be one: hand the text to the FAQ.
    NotALog,
}

/// Why a typed time cannot be turned into an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("{hour}:{minute:02} is not a time of day")]
    NotATime { hour: u32, minute: u32 },
    #[error("the time is in the future")]
    InFuture,
    #[error("the time is out of the range of dates")]
    OutOfRange,
    #[error("the time is more than a year ago")]
    TooLongAgo,
}

/// Month abbreviations by number (1 = jan), as `render` writes them.
const MONTHS: [&str; 13] = [
    "", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// What a typed message is, read as a parent meant it.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// One batch or several (`90 fridge and 60 freezer`, or one per line).
    Logs(Vec<LogText>),
    /// It has an amount and a place or a log verb, but something in it was not
    /// understood: ask for what is missing (the time, or the place) with buttons,
    /// never answer it as a question.
    Partial(LogText),
    /// It has an amount and a place or a log verb, but not as one batch the bot can ask
    /// about (`pumped 100 around 8`): say it was not read, never answer it as a question.
    Unclear,
    /// A question (or nothing the bot can log): for the FAQ.
    Question,
}

/// Words that make a text a question wherever they stand.
const QUESTION_WORDS: &[&str] = &[
    "how", "what", "whats", "why", "which", "where", "when", "should", "can", "could", "would",
    "safe", "unsafe", "still", "ok", "okay", "normal", "enough", "expire", "expired", "expires",
    "rule", "remind", "smell", "smells", "too", "much", "many", "if", "does",
];
/// Words that make a text a question when it starts with them.
const QUESTION_STARTS: &[&str] = &[
    "is", "are", "do", "did", "will", "am", "was", "were", "has", "have", "any",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a text in `lang` asks something: a question mark (`?`, `¿`), a question word
/// of English or of `lang` (`how`, `cuánto`, `сколько`), or "is it"/"is that".
pub fn is_question(text: &str, lang: Lang) -> bool {
    asks_in_english(text) || foreign::asks(text, lang)
}

fn asks_in_english(text: &str) -> bool {
    if text.contains('?') {
        return true;
    }
    let words = words(text);
    words
        .first()
        .is_some_and(|w| QUESTION_STARTS.contains(&w.as_str()))
        || words.iter().any(|w| QUESTION_WORDS.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| p[0] == "is" && matches!(p[1].as_str(), "it" | "that" | "this"))
}

/// Reads a typed message in the chat's language `lang` (English words are read in every
/// language, as parents mix them): one or more logs, a log with a part not understood
/// (ask for the rest), or a question. Questions that contain an amount stay questions.
pub fn read(text: &str, lang: Lang) -> Reading {
    if text.chars().nth(MAX_CHARS).is_some() || asks_in_english(text) {
        return Reading::Question;
    }
    match foreign::read(text, lang) {
        None => read_english(text, || false),
        Some(f) if f.asks => Reading::Question,
        Some(f) => read_english(&f.english, || f.place_slip()),
    }
}

/// [`read`] of a text in the words the English grammar reads; `place_slip` says whether
/// a word of the text as typed was one slip from a place word of its language.
fn read_english(text: &str, place_slip: impl Fn() -> bool) -> Reading {
    if asks_in_english(text) {
        return Reading::Question;
    }
    let Some(toks) = lex(text) else {
        return Reading::Question;
    };
    if let Some(logs) = items(&toks, false).and_then(grammar::batches) {
        return Reading::Logs(logs);
    }
    // Something was not understood: read what was, and ask about the rest; a text with
    // a word not understood is never confirmed as a log (a question whose question word
    // was mistyped, `hw long can 90 ml stay in the fridge 2 days`, must not be logged).
    let Some(found) = items(&toks, true) else {
        return Reading::Question;
    };
    let has_amount = |l: &LogText| l.amount.is_some() || l.left.is_some() || l.right.is_some();
    let words = words(text);
    let verb = words.iter().any(|w| vocabulary::is_log_verb(w));
    // A word one slip from a place (`90 rom`, `60 ml ice bx`): a log whose place was not
    // read, so ask where rather than answer it as a question.
    let place_slip = vocabulary::says_a_place(&words) || place_slip();
    let place = found
        .iter()
        .any(|i| matches!(i, Item::Place(_) | Item::Side(_)));
    // An amount with a log verb, a place or a side looks like a log whatever else it
    // says.
    let log_like =
        found.iter().any(|i| matches!(i, Item::Amount(..))) && (verb || place || place_slip);
    match grammar::batches(found) {
        Some(logs) => match logs.as_slice() {
            [log] if has_amount(log) && (log.place.is_some() || verb || place_slip) => {
                // The part not understood may have been the time: ask it.
                Reading::Partial(LogText { when: None, ..*log })
            }
            _ if log_like => Reading::Unclear,
            _ => Reading::Question,
        },
        None if log_like => Reading::Unclear,
        None => Reading::Question,
    }
}

/// Reads a text in `lang` as a milk log, or says it is not one.
pub fn parse(text: &str, lang: Lang) -> Parsed {
    if text.chars().nth(MAX_CHARS).is_some() {
        return Parsed::NotALog;
    }
    parse_english(&foreign::english(text, lang))
}

fn parse_english(text: &str) -> Parsed {
    match lex(text)
        .and_then(|toks| items(&toks, false))
        .and_then(grammar::batches)
        .as_deref()
    {
        Some([log]) => Parsed::Log(*log),
        _ => Parsed::NotALog,
    }
}

/// Reads a text that is only a time ("14:30", "2h ago", "yesterday 22:00", "ayer 22:00",
/// "вчера в 22:00"), as typed in reply to "when was it expressed?". `None` for anything
/// else.
pub fn parse_time(text: &str, lang: Lang) -> Option<When> {
    lend_amount(text, lang)
        .filter(|log| log.place.is_none())
        .and_then(|log| log.when)
}

/// Reads a text that is only a place ("fridge", "in the freezer", "nevera", "в
/// морозилку"), as typed in reply to "where is it?". `None` for anything else.
pub fn parse_place(text: &str, lang: Lang) -> Option<Place> {
    lend_amount(text, lang)
        .filter(|log| log.when.is_none())
        .and_then(|log| log.place)
}

/// The log grammar reads times and places next to an amount: lend `text` one, and give
/// the reading only when nothing but the lent amount came with what was typed.
fn lend_amount(text: &str, lang: Lang) -> Option<LogText> {
    let lent = format!("1 {}", foreign::english(text.trim(), lang));
    if lent.chars().nth(MAX_CHARS).is_some() {
        return None;
    }
    match parse_english(&lent) {
        Parsed::Log(
            log @ LogText {
                amount:
                    Some(Amount {
                        value: 1.0,
                        unit: None,
                    }),
                left: None,
                right: None,
                ..
            },
        ) => Some(log),
        _ => None,
    }
}

/// Reads a text that is only an amount ("85", "85 ml", "3oz", "3 onzas"), as typed in
/// reply to "how much is in this batch?". `None` for anything else.
pub fn parse_amount(text: &str, lang: Lang) -> Option<Amount> {
    match parse(text, lang) {
        Parsed::Log(LogText {
            amount: Some(amount),
            left: None,
            right: None,
            place: None,
            when: None,
        }) => Some(amount),
        _ => None,
    }
}

/// A canonical text form of `log` that [`parse`] reads back to the same value, e.g.
/// `90 ml left 40 right 50 fridge 1h30m ago`. Only logs that `parse` can produce
/// round-trip: places other than the five loggable ones, negative or non-finite values,
/// negative or sub-minute durations and hours or minutes above 99 have no text form.
pub fn render(log: &LogText) -> String {
    let mut parts = Vec::new();
    if let Some(a) = log.amount {
        parts.push(render_amount(a));
    }
    if let Some(a) = log.left {
        parts.push(format!("left {}", render_amount(a)));
    }
    if let Some(a) = log.right {
        parts.push(format!("right {}", render_amount(a)));
    }
    if let Some(p) = log.place {
        parts.push(
            match p {
                Place::Room => "room",
                Place::Fridge => "fridge",
                Place::Freezer => "freezer",
                Place::Cooler => "cooler",
                Place::IceBox => "ice box",
                other => other.code(),
            }
            .to_string(),
        );
    }
    if let Some(w) = log.when {
        parts.push(render_when(w));
    }
    parts.join(" ")
}

fn render_amount(a: Amount) -> String {
    let mut s = a.value.to_string();
    // "14.25" alone could be read as the clock time 14:25; "14.250" cannot.
    if s.split_once('.').is_some_and(|(_, frac)| frac.len() == 2) {
        s.push('0');
    }
    match a.unit {
        Some(u) => format!("{s} {}", u.symbol()),
        None => s,
    }
}

fn render_when(w: When) -> String {
    match w {
        When::Now => "now".to_string(),
        When::Ago(d) => {
            let m = d.num_minutes();
            match (m / 60, m % 60) {
                (0, m) => format!("{m}m ago"),
                (h, 0) => format!("{h}h ago"),
                (h, m) => format!("{h}h{m}m ago"),
            }
        }
        When::At { day, hour, minute } => {
            let day = match day {
                Day::Today => "today ".to_string(),
                Day::Yesterday => "yesterday ".to_string(),
                Day::BeforeYesterday => "day before yesterday ".to_string(),
                Day::Unspecified => String::new(),
                Day::Tomorrow => "tomorrow ".to_string(),
                Day::Weekday(w) => format!("{w} "),
                Day::Date {
                    year: Some(y),
                    month,
                    day,
                } => format!("{y:04}-{month:02}-{day:02} "),
                Day::Date {
                    year: None,
                    month,
                    day,
                } => format!("{day} {} ", MONTHS.get(month as usize).unwrap_or(&"")),
                Day::Slash {
                    first,
                    second,
                    year,
                } => match year {
                    Some(y) => format!("{first}/{second}/{y:04} "),
                    None => format!("{first}/{second} "),
                },
            };
            format!("{day}{hour:02}:{minute:02}")
        }
    }
}

#[cfg(test)]
mod reading_tests;
#[cfg(test)]
mod tests;
