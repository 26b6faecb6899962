//! Every integration test in one test binary (each test binary links the whole crate, so
//! one binary instead of twenty-odd is most of the build time of `cargo test`): a module
//! per area, run one with `cargo test --test e2e stash::` (or a single test by a fragment
//! of its name). `tests/support/` is the fake Telegram Bot API and the harness that runs
//! the bot against it.

#[path = "../support/mod.rs"]
mod support;

mod authz;
mod availability;
mod basics;
mod binary;
mod board;
mod crash;
mod deadline_props;
mod deadlines;
mod family;
mod family_safety;
mod faq_eval;
mod faults;
mod fuzz_updates;
mod guidance;
mod harness;
mod insights;
mod languages;
mod layers;
mod limits;
mod multi_instance;
mod referrals;
mod reminders;
mod shortcut_props;
mod shortcut_table;
mod stash;
mod taps;
mod time_zones;
mod timeouts;
mod typed_logs;
mod untrusted_text;
mod voice;
mod webhook;
