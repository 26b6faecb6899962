//! Keyboards: the persistent reply keyboard and inline button rows.

use teloxide::types::{KeyboardButton, KeyboardMarkup};

use crate::domain::Lang;
use crate::messages::{self as m, Key};

/// The big buttons under the text box, always there, in the chat's language.
pub fn main_keyboard(lang: Lang) -> KeyboardMarkup {
    let button = |k| KeyboardButton::new(m::key(lang, k));
    KeyboardMarkup::new(vec![
        vec![button(Key::Log), button(Key::Stash)],
        vec![button(Key::Ask), button(Key::Express)],
        vec![button(Key::Settings), button(Key::Help)],
    ])
    .resize_keyboard()
    .persistent()
}
