//! Settings: the summary, reminders, timezone, guideline and fridge screens.

use chrono::{DateTime, Utc};

use crate::domain::rules::Profile;
use crate::domain::settings::Settings;
use crate::domain::stash::View;
use crate::domain::{Lang, Unit};
use crate::messages as m;
use crate::storage::BatchRow;
use crate::telegram::button_data::{Cb, SettingsAct};
use crate::telegram::send::Screen;

use super::*;

/// Low-stash thresholds offered, in days of frozen supply (None: off).
pub const LOW_STASH_CHOICES: [Option<u32>; 4] = [None, Some(3), Some(7), Some(14)];

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

pub fn settings(lang: Lang, s: &Settings, now: DateTime<Utc>) -> Screen {
    let g = Cb::Settings;
    screen(
        m::settings_summary(lang, s, now),
        vec![
            vec![(m::language_button(lang), g(SettingsAct::LanguageMenu))],
            vec![(
                m::unit_button(lang, s.unit),
                g(SettingsAct::Unit(match s.unit {
                    Unit::Ml => Unit::Oz,
                    Unit::Oz => Unit::Ml,
                })),
            )],
            vec![(m::timezone_button(lang), g(SettingsAct::TimezoneMenu))],
            vec![(
                m::profile_button(lang, s.profile),
                g(SettingsAct::ProfileMenu),
            )],
            if s.profile.asks_fridge() {
                vec![(
                    m::fridge_button(lang, s.cold_fridge),
                    g(SettingsAct::FridgeMenu),
                )]
            } else {
                Vec::new()
            },
            vec![(m::reminders_button(lang), g(SettingsAct::RemindersMenu))],
            vec![(
                m::access_button(lang, s.access),
                g(SettingsAct::Access(s.access.next())),
            )],
            vec![(m::close(lang), g(SettingsAct::Close))],
        ],
    )
}

/// The languages, each by its own name; from the settings with a way back.
pub fn language_menu(lang: Lang, in_group: bool, from_settings: bool) -> Screen {
    let g = Cb::Settings;
    let mut rows: Vec<Row> = vec![
        Lang::ALL
            .iter()
            .map(|l| {
                (
                    m::language_name(*l).to_owned(),
                    g(SettingsAct::Language(*l)),
                )
            })
            .collect(),
    ];
    if from_settings {
        rows.push(vec![(m::back(lang), g(SettingsAct::Show))]);
    }
    screen(m::language_question(lang, in_group), rows)
}

pub fn reminders_menu(lang: Lang, s: &Settings) -> Screen {
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
                            m::lead_class_name(lang, class),
                            m::lead_label(lang, min)
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
                    format!("{mark}{}", m::quiet_label(lang, *q)),
                    g(SettingsAct::Quiet(i as u8)),
                )
            })
            .collect(),
        2,
    ));
    rows.push(vec![(
        m::morning_button(lang, s.morning_digest),
        g(SettingsAct::Morning(!s.morning_digest)),
    )]);
    rows.extend(chunk(
        LOW_STASH_CHOICES
            .iter()
            .map(|d| {
                (
                    m::low_stash_button(lang, s.low_stash_days, *d),
                    g(SettingsAct::LowStash(d.unwrap_or(0) as u8)),
                )
            })
            .collect(),
        2,
    ));
    rows.push(vec![(
        m::weekly_button(lang, s.weekly_summary),
        g(SettingsAct::Weekly(!s.weekly_summary)),
    )]);
    rows.push(vec![(m::back(lang), g(SettingsAct::Show))]);
    screen(m::reminders_summary(lang, s), rows)
}

/// The optional morning summary: what expires today and tomorrow, totals per place.
pub fn morning(lang: Lang, view: &View, settings: &Settings, now: DateTime<Utc>) -> Screen {
    screen(
        m::morning_summary(lang, view, settings.unit, now, settings.tz),
        vec![vec![(m::to_stash(lang), Cb::Stash { page: 0 })]],
    )
}

pub fn timezone_menu(lang: Lang, s: &Settings) -> Screen {
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
    rows.push(vec![(m::back(lang), Cb::Settings(SettingsAct::Show))]);
    screen(
        m::timezone_prompt(lang, &crate::domain::settings::zone_label(s.tz)),
        rows,
    )
}

/// The timezones offered for a shared location, one big button each with the time it
/// is there now, so the parent taps the one that matches their clock.
pub fn zone_choices(lang: Lang, zones: &[chrono_tz::Tz], now: DateTime<Utc>) -> Screen {
    if zones.is_empty() {
        return Screen::text(m::location_no_zone(lang));
    }
    let mut rows = zone_rows(zones, now);
    rows.push(vec![(
        m::other_zone(lang),
        Cb::Settings(SettingsAct::TimezoneMenu),
    )]);
    screen(m::location_zones(lang), rows)
}

/// One button per zone: its city and the time it is there now.
pub(super) fn zone_rows(zones: &[chrono_tz::Tz], now: DateTime<Utc>) -> Vec<Row> {
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
    lang: Lang,
    suggested: &[chrono_tz::Tz],
    s: &Settings,
    now: DateTime<Utc>,
    in_group: bool,
) -> Screen {
    let g = Cb::Settings;
    let mut rows = zone_rows(suggested, now);
    rows.push(vec![(m::more_zones(lang), g(SettingsAct::TimezoneMenu))]);
    let mut last = vec![(m::type_city(lang), g(SettingsAct::AskCity))];
    if !in_group {
        last.insert(0, (m::share_location(lang), g(SettingsAct::AskLocation)));
    }
    rows.push(last);
    screen(
        m::zone_question(lang, &crate::domain::settings::zone_label(s.tz)),
        rows,
    )
}

/// The reply to a typed log: the batch card, a note when a typed clock time fell in a
/// daylight-saving change, and, until the family picks a timezone, which one the times
/// were read in with a button to fix it.
pub fn logged_card(
    lang: Lang,
    headline: String,
    row: &BatchRow,
    settings: &Settings,
    now: DateTime<Utc>,
    clock_note: Option<String>,
) -> Screen {
    let mut text = format!("{headline}\n\n{}", batch_lines(lang, row, settings, now));
    let mut rows = batch_buttons(lang, row);
    if let Some(note) = clock_note {
        text.push_str("\n\n");
        text.push_str(&note);
    }
    if !settings.tz_chosen {
        text.push_str("\n\n");
        text.push_str(&m::zone_assumed(
            lang,
            &crate::domain::settings::zone_label(settings.tz),
        ));
        rows.push(vec![(
            m::set_zone_button(lang),
            Cb::Settings(SettingsAct::ZoneQuestion),
        )]);
    }
    screen(text, rows)
}

/// A reply keyboard with a button that shares the location (private chats only), under
/// the usual big buttons so nothing is lost after it.
pub fn ask_location(lang: Lang) -> Screen {
    use teloxide::types::{KeyboardButton, KeyboardMarkup};
    let main = crate::telegram::keyboards::main_keyboard(lang);
    let mut rows = vec![vec![
        KeyboardButton::new(m::send_location(lang))
            .request(teloxide::types::ButtonRequest::Location),
    ]];
    rows.extend(main.keyboard);
    Screen::text(m::ask_location(lang))
        .with(KeyboardMarkup::new(rows).resize_keyboard().persistent())
}

/// "Is your fridge at 4 °C or colder?", asked when a guideline that depends on it is
/// chosen, and from the settings.
pub fn fridge_menu(lang: Lang, s: &Settings) -> Screen {
    let mark = |answer: bool| {
        if s.cold_fridge == Some(answer) {
            "✓ "
        } else {
            ""
        }
    };
    screen(
        m::fridge_prompt(lang),
        vec![
            vec![(
                format!("{}{}", mark(true), m::fridge_cold(lang)),
                Cb::Settings(SettingsAct::Fridge(true)),
            )],
            vec![(
                format!("{}{}", mark(false), m::fridge_warm(lang)),
                Cb::Settings(SettingsAct::Fridge(false)),
            )],
            vec![(m::back(lang), Cb::Settings(SettingsAct::Show))],
        ],
    )
}

pub fn profile_menu(lang: Lang, s: &Settings) -> Screen {
    let mut rows: Vec<Row> = Profile::ALL
        .into_iter()
        .map(|p| {
            let mark = if p == s.profile { "✓ " } else { "" };
            vec![(
                format!("{mark}{}", m::profile_name(lang, p)),
                Cb::Settings(SettingsAct::Profile(p)),
            )]
        })
        .collect();
    rows.push(vec![(m::back(lang), Cb::Settings(SettingsAct::Show))]);
    screen(m::profile_prompt(lang), rows)
}
