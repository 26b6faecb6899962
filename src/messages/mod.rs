//! Every sentence the bot says, in one place, in each language (the wording itself is
//! in `locales/*.ftl`, read through [`tr`] and the `t!` macro). Texts are
//! Telegram HTML: anything that came from a person goes through [`esc`].
//!
//! Guidance answers live in `content/`; this module holds the bot's own voice.

/// The arguments of a sentence: `fluent_args!(count = 3, name = esc(name))`. Integers stay
/// numbers (Fluent picks the plural form from them); text goes in as it is.
macro_rules! fluent_args {
    ($($name:ident = $value:expr),* $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $(args.set(stringify!($name), $crate::messages::Arg::from($value).0);)*
        args
    }};
}

/// The sentence `id` in `lang`: `t!(lang, "key")` or `t!(lang, "key", count = 3)`.
macro_rules! t {
    ($lang:expr, $id:expr) => {
        $crate::messages::tr($lang, $id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::messages::tr_args($lang, $id, Some(&fluent_args!($($name = $value),+)))
    };
}

/// Sentences without arguments, one function each: `words! { cancel => "cancel" }`
/// defines `pub fn cancel(lang: Lang) -> String`.
macro_rules! words {
    ($($(#[$doc:meta])* $name:ident => $key:literal),* $(,)?) => {$(
        $(#[$doc])*
        pub fn $name(lang: $crate::domain::Lang) -> String {
            $crate::messages::tr(lang, $key)
        }
    )*};
}

mod batch;
mod board;
mod buttons;
mod chart;
mod family;
mod general;
mod guidance;
mod i18n;
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
pub use board::*;
pub use buttons::*;
pub use chart::ChartWords;
pub use family::*;
pub use general::*;
pub use guidance::*;
pub use i18n::{Arg, decimal, tr, tr_args};
pub use insights::*;
pub use log::*;
pub use places::*;
pub use reminders::*;
pub use settings::*;
pub use stash::*;
pub use time::*;
pub use voice::*;
