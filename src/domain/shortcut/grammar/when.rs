//! Times and days in a log: "3 days ago", "2h", "yesterday", "last night", weekdays,
//! dates ("28 nov", "5/6"), 12- and 24-hour clocks. The rest of the grammar is in the
//! parent module.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::domain::shortcut) enum Period {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Period {
    pub(super) fn start(self) -> u32 {
        match self {
            Period::Morning => 5,
            Period::Afternoon => 12,
            Period::Evening => 17,
            Period::Night => 21,
        }
    }

    pub(super) fn from_word(w: &str) -> Option<Period> {
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

pub(super) fn weekday(w: &str) -> Option<chrono::Weekday> {
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

pub(super) fn month(w: &str) -> Option<u32> {
    MONTH_WORDS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|(_, m)| *m)
}

pub(super) fn is_yesterday(w: &str) -> bool {
    w == "yesterday"
        || w == "yday"
        || (w.len() >= 7 && within_one_edit(w, "yesterday"))
        || w == "yesturday"
}

impl Toks<'_> {
    /// `am`, `pm`, `a m`, `p m` (from "a.m."): whether it is pm, and tokens used.
    pub(super) fn am_pm(&self, i: usize) -> Option<(bool, usize)> {
        match self.word(i)? {
            "am" => Some((false, 1)),
            "pm" => Some((true, 1)),
            "a" if self.is(i + 1, &["m"]) => Some((false, 2)),
            "p" if self.is(i + 1, &["m"]) => Some((true, 2)),
            _ => None,
        }
    }

    /// A unit of time at `i` (with one typo when "ago" follows): minutes in it.
    pub(super) fn time_unit(&self, i: usize) -> Option<f64> {
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
    /// `2 hrs back`, and without "ago" (`2h`). `1h30` without "ago" is a clock time, and
    /// `90m` without "ago" is not a time.
    pub(super) fn ago(&self, i: usize) -> Option<(When, usize)> {
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
        } else if clock_like || self.is(i + 1, &["m"]) {
            // A lone "m" with no "ago" (`90m fridge`) may be "ml" with a letter lost:
            // not read as minutes.
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
    pub(super) fn h_clock(&self, i: usize) -> Option<(When, usize)> {
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
    pub(super) fn date(&self, i: usize) -> Option<(Day, usize)> {
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
            Tok::Date(day) => Some((*day, 1)),
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
    pub(super) fn clock(&self, i: usize) -> Result<Option<(When, usize)>, ()> {
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
    pub(super) fn clock_after_at(&self, i: usize) -> Result<Option<(When, usize)>, ()> {
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
}
