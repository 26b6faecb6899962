//! The stash view.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{Lang, Ml, Place, Unit};

use super::*;

words! {
    empty_stash => "empty-stash",
}

pub fn stash_header(lang: Lang, total: Ml, count: usize, unit: Unit) -> String {
    t!(
        lang,
        "stash-header",
        total = amount(lang, total, unit),
        count = count
    )
}

pub fn use_next(
    lang: Lang,
    item: &crate::domain::stash::Item,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    t!(
        lang,
        "use-next",
        amount = amount(lang, item.amount, unit),
        place = in_place(lang, item.place),
        expressed = when(lang, item.expressed_at, now, tz),
        left = left(lang, item.deadline, now)
    )
}

pub fn expired_count(lang: Lang, n: usize) -> String {
    t!(lang, "expired-count", count = n)
}

pub fn stash_group(lang: Lang, place: Place, total: Ml, unit: Unit) -> String {
    format!(
        "{} <b>{}</b> · {}",
        place_emoji(place),
        place_name(lang, place),
        amount(lang, total, unit)
    )
}

pub fn stash_line(
    lang: Lang,
    number: usize,
    item: &crate::domain::stash::Item,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let warn = if item.expired { "⚠️ " } else { "" };
    let time = if item.past_best {
        t!(lang, "past-best")
    } else {
        left(lang, item.deadline, now)
    };
    format!(
        "{number}. {} · {} · {warn}{time}",
        amount(lang, item.amount, unit),
        when(lang, item.expressed_at, now, tz),
    )
}

pub fn stash_button(
    lang: Lang,
    number: usize,
    item: &crate::domain::stash::Item,
    unit: Unit,
) -> String {
    let mark = if item.expired {
        "⚠️"
    } else {
        place_emoji(item.place)
    };
    format!("{number}. {mark} {}", amount(lang, item.amount, unit))
}
