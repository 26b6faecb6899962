//! Screens: the text and buttons of each message the bot shows (the log steps, a batch,
//! the stash, settings). Sentences come from `messages`; button data from `button_data`.

mod batch;
mod guidance;
mod insights;
mod log;
mod reminders;
mod settings;
mod stash;

pub use batch::*;
pub use guidance::*;
pub use insights::*;
pub use log::*;
pub use reminders::*;
pub use settings::*;
pub use stash::*;

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::button_data::Cb;
use super::send::Screen;

type Row = Vec<(String, Cb)>;

/// The data of a button acting on this batch, at the version the screen shows.
fn on_batch(row: &crate::storage::BatchRow) -> impl Fn(super::button_data::BatchAct) -> Cb {
    let (id, version) = (row.id, row.version);
    move |act| Cb::Batch { id, version, act }
}

fn keyboard(rows: Vec<Row>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows.into_iter().filter(|r| !r.is_empty()).map(|row| {
        row.into_iter()
            .map(|(label, cb)| InlineKeyboardButton::callback(label, cb.encode()))
            .collect::<Vec<_>>()
    }))
}

fn screen(text: String, rows: Vec<Row>) -> Screen {
    Screen::text(text).with(keyboard(rows))
}

fn chunk(buttons: Vec<(String, Cb)>, per_row: usize) -> Vec<Row> {
    buttons.chunks(per_row.max(1)).map(|c| c.to_vec()).collect()
}
