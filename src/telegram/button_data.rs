//! Button data: what each inline button sends back when pressed.
//!
//! Encoded as short text, versioned by its first character, and always under Telegram's
//! 64-byte limit. Decoding never trusts its input: anything malformed, from an older
//! version or forged is `None`, and the press gets a short note. Whether a batch in the
//! data belongs to the chat that pressed is checked later, against the database.

use crate::domain::family::{ReminderPref, is_invite_code};
use crate::domain::settings::LeadClass;
use crate::domain::{DiscardReason, Place, Unit};

/// Telegram rejects callback data longer than this many bytes.
pub const MAX_BYTES: usize = 64;

const VERSION: char = '1';

/// What a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cb {
    /// Does nothing (a label-only button).
    Noop,
    /// Start logging: show the amount step.
    LogStart,
    /// Amount chosen: show where it is.
    LogAmount {
        ml: u32,
    },
    /// Place chosen: show when it was expressed.
    LogPlace {
        ml: u32,
        place: Place,
    },
    /// More "when" choices.
    LogEarlier {
        ml: u32,
        place: Place,
    },
    /// Everything chosen: log it.
    LogCommit {
        ml: u32,
        place: Place,
        ago_min: u32,
    },
    /// Log, with the expressed time fixed (minutes since the Unix epoch): after "did you
    /// mean ...?", the time is the one typed, not the time of the press.
    LogAt {
        ml: u32,
        place: Place,
        at_min: u32,
    },
    LogCancel,
    /// "Type it" on the "when was it expressed?" step: the presser's next text is the time.
    LogTypeTime {
        ml: u32,
        place: Place,
    },
    /// "Type it" on the "where is it?" step: the presser's next text is the place.
    LogTypePlace {
        ml: u32,
    },
    /// An action on a batch, valid only while the batch is at `version`.
    Batch {
        id: i64,
        version: i64,
        act: BatchAct,
    },
    /// A page of the stash view.
    Stash {
        page: u32,
    },
    /// Settings screens and choices.
    Settings(SettingsAct),
    /// The topic menu: categories.
    FaqMenu,
    /// The topics of the category at this index.
    FaqCategory(u8),
    /// Show the answer of the topic with this id.
    FaqTopic(String),
    /// The hand-expression walkthrough at this step (0-based).
    Step(u8),
    StepsDone,
    /// Push "switch sides" in this many minutes.
    SwitchSides(u8),
    /// Join the family of invite `code`, bringing this chat's stash along or not.
    Join {
        code: String,
        merge: bool,
    },
    Family(FamilyAct),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FamilyAct {
    Show,
    /// Where the presser wants reminders.
    Pref(ReminderPref),
    /// Ask before removing the member with this user id.
    Remove(i64),
    /// Remove them: the answer to that question.
    RemoveYes(i64),
    Invite,
    Leave,
    /// Answer to "delete everything?".
    Forget(bool),
}

/// What a batch button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchAct {
    /// Show the batch with its buttons.
    Open,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsAct {
    Show,
    /// Set values, not toggles: pressing twice (or a redelivered press) changes nothing.
    Unit(Unit),
    TimezoneMenu,
    /// Index into the list of common timezones.
    Timezone(u16),
    /// A timezone offered for a shared location, by its IANA name.
    Zone(chrono_tz::Tz),
    /// Ask which timezone (in a new message), as on first contact.
    ZoneQuestion,
    /// Offer a button that shares the location, to suggest zones near it.
    AskLocation,
    /// Say how to type a city.
    AskCity,
    ProfileMenu,
    Profile(crate::domain::Profile),
    /// "Is your fridge at 4 °C or colder?"
    FridgeMenu,
    /// The answer: at 4 °C or colder (true), or warmer or not sure.
    Fridge(bool),
    RemindersMenu,
    /// Set the lead time of a group of places, in minutes.
    Lead(LeadClass, u32),
    /// Pick quiet hours by index into `QUIET_PRESETS`.
    Quiet(u8),
    Morning(bool),
    /// Who in a group may do what (settings, invites, removing members, forgetting).
    Access(crate::domain::settings::Access),
    /// Low-stash alert threshold in days (0: off).
    LowStash(u8),
    Weekly(bool),
    Close,
}

impl Cb {
    pub fn encode(&self) -> String {
        let body = match self {
            Cb::Noop => "n".to_owned(),
            Cb::LogStart => "ls".to_owned(),
            Cb::LogAmount { ml } => format!("la:{ml}"),
            Cb::LogPlace { ml, place } => format!("lp:{ml}:{}", place.tag()),
            Cb::LogEarlier { ml, place } => format!("le:{ml}:{}", place.tag()),
            Cb::LogCommit { ml, place, ago_min } => format!("lc:{ml}:{}:{ago_min}", place.tag()),
            Cb::LogAt { ml, place, at_min } => format!("lt:{ml}:{}:{at_min}", place.tag()),
            Cb::LogCancel => "lx".to_owned(),
            Cb::LogTypeTime { ml, place } => format!("ly:{ml}:{}", place.tag()),
            Cb::LogTypePlace { ml } => format!("lz:{ml}"),
            Cb::Batch { id, version, act } => {
                format!("b:{}:{}:{}", b36(*id), b36(*version), encode_act(act))
            }
            Cb::Stash { page } => format!("s:{page}"),
            Cb::Settings(act) => format!("g:{}", encode_settings(act)),
            Cb::FaqMenu => "fm".to_owned(),
            Cb::FaqCategory(i) => format!("fc:{i}"),
            Cb::FaqTopic(id) => format!("ft:{id}"),
            Cb::Step(n) => format!("e:{n}"),
            Cb::StepsDone => "ed".to_owned(),
            Cb::SwitchSides(min) => format!("ew:{min}"),
            Cb::Join { code, merge } => format!("j:{}:{code}", if *merge { 'm' } else { 'k' }),
            Cb::Family(act) => format!("y:{}", encode_family(act)),
        };
        format!("{VERSION}{body}")
    }

    /// Reads button data back. `None` for anything not produced by [`Cb::encode`] of
    /// this version.
    pub fn decode(data: &str) -> Option<Cb> {
        if data.len() > MAX_BYTES {
            return None;
        }
        let body = data.strip_prefix(VERSION)?;
        let mut parts = body.split(':');
        let head = parts.next()?;
        let mut next = || parts.next();
        let cb = match head {
            "n" => Cb::Noop,
            "ls" => Cb::LogStart,
            "lx" => Cb::LogCancel,
            "la" => Cb::LogAmount { ml: num(next()?)? },
            "lp" => Cb::LogPlace {
                ml: num(next()?)?,
                place: place(next()?)?,
            },
            "le" => Cb::LogEarlier {
                ml: num(next()?)?,
                place: place(next()?)?,
            },
            "lc" => Cb::LogCommit {
                ml: num(next()?)?,
                place: place(next()?)?,
                ago_min: num(next()?)?,
            },
            "lt" => Cb::LogAt {
                ml: num(next()?)?,
                place: place(next()?)?,
                at_min: num(next()?)?,
            },
            "ly" => Cb::LogTypeTime {
                ml: num(next()?)?,
                place: place(next()?)?,
            },
            "lz" => Cb::LogTypePlace { ml: num(next()?)? },
            "b" => Cb::Batch {
                id: from_b36(next()?)?,
                version: from_b36(next()?)?,
                act: decode_act(next()?, next())?,
            },
            "s" => Cb::Stash {
                page: num(next()?)?,
            },
            "g" => Cb::Settings(decode_settings(next()?, next())?),
            "fm" => Cb::FaqMenu,
            "fc" => Cb::FaqCategory(num(next()?)?),
            "ft" => Cb::FaqTopic(topic_id(next()?)?),
            "e" => Cb::Step(num(next()?)?),
            "ed" => Cb::StepsDone,
            "ew" => Cb::SwitchSides(num(next()?)?),
            "j" => {
                let merge = match next()? {
                    "m" => true,
                    "k" => false,
                    _ => return None,
                };
                let code = next()?;
                if !is_invite_code(code) {
                    return None;
                }
                Cb::Join {
                    code: code.to_owned(),
                    merge,
                }
            }
            "y" => Cb::Family(decode_family(next()?, next())?),
            _ => return None,
        };
        // Trailing parts mean the data was not ours.
        if parts.next().is_some() {
            return None;
        }
        Some(cb)
    }
}

fn encode_act(act: &BatchAct) -> String {
    match act {
        BatchAct::Open => "o".into(),
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

fn decode_act(head: &str, arg: Option<&str>) -> Option<BatchAct> {
    let act = match (head, arg) {
        ("o", None) => BatchAct::Open,
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

fn encode_family(act: &FamilyAct) -> String {
    match act {
        FamilyAct::Show => "s".into(),
        FamilyAct::Pref(p) => format!("p:{}", p.code()),
        FamilyAct::Remove(user) => format!("r:{}", b36(*user)),
        FamilyAct::RemoveYes(user) => format!("ry:{}", b36(*user)),
        FamilyAct::Invite => "i".into(),
        FamilyAct::Leave => "l".into(),
        FamilyAct::Forget(yes) => format!("f:{}", if *yes { 'y' } else { 'n' }),
    }
}

fn decode_family(head: &str, arg: Option<&str>) -> Option<FamilyAct> {
    Some(match (head, arg) {
        ("s", None) => FamilyAct::Show,
        ("p", Some(code)) => FamilyAct::Pref(ReminderPref::from_code(code)?),
        ("r", Some(user)) => FamilyAct::Remove(from_b36(user)?),
        ("ry", Some(user)) => FamilyAct::RemoveYes(from_b36(user)?),
        ("i", None) => FamilyAct::Invite,
        ("l", None) => FamilyAct::Leave,
        ("f", Some("y")) => FamilyAct::Forget(true),
        ("f", Some("n")) => FamilyAct::Forget(false),
        _ => return None,
    })
}

fn encode_settings(act: &SettingsAct) -> String {
    match act {
        SettingsAct::Show => "s".into(),
        SettingsAct::Unit(u) => format!("u:{}", u.code()),
        SettingsAct::TimezoneMenu => "tm".into(),
        SettingsAct::Timezone(i) => format!("t:{i}"),
        SettingsAct::Zone(tz) => format!("z:{}", tz.name()),
        SettingsAct::ZoneQuestion => "zq".into(),
        SettingsAct::AskLocation => "al".into(),
        SettingsAct::AskCity => "ac".into(),
        SettingsAct::ProfileMenu => "pm".into(),
        SettingsAct::Profile(p) => format!("p:{}", p.code()),
        SettingsAct::FridgeMenu => "fm".into(),
        SettingsAct::Fridge(cold) => format!("fr:{}", u8::from(*cold)),
        SettingsAct::RemindersMenu => "rm".into(),
        SettingsAct::Lead(class, min) => format!("l:{}{min}", class.tag()),
        SettingsAct::Quiet(i) => format!("q:{i}"),
        SettingsAct::Morning(on) => format!("md:{}", u8::from(*on)),
        SettingsAct::Access(a) => format!("oa:{}", a.code()),
        SettingsAct::LowStash(d) => format!("ls:{d}"),
        SettingsAct::Weekly(on) => format!("wk:{}", u8::from(*on)),
        SettingsAct::Close => "x".into(),
    }
}

fn decode_settings(head: &str, arg: Option<&str>) -> Option<SettingsAct> {
    let act = match (head, arg) {
        ("s", None) => SettingsAct::Show,
        ("u", Some(code)) => SettingsAct::Unit(Unit::from_code(code)?),
        ("tm", None) => SettingsAct::TimezoneMenu,
        ("t", Some(i)) => SettingsAct::Timezone(num(i)?),
        ("z", Some(name)) => SettingsAct::Zone(name.parse().ok()?),
        ("zq", None) => SettingsAct::ZoneQuestion,
        ("al", None) => SettingsAct::AskLocation,
        ("ac", None) => SettingsAct::AskCity,
        ("pm", None) => SettingsAct::ProfileMenu,
        ("p", Some(code)) => SettingsAct::Profile(crate::domain::Profile::from_code(code)?),
        ("fm", None) => SettingsAct::FridgeMenu,
        ("fr", Some(cold)) => SettingsAct::Fridge(flag(cold)?),
        ("rm", None) => SettingsAct::RemindersMenu,
        ("l", Some(arg)) => {
            let mut chars = arg.chars();
            let class = LeadClass::from_tag(chars.next()?)?;
            SettingsAct::Lead(class, num(chars.as_str())?)
        }
        ("q", Some(i)) => SettingsAct::Quiet(num(i)?),
        ("md", Some(on)) => SettingsAct::Morning(flag(on)?),
        ("oa", Some(a)) => {
            SettingsAct::Access(crate::domain::settings::Access::from_code(num(a)?)?)
        }
        ("ls", Some(d)) => SettingsAct::LowStash(num(d)?),
        ("wk", Some(on)) => SettingsAct::Weekly(flag(on)?),
        ("x", None) => SettingsAct::Close,
        _ => return None,
    };
    Some(act)
}

/// Topic ids are kebab-case ASCII and short; anything else is not ours.
fn topic_id(s: &str) -> Option<String> {
    let ok = !s.is_empty()
        && s.len() <= 24
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| s.to_owned())
}

fn flag(s: &str) -> Option<bool> {
    match s {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

fn reason_tag(r: DiscardReason) -> char {
    match r {
        DiscardReason::Expired => 'e',
        DiscardReason::Spilled => 's',
        DiscardReason::SmelledOff => 'o',
        DiscardReason::Other => 'x',
    }
}

fn reason_from_tag(tag: &str) -> Option<DiscardReason> {
    DiscardReason::ALL
        .into_iter()
        .find(|r| tag.len() == 1 && tag.starts_with(reason_tag(*r)))
}

fn place(tag: &str) -> Option<Place> {
    let mut chars = tag.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Place::from_tag(c)
}

/// A plain decimal number with no sign, no leading zeros (so each value has exactly one
/// encoding) and at most 9 digits.
fn num<T: TryFrom<u64>>(s: &str) -> Option<T> {
    if s.is_empty() || s.len() > 9 || (s.len() > 1 && s.starts_with('0')) {
        return None;
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    T::try_from(s.parse::<u64>().ok()?).ok()
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Non-negative ids in base 36: short, and still plain ASCII.
fn b36(n: i64) -> String {
    let mut n = n.max(0) as u64;
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn from_b36(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 13 || (s.len() > 1 && s.starts_with('0')) {
        return None;
    }
    let mut n: i64 = 0;
    for b in s.bytes() {
        let d = DIGITS.iter().position(|&x| x == b)? as i64;
        n = n.checked_mul(36)?.checked_add(d)?;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Profile;
    use crate::domain::units::MAX_BATCH_ML;
    use proptest::prelude::*;

    fn any_place() -> impl Strategy<Value = Place> {
        prop::sample::select(Place::ALL.to_vec())
    }

    fn any_act() -> impl Strategy<Value = BatchAct> {
        prop_oneof![
            Just(BatchAct::Open),
            any_place().prop_map(BatchAct::Move),
            Just(BatchAct::UseMenu),
            proptest::option::of(0u32..=999_999_999).prop_map(BatchAct::Use),
            Just(BatchAct::DiscardMenu),
            prop::sample::select(DiscardReason::ALL.to_vec()).prop_map(BatchAct::Discard),
            Just(BatchAct::Undo),
            Just(BatchAct::EditMenu),
            (0u32..=999_999_999).prop_map(BatchAct::SetAgo),
            (0u32..=999_999_999).prop_map(BatchAct::SetAt),
            Just(BatchAct::AmountMenu),
            Just(BatchAct::TimeMenu),
            (0u32..=999_999_999).prop_map(BatchAct::SetAmount),
            proptest::option::of(0u32..=999_999_999).prop_map(BatchAct::Snooze),
            Just(BatchAct::LeftoverMenu),
            Just(BatchAct::LeftoverType),
            (0u32..=999_999_999).prop_map(BatchAct::LeftoverAmount),
            (0u32..=999_999_999, 0u32..=999_999_999)
                .prop_map(|(ml, ago)| BatchAct::Leftover(ml, ago)),
            (
                0u32..=MAX_BATCH_ML,
                any_place(),
                0u32..=999_999_999,
                proptest::option::of(0u32..=MAX_BATCH_ML),
                proptest::option::of(0u32..=MAX_BATCH_ML),
            )
                .prop_map(|(ml, place, at, l, r)| BatchAct::Relog(ml, place, at, l, r)),
        ]
    }

    fn any_cb() -> impl Strategy<Value = Cb> {
        let ml = 0u32..=999_999_999;
        prop_oneof![
            Just(Cb::Noop),
            Just(Cb::LogStart),
            Just(Cb::LogCancel),
            ml.clone().prop_map(|ml| Cb::LogAmount { ml }),
            (ml.clone(), any_place()).prop_map(|(ml, place)| Cb::LogPlace { ml, place }),
            (ml.clone(), any_place()).prop_map(|(ml, place)| Cb::LogEarlier { ml, place }),
            (ml.clone(), any_place(), 0u32..=999_999_999)
                .prop_map(|(ml, place, ago_min)| Cb::LogCommit { ml, place, ago_min }),
            (ml.clone(), any_place(), 0u32..=999_999_999)
                .prop_map(|(ml, place, at_min)| Cb::LogAt { ml, place, at_min }),
            (ml.clone(), any_place()).prop_map(|(ml, place)| Cb::LogTypeTime { ml, place }),
            ml.clone().prop_map(|ml| Cb::LogTypePlace { ml }),
            (0i64..=i64::MAX, 0i64..=i64::MAX, any_act())
                .prop_map(|(id, version, act)| Cb::Batch { id, version, act }),
            (0u32..=999_999_999).prop_map(|page| Cb::Stash { page }),
            prop_oneof![
                Just(SettingsAct::Show),
                prop::sample::select(vec![Unit::Ml, Unit::Oz]).prop_map(SettingsAct::Unit),
                Just(SettingsAct::TimezoneMenu),
                any::<u16>().prop_map(SettingsAct::Timezone),
                prop::sample::select(chrono_tz::TZ_VARIANTS.to_vec()).prop_map(SettingsAct::Zone),
                Just(SettingsAct::ZoneQuestion),
                Just(SettingsAct::AskLocation),
                Just(SettingsAct::AskCity),
                Just(SettingsAct::ProfileMenu),
                prop::sample::select(Profile::ALL.to_vec()).prop_map(SettingsAct::Profile),
                Just(SettingsAct::FridgeMenu),
                any::<bool>().prop_map(SettingsAct::Fridge),
                Just(SettingsAct::RemindersMenu),
                (
                    prop::sample::select(LeadClass::ALL.to_vec()),
                    0u32..=999_999_999
                )
                    .prop_map(|(c, m)| SettingsAct::Lead(c, m)),
                any::<u8>().prop_map(SettingsAct::Quiet),
                any::<bool>().prop_map(SettingsAct::Morning),
                prop::sample::select(crate::domain::settings::Access::ALL.to_vec())
                    .prop_map(SettingsAct::Access),
                any::<u8>().prop_map(SettingsAct::LowStash),
                any::<bool>().prop_map(SettingsAct::Weekly),
                Just(SettingsAct::Close),
            ]
            .prop_map(Cb::Settings),
            Just(Cb::FaqMenu),
            any::<u8>().prop_map(Cb::FaqCategory),
            "[a-z0-9-]{1,24}".prop_map(Cb::FaqTopic),
            any::<u8>().prop_map(Cb::Step),
            Just(Cb::StepsDone),
            any::<u8>().prop_map(Cb::SwitchSides),
            ("[a-z0-9]{12}", any::<bool>()).prop_map(|(code, merge)| Cb::Join { code, merge }),
            prop_oneof![
                Just(FamilyAct::Show),
                prop::sample::select(vec![
                    ReminderPref::Auto,
                    ReminderPref::Group,
                    ReminderPref::Private,
                    ReminderPref::Both,
                    ReminderPref::Off,
                ])
                .prop_map(FamilyAct::Pref),
                (0i64..=i64::MAX).prop_map(FamilyAct::Remove),
                (0i64..=i64::MAX).prop_map(FamilyAct::RemoveYes),
                Just(FamilyAct::Invite),
                Just(FamilyAct::Leave),
                any::<bool>().prop_map(FamilyAct::Forget),
            ]
            .prop_map(Cb::Family),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn round_trips_within_64_bytes(cb in any_cb()) {
            let data = cb.encode();
            prop_assert!(data.len() <= MAX_BYTES, "{} bytes: {data}", data.len());
            prop_assert_eq!(Cb::decode(&data), Some(cb));
        }

        #[test]
        fn never_panics_on_arbitrary_text(data in ".{0,100}") {
            let _ = Cb::decode(&data);
        }

        #[test]
        fn never_panics_on_near_miss_data(cb in any_cb(), cut in 0usize..64, junk in "[0-9a-z:]{0,6}") {
            let data = cb.encode();
            let cut = cut.min(data.len());
            let mangled = format!("{}{}", &data[..cut], junk);
            if let Some(decoded) = Cb::decode(&mangled) {
                // Whatever decodes must encode back to exactly the same data.
                prop_assert_eq!(decoded.encode(), mangled);
            }
        }
    }

    #[test]
    fn refuses_forged_and_old_data() {
        for bad in [
            "",
            "1",
            "2b:1:1:o",
            "1b:1:1:o:extra",
            "1b:-1:1:o",
            "1b:01:1:o",
            "1la:-5",
            "1la:0012",
            "1la:1e9",
            "1lp:90:q",
            "1lp:90:ff",
            "1b:zzzzzzzzzzzzz:1:o",
            "1g:p:who",
            "1b:1:1:d:?",
            "1ft:Fridge",
            "1ft:a-very-long-topic-id-that-is-too-long",
            "1ft:",
            "1e:256",
        ] {
            assert_eq!(Cb::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn largest_values_fit() {
        for act in [
            BatchAct::SetAgo(999_999_999),
            BatchAct::SetAt(999_999_999),
            BatchAct::Leftover(999_999_999, 999_999_999),
            BatchAct::Relog(
                MAX_BATCH_ML,
                Place::Fridge,
                999_999_999,
                Some(MAX_BATCH_ML),
                Some(MAX_BATCH_ML),
            ),
        ] {
            let cb = Cb::Batch {
                id: i64::MAX,
                version: i64::MAX,
                act,
            };
            assert!(cb.encode().len() <= MAX_BYTES);
            assert_eq!(Cb::decode(&cb.encode()), Some(cb));
        }
    }
}
