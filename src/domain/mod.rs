//! The pure core: no I/O, no clock reads, no Telegram or database types.
//! Everything here takes plain values and returns plain values or typed errors.

pub mod batch;
pub mod code;
pub mod family;
pub mod faq;
pub mod language;
pub mod limits;
pub mod reminders;
pub mod rules;
pub mod settings;
pub mod shortcut;
pub mod stash;
pub mod stats;
pub mod steps;
pub mod units;

pub use batch::{
    Action, BatchError, BatchState, DiscardReason, EventKind, NewBatch, Sides, Status,
};
pub use language::Lang;
pub use rules::{Place, Profile};
pub use units::{Ml, Unit};
