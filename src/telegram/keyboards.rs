//! Keyboards: the persistent reply keyboard and inline button rows.

use teloxide::types::{KeyboardButton, KeyboardMarkup};

use crate::messages as m;

/// The big buttons under the text box, always there.
pub fn main_keyboard() -> KeyboardMarkup {
    KeyboardMarkup::new(vec![
        vec![
            KeyboardButton::new(m::KEY_LOG),
            KeyboardButton::new(m::KEY_STASH),
        ],
        vec![
            KeyboardButton::new(m::KEY_ASK),
            KeyboardButton::new(m::KEY_EXPRESS),
        ],
        vec![
            KeyboardButton::new(m::KEY_SETTINGS),
            KeyboardButton::new(m::KEY_HELP),
        ],
    ])
    .resize_keyboard()
    .persistent()
}
