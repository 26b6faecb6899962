//! Families: groups, invites, members, /forget and /export.

use crate::domain::{Lang, Ml, Unit};

use super::*;

pub fn group_welcome(lang: Lang, bot_name: &str) -> String {
    t!(lang, "group-welcome", bot = esc(bot_name))
}

words! {
    welcome_back => "welcome-back",
    invite_open => "invite-open",
    join_invalid => "join-invalid",
    join_in_group => "join-in-group",
    already_in_family => "already-in-family",
    join_merge => "join-merge",
    join_keep => "join-keep",
    remove_no => "remove-no",
    invite_button => "invite-button",
    leave_button => "leave-button",
    left_family => "left-family",
    leave_in_group => "leave-in-group",
    not_linked => "not-linked",
    not_admin => "not-admin",
    admin_unchecked => "admin-unchecked",
    forget_yes => "forget-yes",
    forget_no => "forget-no",
    forget_cancelled => "forget-cancelled",
    nothing_to_export => "nothing-to-export",
}

pub fn invite(lang: Lang, link: &str, days: i64) -> String {
    t!(lang, "invite", days = days, link = esc(link))
}

pub fn join_ask_merge(lang: Lang, count: usize, total: Ml, unit: Unit) -> String {
    t!(
        lang,
        "join-ask-merge",
        count = count,
        total = amount(lang, total, unit)
    )
}

pub fn joined(lang: Lang, merged: Option<usize>) -> String {
    let mut text = t!(lang, "joined");
    if let Some(n) = merged.filter(|n| *n > 0) {
        text.push('\n');
        text.push_str(&t!(lang, "joined-moved", count = n));
    }
    text
}

pub fn pref_label(lang: Lang, pref: crate::domain::family::ReminderPref) -> String {
    use crate::domain::family::ReminderPref::*;
    tr(
        lang,
        match pref {
            Auto => "pref-auto",
            Group => "pref-group",
            Private => "pref-private",
            Both => "pref-both",
            Off => "pref-off",
        },
    )
}

/// A member chose reminders in private, but no private chat of theirs is linked to the
/// family (or it blocked the bot).
pub fn private_not_linked(lang: Lang, name: &str) -> String {
    t!(lang, "private-not-linked", name = esc(name))
}

pub fn pref_button(lang: Lang, pref: crate::domain::family::ReminderPref, current: bool) -> String {
    use crate::domain::family::ReminderPref::*;
    let mark = if current { "✓ " } else { "" };
    let label = tr(
        lang,
        match pref {
            Group => "pref-button-group",
            Private => "pref-button-private",
            Both => "pref-button-both",
            Off => "pref-button-off",
            Auto => "pref-button-auto",
        },
    );
    format!("{mark}{label}")
}

pub fn family_list(lang: Lang, members: &[(String, String, bool)]) -> String {
    let mut text = format!("👪 <b>{}</b>\n", t!(lang, "family-title"));
    for (name, pref, is_you) in members {
        let you = if *is_you {
            format!(" {}", t!(lang, "family-you"))
        } else {
            String::new()
        };
        text.push_str(&format!("• {}{you}: {pref}\n", esc(name)));
    }
    text.push('\n');
    text.push_str(&t!(lang, "family-where"));
    text
}

pub fn remove_button(lang: Lang, name: &str) -> String {
    t!(lang, "remove-button", name = name)
}

pub fn remove_ask(lang: Lang, name: &str) -> String {
    t!(lang, "remove-ask", name = esc(name))
}

pub fn remove_yes_button(lang: Lang, name: &str) -> String {
    t!(lang, "remove-yes-button", name = name)
}

/// A toast: plain text (toasts have no parse mode), so nothing is escaped.
pub fn member_removed(lang: Lang, name: &str) -> String {
    t!(lang, "member-removed", name = name)
}

/// Told in the family's groups.
pub fn member_removed_notice(lang: Lang, by: &str, name: &str) -> String {
    t!(
        lang,
        "member-removed-notice",
        by = esc(by),
        name = esc(name)
    )
}

pub fn access_button(lang: Lang, access: crate::domain::settings::Access) -> String {
    use crate::domain::settings::Access::*;
    tr(
        lang,
        match access {
            SettingsOpen => "access-settings-open",
            AdminsOnly => "access-admins-only",
            AllOpen => "access-all-open",
        },
    )
}

pub fn forget_ask(lang: Lang, batches: usize) -> String {
    t!(lang, "forget-ask", count = batches)
}

/// After /forget; `who` names the person in groups.
pub fn forgotten(lang: Lang, who: Option<&str>, f: &crate::storage::Forgotten) -> String {
    let by = who
        .map(|w| t!(lang, "forgotten-by", who = esc(w)))
        .unwrap_or_default();
    t!(
        lang,
        "forgotten",
        by = by,
        batches = f.batches,
        events = f.events,
        reminders = f.reminders,
        members = f.members
    )
}

/// The /export CSV's column names in `lang` (in English, those of the export's HEADER).
pub fn csv_header(lang: Lang) -> Vec<String> {
    [
        "csv-event-id",
        "csv-batch-id",
        "csv-time",
        "csv-event",
        "csv-by",
        "csv-amount",
        "csv-unit",
        "csv-expressed",
        "csv-sides",
        "csv-from",
        "csv-place",
        "csv-deadline",
        "csv-note",
    ]
    .into_iter()
    .map(|key| tr(lang, key))
    .collect()
}

pub fn export_caption(lang: Lang, events: usize) -> String {
    t!(lang, "export-caption", count = events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_header_names_the_export_columns_in_each_language() {
        // English names the columns as the export always has.
        let english = csv_header(Lang::En);
        assert_eq!(english.len(), 13);
        assert_eq!(
            (english[0].as_str(), english[12].as_str()),
            ("event_id", "note")
        );
        assert_eq!(csv_header(Lang::Es)[2], "hora");
        assert_eq!(csv_header(Lang::Ru)[5], "количество");
        for lang in Lang::ALL {
            assert!(csv_header(lang).iter().all(|c| !c.starts_with("csv-")));
        }
    }
}
