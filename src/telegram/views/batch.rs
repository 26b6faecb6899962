//! A batch: its card and buttons, and the menus to use, discard, edit or correct it.

use crate::domain::Lang;
use chrono::{DateTime, Utc};

use crate::domain::batch::{DiscardReason, NewBatch, Status};
use crate::domain::rules;
use crate::domain::rules::{Limit, Place};
use crate::domain::settings::Settings;
use crate::domain::{Ml, Unit};
use crate::messages as m;
use crate::messages::esc;
use crate::storage::BatchRow;
use crate::telegram::button_data::{BatchAct, Cb};
use crate::telegram::send::Screen;

use super::*;

/// Where a batch can go from here, by button.
/// Where a batch at `place` can go next (the card's move buttons; the board's too).
pub fn moves(place: Place) -> &'static [Place] {
    match place {
        Place::Room | Place::Cooler => &[Place::Fridge, Place::Freezer],
        Place::Fridge => &[Place::Freezer, Place::Cooler],
        Place::IceBox => &[Place::Freezer, Place::Thawing, Place::ThawedRoom],
        Place::Freezer => &[Place::Thawing, Place::ThawedRoom],
        Place::Thawing => &[Place::ThawedFridge, Place::ThawedRoom],
        Place::ThawedFridge => &[Place::ThawedRoom],
        Place::ThawedRoom | Place::Leftover => &[],
    }
}

/// The lines describing a batch: amount, place, times, warnings.
pub fn batch_lines(lang: Lang, row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> String {
    let unit = settings.unit;
    let tz = settings.tz;
    let s = &row.state;
    let amount = m::amount_with_sides(lang, s.amount, row.sides.left, row.sides.right, unit);
    let mut text = match s.status {
        Status::Stored => format!(
            "{} <b>{}</b> {}",
            m::place_emoji(s.place),
            esc(&amount),
            m::in_place(lang, s.place)
        ),
        Status::Used => m::card_used_up(lang, row.logged, unit),
        Status::Discarded => m::card_discarded(lang, s.amount, unit),
        Status::Removed => m::card_removed(lang, row.logged, unit),
    };
    text.push('\n');
    text.push_str(&m::expressed(lang, s.clocks.expressed_at, now, tz));
    if s.status == Status::Stored {
        let guideline = settings.guideline();
        let deadline = s.deadline(guideline);
        let rule = rules::rule(guideline, s.place);
        if rule.limit == Limit::NoClock {
            text.push('\n');
            text.push_str(&m::thawing_since(lang, s.clocks.place_since, now, tz));
        } else if rule.limit == Limit::Immediately {
            text.push_str(&m::use_straight_away(
                lang,
                &m::profile_name(lang, rule.source),
            ));
        } else if s.past_best(guideline, now) {
            text.push('\n');
            text.push_str(&m::past_best(
                lang,
                deadline,
                s.safe_until(guideline),
                now,
                tz,
            ));
        } else if deadline <= now {
            text.push('\n');
            text.push_str(&m::past_its_time(lang, deadline, now, tz));
        } else if s.safe_until(guideline) > deadline {
            text.push_str(&m::best_by(
                lang,
                deadline,
                s.safe_until(guideline),
                now,
                tz,
            ));
        } else {
            text.push_str(&m::use_by(lang, deadline, now, tz));
        }
        if s.clocks.thawed_at.is_some() || s.place == Place::Thawing {
            text.push('\n');
            text.push_str(&m::no_refreeze(lang));
        }
    }
    text
}

/// A batch with its buttons, under a headline saying what just happened.
pub fn batch_card(
    lang: Lang,
    headline: Option<String>,
    row: &BatchRow,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let mut text = headline.map(|h| format!("{h}\n\n")).unwrap_or_default();
    text.push_str(&batch_lines(lang, row, settings, now));
    screen(text, batch_buttons(lang, row))
}

pub(super) fn batch_buttons(lang: Lang, row: &BatchRow) -> Vec<Row> {
    let b = on_batch(row);
    let stash = (m::to_stash(lang), Cb::Stash { page: 0 });
    if row.state.status != Status::Stored {
        return vec![vec![(m::undo(lang), b(BatchAct::Undo)), stash]];
    }
    let place = row.state.place;
    let mut rows = chunk(
        moves(place)
            .iter()
            .map(|&to| (m::move_button(lang, place, to), b(BatchAct::Move(to))))
            .collect(),
        2,
    );
    rows.push(vec![
        (m::used(lang), b(BatchAct::UseMenu)),
        (m::discard(lang), b(BatchAct::DiscardMenu)),
    ]);
    rows.push(vec![
        (m::undo(lang), b(BatchAct::Undo)),
        (m::edit(lang), b(BatchAct::EditMenu)),
    ]);
    rows.push(vec![stash]);
    rows
}

/// The parts of `amount` offered as "used": the usual sizes below it and half of it,
/// largest first, at most six.
pub fn use_parts(amount: Ml, unit: crate::domain::Unit) -> Vec<Ml> {
    let mut parts: Vec<Ml> = unit.presets().into_iter().filter(|p| *p < amount).collect();
    let half = Ml(amount.get() / 2);
    if half.get() > 0 && !parts.contains(&half) {
        parts.push(half);
        parts.sort();
    }
    parts.into_iter().rev().take(6).collect()
}

/// How much was used: all, or a part.
pub fn use_menu(lang: Lang, row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let unit = settings.unit;
    let b = on_batch(row);
    let amount = row.state.amount;
    let mut rows = vec![vec![(
        m::used_all(lang, amount, unit),
        b(BatchAct::Use(None)),
    )]];
    rows.extend(chunk(
        use_parts(amount, unit)
            .into_iter()
            .map(|p| (m::used_part(lang, p, unit), b(BatchAct::Use(Some(p.get())))))
            .collect(),
        3,
    ));
    if rules::can_move(row.state.place, Place::Leftover) {
        rows.push(vec![(
            m::move_button(lang, row.state.place, Place::Leftover),
            b(BatchAct::LeftoverMenu),
        )]);
    }
    rows.push(vec![(m::back(lang), b(BatchAct::Open))]);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::use_prompt(lang)
        ),
        rows,
    )
}

/// "Baby left some": how much is left in the bottle. What was drunk counts as used.
pub fn leftover_menu(
    lang: Lang,
    row: &BatchRow,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let unit = settings.unit;
    let b = on_batch(row);
    let amount = row.state.amount.get();
    // A quarter, half and three quarters (to 5 ml), and the usual sizes below the amount.
    let mut parts: Vec<Ml> = [amount / 4, amount / 2, amount * 3 / 4]
        .into_iter()
        .map(|ml| Ml(ml / 5 * 5))
        .chain(unit.presets())
        .filter(|p| p.get() > 0 && p.get() < amount)
        .collect();
    parts.sort();
    parts.dedup();
    let mut rows = chunk(
        parts
            .into_iter()
            .take(6)
            .map(|p| {
                (
                    m::amount(lang, p, unit),
                    b(BatchAct::LeftoverAmount(p.get())),
                )
            })
            .collect(),
        3,
    );
    rows.push(vec![(m::type_it(lang), b(BatchAct::LeftoverType))]);
    rows.push(vec![(m::back(lang), b(BatchAct::UseMenu))]);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::leftover_prompt(lang)
        ),
        rows,
    )
}

/// "Baby left some" → "Type it": the next text is the amount left.
pub fn leftover_typed(
    lang: Lang,
    row: &BatchRow,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let back = Cb::Batch {
        id: row.id,
        version: row.version,
        act: BatchAct::LeftoverMenu,
    };
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::leftover_type_prompt(lang)
        ),
        vec![vec![(m::back(lang), back)]],
    )
}

/// Minutes ago the feed may have ended, as offered.
pub const FEED_ENDED: [u32; 4] = [0, 15, 30, 60];

/// "Baby left some", step 2: when the feed ended (the leftover clock starts then).
pub fn leftover_when(
    lang: Lang,
    row: &BatchRow,
    left: Ml,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let b = on_batch(row);
    let label = |min: u32| {
        if min == 0 {
            m::feed_ended_now(lang)
        } else {
            m::ago_label(lang, min)
        }
    };
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::feed_ended_prompt(lang, left, settings.unit)
        ),
        vec![
            FEED_ENDED
                .into_iter()
                .map(|min| (label(min), b(BatchAct::Leftover(left.get(), min))))
                .collect(),
            vec![(m::back(lang), b(BatchAct::LeftoverMenu))],
        ],
    )
}

pub fn discard_menu(lang: Lang, row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let b = on_batch(row);
    let mut rows = chunk(
        DiscardReason::ALL
            .into_iter()
            .map(|r| (m::reason_label(lang, r).to_owned(), b(BatchAct::Discard(r))))
            .collect(),
        2,
    );
    rows.push(vec![(m::back(lang), b(BatchAct::Open))]);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::discard_prompt(lang)
        ),
        rows,
    )
}

pub fn edit_menu(lang: Lang, row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let b = on_batch(row);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::edit_prompt(lang)
        ),
        vec![
            vec![(m::change_amount(lang), b(BatchAct::AmountMenu))],
            vec![(m::change_time(lang), b(BatchAct::TimeMenu))],
            vec![(m::back(lang), b(BatchAct::Open))],
        ],
    )
}

/// When it was expressed: a few times by button; any other can be typed.
pub fn time_menu(lang: Lang, row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let b = on_batch(row);
    let ago = |min: u32| (m::ago_label(lang, min), b(BatchAct::SetAgo(min)));
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::time_prompt(lang)
        ),
        vec![
            vec![
                (m::now_button(lang), b(BatchAct::SetAgo(0))),
                ago(30),
                ago(60),
            ],
            vec![ago(120), ago(180), ago(240)],
            vec![(m::back(lang), b(BatchAct::EditMenu))],
        ],
    )
}

/// Before an edit that moves the deadline later: the old and the new deadline.
pub fn confirm_time(
    lang: Lang,
    row: &BatchRow,
    at: DateTime<Utc>,
    (old, new): (DateTime<Utc>, DateTime<Utc>),
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let b = on_batch(row);
    let minute = u32::try_from(at.timestamp().div_euclid(60)).unwrap_or(0);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::confirm_later_deadline(lang, old, new, now, settings.tz)
        ),
        vec![
            vec![(m::confirm_change(lang), b(BatchAct::SetAt(minute)))],
            vec![(m::keep_it(lang), b(BatchAct::Open))],
        ],
    )
}

/// An edited logging message that would give the milk more time: both deadlines, and
/// the correction applies only on "Yes" (and only if the batch is still as it was).
pub fn confirm_relog(
    lang: Lang,
    row: &BatchRow,
    new: &NewBatch,
    (old, later): (DateTime<Utc>, DateTime<Utc>),
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let b = on_batch(row);
    let minute = u32::try_from(new.expressed_at.timestamp().div_euclid(60)).unwrap_or(0);
    let side = |ml: Option<Ml>| ml.map(Ml::get);
    let relog = BatchAct::Relog(
        new.amount.get(),
        new.place,
        minute,
        side(new.sides.left),
        side(new.sides.right),
    );
    screen(
        format!(
            "{}\n\n{}\n{}",
            batch_lines(lang, row, settings, now),
            m::edited_message_seen(lang, new.amount, new.place, settings.unit),
            m::confirm_later_deadline(lang, old, later, now, settings.tz)
        ),
        vec![
            vec![(m::confirm_change(lang), b(relog))],
            vec![(m::keep_it(lang), b(BatchAct::Open))],
        ],
    )
}

/// "Did you mean ...?" before logging an unusually large amount. With the place known,
/// the buttons log at the time typed (`at`); without, they go on to ask the place.
pub fn implausible_log(
    lang: Lang,
    amount: Ml,
    fix: Ml,
    place_and_time: Option<(Place, DateTime<Utc>)>,
    unit: Unit,
) -> Screen {
    let choice = |ml: Ml| match place_and_time {
        Some((place, at)) => Cb::LogAt {
            ml: ml.get(),
            place,
            at_min: u32::try_from(at.timestamp().div_euclid(60)).unwrap_or(0),
        },
        None => Cb::LogAmount { ml: ml.get() },
    };
    screen(
        m::implausible_amount(lang, amount, fix, unit),
        vec![
            vec![(m::amount(lang, fix, unit), choice(fix))],
            vec![(m::keep_amount(lang, amount, unit), choice(amount))],
            vec![(m::cancel(lang), Cb::LogCancel)],
        ],
    )
}

/// "Did you mean ...?" before changing a batch to an unusually large amount.
pub fn implausible_edit(lang: Lang, row: &BatchRow, amount: Ml, fix: Ml, unit: Unit) -> Screen {
    let b = on_batch(row);
    screen(
        m::implausible_amount(lang, amount, fix, unit),
        vec![
            vec![(
                m::amount(lang, fix, unit),
                b(BatchAct::SetAmount(fix.get())),
            )],
            vec![(
                m::keep_amount(lang, amount, unit),
                b(BatchAct::SetAmount(amount.get())),
            )],
            vec![(m::cancel(lang), b(BatchAct::Open))],
        ],
    )
}

pub fn amount_menu(lang: Lang, row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let unit = settings.unit;
    let b = on_batch(row);
    let mut amounts = unit.presets();
    let step = match unit {
        Unit::Ml => 10,
        Unit::Oz => 15,
    };
    for candidate in [
        Ml(row.state.amount.get().saturating_sub(step)),
        Ml(row.state.amount.get() + step),
    ] {
        if candidate.get() > 0 && !amounts.contains(&candidate) {
            amounts.push(candidate);
        }
    }
    amounts.sort();
    amounts.retain(|a| *a != row.state.amount);
    let mut rows = chunk(
        amounts
            .into_iter()
            .map(|a| (m::amount(lang, a, unit), b(BatchAct::SetAmount(a.get()))))
            .collect(),
        3,
    );
    rows.push(vec![(m::back(lang), b(BatchAct::EditMenu))]);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(lang, row, settings, now),
            m::amount_prompt(lang)
        ),
        rows,
    )
}
