//! The grammar: tokens read as the pieces of a log, then assembled into one.

use chrono::Duration;

use super::super::rules::Place;
use super::super::units::Unit;
use super::lexer::{DateTok, Num, Tok};
use super::vocabulary::*;
use super::{Amount, Day, LogText, When};

// ---------------------------------------------------------------------------------
// Items: the tokens read as the pieces of a log.

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Side {
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Item {
    /// An amount; `time` is set when it is a bare `H.MM` that could also be a clock time.
    Amount(Amount, Option<(u32, u32)>),
    /// A unit word not right after a number.
    Unit(Unit),
    Side(Side),
    Place(Place),
    Time(When),
    Day(Day),
    /// A part of the day, and the day it implies (`this morning`: today, `last night`:
    /// yesterday).
    Period(Period, Option<Day>),
}

/// A part of the day, read as its start so the milk is never younger than it may be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Period {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Period {
    fn start(self) -> u32 {
        match self {
            Period::Morning => 5,
            Period::Afternoon => 12,
            Period::Evening => 17,
            Period::Night => 21,
        }
    }

    fn from_word(w: &str) -> Option<Period> {
        match w {
            "morning" | "am" => Some(Period::Morning),
            "afternoon" => Some(Period::Afternoon),
            "evening" => Some(Period::Evening),
            "night" | "overnight" => Some(Period::Night),
            _ => None,
        }
    }
}

const WEEKDAYS: &[(&str, chrono::Weekday)] = &[
    ("mon", chrono::Weekday::Mon),
    ("monday", chrono::Weekday::Mon),
    ("tue", chrono::Weekday::Tue),
    ("tues", chrono::Weekday::Tue),
    ("tuesday", chrono::Weekday::Tue),
    ("wed", chrono::Weekday::Wed),
    ("weds", chrono::Weekday::Wed),
    ("wednesday", chrono::Weekday::Wed),
    ("thu", chrono::Weekday::Thu),
    ("thur", chrono::Weekday::Thu),
    ("thurs", chrono::Weekday::Thu),
    ("thursday", chrono::Weekday::Thu),
    ("fri", chrono::Weekday::Fri),
    ("friday", chrono::Weekday::Fri),
    ("sat", chrono::Weekday::Sat),
    ("saturday", chrono::Weekday::Sat),
    ("sun", chrono::Weekday::Sun),
    ("sunday", chrono::Weekday::Sun),
];

const MONTH_WORDS: &[(&str, u32)] = &[
    ("jan", 1),
    ("january", 1),
    ("feb", 2),
    ("february", 2),
    ("mar", 3),
    ("march", 3),
    ("apr", 4),
    ("april", 4),
    ("may", 5),
    ("jun", 6),
    ("june", 6),
    ("jul", 7),
    ("july", 7),
    ("aug", 8),
    ("august", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("oct", 10),
    ("october", 10),
    ("nov", 11),
    ("november", 11),
    ("dec", 12),
    ("december", 12),
];

fn weekday(w: &str) -> Option<chrono::Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| *name == w)
        .or_else(|| {
            WEEKDAYS.iter().find(|(name, _)| {
                name.len() >= TYPO_MIN_LEN && w.len() >= TYPO_MIN_LEN && within_one_edit(w, name)
            })
        })
        .map(|(_, d)| *d)
}

fn month(w: &str) -> Option<u32> {
    MONTH_WORDS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|(_, m)| *m)
}

fn is_yesterday(w: &str) -> bool {
    w == "yesterday"
        || w == "yday"
        || (w.len() >= 7 && within_one_edit(w, "yesterday"))
        || w == "yesturday"
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

    /// A unit of time at `i` (with one typo when "ago" follows): minutes in it.
    fn time_unit(&self, i: usize) -> Option<f64> {
        let w = self.word(i)?;
        let exact = if HOUR_WORDS.contains(&w) {
            Some(60.0)
        } else if MINUTE_WORDS.contains(&w) {
            Some(1.0)
        } else if DAY_WORDS.contains(&w) {
            Some(1440.0)
        } else if WEEK_WORDS.contains(&w) {
            Some(10080.0)
        } else if YEAR_WORDS.contains(&w) {
            Some(525_600.0)
        } else {
            None
        };
        if exact.is_some() || w.len() < 4 || !self.is(i + 1, AGO_WORDS) {
            return exact;
        }
        [
            ("hours", 60.0),
            ("minutes", 1.0),
            ("days", 1440.0),
            ("weeks", 10080.0),
        ]
        .into_iter()
        .find(|(name, _)| within_one_edit(w, name))
        .map(|(_, m)| m)
    }

    /// A relative time: `1h ago`, `1h 30m ago`, `1.5h ago`, `90 min ago`, `3 days ago`,
    /// `2d ago`, `a week ago`, `an hour ago`, `half an hour ago`, `an hour and a half ago`,
    /// `2 hrs back`, and without "ago" (`2h`). `1h30` without "ago" is a clock time.
    fn ago(&self, i: usize) -> Option<(When, usize)> {
        let mut j;
        let mut clock_like = false;
        let minutes = if let Some(n) = self.num(i) {
            let v = n.value()?;
            let per = self.time_unit(i + 1)?;
            j = i + 2;
            let mut minutes = v * per;
            if per == 60.0 {
                if self.is(j, &["and"]) && self.num(j + 1).is_some() {
                    j += 1;
                }
                if let Some(m) = self.num(j) {
                    let mv = m.value()?;
                    minutes += mv;
                    j += 1;
                    if self.is(j, MINUTE_WORDS) {
                        j += 1;
                    } else {
                        clock_like = m.sep.is_none() && m.int.len() == 2 && j == i + 3;
                    }
                }
            }
            minutes
        } else {
            match self.word(i)? {
                "an" | "a" | "one" if self.time_unit(i + 1).is_some_and(|m| m >= 60.0) => {
                    let per = self.time_unit(i + 1)?;
                    j = i + 2;
                    if self.is(j, &["and"]) && self.is(j + 1, &["a"]) && self.is(j + 2, &["half"]) {
                        j += 3;
                        per * 1.5
                    } else {
                        per
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
        if self.is(j, AGO_WORDS) {
            j += 1;
        } else if clock_like {
            return None;
        }
        let minutes = minutes.round();
        if !(0.0..=1e15).contains(&minutes) {
            return None;
        }
        let d = Duration::try_minutes(minutes as i64)?;
        Some((When::Ago(d), j - i))
    }

    /// `8h30`, `10h00` (a clock written with "h") and `0830`.
    fn h_clock(&self, i: usize) -> Option<(When, usize)> {
        let n = self.num(i)?;
        let at = |hour, minute| When::At {
            day: Day::Unspecified,
            hour,
            minute,
        };
        if n.sep.is_none() && n.int.len() == 4 && n.int.starts_with('0') {
            let h = n.int.get(..2)?.parse().ok()?;
            let m = n.int.get(2..)?.parse().ok()?;
            return (m <= 59).then_some((at(h, m), 1));
        }
        let h = n.small_int().filter(|h| *h <= 23)?;
        if !self.is(i + 1, &["h"]) {
            return None;
        }
        let m = self.num(i + 2)?;
        if m.sep.is_some()
            || m.int.len() != 2
            || self.is(i + 3, AGO_WORDS)
            || self.is(i + 3, MINUTE_WORDS)
        {
            return None;
        }
        let m: u32 = m.int.parse().ok()?;
        (m <= 59).then_some((at(h, m), 3))
    }

    /// A date: `28 nov`, `27th of november`, `nov 28`, `26 Nov 2026`, or digits.
    fn date(&self, i: usize) -> Option<(Day, usize)> {
        let year_at = |k: usize| -> Option<i32> {
            let n = self.num(k)?;
            let y: i32 = n.int.parse().ok()?;
            (n.sep.is_none() && n.int.len() == 4 && (2000..=2100).contains(&y)).then_some(y)
        };
        let ordinal = |k: usize| usize::from(self.is(k, &["st", "nd", "rd", "th"]));
        let make = |day: u32, month: u32, k: usize| -> (Day, usize) {
            let year = year_at(k);
            let day = Day::Date { year, month, day };
            (day, k + usize::from(year.is_some()) - i)
        };
        match self.0.get(i)? {
            Tok::Date(DateTok::Exact { year, month, day }) => Some((
                Day::Date {
                    year: *year,
                    month: *month,
                    day: *day,
                },
                1,
            )),
            Tok::Date(DateTok::Slash {
                first,
                second,
                year,
            }) => Some((
                Day::Slash {
                    first: *first,
                    second: *second,
                    year: *year,
                },
                1,
            )),
            Tok::Num(n) => {
                let day = n.small_int().filter(|d| (1..=31).contains(d))?;
                let mut k = i + 1 + ordinal(i + 1);
                if self.is(k, &["of"]) {
                    k += 1;
                }
                let m = month(self.word(k)?)?;
                Some(make(day, m, k + 1))
            }
            Tok::Word(w) => {
                let m = month(w)?;
                let day = self
                    .num(i + 1)?
                    .small_int()
                    .filter(|d| (1..=31).contains(d))?;
                let k = i + 2 + ordinal(i + 2);
                // "nov 28 9pm" or "dec 1 8pm": the number is the day, the clock follows.
                Some(make(day, m, k))
            }
            _ => None,
        }
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
        if let Some((day, len)) = self.date(i) {
            return Step::Item(Item::Day(day), len);
        }
        if let Some((when, len)) = self.h_clock(i) {
            return Step::Item(Item::Time(when), len);
        }
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
                            // "8 this morning": an hour when another amount is there.
                            let period =
                                |k: usize| self.word(k).and_then(Period::from_word).is_some();
                            let before_period = (self.is(i + 1, &["this", "last"])
                                && period(i + 2))
                                || (self.is(i + 1, &["in"])
                                    && self.is(i + 2, &["the"])
                                    && period(i + 3));
                            let hour = n
                                .small_int()
                                .filter(|h| *h <= 12 && before_period)
                                .map(|h| (h, 0));
                            Step::Item(Item::Amount(amount, n.dotted_time().or(hour)), 1)
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
            "tomorrow" | "tmrw" | "tmr" => return Step::Item(Item::Day(Day::Tomorrow), 1),
            "tonight" => return Step::Item(Item::Period(Period::Night, Some(Day::Today)), 1),
            "overnight" => {
                return Step::Item(Item::Period(Period::Night, Some(Day::Yesterday)), 1);
            }
            "this" | "earlier" | "in" => {
                // "this morning", "in the morning" (no day: today).
                let k = if self.is(i + 1, &["the"]) {
                    i + 2
                } else {
                    i + 1
                };
                if let Some(p) = self.word(k).and_then(Period::from_word) {
                    let day = (w != "in").then_some(Day::Today);
                    return Step::Item(Item::Period(p, day), k + 1 - i);
                }
            }
            "last" => {
                if self.is(i + 1, &["night"]) {
                    return Step::Item(Item::Period(Period::Night, Some(Day::Yesterday)), 2);
                }
                if let Some(d) = self.word(i + 1).and_then(weekday) {
                    return Step::Item(Item::Day(Day::Weekday(d)), 2);
                }
            }
            _ => {}
        }
        if is_yesterday(w) {
            return Step::Item(Item::Day(Day::Yesterday), 1);
        }
        if let Some(p) = Period::from_word(w).filter(|_| w != "am") {
            return Step::Item(Item::Period(p, None), 1);
        }
        if let Some(d) = weekday(w) {
            return Step::Item(Item::Day(Day::Weekday(d)), 1);
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

/// The tokens read as items. With `lenient`, tokens not understood are skipped (to say
/// what was understood); otherwise any of them makes the text not a log.
pub(super) fn items(toks: &[Tok], lenient: bool) -> Option<Vec<Item>> {
    let toks = Toks(toks);
    let mut out: Vec<Item> = Vec::new();
    let mut plus = false;
    let mut i = 0;
    while i < toks.0.len() {
        if toks.0.get(i) == Some(&Tok::Plus) {
            plus = matches!(out.last(), Some(Item::Amount(..)));
            i += 1;
            continue;
        }
        match toks.step(i) {
            Step::Item(item, len) => {
                match (plus, out.last_mut(), item) {
                    // "40+50", "2oz + 1.5oz": one amount.
                    (true, Some(Item::Amount(a, time)), Item::Amount(b, _)) => {
                        let unit = match (a.unit, b.unit) {
                            (Some(x), Some(y)) if x != y => return None,
                            (x, y) => x.or(y),
                        };
                        *a = Amount {
                            value: a.value + b.value,
                            unit,
                        };
                        *time = None;
                    }
                    _ => out.push(item),
                }
                plus = false;
                i += len.max(1);
            }
            Step::Skip(len) => i += len.max(1),
            Step::Fail if lenient => i += 1,
            Step::Fail => return None,
        }
    }
    Some(out)
}

/// The items split into batches (`90 fridge and 60 freezer`, one per line) and each
/// assembled. One batch may lack a place (the bot asks); when there are several, each
/// needs an amount and a place, or the text is not read as logs.
///
/// The text is cut into the fewest runs of items that each read as a whole log; among
/// as few cuts, each cut is as late as possible (words after a batch belong to it:
/// `90 fridge yesterday 60 freezer`). So a second amount starts a new batch only when
/// the text reads no other way (`today 0.00 room 0` is one batch at 00:00).
pub(super) fn batches(items: Vec<Item>) -> Option<Vec<LogText>> {
    if let Some(log) = assemble(&items) {
        return Some(vec![log]);
    }
    let n = items.len();
    // fewest[j]: the fewest batches items[..j] reads as, and where the last one starts.
    let mut fewest: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    fewest[0] = Some((0, 0));
    for j in 1..=n {
        for i in 0..j {
            let Some((count, _)) = fewest[i] else {
                continue;
            };
            let whole = items
                .get(i..j)
                .and_then(assemble)
                .is_some_and(|log| log.place.is_some());
            // Ties go to the later start: the earlier batch keeps the words after it.
            if whole && fewest[j].is_none_or(|(best, _)| count < best) {
                fewest[j] = Some((count + 1, i));
            }
        }
    }
    let mut logs = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i) = fewest[j]?;
        logs.push(items.get(i..j).and_then(assemble)?);
        j = i;
    }
    logs.reverse();
    (logs.len() > 1).then_some(logs)
}

// ---------------------------------------------------------------------------------
// Assembling the items into a log, or refusing when anything is missing or ambiguous.

fn assemble(items: &[Item]) -> Option<LogText> {
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
    let mut periods = Vec::new();
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
            Item::Period(p, d) => periods.push((p, d)),
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
    let day = match days.as_slice() {
        [] => None,
        [d] => Some(*d),
        _ => return None,
    };
    let period = match periods.as_slice() {
        [] => None,
        [p] => Some(*p),
        _ => return None,
    };
    // The day a part of the day implies when none is typed: this morning, last night.
    let period_day = period.map(|(p, d)| {
        d.unwrap_or(if p == Period::Night {
            Day::Yesterday
        } else {
            Day::Today
        })
    });
    log.when = match (times.as_slice(), day, period) {
        ([], None, None) => None,
        ([w], None, None) => Some(*w),
        ([When::At { hour, minute, .. }], _, _) => {
            let mut on = day.or(period_day).unwrap_or(Day::Unspecified);
            // An hour on the 12-hour clock takes the half of the day the part of the day
            // names: "2 this afternoon" is 14:00, "at 9 last night" 21:00 (but "at 2
            // last night" stays 02:00, early this morning).
            let pm = match period {
                Some((Period::Afternoon | Period::Evening, _)) => (1..12).contains(hour),
                Some((Period::Night, _)) => (6..12).contains(hour),
                _ => false,
            };
            let hour = if pm { *hour + 12 } else { *hour };
            // "last night at 2am" is early this morning.
            if matches!(period, Some((Period::Night, _))) && hour < 12 && on == Day::Yesterday {
                on = Day::Today;
            }
            Some(When::At {
                day: on,
                hour,
                minute: *minute,
            })
        }
        ([], _, _) => Some(When::At {
            day: day.or(period_day).unwrap_or(Day::Today),
            hour: period.map_or(0, |(p, _)| p.start()),
            minute: 0,
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
