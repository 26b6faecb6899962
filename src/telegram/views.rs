//! Screens: the text and buttons of each message the bot shows (the log steps, a batch,
//! the stash, settings). Sentences come from `messages`; button data from `callback`.

use chrono::{DateTime, Utc};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::button_data::{BatchAct, Cb, SettingsAct};
use super::send::Screen;
use crate::domain::batch::{DiscardReason, NewBatch, Status};
use crate::domain::rules::{self, Limit, Place, Profile};
use crate::domain::settings::Settings;
use crate::domain::stash::View;
use crate::domain::{Ml, Unit};
use crate::messages::{self as m, esc};
use crate::storage::BatchRow;

/// Low-stash thresholds offered, in days of frozen supply (None: off).
pub const LOW_STASH_CHOICES: [Option<u32>; 4] = [None, Some(3), Some(7), Some(14)];

/// Batches per page of the stash view.
pub const PAGE: usize = 8;

/// Timezones offered as buttons; others can be typed.
pub const COMMON_TIMEZONES: [&str; 24] = [
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Warsaw",
    "Europe/Kyiv",
    "Europe/Istanbul",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
];

type Row = Vec<(String, Cb)>;

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

// ---- logging ------------------------------------------------------------------------

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
                (m::CANCEL.into(), Cb::LogCancel),
            ],
        ],
    )
}

/// A "when" button that logs the batch as expressed `min` minutes ago.
fn commit(ml: Ml, place: Place, min: u32) -> (String, Cb) {
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
                (m::CANCEL.into(), Cb::LogCancel),
            ],
        ],
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

// ---- a batch ------------------------------------------------------------------------

/// Where a batch can go from here, by button.
fn moves(place: Place) -> &'static [Place] {
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
pub fn batch_lines(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> String {
    let unit = settings.unit;
    let tz = settings.tz;
    let s = &row.state;
    let amount = m::amount_with_sides(s.amount, row.sides.left, row.sides.right, unit);
    let mut text = match s.status {
        Status::Stored => format!(
            "{} <b>{}</b> {}",
            m::place_emoji(s.place),
            esc(&amount),
            m::in_place(s.place)
        ),
        Status::Used => format!("🍼 <b>{}</b>: used up", row.logged.display(unit)),
        Status::Discarded => format!("🗑 <b>{}</b>: discarded", s.amount.display(unit)),
        Status::Removed => format!("<s>{}</s>: removed", row.logged.display(unit)),
    };
    text.push('\n');
    text.push_str(&m::expressed(s.clocks.expressed_at, now, tz));
    if s.status == Status::Stored {
        let guideline = settings.guideline();
        let deadline = s.deadline(guideline);
        let rule = rules::rule(guideline, s.place);
        if rule.limit == Limit::NoClock {
            text.push('\n');
            text.push_str(&m::thawing_since(s.clocks.place_since, now, tz));
        } else if rule.limit == Limit::Immediately {
            text.push_str(&m::use_straight_away(m::profile_name(rule.source)));
        } else if s.past_best(guideline, now) {
            text.push('\n');
            text.push_str(&m::past_best(deadline, s.safe_until(guideline), now, tz));
        } else if deadline <= now {
            text.push('\n');
            text.push_str(&m::past_its_time(deadline, now, tz));
        } else if s.safe_until(guideline) > deadline {
            text.push_str(&m::best_by(deadline, s.safe_until(guideline), now, tz));
        } else {
            text.push_str(&m::use_by(deadline, now, tz));
        }
        if s.clocks.thawed_at.is_some() || s.place == Place::Thawing {
            text.push('\n');
            text.push_str(m::NO_REFREEZE);
        }
    }
    text
}

/// A batch with its buttons, under a headline saying what just happened.
pub fn batch_card(
    headline: Option<String>,
    row: &BatchRow,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let mut text = headline.map(|h| format!("{h}\n\n")).unwrap_or_default();
    text.push_str(&batch_lines(row, settings, now));
    screen(text, batch_buttons(row))
}

fn batch_buttons(row: &BatchRow) -> Vec<Row> {
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    let stash = (m::TO_STASH.into(), Cb::Stash { page: 0 });
    if row.state.status != Status::Stored {
        return vec![vec![(m::UNDO.into(), b(BatchAct::Undo)), stash]];
    }
    let place = row.state.place;
    let mut rows = chunk(
        moves(place)
            .iter()
            .map(|&to| (m::move_button(place, to), b(BatchAct::Move(to))))
            .collect(),
        2,
    );
    rows.push(vec![
        (m::USED.into(), b(BatchAct::UseMenu)),
        (m::DISCARD.into(), b(BatchAct::DiscardMenu)),
    ]);
    rows.push(vec![
        (m::UNDO.into(), b(BatchAct::Undo)),
        (m::EDIT.into(), b(BatchAct::EditMenu)),
    ]);
    rows.push(vec![stash]);
    rows
}

/// How much was used: all, or a part.
pub fn use_menu(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let unit = settings.unit;
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    let amount = row.state.amount;
    let mut parts: Vec<Ml> = unit.presets().into_iter().filter(|p| *p < amount).collect();
    let half = Ml(amount.get() / 2);
    if half.get() > 0 && !parts.contains(&half) {
        parts.push(half);
        parts.sort();
    }
    let mut rows = vec![vec![(m::used_all(amount, unit), b(BatchAct::Use(None)))]];
    rows.extend(chunk(
        parts
            .into_iter()
            .rev()
            .take(6)
            .map(|p| (m::used_part(p, unit), b(BatchAct::Use(Some(p.get())))))
            .collect(),
        3,
    ));
    if rules::can_move(row.state.place, Place::Leftover) {
        rows.push(vec![(
            m::move_button(row.state.place, Place::Leftover),
            b(BatchAct::LeftoverMenu),
        )]);
    }
    rows.push(vec![(m::BACK.into(), b(BatchAct::Open))]);
    screen(
        format!("{}\n\n{}", batch_lines(row, settings, now), m::USE_PROMPT),
        rows,
    )
}

/// "Baby left some": how much is left in the bottle. What was drunk counts as used.
pub fn leftover_menu(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let unit = settings.unit;
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
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
            .map(|p| (p.display(unit), b(BatchAct::LeftoverAmount(p.get()))))
            .collect(),
        3,
    );
    rows.push(vec![(m::TYPE_IT.into(), b(BatchAct::LeftoverType))]);
    rows.push(vec![(m::BACK.into(), b(BatchAct::UseMenu))]);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(row, settings, now),
            m::LEFTOVER_PROMPT
        ),
        rows,
    )
}

/// "Baby left some" → "Type it": the next text is the amount left.
pub fn leftover_typed(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let back = Cb::Batch {
        id: row.id,
        version: row.version,
        act: BatchAct::LeftoverMenu,
    };
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(row, settings, now),
            m::LEFTOVER_TYPE_PROMPT
        ),
        vec![vec![(m::BACK.into(), back)]],
    )
}

/// Minutes ago the feed may have ended, as offered.
pub const FEED_ENDED: [u32; 4] = [0, 15, 30, 60];

/// "Baby left some", step 2: when the feed ended (the leftover clock starts then).
pub fn leftover_when(row: &BatchRow, left: Ml, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    let label = |min: u32| {
        if min == 0 {
            m::FEED_ENDED_NOW.to_owned()
        } else {
            m::ago_label(min)
        }
    };
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(row, settings, now),
            m::feed_ended_prompt(left, settings.unit)
        ),
        vec![
            FEED_ENDED
                .into_iter()
                .map(|min| (label(min), b(BatchAct::Leftover(left.get(), min))))
                .collect(),
            vec![(m::BACK.into(), b(BatchAct::LeftoverMenu))],
        ],
    )
}

pub fn discard_menu(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    let mut rows = chunk(
        DiscardReason::ALL
            .into_iter()
            .map(|r| (m::reason_label(r).to_owned(), b(BatchAct::Discard(r))))
            .collect(),
        2,
    );
    rows.push(vec![(m::BACK.into(), b(BatchAct::Open))]);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(row, settings, now),
            m::DISCARD_PROMPT
        ),
        rows,
    )
}

pub fn edit_menu(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    screen(
        format!("{}\n\n{}", batch_lines(row, settings, now), m::EDIT_PROMPT),
        vec![
            vec![(m::CHANGE_AMOUNT.into(), b(BatchAct::AmountMenu))],
            vec![(m::CHANGE_TIME.into(), b(BatchAct::TimeMenu))],
            vec![(m::BACK.into(), b(BatchAct::Open))],
        ],
    )
}

/// When it was expressed: a few times by button; any other can be typed.
pub fn time_menu(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    let ago = |min: u32| (m::ago_label(min), b(BatchAct::SetAgo(min)));
    screen(
        format!("{}\n\n{}", batch_lines(row, settings, now), m::TIME_PROMPT),
        vec![
            vec![(m::NOW.into(), b(BatchAct::SetAgo(0))), ago(30), ago(60)],
            vec![ago(120), ago(180), ago(240)],
            vec![(m::BACK.into(), b(BatchAct::EditMenu))],
        ],
    )
}

/// Before an edit that moves the deadline later: the old and the new deadline.
pub fn confirm_time(
    row: &BatchRow,
    at: DateTime<Utc>,
    (old, new): (DateTime<Utc>, DateTime<Utc>),
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    let minute = u32::try_from(at.timestamp().div_euclid(60)).unwrap_or(0);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(row, settings, now),
            m::confirm_later_deadline(old, new, now, settings.tz)
        ),
        vec![
            vec![(m::CONFIRM_CHANGE.into(), b(BatchAct::SetAt(minute)))],
            vec![(m::KEEP_IT.into(), b(BatchAct::Open))],
        ],
    )
}

/// An edited logging message that would give the milk more time: both deadlines, and
/// the correction applies only on "Yes" (and only if the batch is still as it was).
pub fn confirm_relog(
    row: &BatchRow,
    new: &NewBatch,
    (old, later): (DateTime<Utc>, DateTime<Utc>),
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
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
            batch_lines(row, settings, now),
            m::edited_message_seen(new.amount, new.place, settings.unit),
            m::confirm_later_deadline(old, later, now, settings.tz)
        ),
        vec![
            vec![(m::CONFIRM_CHANGE.into(), b(relog))],
            vec![(m::KEEP_IT.into(), b(BatchAct::Open))],
        ],
    )
}

/// "Did you mean ...?" before logging an unusually large amount. With the place known,
/// the buttons log at the time typed (`at`); without, they go on to ask the place.
pub fn implausible_log(
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
        m::implausible_amount(amount, fix, unit),
        vec![
            vec![(fix.display(unit), choice(fix))],
            vec![(m::keep_amount(amount, unit), choice(amount))],
            vec![(m::CANCEL.into(), Cb::LogCancel)],
        ],
    )
}

/// "Did you mean ...?" before changing a batch to an unusually large amount.
pub fn implausible_edit(row: &BatchRow, amount: Ml, fix: Ml, unit: Unit) -> Screen {
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    screen(
        m::implausible_amount(amount, fix, unit),
        vec![
            vec![(fix.display(unit), b(BatchAct::SetAmount(fix.get())))],
            vec![(
                m::keep_amount(amount, unit),
                b(BatchAct::SetAmount(amount.get())),
            )],
            vec![(m::CANCEL.into(), b(BatchAct::Open))],
        ],
    )
}

pub fn amount_menu(row: &BatchRow, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let unit = settings.unit;
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
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
            .map(|a| (a.display(unit), b(BatchAct::SetAmount(a.get()))))
            .collect(),
        3,
    );
    rows.push(vec![(m::BACK.into(), b(BatchAct::EditMenu))]);
    screen(
        format!(
            "{}\n\n{}",
            batch_lines(row, settings, now),
            m::AMOUNT_PROMPT
        ),
        rows,
    )
}

// ---- the stash ----------------------------------------------------------------------

pub fn stash(view: &View, settings: &Settings, now: DateTime<Utc>, page: usize) -> Screen {
    let unit = settings.unit;
    let tz = settings.tz;
    if view.count == 0 {
        return screen(
            m::EMPTY_STASH.into(),
            vec![vec![(m::LOG_BUTTON.into(), Cb::LogStart)]],
        );
    }
    let pages = view.count.div_ceil(PAGE).max(1);
    let page = page.min(pages - 1);
    let mut text = m::stash_header(view.total, view.count, unit);
    if let Some(next) = &view.use_next {
        text.push('\n');
        text.push_str(&m::use_next(next, unit, now, tz));
    }
    if view.expired > 0 {
        text.push('\n');
        text.push_str(&m::expired_count(view.expired));
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
            text.push_str(&m::stash_group(item.place, total, unit));
        }
        text.push('\n');
        text.push_str(&m::stash_line(*number, item, unit, now, tz));
        buttons.push((
            m::stash_button(*number, item, unit),
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
                m::PREV.into(),
                Cb::Stash {
                    page: page as u32 - 1,
                },
            ));
        }
        nav.push((format!("{}/{}", page + 1, pages), Cb::Noop));
        if page + 1 < pages {
            nav.push((
                m::NEXT.into(),
                Cb::Stash {
                    page: page as u32 + 1,
                },
            ));
        }
        rows.push(nav);
    }
    rows.push(vec![(m::LOG_BUTTON.into(), Cb::LogStart)]);
    screen(text, rows)
}

// ---- settings -----------------------------------------------------------------------

pub fn settings(s: &Settings, now: DateTime<Utc>) -> Screen {
    let g = Cb::Settings;
    screen(
        m::settings_summary(s, now),
        vec![
            vec![(
                m::unit_button(s.unit),
                g(SettingsAct::Unit(match s.unit {
                    Unit::Ml => Unit::Oz,
                    Unit::Oz => Unit::Ml,
                })),
            )],
            vec![(m::TIMEZONE_BUTTON.into(), g(SettingsAct::TimezoneMenu))],
            vec![(m::profile_button(s.profile), g(SettingsAct::ProfileMenu))],
            if s.profile.asks_fridge() {
                vec![(m::fridge_button(s.cold_fridge), g(SettingsAct::FridgeMenu))]
            } else {
                Vec::new()
            },
            vec![(m::REMINDERS_BUTTON.into(), g(SettingsAct::RemindersMenu))],
            vec![(
                m::access_button(s.access).into(),
                g(SettingsAct::Access(s.access.next())),
            )],
            vec![(m::CLOSE.into(), g(SettingsAct::Close))],
        ],
    )
}

pub fn reminders_menu(s: &Settings) -> Screen {
    use crate::domain::settings::{LeadClass, QUIET_PRESETS};
    let g = Cb::Settings;
    let mut rows: Vec<Row> = LeadClass::ALL
        .into_iter()
        .map(|class| {
            let current = s.leads.get(class);
            class
                .choices()
                .into_iter()
                .map(|min| {
                    let mark = if min == current { "✓ " } else { "" };
                    (
                        format!(
                            "{mark}{}: {}",
                            m::lead_class_name(class),
                            m::lead_label(min)
                        ),
                        g(SettingsAct::Lead(class, min)),
                    )
                })
                .collect()
        })
        .collect();
    let current_quiet = s.quiet.map(|q| (q.start, q.end));
    rows.extend(chunk(
        QUIET_PRESETS
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let mark = if *q == current_quiet { "✓ " } else { "" };
                (
                    format!("{mark}{}", m::quiet_label(*q)),
                    g(SettingsAct::Quiet(i as u8)),
                )
            })
            .collect(),
        2,
    ));
    rows.push(vec![(
        m::morning_button(s.morning_digest).into(),
        g(SettingsAct::Morning(!s.morning_digest)),
    )]);
    rows.extend(chunk(
        LOW_STASH_CHOICES
            .iter()
            .map(|d| {
                (
                    m::low_stash_button(s.low_stash_days, *d),
                    g(SettingsAct::LowStash(d.unwrap_or(0) as u8)),
                )
            })
            .collect(),
        2,
    ));
    rows.push(vec![(
        m::weekly_button(s.weekly_summary).into(),
        g(SettingsAct::Weekly(!s.weekly_summary)),
    )]);
    rows.push(vec![(m::BACK.into(), g(SettingsAct::Show))]);
    screen(m::reminders_summary(s), rows)
}

/// The optional morning summary: what expires today and tomorrow, totals per place.
pub fn morning(view: &View, settings: &Settings, now: DateTime<Utc>) -> Screen {
    screen(
        m::morning_summary(view, settings.unit, now, settings.tz),
        vec![vec![(m::TO_STASH.into(), Cb::Stash { page: 0 })]],
    )
}

pub fn timezone_menu(s: &Settings) -> Screen {
    let buttons = COMMON_TIMEZONES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let label = name.rsplit('/').next().unwrap_or(name).replace('_', " ");
            let mark = if *name == s.tz.name() { "✓ " } else { "" };
            (
                format!("{mark}{label}"),
                Cb::Settings(SettingsAct::Timezone(i as u16)),
            )
        })
        .collect();
    let mut rows = chunk(buttons, 3);
    rows.push(vec![(m::BACK.into(), Cb::Settings(SettingsAct::Show))]);
    screen(
        m::timezone_prompt(&crate::domain::settings::zone_label(s.tz)),
        rows,
    )
}

/// The timezones offered for a shared location, one big button each with the time it
/// is there now, so the parent taps the one that matches their clock.
pub fn zone_choices(zones: &[chrono_tz::Tz], now: DateTime<Utc>) -> Screen {
    if zones.is_empty() {
        return Screen::text(m::LOCATION_NO_ZONE);
    }
    let mut rows = zone_rows(zones, now);
    rows.push(vec![(
        m::OTHER_ZONE.into(),
        Cb::Settings(SettingsAct::TimezoneMenu),
    )]);
    screen(m::LOCATION_ZONES.into(), rows)
}

/// One button per zone: its city and the time it is there now.
fn zone_rows(zones: &[chrono_tz::Tz], now: DateTime<Utc>) -> Vec<Row> {
    zones
        .iter()
        .map(|tz| {
            let city = tz
                .name()
                .rsplit('/')
                .next()
                .unwrap_or(tz.name())
                .replace('_', " ");
            let label = format!("{city} · {}", now.with_timezone(tz).format("%H:%M"));
            vec![(label, Cb::Settings(SettingsAct::Zone(*tz)))]
        })
        .collect()
}

/// The first-contact question: the zones the parent's Telegram language suggests (each
/// with the time it is there now), more zones, a shared location (private chats only:
/// Telegram's location button does not work in groups), or a typed city.
pub fn zone_question(
    suggested: &[chrono_tz::Tz],
    s: &Settings,
    now: DateTime<Utc>,
    in_group: bool,
) -> Screen {
    let g = Cb::Settings;
    let mut rows = zone_rows(suggested, now);
    rows.push(vec![(m::MORE_ZONES.into(), g(SettingsAct::TimezoneMenu))]);
    let mut last = vec![(m::TYPE_CITY.into(), g(SettingsAct::AskCity))];
    if !in_group {
        last.insert(0, (m::SHARE_LOCATION.into(), g(SettingsAct::AskLocation)));
    }
    rows.push(last);
    screen(
        m::zone_question(&crate::domain::settings::zone_label(s.tz)),
        rows,
    )
}

/// The reply to a typed log: the batch card, a note when a typed clock time fell in a
/// daylight-saving change, and, until the family picks a timezone, which one the times
/// were read in with a button to fix it.
pub fn logged_card(
    headline: String,
    row: &BatchRow,
    settings: &Settings,
    now: DateTime<Utc>,
    clock_note: Option<String>,
) -> Screen {
    let mut text = format!("{headline}\n\n{}", batch_lines(row, settings, now));
    let mut rows = batch_buttons(row);
    if let Some(note) = clock_note {
        text.push_str("\n\n");
        text.push_str(&note);
    }
    if !settings.tz_chosen {
        text.push_str("\n\n");
        text.push_str(&m::zone_assumed(&crate::domain::settings::zone_label(
            settings.tz,
        )));
        rows.push(vec![(
            m::SET_ZONE_BUTTON.into(),
            Cb::Settings(SettingsAct::ZoneQuestion),
        )]);
    }
    screen(text, rows)
}

/// A reply keyboard with a button that shares the location (private chats only), under
/// the usual big buttons so nothing is lost after it.
pub fn ask_location() -> Screen {
    use teloxide::types::{KeyboardButton, KeyboardMarkup};
    let main = super::keyboards::main_keyboard();
    let mut rows = vec![vec![
        KeyboardButton::new(m::SEND_LOCATION).request(teloxide::types::ButtonRequest::Location),
    ]];
    rows.extend(main.keyboard);
    Screen::text(m::ASK_LOCATION).with(KeyboardMarkup::new(rows).resize_keyboard().persistent())
}

/// "Is your fridge at 4 °C or colder?", asked when a guideline that depends on it is
/// chosen, and from the settings.
pub fn fridge_menu(s: &Settings) -> Screen {
    let mark = |answer: bool| {
        if s.cold_fridge == Some(answer) {
            "✓ "
        } else {
            ""
        }
    };
    screen(
        m::FRIDGE_PROMPT.into(),
        vec![
            vec![(
                format!("{}{}", mark(true), m::FRIDGE_COLD),
                Cb::Settings(SettingsAct::Fridge(true)),
            )],
            vec![(
                format!("{}{}", mark(false), m::FRIDGE_WARM),
                Cb::Settings(SettingsAct::Fridge(false)),
            )],
            vec![(m::BACK.into(), Cb::Settings(SettingsAct::Show))],
        ],
    )
}

pub fn profile_menu(s: &Settings) -> Screen {
    let mut rows: Vec<Row> = Profile::ALL
        .into_iter()
        .map(|p| {
            let mark = if p == s.profile { "✓ " } else { "" };
            vec![(
                format!("{mark}{}", m::profile_name(p)),
                Cb::Settings(SettingsAct::Profile(p)),
            )]
        })
        .collect();
    rows.push(vec![(m::BACK.into(), Cb::Settings(SettingsAct::Show))]);
    screen(m::profile_prompt(), rows)
}

// ---- reminders ----------------------------------------------------------------------

/// One batch a reminder (or a digest line) is about.
pub struct Reminded<'a> {
    pub kind: &'a str,
    /// Where the batch was when the reminder was written.
    pub place: Place,
    pub batch: &'a BatchRow,
}

impl Reminded<'_> {
    /// Still needs attention: stored, and where the reminder found it.
    fn open(&self) -> bool {
        self.batch.state.status == Status::Stored && self.batch.state.place == self.place
    }
}

fn reminder_buttons(r: &Reminded<'_>, settings: &Settings, now: DateTime<Utc>) -> Vec<Row> {
    let row = r.batch;
    let b = |act: BatchAct| Cb::Batch {
        id: row.id,
        version: row.version,
        act,
    };
    let place = row.state.place;
    let guideline = settings.guideline();
    if r.kind == "deadline" || row.state.is_expired(guideline, now) {
        return vec![vec![
            (
                m::DISCARD_NOW.into(),
                b(BatchAct::Discard(DiscardReason::Expired)),
            ),
            (m::USED.into(), b(BatchAct::UseMenu)),
        ]];
    }
    let mut rows = chunk(
        moves(place)
            .iter()
            .take(2)
            .map(|&to| (m::move_button(place, to), b(BatchAct::Move(to))))
            .collect(),
        2,
    );
    rows.push(vec![
        (m::USED.into(), b(BatchAct::UseMenu)),
        (m::DISCARD.into(), b(BatchAct::DiscardMenu)),
    ]);
    let deadline = row.state.safe_until(guideline);
    let mut snooze = Vec::new();
    if deadline - now > chrono::Duration::minutes(90) {
        snooze.push((m::SNOOZE_HOUR.into(), b(BatchAct::Snooze(Some(60)))));
    }
    let morning = crate::domain::reminders::snooze_until(settings, now, None);
    if deadline - morning >= chrono::Duration::hours(1) {
        snooze.push((m::SNOOZE_MORNING.into(), b(BatchAct::Snooze(None))));
    }
    rows.push(snooze);
    rows
}

/// A reminder about one batch, with the buttons that resolve it.
pub fn reminder(r: &Reminded<'_>, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let s = &r.batch.state;
    let guideline = settings.guideline();
    let text = m::reminder(
        r.kind,
        s,
        (s.deadline(guideline), s.safe_until(guideline)),
        settings.unit,
        now,
        settings.tz,
    );
    screen(text, reminder_buttons(r, settings, now))
}

/// Most batches one digest lists with buttons; the rest are counted.
pub const DIGEST_MAX: usize = 10;

/// Several reminders folded into one message, each batch with its own buttons. Batches
/// already dealt with show what happened to them.
pub fn digest(
    items: &[Reminded<'_>],
    headline: Option<String>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let unit = settings.unit;
    let mut text = headline.map(|h| format!("{h}\n\n")).unwrap_or_default();
    text.push_str(&m::digest_header(items.len()));
    let mut rows: Vec<Row> = Vec::new();
    for (i, r) in items.iter().enumerate().take(DIGEST_MAX) {
        let number = i + 1;
        let s = &r.batch.state;
        text.push('\n');
        if !r.open() {
            let what = match s.status {
                Status::Used => "used".to_owned(),
                Status::Discarded => "discarded".to_owned(),
                Status::Removed => "removed".to_owned(),
                Status::Stored => format!("now {}", m::in_place(s.place)),
            };
            text.push_str(&m::digest_done_line(number, r.batch.logged, &what, unit));
            continue;
        }
        text.push_str(&m::digest_line(
            number,
            s.amount,
            s.place,
            s.deadline(settings.guideline()),
            unit,
            now,
        ));
        let numbered: Row = reminder_buttons(r, settings, now)
            .into_iter()
            .flatten()
            .filter(|(_, cb)| {
                !matches!(
                    cb,
                    Cb::Batch {
                        act: BatchAct::Snooze(_) | BatchAct::DiscardMenu,
                        ..
                    }
                )
            })
            .take(3)
            .map(|(label, cb)| (format!("{number} · {label}"), cb))
            .collect();
        rows.push(numbered);
    }
    if items.len() > DIGEST_MAX {
        text.push_str(&format!(
            "\n…and {} more in the stash.",
            items.len() - DIGEST_MAX
        ));
    }
    rows.push(vec![(m::TO_STASH.into(), Cb::Stash { page: 0 })]);
    screen(text, rows)
}

// ---- guidance -----------------------------------------------------------------------

use crate::domain::faq::{Faq, Reply, Topic, Verdict};
use crate::domain::steps;

fn topic_button(topic: &Topic) -> (String, Cb) {
    (topic.title.clone(), Cb::FaqTopic(topic.id.clone()))
}

/// The answer to a typed question: a topic, or "not sure" with suggestions, or the menu.
pub fn faq_reply(faq: &Faq, reply: &Reply<'_>, settings: &Settings) -> Screen {
    match (reply.verdict, reply.topic) {
        (Verdict::Answer | Verdict::RedFlag, Some(topic)) => faq_topic(faq, topic, settings),
        (Verdict::NotSure, _) if !reply.alternatives.is_empty() => {
            let mut rows: Vec<Row> = reply
                .alternatives
                .iter()
                .map(|t| vec![topic_button(t)])
                .collect();
            rows.push(vec![(m::TOPICS_BUTTON.into(), Cb::FaqMenu)]);
            screen(m::NOT_SURE.into(), rows)
        }
        _ => {
            let mut menu = faq_menu(faq);
            menu.text = m::OUT_OF_SCOPE.into();
            menu
        }
    }
}

/// One topic's answer, with a way back to its category.
pub fn faq_topic(faq: &Faq, topic: &Topic, settings: &Settings) -> Screen {
    let category = faq
        .categories()
        .iter()
        .position(|c| c.id == topic.category)
        .unwrap_or(0);
    let mut rows = vec![vec![
        (m::BACK.into(), Cb::FaqCategory(category as u8)),
        (m::TOPICS_BUTTON.into(), Cb::FaqMenu),
    ]];
    if topic.category == "hand-expression" {
        rows.insert(0, vec![(m::WALKTHROUGH_BUTTON.into(), Cb::Step(0))]);
    }
    screen(m::faq_answer(topic, Some(settings.guideline())), rows)
}

pub fn faq_menu(faq: &Faq) -> Screen {
    let buttons = faq
        .categories()
        .iter()
        .enumerate()
        .map(|(i, c)| (format!("{} {}", c.emoji, c.title), Cb::FaqCategory(i as u8)))
        .collect();
    screen(m::FAQ_MENU.into(), chunk(buttons, 2))
}

pub fn faq_category(faq: &Faq, index: usize) -> Option<Screen> {
    let category = faq.categories().get(index)?;
    let mut rows: Vec<Row> = faq
        .in_category(&category.id)
        .into_iter()
        .map(|t| vec![topic_button(t)])
        .collect();
    rows.push(vec![(m::BACK.into(), Cb::FaqMenu)]);
    Some(screen(
        m::faq_category(&category.emoji, &category.title),
        rows,
    ))
}

/// Minutes offered on the "switch sides" step.
pub const SWITCH_MINUTES: [u8; 2] = [3, 5];

/// Step `index` of the walkthrough (clamped to the last step).
pub fn walkthrough(index: usize) -> Screen {
    let all = steps::steps();
    let total = all.len();
    let index = index.min(total.saturating_sub(1));
    let Some(step) = all.get(index) else {
        return Screen::text(m::STEPS_DONE);
    };
    let mut rows = Vec::new();
    if step.switch_sides {
        rows.push(
            SWITCH_MINUTES
                .iter()
                .map(|&min| (m::switch_button(min), Cb::SwitchSides(min)))
                .collect(),
        );
    }
    let mut nav = Vec::new();
    if index > 0 {
        nav.push((m::BACK.into(), Cb::Step(index as u8 - 1)));
    }
    if index + 1 < total {
        nav.push((m::NEXT_STEP.into(), Cb::Step(index as u8 + 1)));
    }
    rows.push(nav);
    rows.push(vec![(m::DONE.into(), Cb::StepsDone)]);
    screen(m::step(index + 1, total, &step.title, &step.text), rows)
}

/// Renders a chart off the async threads (it takes a few milliseconds of CPU).
pub async fn chart(input: crate::chart::ChartInput) -> Result<Vec<u8>, String> {
    tokio::task::spawn_blocking(move || crate::chart::render(&input))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())
}
