//! Button data: what each inline button sends back when pressed.
//!
//! Encoded as short text, versioned by its first character, and always under Telegram's
//! 64-byte limit. Decoding never trusts its input: anything malformed, from an older
//! version or forged is `None`, and the press gets a short note. Whether a batch in the
//! data belongs to the chat that pressed is checked later, against the database.

mod batch;
mod family;
mod settings;
#[cfg(test)]
mod tests;
mod values;

use crate::domain::Place;
use crate::domain::family::is_invite_code;
pub use batch::BatchAct;
use batch::{decode_act, encode_act};
pub use family::FamilyAct;
use family::{decode_family, encode_family};
pub use settings::SettingsAct;
use settings::{decode_settings, encode_settings};
use values::b36;
use values::from_b36;
use values::num;
use values::place;
use values::topic_id;

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
