//! Every sentence the bot says, in one place, ready for translation. Texts are
//! Telegram HTML: anything that came from a person goes through [`esc`].
//!
//! Guidance answers live in `content/`; this module holds the bot's own voice.

mod batch;
mod buttons;
mod family;
mod general;
mod guidance;
mod insights;
mod log;
mod places;
mod reminders;
mod settings;
mod stash;
mod time;
#[cfg(test)]
mod time_tests;
mod voice;

pub use batch::*;
pub use buttons::*;
pub use family::*;
pub use general::*;
pub use guidance::*;
pub use insights::*;
pub use log::*;
pub use places::*;
pub use reminders::*;
pub use settings::*;
pub use stash::*;
pub use time::*;
pub use voice::*;
