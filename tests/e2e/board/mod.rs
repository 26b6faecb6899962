//! The stash board (Telegram Mini App) against the running bot: its API over HTTP
//! (`api.rs`), the page in a real headless Chromium (`browser.rs`), and the buttons
//! that open it from Telegram (`telegram.rs`).

mod api;
mod browser;
mod telegram;
