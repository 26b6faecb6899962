//! The stash board (Telegram Mini App) against the running bot: its API over HTTP
//! (`api.rs`), and the page in a real headless Chromium (`browser.rs`).

mod api;
mod browser;
