//! The grammar: tokens read as the pieces of a log, then assembled into one.

use chrono::Duration;

use super::super::rules::Place;
use super::super::units::Unit;
use super::lexer::{Num, Tok};
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

pub(super) fn items(toks: &[Tok]) -> Option<Vec<Item>> {
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

pub(super) fn assemble(items: Vec<Item>) -> Option<LogText> {
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
