//! Button labels shared by several screens, and the short notes a press can get.

use crate::domain::{Lang, Ml, Place, Profile, Unit};

use super::*;

words! {
    cancel => "button-cancel",
    back => "button-back",
    /// A time choice, not a "done" button: a clock, never a check mark.
    now_button => "button-now",
    earlier => "button-earlier",
    to_stash => "button-to-stash",
    used => "button-used",
    discard => "button-discard",
    undo => "button-undo",
    edit => "button-edit",
    change_amount => "button-change-amount",
    change_time => "button-change-time",
    confirm_change => "button-confirm-change",
    keep_it => "button-keep-it",
    log_button => "button-log",
    prev => "button-prev",
    next => "button-next",
    close => "button-close",
    timezone_button => "button-timezone",
    stale_button => "stale-button",
    not_your_batch => "not-your-batch",
    batch_changed => "batch-changed",
    nothing_to_undo => "nothing-to-undo",
    already_logged => "already-logged",
}

pub fn ago_label(lang: Lang, minutes: u32) -> String {
    match minutes {
        0 => t!(lang, "ago-now"),
        m if m < 60 => t!(lang, "ago-min", mins = m),
        m if m % 60 == 0 => t!(lang, "ago-h", hours = m / 60),
        m => t!(lang, "ago-h-min", hours = m / 60, mins = m % 60),
    }
}

pub fn same_again(lang: Lang, amount: Ml, place: Place, unit: Unit) -> String {
    t!(
        lang,
        "same-again",
        amount = super::amount(lang, amount, unit),
        place = place_button(lang, place)
    )
}

pub fn used_all(lang: Lang, amount: Ml, unit: Unit) -> String {
    t!(lang, "used-all", amount = super::amount(lang, amount, unit))
}

pub fn used_part(lang: Lang, amount: Ml, unit: Unit) -> String {
    super::amount(lang, amount, unit)
}

pub fn unit_button(lang: Lang, unit: Unit) -> String {
    match unit {
        Unit::Ml => t!(lang, "unit-button-ml"),
        Unit::Oz => t!(lang, "unit-button-oz"),
    }
}

pub fn profile_button(lang: Lang, p: Profile) -> String {
    t!(lang, "profile-button", name = profile_name(lang, p))
}
