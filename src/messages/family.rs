//! Families: groups, invites, members, /forget and /export.

use crate::domain::batch::{DiscardReason, EventKind};
use crate::domain::{Lang, Ml, Place, Unit};

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

/// The /export CSV's words in one language: the column names and the cells that are
/// words (event kinds, places, reasons, sides, the unit). English writes the codes the
/// export has always written.
#[derive(Debug, Clone, Copy)]
pub struct CsvWords(pub Lang);

impl CsvWords {
    /// The column names, in the export's order.
    pub fn header(&self) -> Vec<String> {
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
        .map(|key| tr(self.0, key))
        .collect()
    }

    pub fn event(&self, kind: EventKind) -> String {
        tr(self.0, &format!("csv-event-{}", kind.code()))
    }

    pub fn place(&self, place: Place) -> String {
        tr(
            self.0,
            &format!("csv-place-{}", super::places::place_key(place)),
        )
    }

    /// An event's stored reason (a discard reason, `feed`, `message`, or the kind of
    /// event an undo reverted); a code this version does not know, as it is.
    pub fn reason(&self, code: &str) -> String {
        if let Some(kind) = EventKind::from_code(code) {
            return t!(self.0, "csv-reason-undid", event = self.event(kind));
        }
        if DiscardReason::from_code(code).is_some() || matches!(code, "feed" | "message") {
            return tr(self.0, &format!("csv-reason-{}", code.replace('_', "-")));
        }
        code.to_owned()
    }

    pub fn undone(&self) -> String {
        tr(self.0, "csv-undone")
    }

    pub fn left(&self, number: &str) -> String {
        t!(self.0, "side-left", amount = number)
    }

    pub fn right(&self, number: &str) -> String {
        t!(self.0, "side-right", amount = number)
    }

    pub fn unit(&self, unit: Unit) -> String {
        tr(self.0, &format!("unit-{}", unit.code()))
    }
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
        let english = CsvWords(Lang::En).header();
        assert_eq!(english.len(), 13);
        assert_eq!(
            (english[0].as_str(), english[12].as_str()),
            ("event_id", "note")
        );
        assert_eq!(CsvWords(Lang::Es).header()[2], "hora");
        assert_eq!(CsvWords(Lang::Ru).header()[5], "количество");
        for lang in Lang::ALL {
            assert!(
                CsvWords(lang)
                    .header()
                    .iter()
                    .all(|c| !c.starts_with("csv-"))
            );
        }
    }

    #[test]
    fn english_csv_cells_are_the_codes_the_export_always_wrote() {
        let en = CsvWords(Lang::En);
        for kind in EventKind::ALL {
            assert_eq!(en.event(kind), kind.code());
            // An undo's reason is the kind of event it reverted.
            assert_eq!(en.reason(kind.code()), kind.code());
        }
        for place in Place::ALL {
            assert_eq!(en.place(place), place.code());
        }
        for reason in DiscardReason::ALL {
            assert_eq!(en.reason(reason.code()), reason.code());
        }
        for code in ["feed", "message", "from a future version"] {
            assert_eq!(en.reason(code), code);
        }
        assert_eq!(
            (en.left("2"), en.right("1.5")),
            ("L 2".into(), "R 1.5".into())
        );
        assert_eq!(
            (en.unit(Unit::Ml), en.unit(Unit::Oz)),
            ("ml".into(), "oz".into())
        );
        assert_eq!(en.undone(), "undone");
    }

    #[test]
    fn spanish_and_russian_csv_cells_are_words_of_the_language() {
        let (es, ru) = (CsvWords(Lang::Es), CsvWords(Lang::Ru));
        assert_eq!(es.place(Place::Fridge), "nevera");
        assert_eq!(ru.place(Place::ThawedFridge), "разморожено в холодильнике");
        assert_eq!(es.event(EventKind::Logged), "anotada");
        assert_eq!(ru.reason("smelled_off"), "кислый запах");
        assert_eq!(es.reason("moved"), "deshace: movida");
        assert_eq!(
            (ru.left("60"), es.right("30")),
            ("Л 60".into(), "D 30".into())
        );
        assert_eq!(ru.unit(Unit::Ml), "мл");
        // Every word is the language's own (no key falls back to English or shows as a
        // key), and no two kinds, places or reasons read alike.
        let en = CsvWords(Lang::En);
        let all = |w: CsvWords| -> [Vec<String>; 3] {
            [
                EventKind::ALL.iter().map(|k| w.event(*k)).collect(),
                Place::ALL.iter().map(|p| w.place(*p)).collect(),
                DiscardReason::ALL
                    .iter()
                    .map(|r| r.code())
                    .chain(["feed", "message"])
                    .map(|c| w.reason(c))
                    .collect(),
            ]
        };
        let english = all(en);
        for words in [es, ru] {
            for (list, english) in all(words).iter().zip(&english) {
                for (word, theirs) in list.iter().zip(english) {
                    assert!(!word.starts_with("csv-") && word != theirs, "{word}");
                }
                let distinct: std::collections::HashSet<&String> = list.iter().collect();
                assert_eq!(distinct.len(), list.len(), "{list:?}");
            }
        }
    }
}
