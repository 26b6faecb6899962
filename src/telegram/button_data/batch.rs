//! Button data for one batch: open, move, use, discard, undo and the rest.

use super::values::num;
use super::values::place;
use crate::domain::DiscardReason;
use crate::domain::Place;

/// What a batch button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchAct {
    /// Show the batch with its buttons.
    Open,
    /// On a list of batches logged in one message: show the batch with its buttons in a
    /// message of its own, the list staying as it is.
    OpenListed,
    /// On a list of batches logged in one message: undo this batch and show the list
    /// again, this batch marked undone, the others' buttons where they were.
    UndoListed,
    Move(Place),
    /// Show how much was used.
    UseMenu,
    /// Use this much (None: all of it).
    Use(Option<u32>),
    DiscardMenu,
    Discard(DiscardReason),
    Undo,
    EditMenu,
    /// Change the expressed time to this many minutes before now.
    SetAgo(u32),
    /// Change the expressed time to this minute since the Unix epoch (confirmed).
    SetAt(u32),
    /// Change the amount: presets, and a typed amount is awaited.
    AmountMenu,
    /// Change the time: presets, and a typed time is awaited.
    TimeMenu,
    SetAmount(u32),
    /// Remind again in this many minutes, or tomorrow morning (None).
    Snooze(Option<u32>),
    /// "Baby left some": how much is left?
    LeftoverMenu,
    /// "Type it": a typed amount left is awaited.
    LeftoverType,
    /// This much is left: when did the feed end?
    LeftoverAmount(u32),
    /// This much (ml) is left, from a feed that ended this many minutes ago.
    Leftover(u32, u32),
    /// Confirmed: correct the batch as its edited logging message says (a later
    /// deadline, shown first): ml, place, expressed minute since the Unix epoch, left
    /// and right side (ml).
    Relog(u32, Place, u32, Option<u32>, Option<u32>),
}

pub(super) fn encode_act(act: &BatchAct) -> String {
    match act {
        BatchAct::Open => "o".into(),
        BatchAct::OpenListed => "lo".into(),
        BatchAct::UndoListed => "lu".into(),
        BatchAct::Move(p) => format!("m:{}", p.tag()),
        BatchAct::UseMenu => "um".into(),
        BatchAct::Use(None) => "u:a".into(),
        BatchAct::Use(Some(ml)) => format!("u:{ml}"),
        BatchAct::DiscardMenu => "dm".into(),
        BatchAct::Discard(r) => format!("d:{}", reason_tag(*r)),
        BatchAct::Undo => "z".into(),
        BatchAct::EditMenu => "em".into(),
        BatchAct::SetAgo(min) => format!("t:{min}"),
        BatchAct::SetAt(min) => format!("T:{min}"),
        BatchAct::AmountMenu => "am".into(),
        BatchAct::TimeMenu => "tm".into(),
        BatchAct::SetAmount(ml) => format!("a:{ml}"),
        BatchAct::Snooze(None) => "s:m".into(),
        BatchAct::Snooze(Some(min)) => format!("s:{min}"),
        BatchAct::LeftoverMenu => "lm".into(),
        BatchAct::LeftoverType => "lk".into(),
        BatchAct::LeftoverAmount(ml) => format!("la:{ml}"),
        BatchAct::Leftover(ml, ago) => format!("lf:{ml}-{ago}"),
        BatchAct::Relog(ml, place, at_min, left, right) => {
            let side = |ml: &Option<u32>| ml.map(|ml| ml.to_string()).unwrap_or_default();
            format!(
                "rl:{ml}-{}-{at_min}-{}-{}",
                place.tag(),
                side(left),
                side(right)
            )
        }
    }
}

pub(super) fn decode_act(head: &str, arg: Option<&str>) -> Option<BatchAct> {
    let act = match (head, arg) {
        ("o", None) => BatchAct::Open,
        ("lo", None) => BatchAct::OpenListed,
        ("lu", None) => BatchAct::UndoListed,
        ("m", Some(p)) => BatchAct::Move(place(p)?),
        ("um", None) => BatchAct::UseMenu,
        ("u", Some("a")) => BatchAct::Use(None),
        ("u", Some(ml)) => BatchAct::Use(Some(num(ml)?)),
        ("dm", None) => BatchAct::DiscardMenu,
        ("d", Some(r)) => BatchAct::Discard(reason_from_tag(r)?),
        ("z", None) => BatchAct::Undo,
        ("em", None) => BatchAct::EditMenu,
        ("t", Some(min)) => BatchAct::SetAgo(num(min)?),
        ("T", Some(min)) => BatchAct::SetAt(num(min)?),
        ("am", None) => BatchAct::AmountMenu,
        ("tm", None) => BatchAct::TimeMenu,
        ("a", Some(ml)) => BatchAct::SetAmount(num(ml)?),
        ("s", Some("m")) => BatchAct::Snooze(None),
        ("s", Some(min)) => BatchAct::Snooze(Some(num(min)?)),
        ("lm", None) => BatchAct::LeftoverMenu,
        ("lk", None) => BatchAct::LeftoverType,
        ("la", Some(ml)) => BatchAct::LeftoverAmount(num(ml)?),
        ("lf", Some(arg)) => {
            let (ml, ago) = arg.split_once('-')?;
            BatchAct::Leftover(num(ml)?, num(ago)?)
        }
        ("rl", Some(arg)) => {
            let mut parts = arg.split('-');
            let mut next = || parts.next();
            let side = |s: &str| {
                if s.is_empty() {
                    Some(None)
                } else {
                    num(s).map(Some)
                }
            };
            let act = BatchAct::Relog(
                num(next()?)?,
                place(next()?)?,
                num(next()?)?,
                side(next()?)?,
                side(next()?)?,
            );
            if next().is_some() {
                return None;
            }
            act
        }
        _ => return None,
    };
    Some(act)
}

pub(super) fn reason_tag(r: DiscardReason) -> char {
    match r {
        DiscardReason::Expired => 'e',
        DiscardReason::Spilled => 's',
        DiscardReason::SmelledOff => 'o',
        DiscardReason::Other => 'x',
    }
}

pub(super) fn reason_from_tag(tag: &str) -> Option<DiscardReason> {
    DiscardReason::ALL
        .into_iter()
        .find(|r| tag.len() == 1 && tag.starts_with(reason_tag(*r)))
}
