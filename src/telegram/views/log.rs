//! The logging steps: how much, where, when; and the card of what was logged.

use crate::domain::rules::Place;
use crate::domain::settings::Settings;
use crate::domain::{Ml, Unit};
use crate::messages as m;
use crate::storage::BatchRow;
use crate::telegram::button_data::Cb;
use crate::telegram::send::Screen;

use super::*;

/// Step 1: how much. The family's recent amounts first, then common sizes.
pub fn log_amount(settings: &Settings, recent: &[BatchRow]) -> Screen {
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
            m::same_again(last.logged, place, unit),
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
            .map(|ml| (ml.display(unit), Cb::LogAmount { ml: ml.get() }))
            .collect(),
        3,
    ));
    rows.push(vec![(m::CANCEL.into(), Cb::LogCancel)]);
    screen(m::log_amount_prompt(unit), rows)
}

/// Step 2: where it is.
pub fn log_place(ml: Ml, unit: Unit) -> Screen {
    let place = |p: Place| {
        (
            m::place_button(p),
            Cb::LogPlace {
                ml: ml.get(),
                place: p,
            },
        )
    };
    screen(
        m::log_place_prompt(ml, unit),
        vec![
            vec![place(Place::Room), place(Place::Fridge)],
            vec![place(Place::Freezer), place(Place::Cooler)],
            vec![
                (m::BACK.into(), Cb::LogStart),
                (m::TYPE_IT.into(), Cb::LogTypePlace { ml: ml.get() }),
                (m::CANCEL.into(), Cb::LogCancel),
            ],
        ],
    )
}

/// After "Type it" on the "where" step: the next text is the place.
pub fn log_type_place(ml: Ml, unit: Unit) -> Screen {
    screen(
        m::log_type_place_prompt(ml, unit),
        vec![vec![
            (m::BACK.into(), Cb::LogAmount { ml: ml.get() }),
            (m::CANCEL.into(), Cb::LogCancel),
        ]],
    )
}

/// A "when" button that logs the batch as expressed `min` minutes ago.
pub(super) fn commit(ml: Ml, place: Place, min: u32) -> (String, Cb) {
    let label = if min == 0 {
        m::NOW.into()
    } else {
        m::ago_label(min)
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
pub fn log_when(ml: Ml, place: Place, unit: Unit) -> Screen {
    screen(
        m::log_when_prompt(ml, place, unit),
        vec![
            vec![commit(ml, place, 0)],
            vec![
                commit(ml, place, 30),
                commit(ml, place, 60),
                commit(ml, place, 120),
            ],
            vec![
                (
                    m::EARLIER.into(),
                    Cb::LogEarlier {
                        ml: ml.get(),
                        place,
                    },
                ),
                (
                    m::TYPE_IT.into(),
                    Cb::LogTypeTime {
                        ml: ml.get(),
                        place,
                    },
                ),
                (m::CANCEL.into(), Cb::LogCancel),
            ],
        ],
    )
}

/// After "Type it" on the "when" step: the next text is the time.
pub fn log_type_time(ml: Ml, place: Place, unit: Unit) -> Screen {
    screen(
        m::log_type_time_prompt(ml, place, unit),
        vec![vec![
            (
                m::BACK.into(),
                Cb::LogPlace {
                    ml: ml.get(),
                    place,
                },
            ),
            (m::CANCEL.into(), Cb::LogCancel),
        ]],
    )
}

/// More "when" choices, for milk expressed a while ago.
pub fn log_earlier(ml: Ml, place: Place, unit: Unit) -> Screen {
    let row = |mins: [u32; 3]| mins.into_iter().map(|min| commit(ml, place, min)).collect();
    screen(
        m::log_earlier_prompt(ml, place, unit),
        vec![
            row([180, 240, 360]),
            row([480, 720, 1440]),
            vec![
                (
                    m::BACK.into(),
                    Cb::LogPlace {
                        ml: ml.get(),
                        place,
                    },
                ),
                (m::CANCEL.into(), Cb::LogCancel),
            ],
        ],
    )
}
