//! Settings: the summary, timezone, guideline and fridge questions.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{Lang, Ml, Unit};

use super::*;

pub fn settings_summary(
    lang: Lang,
    s: &crate::domain::settings::Settings,
    now: DateTime<Utc>,
) -> String {
    let example = Ml(120);
    let mut text = t!(
        lang,
        "settings-summary",
        unit = tr(
            lang,
            match s.unit {
                Unit::Ml => "unit-ml",
                Unit::Oz => "unit-oz",
            }
        ),
        ml = amount(lang, example, Unit::Ml),
        oz = amount(lang, example, Unit::Oz),
        zone = esc(&crate::domain::settings::zone_label(s.tz)),
        now = now.with_timezone(&s.tz).format("%H:%M").to_string(),
        guideline = profile_name(lang, s.profile)
    );
    if s.profile.asks_fridge() {
        text.push('\n');
        text.push_str(&t!(
            lang,
            "settings-fridge",
            answer = fridge_answer(lang, s.cold_fridge)
        ));
    }
    text
}

/// A language's own name, the same in every language (a person finds theirs even in a
/// menu they cannot read).
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Es => "Español",
        Lang::Ru => "Русский",
    }
}

/// /language: which language to speak in this chat.
pub fn language_question(lang: Lang, in_group: bool) -> String {
    if in_group {
        t!(lang, "language-question-group")
    } else {
        t!(lang, "language-question")
    }
}

/// The settings button that opens the language menu.
pub fn language_button(lang: Lang) -> String {
    t!(lang, "language-button", name = language_name(lang))
}

/// Said in the language just chosen.
pub fn language_set(lang: Lang) -> String {
    t!(lang, "language-set")
}

/// Sent with the reply keyboard in the new language.
pub fn language_keyboard(lang: Lang) -> String {
    t!(lang, "language-keyboard")
}

pub fn timezone_prompt(lang: Lang, current: &str) -> String {
    t!(lang, "timezone-prompt", zone = esc(current))
}

/// The first-contact question (private chats, until a timezone is chosen).
pub fn zone_question(lang: Lang, current: &str) -> String {
    t!(lang, "zone-question", zone = esc(current))
}

words! {
    more_zones => "more-zones",
    share_location => "share-location",
    type_city => "type-city",
    send_location => "send-location",
    ask_location => "ask-location",
    /// After "Type a city": the next text is read as the city.
    ask_city => "ask-city",
    /// The same in a group, where the bot only reads replies to it.
    ask_city_group => "ask-city-group",
    set_zone_button => "set-zone-button",
    location_zones => "location-zones",
    other_zone => "other-zone",
    location_no_zone => "location-no-zone",
    fridge_prompt => "fridge-prompt",
    fridge_cold => "fridge-cold",
    fridge_warm => "fridge-warm",
    settings_closed => "settings-closed",
}

/// Under a typed log while no timezone is chosen: which one the times were read in.
pub fn zone_assumed(lang: Lang, current: &str) -> String {
    t!(
        lang,
        "zone-assumed",
        zone = esc(current),
        button = set_zone_button(lang)
    )
}

/// A typed clock time fell in a daylight-saving change: how it was read.
pub fn clock_note(
    lang: Lang,
    note: crate::domain::shortcut::ClockNote,
    typed: &str,
    zone: &str,
    read: &str,
) -> String {
    use crate::domain::shortcut::ClockNote;
    match note {
        ClockNote::Skipped => t!(
            lang,
            "clock-skipped",
            typed = typed,
            zone = esc(zone),
            read = read
        ),
        ClockNote::Twice => t!(lang, "clock-twice", typed = typed, zone = esc(zone)),
    }
}

/// A photo, sticker or video in a private chat.
pub fn only_text(lang: Lang) -> String {
    t!(lang, "only-text")
}

pub fn timezone_set(lang: Lang, name: &str, now: DateTime<Utc>, tz: Tz) -> String {
    t!(
        lang,
        "timezone-set",
        zone = esc(name),
        now = now.with_timezone(&tz).format("%H:%M").to_string()
    )
}

/// The family's timezone or guideline changed: said in its group, with who and from → to.
pub fn settings_changed(
    lang: Lang,
    who: &str,
    change: crate::domain::settings::Announced,
    now: DateTime<Utc>,
) -> String {
    use crate::domain::settings::{Announced, zone_label};
    match change {
        Announced::Timezone { from, to } => t!(
            lang,
            "timezone-changed",
            who = esc(who),
            from = esc(&zone_label(from)),
            to = esc(&zone_label(to)),
            now = now.with_timezone(&to).format("%H:%M").to_string()
        ),
        Announced::Guideline { from, to } => t!(
            lang,
            "guideline-changed",
            who = esc(who),
            from = profile_name(lang, from),
            to = profile_name(lang, to)
        ),
    }
}

pub fn timezone_unknown(lang: Lang, text: &str) -> String {
    t!(lang, "timezone-unknown", text = esc(text))
}

pub fn profile_prompt(lang: Lang) -> String {
    t!(lang, "profile-prompt")
}

/// The fridge answer, as the settings screen shows it.
pub fn fridge_answer(lang: Lang, cold: Option<bool>) -> String {
    tr(
        lang,
        match cold {
            Some(true) => "fridge-answer-cold",
            Some(false) => "fridge-answer-warm",
            None => "fridge-answer-unknown",
        },
    )
}

pub fn fridge_button(lang: Lang, cold: Option<bool>) -> String {
    t!(lang, "fridge-button", answer = fridge_answer(lang, cold))
}
