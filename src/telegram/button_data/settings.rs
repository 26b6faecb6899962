//! Button data for the settings screens.

use super::values::flag;
use super::values::num;
use crate::domain::settings::LeadClass;
use crate::domain::{Lang, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsAct {
    Show,
    /// Set values, not toggles: pressing twice (or a redelivered press) changes nothing.
    Unit(Unit),
    TimezoneMenu,
    /// Index into the list of common timezones.
    Timezone(u16),
    /// A timezone offered for a shared location, by its IANA name.
    Zone(chrono_tz::Tz),
    /// Ask which timezone (in a new message), as on first contact.
    ZoneQuestion,
    /// Offer a button that shares the location, to suggest zones near it.
    AskLocation,
    /// Say how to type a city.
    AskCity,
    ProfileMenu,
    Profile(crate::domain::Profile),
    /// "Is your fridge at 4 °C or colder?"
    FridgeMenu,
    /// The answer: at 4 °C or colder (true), or warmer or not sure.
    Fridge(bool),
    RemindersMenu,
    /// Set the lead time of a group of places, in minutes.
    Lead(LeadClass, u32),
    /// Pick quiet hours by index into `QUIET_PRESETS`.
    Quiet(u8),
    Morning(bool),
    /// Who in a group may do what (settings, invites, removing members, forgetting).
    Access(crate::domain::settings::Access),
    /// Low-stash alert threshold in days (0: off).
    LowStash(u8),
    Weekly(bool),
    /// The languages to choose from (/language, or from the settings).
    LanguageMenu,
    /// Speak this language in the chat pressed in.
    Language(Lang),
    Close,
}

pub(super) fn encode_settings(act: &SettingsAct) -> String {
    match act {
        SettingsAct::Show => "s".into(),
        SettingsAct::Unit(u) => format!("u:{}", u.code()),
        SettingsAct::TimezoneMenu => "tm".into(),
        SettingsAct::Timezone(i) => format!("t:{i}"),
        SettingsAct::Zone(tz) => format!("z:{}", tz.name()),
        SettingsAct::ZoneQuestion => "zq".into(),
        SettingsAct::AskLocation => "al".into(),
        SettingsAct::AskCity => "ac".into(),
        SettingsAct::ProfileMenu => "pm".into(),
        SettingsAct::Profile(p) => format!("p:{}", p.code()),
        SettingsAct::FridgeMenu => "fm".into(),
        SettingsAct::Fridge(cold) => format!("fr:{}", u8::from(*cold)),
        SettingsAct::RemindersMenu => "rm".into(),
        SettingsAct::Lead(class, min) => format!("l:{}{min}", class.tag()),
        SettingsAct::Quiet(i) => format!("q:{i}"),
        SettingsAct::Morning(on) => format!("md:{}", u8::from(*on)),
        SettingsAct::Access(a) => format!("oa:{}", a.code()),
        SettingsAct::LowStash(d) => format!("ls:{d}"),
        SettingsAct::Weekly(on) => format!("wk:{}", u8::from(*on)),
        SettingsAct::LanguageMenu => "lm".into(),
        SettingsAct::Language(lang) => format!("lg:{}", lang.code()),
        SettingsAct::Close => "x".into(),
    }
}

pub(super) fn decode_settings(head: &str, arg: Option<&str>) -> Option<SettingsAct> {
    let act = match (head, arg) {
        ("s", None) => SettingsAct::Show,
        ("u", Some(code)) => SettingsAct::Unit(Unit::from_code(code)?),
        ("tm", None) => SettingsAct::TimezoneMenu,
        ("t", Some(i)) => SettingsAct::Timezone(num(i)?),
        ("z", Some(name)) => SettingsAct::Zone(name.parse().ok()?),
        ("zq", None) => SettingsAct::ZoneQuestion,
        ("al", None) => SettingsAct::AskLocation,
        ("ac", None) => SettingsAct::AskCity,
        ("pm", None) => SettingsAct::ProfileMenu,
        ("p", Some(code)) => SettingsAct::Profile(crate::domain::Profile::from_code(code)?),
        ("fm", None) => SettingsAct::FridgeMenu,
        ("fr", Some(cold)) => SettingsAct::Fridge(flag(cold)?),
        ("rm", None) => SettingsAct::RemindersMenu,
        ("l", Some(arg)) => {
            let mut chars = arg.chars();
            let class = LeadClass::from_tag(chars.next()?)?;
            SettingsAct::Lead(class, num(chars.as_str())?)
        }
        ("q", Some(i)) => SettingsAct::Quiet(num(i)?),
        ("md", Some(on)) => SettingsAct::Morning(flag(on)?),
        ("oa", Some(a)) => {
            SettingsAct::Access(crate::domain::settings::Access::from_code(num(a)?)?)
        }
        ("ls", Some(d)) => SettingsAct::LowStash(num(d)?),
        ("wk", Some(on)) => SettingsAct::Weekly(flag(on)?),
        ("lm", None) => SettingsAct::LanguageMenu,
        ("lg", Some(code)) => SettingsAct::Language(Lang::from_code(code)?),
        ("x", None) => SettingsAct::Close,
        _ => return None,
    };
    Some(act)
}
