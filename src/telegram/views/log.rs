//! The logging steps: how much, where, when; and the card of what was logged.

use crate::domain::Lang;
use chrono::{DateTime, Utc};

use crate::domain::Status;
use crate::domain::rules::Place;
use crate::domain::settings::Settings;
use crate::domain::shortcut::{Day, When};
use crate::domain::{Ml, Unit};
use crate::messages as m;
use crate::storage::BatchRow;
use crate::telegram::button_data::{BatchAct, Cb};
use crate::telegram::send::Screen;

use super::*;

/// Step 1: how much. The family's recent amounts first, then common sizes.
pub fn log_amount(lang: Lang, settings: &Settings, recent: &[BatchRow]) -> Screen {
    let unit = settings.unit;
    let mut amounts: Vec<Ml> = Vec::new();
    for row in recent {
        if amounts.len() < 3 && !amounts.contains(&row.logged) {
            amounts.push(row.logged);
        }
    }
    for preset in unit.presets() {
        if !amounts.contains(&preset) {
            amounts.push(preset);
        }
    }
    amounts.truncate(9);
    let mut rows = Vec::new();
    if let Some(last) = recent.first() {
        let place = last.logged_place;
        rows.push(vec![(
            m::same_again(lang, last.logged, place, unit),
            Cb::LogCommit {
                ml: last.logged.get(),
                place,
                ago_min: 0,
            },
        )]);
    }
    rows.extend(chunk(
        amounts
            .into_iter()
            .map(|ml| (m::amount(lang, ml, unit), Cb::LogAmount { ml: ml.get() }))
            .collect(),
        3,
    ));
    rows.push(vec![(m::cancel(lang), Cb::LogCancel)]);
    screen(m::log_amount_prompt(lang, unit), rows)
}

/// Step 2: where it is.
pub fn log_place(lang: Lang, ml: Ml, unit: Unit) -> Screen {
    let place = |p: Place| {
        (
            m::place_button(lang, p),
            Cb::LogPlace {
                ml: ml.get(),
                place: p,
            },
        )
    };
    screen(
        m::log_place_prompt(lang, ml, unit),
        vec![
            vec![place(Place::Room), place(Place::Fridge)],
            vec![place(Place::Freezer), place(Place::Cooler)],
            vec![
                (m::back(lang), Cb::LogStart),
                (m::type_it(lang), Cb::LogTypePlace { ml: ml.get() }),
                (m::cancel(lang), Cb::LogCancel),
            ],
        ],
    )
}

/// After "Type it" on the "where" step: the next text is the place.
pub fn log_type_place(lang: Lang, ml: Ml, unit: Unit, in_group: bool) -> Screen {
    screen(
        m::log_type_place_prompt(lang, ml, unit, in_group),
        vec![vec![
            (m::back(lang), Cb::LogAmount { ml: ml.get() }),
            (m::cancel(lang), Cb::LogCancel),
        ]],
    )
}

/// A "when" button that logs the batch as expressed `min` minutes ago.
pub(super) fn commit(lang: Lang, ml: Ml, place: Place, min: u32) -> (String, Cb) {
    let label = if min == 0 {
        m::now_button(lang)
    } else {
        m::ago_label(lang, min)
    };
    (
        label,
        Cb::LogCommit {
            ml: ml.get(),
            place,
            ago_min: min,
        },
    )
}

/// Step 3: when it was expressed. "Now" is the big one-tap default.
pub fn log_when(lang: Lang, ml: Ml, place: Place, unit: Unit) -> Screen {
    screen(
        m::log_when_prompt(lang, ml, place, unit),
        vec![
            vec![commit(lang, ml, place, 0)],
            vec![
                commit(lang, ml, place, 30),
                commit(lang, ml, place, 60),
                commit(lang, ml, place, 120),
            ],
            vec![
                (
                    m::earlier(lang),
                    Cb::LogEarlier {
                        ml: ml.get(),
                        place,
                    },
                ),
                (
                    m::type_it(lang),
                    Cb::LogTypeTime {
                        ml: ml.get(),
                        place,
                    },
                ),
                (m::cancel(lang), Cb::LogCancel),
            ],
        ],
    )
}

/// After "Type it" on the "when" step: the next text is the time.
pub fn log_type_time(lang: Lang, ml: Ml, place: Place, unit: Unit, in_group: bool) -> Screen {
    screen(
        m::log_type_time_prompt(lang, ml, place, unit, in_group),
        vec![vec![
            (
                m::back(lang),
                Cb::LogPlace {
                    ml: ml.get(),
                    place,
                },
            ),
            (m::cancel(lang), Cb::LogCancel),
        ]],
    )
}

/// A slash date that reads two ways (`5/6`): one button per date, written out, each
/// logging the batch then; or type the time.
pub fn which_date(
    lang: Lang,
    ml: Ml,
    place: Place,
    when: When,
    dates: &[DateTime<Utc>],
    settings: &Settings,
) -> Screen {
    let (typed, clock) = match when {
        When::At {
            day:
                Day::Slash {
                    first,
                    second,
                    year,
                },
            hour,
            minute,
        } => {
            let typed = match year {
                Some(y) => format!("{first}/{second}/{y}"),
                None => format!("{first}/{second}"),
            };
            (typed, (hour, minute) != (0, 0))
        }
        _ => (String::new(), true),
    };
    let button = |at: &DateTime<Utc>| {
        (
            m::date_written_out(lang, *at, settings.tz, clock),
            Cb::LogAt {
                ml: ml.get(),
                place,
                at_min: u32::try_from(at.timestamp().div_euclid(60)).unwrap_or(0),
            },
        )
    };
    screen(
        m::which_date_prompt(lang, ml, place, settings.unit, &typed),
        vec![
            dates.iter().map(button).collect(),
            vec![
                (
                    m::type_it(lang),
                    Cb::LogTypeTime {
                        ml: ml.get(),
                        place,
                    },
                ),
                (m::cancel(lang), Cb::LogCancel),
            ],
        ],
    )
}

/// More "when" choices, for milk expressed a while ago.
pub fn log_earlier(lang: Lang, ml: Ml, place: Place, unit: Unit) -> Screen {
    let row = |mins: [u32; 3]| {
        mins.into_iter()
            .map(|min| commit(lang, ml, place, min))
            .collect()
    };
    screen(
        m::log_earlier_prompt(lang, ml, place, unit),
        vec![
            row([180, 240, 360]),
            row([480, 720, 1440]),
            vec![
                (
                    m::back(lang),
                    Cb::LogPlace {
                        ml: ml.get(),
                        place,
                    },
                ),
                (m::cancel(lang), Cb::LogCancel),
            ],
        ],
    )
}

/// One confirmation for several batches typed in one message: each batch listed, and a
/// row of buttons per batch (open its card in a message of its own, undo it). Shown
/// again after an undo from the list (`rows` as they are now): an undone batch keeps
/// its line, marked removed, and its open button, so the list's buttons still name
/// every batch of the message.
pub fn logged_list(
    lang: Lang,
    who: Option<&str>,
    rows: &[BatchRow],
    notes: &[String],
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let unit = settings.unit;
    let mut text = format!(
        "✅ {}",
        m::did(lang, who, &m::logged_batches(lang, rows.len()))
    );
    let mut buttons = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        text.push_str(&format!(
            "\n\n<b>{}.</b> {}",
            k + 1,
            batch_lines(lang, row, settings, now)
        ));
        let b = on_batch(row);
        let open = (
            m::open_batch_button(lang, k + 1, row.state.amount, row.state.place, unit),
            b(BatchAct::OpenListed),
        );
        buttons.push(if row.state.status == Status::Removed {
            vec![open]
        } else {
            vec![
                open,
                (m::undo_batch_button(lang, k + 1), b(BatchAct::UndoListed)),
            ]
        });
    }
    for note in notes {
        text.push_str("\n\n");
        text.push_str(note);
    }
    buttons.push(vec![(m::to_stash(lang), Cb::Stash { page: 0 })]);
    screen(text, buttons)
}
