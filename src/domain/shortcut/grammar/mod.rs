//! The grammar: tokens read as the pieces of a log, then assembled into one.

use chrono::Duration;

use super::super::rules::Place;
use super::super::units::Unit;
use super::lexer::{Num, Tok};
use super::vocabulary::*;
use super::{Amount, Day, LogText, When};

mod when;

pub(super) use when::Period;
use when::{is_yesterday, weekday};

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
    /// A count of containers (`2 bottles`): that many batches, one per amount; `each`
    /// when one amount follows `of` (`2 bags of 100 ml`): that many batches of it.
    Count {
        n: u32,
        each: bool,
    },
}

/// A part of the day, read as its start so the milk is never younger than it may be.
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
        // "pumped 100 around 8": a bare hour after "around" is the time when another
        // amount is there, else the amount ("around 60 in the fridge").
        if self.is(i, &["around", "about", "approx"])
            && let Some(n) = self.num(i + 1)
            && let Some(hour) = n.small_int().filter(|h| *h <= 23)
            && self.unit(i + 2).is_none()
            && matches!(self.clock(i + 1), Ok(None))
            && self.ago(i + 1).is_none()
        {
            let amount = Amount {
                value: f64::from(hour),
                unit: None,
            };
            return Step::Item(Item::Amount(amount, Some((hour, 0))), 2);
        }
        if let Some(n) = self.num(i) {
            // "2 bottles: 60ml and 80ml": two batches; "2 bags of 100 ml": two of 100.
            if let Some(count) = n.small_int().filter(|c| *c >= 2)
                && self.is(i + 1, CONTAINERS)
            {
                let each = self.is(i + 2, &["of"]) && self.num(i + 3).is_some();
                let item = Item::Count { n: count, each };
                return Step::Item(item, if each { 3 } else { 2 });
            }
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
                                || (self.is(i + 1, &["at"]) && self.is(i + 2, &["night"]))
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
            // "early this morning", "earlier today": the day or part of the day says when.
            "early" | "earlier"
                if self.is(i + 1, &["this", "today", "yesterday", "in", "last"]) =>
            {
                return Step::Skip(1);
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
        // "the day before yesterday" ("the" is a filler).
        if w == "day" && self.is(i + 1, &["before"]) && self.word(i + 2).is_some_and(is_yesterday) {
            return Step::Item(Item::Day(Day::BeforeYesterday), 3);
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
    if items.iter().any(|i| matches!(i, Item::Count { .. })) {
        return counted(&items);
    }
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

/// The most batches of one amount a text logs at once (`3 bags of 100 ml`); more is
/// likelier a slip than a freezer session, so it is not read.
const MAX_EACH: u32 = 10;

/// `fridge, 2 bottles: 60ml and 80ml`: as many batches as the count says, one per
/// amount, each with the place and time typed for all (the bot asks the place when none
/// was typed); `2 bags of 100 ml`: that many batches of the one amount. Any other count
/// of amounts, or sides, is not read.
fn counted(items: &[Item]) -> Option<Vec<LogText>> {
    let mut count = None;
    let mut amounts = Vec::new();
    let mut shared = Vec::new();
    for item in items {
        match item {
            Item::Count { n, each } if count.is_none() => count = Some((*n, *each)),
            Item::Count { .. } | Item::Side(_) => return None,
            Item::Amount(a, _) => amounts.push(*a),
            other => shared.push(*other),
        }
    }
    let (n, each) = count?;
    if let (true, [one]) = (each, amounts.as_slice()) {
        if n > MAX_EACH {
            return None;
        }
        amounts = vec![*one; usize::try_from(n).ok()?];
    }
    if usize::try_from(n).ok()? != amounts.len() {
        return None;
    }
    amounts
        .into_iter()
        .map(|a| {
            let mut one = vec![Item::Amount(a, None)];
            one.extend(shared.iter().copied());
            assemble(&one)
        })
        .collect()
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
            Item::Count { .. } => return None,
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
            let night = matches!(period, Some((Period::Night, _)));
            // "12 at night" is midnight, not noon.
            let hour = match (pm, night, *hour) {
                (true, _, h) => h + 12,
                (false, true, 12) => 0,
                (false, _, h) => h,
            };
            // "last night at 2am" is early this morning; "at 12 at night" the midnight
            // that ended the day the night began.
            if night && hour < 12 {
                on = match on {
                    Day::Yesterday => Day::Today,
                    Day::BeforeYesterday => Day::Yesterday,
                    other => other,
                };
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
