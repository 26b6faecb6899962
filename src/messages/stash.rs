//! The stash view.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{Ml, Place, Unit};

use super::*;

pub const EMPTY_STASH: &str =
    "🧊 Your stash is empty.\nLog milk with the button below, or type e.g. <code>90 fridge</code>.";

pub fn stash_header(total: Ml, count: usize, unit: Unit) -> String {
    let batches = if count == 1 { "batch" } else { "batches" };
    format!(
        "🧊 <b>Your stash</b>: {} in {count} {batches}",
        total.display(unit)
    )
}

pub fn use_next(
    item: &crate::domain::stash::Item,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    format!(
        "👉 Use next: {} {} (expressed {}, {})",
        item.amount.display(unit),
        in_place(item.place),
        when(crate::domain::Lang::En, item.expressed_at, now, tz),
        left(crate::domain::Lang::En, item.deadline, now)
    )
}

pub fn expired_count(n: usize) -> String {
    if n == 1 {
        "⚠️ 1 batch is past its time: tap it to discard.".into()
    } else {
        format!("⚠️ {n} batches are past their time: tap them to discard.")
    }
}

pub fn stash_group(place: Place, total: Ml, unit: Unit) -> String {
    format!(
        "{} <b>{}</b> · {}",
        place_emoji(place),
        place_name(place),
        total.display(unit)
    )
}

pub fn stash_line(
    number: usize,
    item: &crate::domain::stash::Item,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let warn = if item.expired { "⚠️ " } else { "" };
    let time = if item.past_best {
        "🕰 past its best-quality time".to_owned()
    } else {
        left(crate::domain::Lang::En, item.deadline, now)
    };
    format!(
        "{number}. {} · {} · {warn}{time}",
        item.amount.display(unit),
        when(crate::domain::Lang::En, item.expressed_at, now, tz),
    )
}

pub fn stash_button(number: usize, item: &crate::domain::stash::Item, unit: Unit) -> String {
    let mark = if item.expired {
        "⚠️"
    } else {
        place_emoji(item.place)
    };
    format!("{number}. {mark} {}", item.amount.display(unit))
}
