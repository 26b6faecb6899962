//! milkbot: a Telegram bot for parents who express breast milk.
//!
//! See ARCHITECTURE.md for the map: `domain` is pure, `storage` owns SQL,
//! `telegram` speaks to Telegram, `scheduler` pushes reminders.

pub mod chart;
pub mod clock;
pub mod domain;
