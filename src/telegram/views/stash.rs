//! The stash view, a page at a time.

use crate::domain::Lang;
use chrono::{DateTime, Utc};

use crate::domain::settings::Settings;
use crate::domain::stash::View;
use crate::messages as m;
use crate::telegram::button_data::{BatchAct, Cb};
use crate::telegram::send::Screen;

use super::*;

/// Batches per page of the stash view.
pub const PAGE: usize = 8;

pub fn stash(
    lang: Lang,
    view: &View,
    settings: &Settings,
    now: DateTime<Utc>,
    page: usize,
) -> Screen {
    let unit = settings.unit;
    let tz = settings.tz;
    if view.count == 0 {
        return screen(
            m::empty_stash(lang),
            vec![vec![(m::log_button(lang), Cb::LogStart)]],
        );
    }
    let pages = view.count.div_ceil(PAGE).max(1);
    let page = page.min(pages - 1);
    let mut text = m::stash_header(lang, view.total, view.count, unit);
    if let Some(next) = &view.use_next {
        text.push('\n');
        text.push_str(&m::use_next(lang, next, unit, now, tz));
    }
    if view.expired > 0 {
        text.push('\n');
        text.push_str(&m::expired_count(lang, view.expired));
    }
    let numbered: Vec<(usize, &crate::domain::stash::Item)> = view
        .items()
        .enumerate()
        .map(|(i, item)| (i + 1, item))
        .collect();
    let mut buttons = Vec::new();
    let mut heading = None;
    for (number, item) in numbered.iter().skip(page * PAGE).take(PAGE) {
        if heading != Some(item.place) {
            heading = Some(item.place);
            let total = view
                .groups
                .iter()
                .find(|g| g.place == item.place)
                .map(|g| g.total)
                .unwrap_or_default();
            text.push_str("\n\n");
            text.push_str(&m::stash_group(lang, item.place, total, unit));
        }
        text.push('\n');
        text.push_str(&m::stash_line(lang, *number, item, unit, now, tz));
        buttons.push((
            m::stash_button(lang, *number, item, unit),
            Cb::Batch {
                id: item.id,
                version: 0,
                act: BatchAct::Open,
            },
        ));
    }
    let mut rows = chunk(buttons, 2);
    if pages > 1 {
        let mut nav = Vec::new();
        if page > 0 {
            nav.push((
                m::prev(lang),
                Cb::Stash {
                    page: page as u32 - 1,
                },
            ));
        }
        nav.push((format!("{}/{}", page + 1, pages), Cb::Noop));
        if page + 1 < pages {
            nav.push((
                m::next(lang),
                Cb::Stash {
                    page: page as u32 + 1,
                },
            ));
        }
        rows.push(nav);
    }
    rows.push(vec![(m::log_button(lang), Cb::LogStart)]);
    screen(text, rows)
}
