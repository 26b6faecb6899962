//! milkbot: a Telegram bot for parents who express breast milk.
//!
//! See ARCHITECTURE.md for the map: `domain` is pure, `storage` owns SQL,
//! `telegram` speaks to Telegram, `scheduler` pushes reminders.

pub mod activity;
pub mod app;
pub mod chart;
pub mod clock;
pub mod config;
pub mod domain;
pub mod embedding;
pub mod export;
pub mod http;
pub mod logging;
pub mod messages;
pub mod metrics;
pub mod scheduler;
pub mod speech;
pub mod startup;
pub mod storage;
pub mod telegram;
pub mod upkeep;
pub mod webapp;
