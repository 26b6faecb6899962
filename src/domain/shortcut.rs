//! The text shortcut for logging milk: reads short texts such as `90 fridge`,
//! `left 40 right 50 freezer 1h ago` or `3oz cooler yesterday 22:00` into a [`LogText`],
//! and turns the time a parent typed into an instant ([`resolve`]).
//!
//! The parser is deliberately strict: a text is a log only when it has an amount and
//! every other word is understood (a place, a time, a side, a unit or a filler word).
//! Anything else, and anything ambiguous (two amounts, two places, two times), is
//! [`Parsed::NotALog`], so questions go to the FAQ and the bot asks rather than guesses.
//! Pure: no clock reads, no I/O; never panics, whatever the text.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{GapInfo, Tz};

use super::batch::FUTURE_TOLERANCE;
use super::rules::Place;
use super::units::{Ml, Unit};

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
    /// No day typed: the most recent past occurrence of the time.
    Unspecified,
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
}

/// Reads a text as a milk log, or says it is not one.
pub fn parse(text: &str) -> Parsed {
    if text.chars().nth(MAX_CHARS).is_some() {
        return Parsed::NotALog;
    }
    match lex(text).and_then(|toks| items(&toks)).and_then(assemble) {
        Some(log) => Parsed::Log(log),
        None => Parsed::NotALog,
    }
}

/// Reads a text that is only a time ("14:30", "2h ago", "yesterday 22:00"), as typed in
/// reply to "when was it expressed?". `None` for anything else.
pub fn parse_time(text: &str) -> Option<When> {
    // The log grammar reads times after an amount: lend it one, and accept only a
    // reading where nothing but the time was added.
    match parse(&format!("1 {}", text.trim())) {
        Parsed::Log(LogText {
            amount:
                Some(Amount {
                    value: 1.0,
                    unit: None,
                }),
            left: None,
            right: None,
            place: None,
            when: Some(when),
        }) => Some(when),
        _ => None,
    }
}

/// Reads a text that is only an amount ("85", "85 ml", "3oz"), as typed in reply to
/// "how much is in this batch?". `None` for anything else.
pub fn parse_amount(text: &str) -> Option<Amount> {
    match parse(text) {
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
                Day::Today => "today ",
                Day::Yesterday => "yesterday ",
                Day::Unspecified => "",
            };
            format!("{day}{hour:02}:{minute:02}")
        }
    }
}

/// The moment `when` means, for a family in `tz` at `now`.
///
/// `At` with [`Day::Unspecified`] is the most recent past occurrence of that clock time
/// (typing "23:30" just after midnight means last night). A time up to
/// [`FUTURE_TOLERANCE`] ahead counts as now (clocks differ a little); `Today` further
/// ahead, a negative `Ago`, or an hour/minute out of range is an error. A local time
/// that does not exist (clocks went forward) or exists twice (clocks went back) is read
/// as the earlier of its possible instants, so a storage clock never starts late.
pub fn resolve(when: When, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>, TimeError> {
    let (day, hour, minute) = match when {
        When::Now => return Ok(now),
        When::Ago(d) if d < Duration::zero() => return Err(TimeError::InFuture),
        When::Ago(d) => return now.checked_sub_signed(d).ok_or(TimeError::OutOfRange),
        When::At { day, hour, minute } => (day, hour, minute),
    };
    if hour > 23 || minute > 59 {
        return Err(TimeError::NotATime { hour, minute });
    }
    let utc = now.naive_utc();
    let today = utc
        .checked_add_offset(tz.offset_from_utc_datetime(&utc).fix())
        .ok_or(TimeError::OutOfRange)?
        .date();
    let on = |date: NaiveDate| -> Result<DateTime<Utc>, TimeError> {
        date.and_hms_opt(hour, minute, 0)
            .and_then(|local| earliest_instant(tz, local))
            .ok_or(TimeError::OutOfRange)
    };
    let soon = now
        .checked_add_signed(FUTURE_TOLERANCE)
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    let yesterday = || today.pred_opt().ok_or(TimeError::OutOfRange).and_then(on);
    match day {
        Day::Yesterday => yesterday(),
        Day::Today => {
            let at = on(today)?;
            if at > soon {
                Err(TimeError::InFuture)
            } else {
                Ok(at.min(now))
            }
        }
        Day::Unspecified => match on(today) {
            Ok(at) if at <= soon => Ok(at.min(now)),
            Ok(_) => yesterday(),
            Err(e) => Err(e),
        },
    }
}

/// What the family's clocks did at a typed clock time, when that matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockNote {
    /// The clocks went forward over it: that time never happened that day. It was read
    /// as the earliest instant it could mean.
    Skipped,
    /// The clocks went back over it: it happened twice. It was read as the first.
    Twice,
}

/// Whether a clock time typed as `when` and resolved (by [`resolve`]) to `at` fell in a
/// daylight-saving change in `tz`, so the reply can say how it was read.
pub fn clock_note(when: When, at: DateTime<Utc>, tz: Tz) -> Option<ClockNote> {
    use chrono::LocalResult;
    let When::At { hour, minute, .. } = when else {
        return None;
    };
    // A skipped time resolves to an instant just before the gap, on the same local day
    // or (for a gap at midnight) the day before.
    let local = at.with_timezone(&tz).date_naive();
    [Some(local), local.succ_opt()]
        .into_iter()
        .flatten()
        .filter_map(|day| day.and_hms_opt(hour, minute, 0))
        .find_map(|typed| match tz.from_local_datetime(&typed) {
            LocalResult::None => {
                // Only the gap this instant was read from, not one a day later.
                let read = at.with_timezone(&tz).naive_local();
                (typed - read <= Duration::hours(3) && read <= typed).then_some(ClockNote::Skipped)
            }
            LocalResult::Ambiguous(a, b) => {
                let first = a.with_timezone(&Utc).min(b.with_timezone(&Utc));
                (first == at).then_some(ClockNote::Twice)
            }
            LocalResult::Single(_) => None,
        })
}

/// The earliest instant at which the clocks in `tz` could have shown `local`.
fn earliest_instant(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    use chrono::LocalResult;
    let at = |offset: chrono::FixedOffset| local.checked_sub_offset(offset).map(|n| n.and_utc());
    match tz.offset_from_local_datetime(&local) {
        LocalResult::Single(o) => at(o.fix()),
        LocalResult::Ambiguous(a, b) => match (at(a.fix()), at(b.fix())) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        },
        // A gap: read the time with the offsets on either side of it.
        LocalResult::None => {
            let gap = GapInfo::new(&local, &tz)?;
            let before = gap.begin.and_then(|(_, o)| at(o.fix()));
            let after = gap.end.and_then(|e| at(e.offset().fix()));
            match (before, after) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Lexing: lower-case words and numbers. Punctuation separates; a character the parser
// has no use for (an emoji, '+', '@', a question mark) makes the text not a log.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Num(Num),
}

/// A number as typed: digits, and optionally one separator ('.', ',' or ':') and more digits.
#[derive(Debug, Clone, PartialEq)]
struct Num {
    int: String,
    sep: Option<char>,
    frac: String,
}

impl Num {
    /// The value as an amount (a ',' is a decimal comma); `None` for clock times.
    fn value(&self) -> Option<f64> {
        let text = match self.sep {
            None => self.int.clone(),
            Some('.' | ',') => format!("{}.{}", self.int, self.frac),
            Some(_) => return None,
        };
        text.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    /// A whole number of one or two digits.
    fn small_int(&self) -> Option<u32> {
        match self.sep {
            None if self.int.len() <= 2 => self.int.parse().ok(),
            _ => None,
        }
    }

    /// `H:MM` or `HH:MM`, hour and minute as typed (not range-checked).
    fn colon(&self) -> Option<(u32, u32)> {
        self.clock_shape(':')
    }

    /// `H.MM` that is a valid time of day, so could be a time as well as an amount.
    fn dotted_time(&self) -> Option<(u32, u32)> {
        self.clock_shape('.').filter(|&(h, m)| h <= 23 && m <= 59)
    }

    fn clock_shape(&self, sep: char) -> Option<(u32, u32)> {
        if self.sep != Some(sep) || !(1..=2).contains(&self.int.len()) || self.frac.len() != 2 {
            return None;
        }
        Some((self.int.parse().ok()?, self.frac.parse().ok()?))
    }
}

/// Punctuation that only separates words.
const SEPARATORS: &[char] = &[
    ',', '.', ':', ';', '!', '(', ')', '[', ']', '"', '\'', '-', '/', '&', '~', '*', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2026}', '\u{2013}', '\u{2014}',
];

fn lex(text: &str) -> Option<Vec<Tok>> {
    // A `/log@botname` prefix: drop the bot name (a plain `/log` lexes to a filler word).
    let text = text.trim_start();
    let text = match text.get(..5) {
        Some(p) if p.eq_ignore_ascii_case("/log@") => text
            .find(char::is_whitespace)
            .and_then(|k| text.get(k..))
            .unwrap_or(""),
        _ => text,
    };
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let at = |i: usize| chars.get(i).copied();
    let digit_at = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let take = |i: &mut usize, keep: fn(char) -> bool| {
        let mut s = String::new();
        while let Some(c) = at(*i).filter(|&c| keep(c)) {
            s.push(c);
            *i += 1;
        }
        s
    };
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_ascii_digit() {
            let int = take(&mut i, |c| c.is_ascii_digit());
            let mut num = Num {
                int,
                sep: None,
                frac: String::new(),
            };
            if let Some(sep) = at(i).filter(|s| matches!(s, '.' | ',' | ':'))
                && digit_at(i + 1)
            {
                i += 1;
                num.sep = Some(sep);
                num.frac = take(&mut i, |c| c.is_ascii_digit());
                // "1.2.3", "14:30:00", "1,000.5": not a number the parser can trust.
                if at(i).is_some_and(|s| matches!(s, '.' | ',' | ':')) && digit_at(i + 1) {
                    return None;
                }
                // "1,000" is a thousands separator as often as a decimal comma.
                if sep == ',' && num.frac.len() == 3 {
                    return None;
                }
            }
            toks.push(Tok::Num(num));
        } else if c.is_alphabetic() {
            toks.push(Tok::Word(take(&mut i, char::is_alphabetic)));
        } else if matches!(c, '-' | '.')
            && digit_at(i + 1)
            && !i
                .checked_sub(1)
                .and_then(at)
                .is_some_and(char::is_alphanumeric)
        {
            // "-5" or ".5": a sign or a bare fraction the parser will not guess at.
            return None;
        } else if c.is_whitespace() || SEPARATORS.contains(&c) {
            i += 1;
        } else {
            return None;
        }
    }
    Some(toks)
}

// ---------------------------------------------------------------------------------
// Vocabulary.

const FILLERS: &[&str] = &[
    "in",
    "the",
    "my",
    "at",
    "of",
    "expressed",
    "pumped",
    "milk",
    "breastmilk",
    "put",
    "into",
    "to",
    "and",
    "from",
    "batch",
    "log",
    // Beyond the list in the brief: small words that cannot turn a question into a log.
    "a",
    "an",
    "on",
    "with",
    "just",
    "i",
    "total",
    "add",
    "added",
    "stored",
];

const HOUR_WORDS: &[&str] = &["h", "hr", "hrs", "hour", "hours"];
const MINUTE_WORDS: &[&str] = &["m", "min", "mins", "minute", "minutes"];
const ML_WORDS: &[&str] = &[
    "ml",
    "mls",
    "milliliter",
    "milliliters",
    "millilitre",
    "millilitres",
];
const OZ_WORDS: &[&str] = &["oz", "ozs", "ounce", "ounces"];
const LEFT_WORDS: &[&str] = &["left", "l", "lt"];
const RIGHT_WORDS: &[&str] = &["right", "r", "rt"];
/// Words taken along after a side word: "left side 40", "right breast 50".
const SIDE_TAILS: &[&str] = &["side", "breast", "boob"];
const OTHER_WORDS: &[&str] = &[
    "ago",
    "now",
    "half",
    "one",
    "am",
    "pm",
    "p",
    "fl",
    "today",
    "yesterday",
    "noon",
    "midnight",
];

/// Place phrases, matched longest first. Words of five letters or more also match with
/// one typo.
const PLACES: &[(&[&str], Place)] = &[
    (&["room"], Place::Room),
    (&["counter"], Place::Room),
    (&["countertop"], Place::Room),
    (&["table"], Place::Room),
    (&["out"], Place::Room),
    (&["desk"], Place::Room),
    (&["room", "temp"], Place::Room),
    (&["room", "temperature"], Place::Room),
    (&["on", "the", "side"], Place::Room),
    (&["fridge"], Place::Fridge),
    (&["refrigerator"], Place::Fridge),
    (&["refridgerator"], Place::Fridge),
    (&["frig"], Place::Fridge),
    (&["frige"], Place::Fridge),
    (&["fr"], Place::Fridge),
    (&["refrig"], Place::Fridge),
    (&["freezer"], Place::Freezer),
    (&["frozen"], Place::Freezer),
    (&["freeze"], Place::Freezer),
    (&["frz"], Place::Freezer),
    (&["deep", "freeze"], Place::Freezer),
    (&["deep", "freezer"], Place::Freezer),
    (&["cooler"], Place::Cooler),
    (&["cooler", "bag"], Place::Cooler),
    (&["cooler", "box"], Place::Cooler),
    (&["cool", "bag"], Place::Cooler),
    (&["cool", "box"], Place::Cooler),
    (&["ice", "pack"], Place::Cooler),
    (&["ice", "packs"], Place::Cooler),
    (&["insulated", "bag"], Place::Cooler),
    (&["ice", "box"], Place::IceBox),
    (&["icebox"], Place::IceBox),
    (&["ice", "compartment"], Place::IceBox),
    (&["freezer", "compartment"], Place::IceBox),
];

/// Typos are forgiven only in words at least this long.
const TYPO_MIN_LEN: usize = 5;

fn is_known(w: &str) -> bool {
    [
        FILLERS,
        HOUR_WORDS,
        MINUTE_WORDS,
        ML_WORDS,
        OZ_WORDS,
        LEFT_WORDS,
        RIGHT_WORDS,
        SIDE_TAILS,
        OTHER_WORDS,
    ]
    .iter()
    .any(|list| list.contains(&w))
        || PLACES.iter().any(|(words, _)| words.contains(&w))
}

/// Optimal string alignment distance is at most one (one insertion, deletion,
/// substitution or swap of neighbours).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (
        a.get(prefix..).unwrap_or(&[]),
        b.get(prefix..).unwrap_or(&[]),
    );
    let tail = |s: &[char], k: usize| s.get(k..).unwrap_or(&[]).to_vec();
    match (a.len(), b.len()) {
        (0, 0) => true,
        (x, y) if x == y => {
            tail(a, 1) == tail(b, 1)
                || (a.len() >= 2
                    && a.first() == b.get(1)
                    && a.get(1) == b.first()
                    && tail(a, 2) == tail(b, 2))
        }
        (x, y) if x == y + 1 => tail(a, 1) == b,
        (x, y) if y == x + 1 => a == tail(b, 1),
        _ => false,
    }
}

fn word_matches(token: &str, word: &str) -> Option<bool> {
    if token == word {
        Some(false)
    } else if token.chars().count() >= TYPO_MIN_LEN
        && word.chars().count() >= TYPO_MIN_LEN
        && !is_known(token)
        && within_one_edit(token, word)
    {
        Some(true)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------
// Items: the tokens read as the pieces of a log.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    /// An amount; `time` is set when it is a bare `H.MM` that could also be a clock time.
    Amount(Amount, Option<(u32, u32)>),
    /// A unit word not right after a number.
    Unit(Unit),
    Side(Side),
    Place(Place),
    Time(When),
    Day(Day),
}

enum Step {
    Item(Item, usize),
    Skip(usize),
    Fail,
}

struct Toks<'a>(&'a [Tok]);

impl Toks<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        match self.0.get(i) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn num(&self, i: usize) -> Option<&Num> {
        match self.0.get(i) {
            Some(Tok::Num(n)) => Some(n),
            _ => None,
        }
    }

    fn is(&self, i: usize, list: &[&str]) -> bool {
        self.word(i).is_some_and(|w| list.contains(&w))
    }

    fn unit(&self, i: usize) -> Option<(Unit, usize)> {
        if self.is(i, ML_WORDS) {
            Some((Unit::Ml, 1))
        } else if self.is(i, OZ_WORDS) {
            Some((Unit::Oz, 1))
        } else if self.is(i, &["fl"]) && self.is(i + 1, OZ_WORDS) {
            Some((Unit::Oz, 2))
        } else {
            None
        }
    }

    /// `am`, `pm`, `a m`, `p m` (from "a.m."): whether it is pm, and tokens used.
    fn am_pm(&self, i: usize) -> Option<(bool, usize)> {
        match self.word(i)? {
            "am" => Some((false, 1)),
            "pm" => Some((true, 1)),
            "a" if self.is(i + 1, &["m"]) => Some((false, 2)),
            "p" if self.is(i + 1, &["m"]) => Some((true, 2)),
            _ => None,
        }
    }

    /// A relative time ending in "ago": `1h ago`, `1h 30m ago`, `1.5h ago`, `90 min ago`,
    /// `an hour ago`, `half an hour ago`, `an hour and a half ago`.
    fn ago(&self, i: usize) -> Option<(When, usize)> {
        let mut j;
        let minutes = if let Some(n) = self.num(i) {
            let v = n.value()?;
            if self.is(i + 1, HOUR_WORDS) {
                j = i + 2;
                let mut minutes = v * 60.0;
                if self.is(j, &["and"]) && self.num(j + 1).is_some() {
                    j += 1;
                }
                if let Some(m) = self.num(j).and_then(Num::value) {
                    minutes += m;
                    j += 1;
                    if self.is(j, MINUTE_WORDS) {
                        j += 1;
                    }
                }
                minutes
            } else if self.is(i + 1, MINUTE_WORDS) {
                j = i + 2;
                v
            } else {
                return None;
            }
        } else {
            match self.word(i)? {
                "an" | "a" | "one" if self.is(i + 1, HOUR_WORDS) => {
                    j = i + 2;
                    if self.is(j, &["and"]) && self.is(j + 1, &["a"]) && self.is(j + 2, &["half"]) {
                        j += 3;
                        90.0
                    } else {
                        60.0
                    }
                }
                "a" | "one" if self.is(i + 1, MINUTE_WORDS) => {
                    j = i + 2;
                    1.0
                }
                "half" => {
                    j = i + 1;
                    if self.is(j, &["an", "a"]) {
                        j += 1;
                    }
                    if !self.is(j, HOUR_WORDS) {
                        return None;
                    }
                    j += 1;
                    30.0
                }
                _ => return None,
            }
        };
        if !self.is(j, &["ago"]) {
            return None;
        }
        let minutes = minutes.round();
        if !(0.0..=1e15).contains(&minutes) {
            return None;
        }
        let d = Duration::try_minutes(minutes as i64)?;
        Some((When::Ago(d), j + 1 - i))
    }

    /// A clock time starting with the number at `i`: `14:30`, `2:30pm`, `2pm`, `2.30 pm`.
    /// `Err` when it is clearly meant as a time but is not one (`13pm`, `1:5`).
    fn clock(&self, i: usize) -> Result<Option<(When, usize)>, ()> {
        let Some(n) = self.num(i) else {
            return Ok(None);
        };
        let at = |hour, minute, len| {
            let when = When::At {
                day: Day::Unspecified,
                hour,
                minute,
            };
            Ok(Some((when, len)))
        };
        let twelve = |h: u32, pm: bool| match (h, pm) {
            (1..=11, false) => Ok(h),
            (12, false) => Ok(0),
            (1..=11, true) => Ok(h + 12),
            (12, true) => Ok(12),
            _ => Err(()),
        };
        let ampm = self.am_pm(i + 1);
        if n.sep == Some(':') {
            let (h, m) = n.colon().ok_or(())?;
            return match ampm {
                Some((pm, len)) => at(twelve(h, pm)?, m, 1 + len),
                None => at(h, m, 1),
            };
        }
        let Some((pm, len)) = ampm else {
            return Ok(None);
        };
        let (h, m) = match (n.small_int(), n.clock_shape('.')) {
            (Some(h), _) => (h, 0),
            (None, Some((h, m))) if m <= 59 => (h, m),
            _ => return Err(()),
        };
        at(twelve(h, pm)?, m, 1 + len)
    }

    /// The time after "at": a clock time, or a bare hour (`at 22`) or `H.MM`, unless
    /// a unit follows (then "at" was a filler and the number an amount).
    fn clock_after_at(&self, i: usize) -> Result<Option<(When, usize)>, ()> {
        if let Some(found) = self.clock(i)? {
            return Ok(Some(found));
        }
        let Some(n) = self.num(i) else {
            return Ok(None);
        };
        let unit_follows = self.unit(i + 1).is_some()
            || self.is(i + 1, HOUR_WORDS)
            || self.is(i + 1, MINUTE_WORDS);
        let hm = match (n.small_int(), n.dotted_time()) {
            (Some(h), _) if h <= 23 => Some((h, 0)),
            (_, Some(hm)) => Some(hm),
            _ => None,
        };
        Ok(hm.filter(|_| !unit_follows).map(|(hour, minute)| {
            let when = When::At {
                day: Day::Unspecified,
                hour,
                minute,
            };
            (when, 1)
        }))
    }

    fn place(&self, i: usize) -> Step {
        // (length, typos, place) of every phrase that matches here.
        let mut found: Vec<(usize, usize, Place)> = Vec::new();
        for (words, place) in PLACES {
            let mut typos = 0;
            let fits = words.iter().enumerate().all(|(k, word)| {
                match self.word(i + k).and_then(|t| word_matches(t, word)) {
                    Some(typo) => {
                        typos += usize::from(typo);
                        true
                    }
                    None => false,
                }
            });
            if fits {
                found.push((words.len(), typos, *place));
            }
        }
        let Some(&(len, typos, place)) = found
            .iter()
            .min_by_key(|(len, typos, _)| (std::cmp::Reverse(*len), *typos))
        else {
            return Step::Fail;
        };
        if found
            .iter()
            .any(|&(l, t, p)| l == len && t == typos && p != place)
        {
            return Step::Fail;
        }
        Step::Item(Item::Place(place), len)
    }

    fn step(&self, i: usize) -> Step {
        if self.is(i, &["at"]) && self.num(i + 1).is_some() {
            return match self.clock_after_at(i + 1) {
                Ok(Some((when, len))) => Step::Item(Item::Time(when), 1 + len),
                Ok(None) => Step::Skip(1),
                Err(()) => Step::Fail,
            };
        }
        if let Some((when, len)) = self.ago(i) {
            return Step::Item(Item::Time(when), len);
        }
        if let Some(n) = self.num(i) {
            return match self.clock(i) {
                Ok(Some((when, len))) => Step::Item(Item::Time(when), len),
                Err(()) => Step::Fail,
                Ok(None) => match n.value() {
                    None => Step::Fail,
                    Some(value) => match self.unit(i + 1) {
                        Some((unit, len)) => {
                            let amount = Amount {
                                value,
                                unit: Some(unit),
                            };
                            Step::Item(Item::Amount(amount, None), 1 + len)
                        }
                        None => {
                            let amount = Amount { value, unit: None };
                            Step::Item(Item::Amount(amount, n.dotted_time()), 1)
                        }
                    },
                },
            };
        }
        let Some(w) = self.word(i) else {
            return Step::Fail;
        };
        if w == "now" {
            return Step::Item(Item::Time(When::Now), 1);
        }
        if matches!(w, "just" | "right") && self.is(i + 1, &["now"]) {
            return Step::Item(Item::Time(When::Now), 2);
        }
        if let Some(hour) = match w {
            "noon" => Some(12),
            "midnight" => Some(0),
            _ => None,
        } {
            let when = When::At {
                day: Day::Unspecified,
                hour,
                minute: 0,
            };
            return Step::Item(Item::Time(when), 1);
        }
        if let step @ Step::Item(..) = self.place(i) {
            return step;
        }
        for (list, side) in [(LEFT_WORDS, Side::Left), (RIGHT_WORDS, Side::Right)] {
            if list.contains(&w) {
                let len = if self.is(i + 1, SIDE_TAILS) { 2 } else { 1 };
                return Step::Item(Item::Side(side), len);
            }
        }
        match w {
            "today" => return Step::Item(Item::Day(Day::Today), 1),
            "yesterday" => return Step::Item(Item::Day(Day::Yesterday), 1),
            _ => {}
        }
        if let Some((unit, len)) = self.unit(i) {
            return Step::Item(Item::Unit(unit), len);
        }
        if FILLERS.contains(&w) {
            return Step::Skip(1);
        }
        Step::Fail
    }
}

fn items(toks: &[Tok]) -> Option<Vec<Item>> {
    let toks = Toks(toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.0.len() {
        match toks.step(i) {
            Step::Item(item, len) => {
                out.push(item);
                i += len.max(1);
            }
            Step::Skip(len) => i += len.max(1),
            Step::Fail => return None,
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------------
// Assembling the items into a log, or refusing when anything is missing or ambiguous.

fn assemble(items: Vec<Item>) -> Option<LogText> {
    let is_amount = |k: usize| matches!(items.get(k), Some(Item::Amount(..)));
    let sides: Vec<(usize, Side)> = items
        .iter()
        .enumerate()
        .filter_map(|(k, item)| match item {
            Item::Side(s) => Some((k, *s)),
            _ => None,
        })
        .collect();
    let count = |side| sides.iter().filter(|(_, s)| *s == side).count();
    let (lefts, rights) = (count(Side::Left), count(Side::Right));
    if lefts > 1 || rights > 1 {
        return None;
    }
    // Each side word takes the amount right after it ("left 40"); failing that, with
    // both sides named, the amount right before it ("40 left 50 right").
    let pair = |after: bool| -> Option<Vec<(usize, Side)>> {
        sides
            .iter()
            .map(|&(k, side)| {
                let q = if after {
                    k.checked_add(1)
                } else {
                    k.checked_sub(1)
                }?;
                is_amount(q).then_some((q, side))
            })
            .collect()
    };
    let pairs = if sides.is_empty() {
        Vec::new()
    } else {
        pair(true).or_else(|| (lefts == 1 && rights == 1).then(|| pair(false)).flatten())?
    };
    let claimed = |k: usize| pairs.iter().find(|(q, _)| *q == k).map(|(_, s)| *s);

    let mut log = LogText {
        amount: None,
        left: None,
        right: None,
        place: None,
        when: None,
    };
    let mut plain = Vec::new();
    let mut maybe_times = Vec::new();
    let mut times = Vec::new();
    let mut days = Vec::new();
    let mut loose_units = Vec::new();
    for (k, item) in items.iter().enumerate() {
        match *item {
            Item::Amount(a, time) => match (claimed(k), time) {
                (Some(Side::Left), _) => log.left = Some(a),
                (Some(Side::Right), _) => log.right = Some(a),
                (None, Some(hm)) => maybe_times.push((a, hm)),
                (None, None) => plain.push(a),
            },
            Item::Unit(u) => loose_units.push(u),
            Item::Side(_) => {}
            Item::Place(p) => match log.place {
                Some(q) if q != p => return None,
                _ => log.place = Some(p),
            },
            Item::Time(w) => times.push(w),
            Item::Day(d) => days.push(d),
        }
    }
    // A bare "14.30" is a clock time when another amount is there, else the amount.
    let has_other = !plain.is_empty() || !pairs.is_empty();
    match maybe_times.as_slice() {
        [] => {}
        [(a, _)] if !has_other => plain.push(*a),
        more if has_other => times.extend(more.iter().map(|&(_, (hour, minute))| When::At {
            day: Day::Unspecified,
            hour,
            minute,
        })),
        _ => return None,
    }
    log.amount = match plain.as_slice() {
        [] => None,
        [a] => Some(*a),
        _ => return None,
    };
    log.when = match (times.as_slice(), days.as_slice()) {
        ([], []) => None,
        ([w], []) => Some(*w),
        ([When::At { hour, minute, .. }], [day]) => Some(When::At {
            day: *day,
            hour: *hour,
            minute: *minute,
        }),
        _ => return None,
    };
    if log.amount.is_none() && log.left.is_none() && log.right.is_none() {
        return None;
    }
    // One unit for the whole text ("left 40 right 50 ml") applies to every amount
    // typed without one. Mixed units are kept as typed; a loose unit that disagrees
    // with another is ambiguous.
    let mut units: Vec<Unit> = [log.amount, log.left, log.right]
        .iter()
        .flatten()
        .filter_map(|a| a.unit)
        .chain(loose_units.iter().copied())
        .collect();
    units.sort_by_key(|u| u.symbol());
    units.dedup();
    match units.as_slice() {
        [unit] => {
            for a in [&mut log.amount, &mut log.left, &mut log.right]
                .into_iter()
                .flatten()
            {
                a.unit.get_or_insert(*unit);
            }
        }
        [_, _, ..] if !loose_units.is_empty() => return None,
        _ => {}
    }
    Some(log)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_time_or_an_amount_alone() {
        assert_eq!(
            parse_time("14:30"),
            Some(When::At {
                day: Day::Unspecified,
                hour: 14,
                minute: 30
            })
        );
        assert_eq!(parse_time("2h ago"), Some(When::Ago(Duration::hours(2))));
        assert!(matches!(
            parse_time("yesterday 22:00"),
            Some(When::At {
                day: Day::Yesterday,
                hour: 22,
                ..
            })
        ));
        for not_a_time in ["90", "fridge", "90 fridge 14:30", "how long", ""] {
            assert_eq!(parse_time(not_a_time), None, "{not_a_time}");
        }
        assert_eq!(parse_amount("85").map(|a| a.value), Some(85.0));
        assert_eq!(parse_amount("3oz").map(|a| a.unit), Some(Some(Unit::Oz)));
        for not_an_amount in ["90 fridge", "14:30", "90 2h ago", "left 40 right 50", "hi"] {
            assert_eq!(parse_amount(not_an_amount), None, "{not_an_amount}");
        }
    }

    use super::*;
    use Place::*;
    use chrono::TimeZone;

    const EMPTY: LogText = LogText {
        amount: None,
        left: None,
        right: None,
        place: None,
        when: None,
    };

    fn n(value: f64) -> Option<Amount> {
        Some(Amount { value, unit: None })
    }
    fn ml(value: f64) -> Option<Amount> {
        Some(Amount {
            value,
            unit: Some(Unit::Ml),
        })
    }
    fn oz(value: f64) -> Option<Amount> {
        Some(Amount {
            value,
            unit: Some(Unit::Oz),
        })
    }
    fn log(amount: Option<Amount>, place: Option<Place>, when: Option<When>) -> Parsed {
        Parsed::Log(LogText {
            amount,
            place,
            when,
            ..EMPTY
        })
    }
    fn sides(
        amount: Option<Amount>,
        left: Option<Amount>,
        right: Option<Amount>,
        place: Option<Place>,
        when: Option<When>,
    ) -> Parsed {
        Parsed::Log(LogText {
            amount,
            left,
            right,
            place,
            when,
        })
    }
    fn ago(minutes: i64) -> Option<When> {
        Some(When::Ago(Duration::minutes(minutes)))
    }
    fn at(day: Day, hour: u32, minute: u32) -> Option<When> {
        Some(When::At { day, hour, minute })
    }
    fn clock(hour: u32, minute: u32) -> Option<When> {
        at(Day::Unspecified, hour, minute)
    }
    use Parsed::NotALog;

    #[test]
    fn parse_table() {
        use Day::*;
        let long = format!("90 fridge {}", "and ".repeat(48));
        assert!(long.chars().count() > MAX_CHARS);
        let table: Vec<(&str, Parsed)> = vec![
            // The forms in the brief.
            ("90 fridge", log(n(90.0), Some(Fridge), None)),
            ("90ml fridge", log(ml(90.0), Some(Fridge), None)),
            ("90 ml in the fridge", log(ml(90.0), Some(Fridge), None)),
            ("fridge 90", log(n(90.0), Some(Fridge), None)),
            ("120ml", log(ml(120.0), None, None)),
            ("120", log(n(120.0), None, None)),
            ("3oz freezer 1h ago", log(oz(3.0), Some(Freezer), ago(60))),
            ("3 oz freezer", log(oz(3.0), Some(Freezer), None)),
            ("2.5oz", log(oz(2.5), None, None)),
            ("2,5 oz", log(oz(2.5), None, None)),
            ("60 room 14:30", log(n(60.0), Some(Room), clock(14, 30))),
            (
                "/log 60 room 14:30",
                log(n(60.0), Some(Room), clock(14, 30)),
            ),
            ("/log@MilkBot 60 room", log(n(60.0), Some(Room), None)),
            (
                "left 40 right 50 fridge",
                sides(None, n(40.0), n(50.0), Some(Fridge), None),
            ),
            ("l40 r50", sides(None, n(40.0), n(50.0), None, None)),
            (
                "40 left 50 right freezer",
                sides(None, n(40.0), n(50.0), Some(Freezer), None),
            ),
            (
                "left 40 fridge",
                sides(None, n(40.0), None, Some(Fridge), None),
            ),
            ("right 35ml", sides(None, None, ml(35.0), None, None)),
            (
                "left side 40 right breast 50",
                sides(None, n(40.0), n(50.0), None, None),
            ),
            (
                "90 ml left 40 right 50",
                sides(ml(90.0), ml(40.0), ml(50.0), None, None),
            ),
            (
                "left 40 right 50 ml",
                sides(None, ml(40.0), ml(50.0), None, None),
            ),
            (
                "left 1 oz right 40 ml",
                sides(None, oz(1.0), ml(40.0), None, None),
            ),
            ("90 cooler", log(n(90.0), Some(Cooler), None)),
            ("90 ice box", log(n(90.0), Some(IceBox), None)),
            ("90 ice compartment", log(n(90.0), Some(IceBox), None)),
            // Case, spacing, punctuation.
            ("90 FRIDGE 1H AGO", log(n(90.0), Some(Fridge), ago(60))),
            ("  90 ,  fridge ,  ", log(n(90.0), Some(Fridge), None)),
            (
                "90ml, fridge. 2pm!",
                log(ml(90.0), Some(Fridge), clock(14, 0)),
            ),
            ("~90 ml in the fridge", log(ml(90.0), Some(Fridge), None)),
            // Place words.
            ("90 counter", log(n(90.0), Some(Room), None)),
            ("90 on the side", log(n(90.0), Some(Room), None)),
            ("90 room temperature", log(n(90.0), Some(Room), None)),
            ("90 room temp", log(n(90.0), Some(Room), None)),
            ("90 out", log(n(90.0), Some(Room), None)),
            ("90 desk", log(n(90.0), Some(Room), None)),
            ("90 table", log(n(90.0), Some(Room), None)),
            ("90 refrigerator", log(n(90.0), Some(Fridge), None)),
            ("90 refridgerator", log(n(90.0), Some(Fridge), None)),
            ("90 frig", log(n(90.0), Some(Fridge), None)),
            ("90 frige", log(n(90.0), Some(Fridge), None)),
            ("90 fr", log(n(90.0), Some(Fridge), None)),
            ("90 refrig", log(n(90.0), Some(Fridge), None)),
            ("90 frozen", log(n(90.0), Some(Freezer), None)),
            ("90 freeze", log(n(90.0), Some(Freezer), None)),
            ("90 frz", log(n(90.0), Some(Freezer), None)),
            ("90 deep freeze", log(n(90.0), Some(Freezer), None)),
            ("90 cooler bag", log(n(90.0), Some(Cooler), None)),
            ("90 cool bag", log(n(90.0), Some(Cooler), None)),
            ("90 ice packs", log(n(90.0), Some(Cooler), None)),
            ("90 with an ice pack", log(n(90.0), Some(Cooler), None)),
            ("90 insulated bag", log(n(90.0), Some(Cooler), None)),
            ("90 icebox", log(n(90.0), Some(IceBox), None)),
            ("90 freezer compartment", log(n(90.0), Some(IceBox), None)),
            // One typo in a long place word; none in short ones.
            ("90 fridg", log(n(90.0), Some(Fridge), None)),
            ("90 firdge", log(n(90.0), Some(Fridge), None)),
            ("90 freezr", log(n(90.0), Some(Freezer), None)),
            ("90 frezer", log(n(90.0), Some(Freezer), None)),
            ("90 coolr", log(n(90.0), Some(Cooler), None)),
            ("90 room temperture", log(n(90.0), Some(Room), None)),
            ("90 ice compartmnt", log(n(90.0), Some(IceBox), None)),
            ("90 fidg", NotALog),
            ("90 rom", NotALog),
            ("90 frezzzer", NotALog),
            // Times.
            ("90 fridge now", log(n(90.0), Some(Fridge), Some(When::Now))),
            (
                "just now 90 fridge",
                log(n(90.0), Some(Fridge), Some(When::Now)),
            ),
            ("90 1 h ago", log(n(90.0), None, ago(60))),
            ("90 1hr ago", log(n(90.0), None, ago(60))),
            ("90 90 min ago", log(n(90.0), None, ago(90))),
            ("90 90m ago", log(n(90.0), None, ago(90))),
            ("90 30 mins ago", log(n(90.0), None, ago(30))),
            ("90 1.5h ago", log(n(90.0), None, ago(90))),
            ("90 1,5 hours ago", log(n(90.0), None, ago(90))),
            ("90 1h30 ago", log(n(90.0), None, ago(90))),
            ("90 1h 30m ago", log(n(90.0), None, ago(90))),
            ("90 1 hour and 15 minutes ago", log(n(90.0), None, ago(75))),
            ("90 an hour ago", log(n(90.0), None, ago(60))),
            ("90 half an hour ago", log(n(90.0), None, ago(30))),
            ("90 an hour and a half ago", log(n(90.0), None, ago(90))),
            ("90 2 hours ago", log(n(90.0), None, ago(120))),
            ("90 0.01h ago", log(n(90.0), None, ago(1))),
            ("90 at 14:30", log(n(90.0), None, clock(14, 30))),
            ("90 fridge 14.30", log(n(90.0), Some(Fridge), clock(14, 30))),
            ("90 at 14.30", log(n(90.0), None, clock(14, 30))),
            ("90 2:30pm", log(n(90.0), None, clock(14, 30))),
            ("90 2:30 pm", log(n(90.0), None, clock(14, 30))),
            ("90 2:30 p.m.", log(n(90.0), None, clock(14, 30))),
            ("90 2pm", log(n(90.0), None, clock(14, 0))),
            ("90 7am", log(n(90.0), None, clock(7, 0))),
            ("90 12am", log(n(90.0), None, clock(0, 0))),
            ("90 12pm", log(n(90.0), None, clock(12, 0))),
            ("90 at 22", log(n(90.0), None, clock(22, 0))),
            (
                "90 yesterday 22:00",
                log(n(90.0), None, at(Yesterday, 22, 0)),
            ),
            (
                "90 yesterday at 10pm",
                log(n(90.0), None, at(Yesterday, 22, 0)),
            ),
            (
                "90 22:00 yesterday",
                log(n(90.0), None, at(Yesterday, 22, 0)),
            ),
            ("90 today 9:15", log(n(90.0), None, at(Today, 9, 15))),
            (
                "90 yesterday noon",
                log(n(90.0), None, at(Yesterday, 12, 0)),
            ),
            ("90 fridge 25:00", log(n(90.0), Some(Fridge), clock(25, 0))),
            // "at" before an amount is just a word.
            ("at 10 ml in the fridge", log(ml(10.0), Some(Fridge), None)),
            // A bare H.MM is the amount when nothing else is.
            ("14.30 fridge", log(n(14.3), Some(Fridge), None)),
            ("2.50", log(n(2.5), None, None)),
            (
                "left 40 right 50 14.30",
                sides(None, n(40.0), n(50.0), None, clock(14, 30)),
            ),
            // Filler words.
            (
                "pumped 90 ml of breastmilk and put it into the freezer",
                NotALog, // "it" is not a filler word
            ),
            (
                "pumped 90 ml of breastmilk and put into the freezer",
                log(ml(90.0), Some(Freezer), None),
            ),
            (
                "expressed milk batch 120 to my fridge",
                log(n(120.0), Some(Fridge), None),
            ),
            ("log 60 from left", NotALog),
            ("from left 60", sides(None, n(60.0), None, None, None)),
            // Numbers the caller rejects, but that are still logs.
            ("0 fridge", log(n(0.0), Some(Fridge), None)),
            (
                "99999999999999999999 fridge",
                log(n(1e20), Some(Fridge), None),
            ),
            // Not logs: questions, no amount, garbage, ambiguity.
            ("how long can 90 ml stay in the fridge", NotALog),
            ("fridge", NotALog),
            ("hello", NotALog),
            ("is 90 ml a lot", NotALog),
            ("90 ml fridge?", NotALog),
            ("", NotALog),
            ("   ", NotALog),
            ("🍼🍼🍼", NotALog),
            ("90 🍼", NotALog),
            ("-5 fridge", NotALog),
            (".5 oz", NotALog),
            ("1e9 ml", NotALog),
            ("1,000 ml", NotALog),
            ("1.2.3 fridge", NotALog),
            ("90 fridge 14:30:00", NotALog),
            ("90 fridge 14:3", NotALog),
            ("90 60 fridge", NotALog),
            ("90 fridge freezer", NotALog),
            ("90 fridge 1h ago 14:30", NotALog),
            ("90 fridge now 1h ago", NotALog),
            ("90 yesterday today 22:00", NotALog),
            ("90 yesterday", NotALog),
            ("90 yesterday 2h ago", NotALog),
            ("90 1h", NotALog),
            ("90 ago", NotALog),
            ("90 25pm", NotALog),
            ("90 13am", NotALog),
            ("left 40 left 50", NotALog),
            ("left right 40", NotALog),
            ("left 40 50 right", NotALog),
            ("40 left", NotALog),
            ("left fridge", NotALog),
            ("14.30 15.30", NotALog),
            ("3 oz 90 ml", NotALog),
            ("90 oz ml", NotALog),
            ("90 leftover", NotALog),
            ("used 90 from the fridge", NotALog),
            ("90 garage", NotALog),
            // "frigo" is one edit from "frige".
            ("90 frigo", log(n(90.0), Some(Fridge), None)),
            (long.as_str(), NotALog),
        ];
        assert!(table.len() >= 60);
        let mut failures = Vec::new();
        for (input, expected) in &table {
            let got = parse(input);
            if got != *expected {
                failures.push(format!("{input:?}\n   got {got:?}\n  want {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn just_under_the_length_limit_is_still_read() {
        let text = format!("90 fridge{}", " ".repeat(MAX_CHARS - 9));
        assert_eq!(text.chars().count(), MAX_CHARS);
        assert_eq!(parse(&text), log(n(90.0), Some(Fridge), None));
        assert_eq!(parse(&format!("{text} ")), NotALog);
    }

    #[test]
    fn amounts_convert_with_the_family_unit() {
        let a = |v, unit| Amount { value: v, unit };
        assert_eq!(a(90.0, None).to_ml(Unit::Ml), Some(Ml(90)));
        assert_eq!(a(3.0, None).to_ml(Unit::Oz), Some(Ml(89)));
        assert_eq!(a(3.0, Some(Unit::Oz)).to_ml(Unit::Ml), Some(Ml(89)));
        assert_eq!(a(90.0, Some(Unit::Ml)).to_ml(Unit::Oz), Some(Ml(90)));
        assert_eq!(a(1e20, None).to_ml(Unit::Ml), None);
        assert_eq!(a(f64::NAN, None).to_ml(Unit::Ml), None);
        assert_eq!(a(-1.0, None).to_ml(Unit::Ml), None);
    }

    #[test]
    fn render_reads_back() {
        let logs = [
            LogText {
                amount: ml(90.0),
                left: ml(40.0),
                right: ml(50.0),
                place: Some(Fridge),
                when: ago(90),
            },
            LogText {
                amount: n(14.25),
                left: n(2.0),
                place: Some(IceBox),
                when: at(Day::Yesterday, 7, 5),
                ..EMPTY
            },
            LogText {
                right: oz(2.5),
                when: Some(When::Now),
                ..EMPTY
            },
        ];
        assert_eq!(
            render(&logs[0]),
            "90 ml left 40 ml right 50 ml fridge 1h30m ago"
        );
        assert_eq!(render(&logs[1]), "14.250 left 2 ice box yesterday 07:05");
        for l in logs {
            assert_eq!(parse(&render(&l)), Parsed::Log(l), "{}", render(&l));
        }
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("fridge", "fridge"));
        assert!(within_one_edit("fridg", "fridge"));
        assert!(within_one_edit("fridgee", "fridge"));
        assert!(within_one_edit("frodge", "fridge"));
        assert!(within_one_edit("firdge", "fridge"));
        assert!(within_one_edit("fridgé", "fridge"));
        assert!(!within_one_edit("fidg", "fridge"));
        assert!(within_one_edit("frigde", "fridge"));
        assert!(!within_one_edit("frgide", "fridge"));
        assert!(!within_one_edit("ridgef", "fridge"));
        assert!(!within_one_edit("", "ab"));
    }

    // ------------------------------------------------------------------ resolve

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }
    fn at_w(day: Day, hour: u32, minute: u32) -> When {
        When::At { day, hour, minute }
    }
    const LONDON: Tz = chrono_tz::Europe::London;
    const NEW_YORK: Tz = chrono_tz::America::New_York;

    #[test]
    fn a_time_after_midnight_means_last_night() {
        // 00:15 in London in winter (GMT) and in New York (EST).
        let now = utc(2026, 1, 15, 0, 15);
        let last_night = resolve(at_w(Day::Unspecified, 23, 30), now, LONDON);
        assert_eq!(last_night, Ok(utc(2026, 1, 14, 23, 30)));
        let now = utc(2026, 1, 15, 5, 15);
        let last_night = resolve(at_w(Day::Unspecified, 23, 30), now, NEW_YORK);
        assert_eq!(last_night, Ok(utc(2026, 1, 15, 4, 30)));
        // Earlier today stays today.
        assert_eq!(
            resolve(at_w(Day::Unspecified, 0, 5), now, NEW_YORK),
            Ok(utc(2026, 1, 15, 5, 5))
        );
        // "today 23:30" at 00:15 is in the future.
        assert_eq!(
            resolve(at_w(Day::Today, 23, 30), now, NEW_YORK),
            Err(TimeError::InFuture)
        );
    }

    #[test]
    fn yesterday_uses_yesterdays_offset() {
        // London, the day clocks go forward (29 March 2026, 01:00 UTC).
        let now = utc(2026, 3, 29, 12, 0);
        assert_eq!(
            resolve(at_w(Day::Yesterday, 22, 0), now, LONDON),
            Ok(utc(2026, 3, 28, 22, 0))
        );
        assert_eq!(
            resolve(at_w(Day::Today, 9, 15), now, LONDON),
            Ok(utc(2026, 3, 29, 8, 15))
        );
        // In summer, BST all round.
        assert_eq!(
            resolve(at_w(Day::Yesterday, 22, 0), utc(2026, 6, 10, 12, 0), LONDON),
            Ok(utc(2026, 6, 9, 21, 0))
        );
        // New York, the day clocks go forward (8 March 2026, 07:00 UTC).
        let now = utc(2026, 3, 8, 15, 0);
        assert_eq!(
            resolve(at_w(Day::Yesterday, 22, 0), now, NEW_YORK),
            Ok(utc(2026, 3, 8, 3, 0))
        );
        assert_eq!(
            resolve(at_w(Day::Unspecified, 9, 0), now, NEW_YORK),
            Ok(utc(2026, 3, 8, 13, 0))
        );
    }

    #[test]
    fn a_missing_local_time_is_read_as_the_earlier_instant() {
        // London 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 never shows.
        let now = utc(2026, 3, 29, 10, 0);
        let early = Ok(utc(2026, 3, 29, 0, 30));
        assert_eq!(resolve(at_w(Day::Unspecified, 1, 30), now, LONDON), early);
        assert_eq!(resolve(at_w(Day::Today, 1, 30), now, LONDON), early);
        // New York 8 March 2026: 02:00 EST becomes 03:00 EDT; 02:30 is read as EDT.
        let now = utc(2026, 3, 8, 15, 0);
        assert_eq!(
            resolve(at_w(Day::Unspecified, 2, 30), now, NEW_YORK),
            Ok(utc(2026, 3, 8, 6, 30))
        );
    }

    #[test]
    fn a_twice_shown_local_time_is_read_as_the_earlier_instant() {
        // London 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:30 shows twice.
        let now = utc(2026, 10, 25, 10, 0);
        assert_eq!(
            resolve(at_w(Day::Unspecified, 1, 30), now, LONDON),
            Ok(utc(2026, 10, 25, 0, 30))
        );
        // New York 1 November 2026: 02:00 EDT becomes 01:00 EST.
        let now = utc(2026, 11, 1, 15, 0);
        assert_eq!(
            resolve(at_w(Day::Today, 1, 30), now, NEW_YORK),
            Ok(utc(2026, 11, 1, 5, 30))
        );
        // Between the two showings of 01:30, "01:30" is the first one, in the past.
        let between = utc(2026, 11, 1, 6, 0);
        assert_eq!(
            resolve(at_w(Day::Unspecified, 1, 30), between, NEW_YORK),
            Ok(utc(2026, 11, 1, 5, 30))
        );
    }

    #[test]
    fn a_clock_change_at_the_typed_time_is_noted() {
        let berlin = chrono_tz::Europe::Berlin;
        let note = |when: When, now, tz| {
            let at = resolve(when, now, tz).unwrap();
            clock_note(when, at, tz)
        };
        // Berlin 29 March 2026: 02:30 never happened; the next day it did.
        let spring = utc(2026, 3, 29, 8, 0);
        assert_eq!(
            note(at_w(Day::Unspecified, 2, 30), spring, berlin),
            Some(ClockNote::Skipped)
        );
        assert_eq!(note(at_w(Day::Unspecified, 1, 30), spring, berlin), None);
        assert_eq!(note(at_w(Day::Unspecified, 3, 30), spring, berlin), None);
        assert_eq!(
            note(
                at_w(Day::Unspecified, 2, 30),
                utc(2026, 3, 30, 8, 0),
                berlin
            ),
            None
        );
        // New York 8 March 2026 and 1 November 2026.
        assert_eq!(
            note(at_w(Day::Today, 2, 30), utc(2026, 3, 8, 15, 0), NEW_YORK),
            Some(ClockNote::Skipped)
        );
        assert_eq!(
            note(at_w(Day::Today, 1, 30), utc(2026, 11, 1, 15, 0), NEW_YORK),
            Some(ClockNote::Twice)
        );
        assert_eq!(
            note(at_w(Day::Today, 0, 30), utc(2026, 11, 1, 15, 0), NEW_YORK),
            None
        );
        // Berlin 25 October 2026: 02:30 happened twice.
        assert_eq!(
            note(
                at_w(Day::Unspecified, 2, 30),
                utc(2026, 10, 25, 8, 0),
                berlin
            ),
            Some(ClockNote::Twice)
        );
        // Relative times never need a note.
        let ago = When::Ago(Duration::hours(1));
        assert_eq!(clock_note(ago, utc(2026, 3, 29, 1, 30), berlin), None);
    }

    #[test]
    fn a_minute_ahead_counts_as_now_not_as_yesterday() {
        let now = utc(2026, 5, 1, 13, 30); // 14:30 BST
        let soon = at_w(Day::Unspecified, 14, 31);
        assert_eq!(resolve(soon, now, LONDON), Ok(now));
        assert_eq!(resolve(at_w(Day::Today, 14, 31), now, LONDON), Ok(now));
        // Well ahead: the most recent past one is yesterday's.
        assert_eq!(
            resolve(at_w(Day::Unspecified, 14, 40), now, LONDON),
            Ok(utc(2026, 4, 30, 13, 40))
        );
        assert_eq!(
            resolve(at_w(Day::Today, 14, 40), now, LONDON),
            Err(TimeError::InFuture)
        );
    }

    #[test]
    fn ago_and_now() {
        let now = utc(2026, 3, 29, 1, 30);
        assert_eq!(resolve(When::Now, now, LONDON), Ok(now));
        assert_eq!(
            resolve(When::Ago(Duration::minutes(90)), now, LONDON),
            Ok(utc(2026, 3, 29, 0, 0))
        );
        assert_eq!(
            resolve(When::Ago(Duration::minutes(-5)), now, LONDON),
            Err(TimeError::InFuture)
        );
        assert_eq!(
            resolve(When::Ago(Duration::MAX), now, LONDON),
            Err(TimeError::OutOfRange)
        );
    }

    #[test]
    fn out_of_range_clock_times_are_errors() {
        let now = utc(2026, 3, 29, 12, 0);
        for (h, m) in [(24, 0), (25, 0), (12, 60), (99, 99), (u32::MAX, 0)] {
            assert_eq!(
                resolve(at_w(Day::Unspecified, h, m), now, LONDON),
                Err(TimeError::NotATime { hour: h, minute: m })
            );
        }
    }

    #[test]
    fn the_ends_of_time_do_not_panic() {
        for now in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            for tz in [
                LONDON,
                NEW_YORK,
                chrono_tz::Pacific::Kiritimati,
                chrono_tz::Etc::GMTPlus12,
            ] {
                for day in [Day::Today, Day::Yesterday, Day::Unspecified] {
                    if let Ok(t) = resolve(at_w(day, 12, 0), now, tz) {
                        assert!(t <= now);
                    }
                }
                let minute_ago = resolve(When::Ago(Duration::minutes(1)), now, tz);
                if now == DateTime::<Utc>::MIN_UTC {
                    assert_eq!(minute_ago, Err(TimeError::OutOfRange));
                } else {
                    assert_eq!(minute_ago, Ok(now - Duration::minutes(1)));
                }
            }
        }
    }
}
