//! Settings: the summary, timezone, guideline and fridge questions.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::{Lang, Ml, Unit};

use super::*;

pub fn settings_summary(s: &crate::domain::settings::Settings, now: DateTime<Utc>) -> String {
    let local = now.with_timezone(&s.tz).format("%H:%M");
    let example = Ml(120);
    format!(
        "⚙️ <b>Settings</b>\n\
         Unit: {} (e.g. {} = {})\n\
         Timezone: {} (it's {local} there now)\n\
         Guideline: {}{}",
        s.unit,
        example.display(Unit::Ml),
        example.display(Unit::Oz),
        esc(&crate::domain::settings::zone_label(s.tz)),
        profile_name(Lang::En, s.profile),
        if s.profile.asks_fridge() {
            format!("\nFridge: {}", fridge_answer(s.cold_fridge))
        } else {
            String::new()
        },
    )
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

pub fn timezone_prompt(current: &str) -> String {
    format!(
        "🕑 Your timezone is <b>{}</b>. Pick yours, share your location (📎 → Location), \
         or send <code>/timezone</code> with a city or an offset, e.g. \
         <code>/timezone Berlin</code> or <code>/timezone UTC+3</code>.",
        esc(current)
    )
}

/// The first-contact question (private chats, until a timezone is chosen).
pub fn zone_question(current: &str) -> String {
    format!(
        "🕑 One thing first: which timezone are you in? Every deadline and reminder uses it. \
         Until you choose, I use <b>{}</b>.",
        esc(current)
    )
}

pub const MORE_ZONES: &str = "🌍 Other zones";
pub const SHARE_LOCATION: &str = "📍 Share location";
pub const TYPE_CITY: &str = "⌨️ Type a city";
pub const SEND_LOCATION: &str = "📍 Send my location";
pub const ASK_LOCATION: &str = "Tap <b>📍 Send my location</b> below. I only use it to suggest \
     timezones; the location itself isn't stored.";
/// After "Type a city": the next text is read as the city.
pub const ASK_CITY: &str = "Type your city, for example <code>Lisbon</code>, or an offset \
     such as <code>UTC+3</code>. (<code>/timezone Lisbon</code> works any time too.)";
/// The same in a group, where the bot only reads replies to it.
pub const ASK_CITY_GROUP: &str = "Reply to this message with your city, for example \
     <code>Lisbon</code>, or an offset such as <code>UTC+3</code>. (<code>/timezone Lisbon</code> \
     works any time too.)";
pub const SET_ZONE_BUTTON: &str = "🕑 Set my timezone";

/// Under a typed log while no timezone is chosen: which one the times were read in.
pub fn zone_assumed(current: &str) -> String {
    format!(
        "🕑 I read times in <b>{}</b> because your timezone isn't set yet. Not right? Tap \
         <b>{SET_ZONE_BUTTON}</b>.",
        esc(current)
    )
}

/// A typed clock time fell in a daylight-saving change: how it was read.
pub fn clock_note(
    note: crate::domain::shortcut::ClockNote,
    typed: &str,
    zone: &str,
    read: &str,
) -> String {
    use crate::domain::shortcut::ClockNote;
    match note {
        ClockNote::Skipped => format!(
            "🕑 The clocks went forward that night, so {typed} didn't happen in {}. I counted \
             from the earliest it could mean, {read}, so no deadline runs late.",
            esc(zone)
        ),
        ClockNote::Twice => format!(
            "🕑 The clocks went back that night, so {typed} happened twice in {}. I counted \
             from the first one, so no deadline runs late.",
            esc(zone)
        ),
    }
}

/// A photo, sticker or video in a private chat.
pub fn only_text(lang: Lang) -> String {
    t!(lang, "only-text")
}

pub const LOCATION_ZONES: &str = "📍 Thanks! Which of these shows your time right now?";
pub const OTHER_ZONE: &str = "None of these…";
pub const LOCATION_NO_ZONE: &str = "I couldn't place that location. Send <code>/timezone</code> with your city instead, e.g. <code>/timezone Berlin</code>.";

pub fn timezone_set(name: &str, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "🕑 Timezone set to <b>{}</b>. It's {} there now.",
        esc(name),
        now.with_timezone(&tz).format("%H:%M")
    )
}

/// The family's timezone or guideline changed: said in its group, with who and from → to.
pub fn settings_changed(
    who: &str,
    change: crate::domain::settings::Announced,
    now: DateTime<Utc>,
) -> String {
    use crate::domain::settings::{Announced, zone_label};
    match change {
        Announced::Timezone { from, to } => format!(
            "🕑 {} changed the timezone from <b>{}</b> to <b>{}</b> (it's {} there now). \
             Times and reminders follow the new one.",
            esc(who),
            esc(&zone_label(from)),
            esc(&zone_label(to)),
            now.with_timezone(&to).format("%H:%M")
        ),
        Announced::Guideline { from, to } => format!(
            "📋 {} changed the storage guideline from <b>{}</b> to <b>{}</b>. \
             Deadlines and reminders follow the new one.",
            esc(who),
            profile_name(Lang::En, from),
            profile_name(Lang::En, to)
        ),
    }
}

pub fn timezone_unknown(text: &str) -> String {
    format!(
        "I couldn't find a timezone called \"{}\". Try a city (<code>/timezone Berlin</code>), \
         an area name (<code>/timezone Europe/Berlin</code>) or an offset (<code>/timezone UTC+1</code>).",
        esc(text)
    )
}

pub fn profile_prompt() -> String {
    "📋 <b>Which guideline should I follow?</b>\n\
     • CDC (US): fridge 4 days, freezer 6 months best (12 acceptable)\n\
     • NHS (UK): fridge 8 days at 4 °C or colder (3 days if warmer or not sure), freezer \
     6 months, thawed milk straight away\n\
     • ABM protocol: fridge 4 days, freezer 6 months best (12 acceptable)\n\
     • La Leche League: fridge 3 days, freezer 6 months best (12 acceptable)\n\
     • Strictest of all: the shortest time any of them gives\n\
     Deadlines and reminders follow your choice."
        .into()
}

pub const FRIDGE_PROMPT: &str = "🌡 <b>How cold is your fridge?</b>\n\
     The NHS keeps milk 8 days in a fridge at 4 °C or colder, and 3 days when it's warmer \
     or you're not sure. A fridge thermometer at the back of a middle shelf tells you.";
pub const FRIDGE_COLD: &str = "🧊 4 °C or colder";
pub const FRIDGE_WARM: &str = "🌡 Warmer or not sure";

/// The fridge answer, as the settings screen shows it.
pub fn fridge_answer(cold: Option<bool>) -> &'static str {
    match cold {
        Some(true) => "4 °C or colder",
        Some(false) => "warmer than 4 °C or not sure",
        None => "not asked yet (counted as not sure)",
    }
}

pub fn fridge_button(cold: Option<bool>) -> String {
    format!("🌡 Fridge: {}", fridge_answer(cold))
}

pub const SETTINGS_CLOSED: &str = "⚙️ Settings saved.";
