//! Families: groups, invites, members, /forget and /export.

use crate::domain::{Ml, Unit};

use super::*;

pub fn group_welcome(bot_name: &str) -> String {
    format!(
        "Hi everyone! I'm milkbot 🍼 In this group I keep <b>one shared stash</b> for everyone \
         who feeds the baby.\n\
         • Log milk with the buttons below, or type <code>/log 90 fridge</code>.\n\
         • Reminders come here. Anyone can also get them in private: /invite makes a link.\n\
         • Every message says who did what.\n\
         Privacy mode is fine: I only need commands, replies to my messages and buttons \
         (or mention me, @{}).",
        esc(bot_name)
    )
}

pub const WELCOME_BACK: &str =
    "I'm back 👋 Your stash is as you left it, and reminders are on again.";

pub fn invite(link: &str, days: i64) -> String {
    format!(
        "🔗 Send this link to someone who feeds the baby. Opening it links their private chat \
         with me to this family's stash, so they can log one-handed and get reminders there.\n\
         It works once and expires in {days} days.\n{}",
        esc(link)
    )
}

pub const INVITE_OPEN: &str = "Open the invite";
pub const JOIN_INVALID: &str = "This invite link is not valid or has expired; ask for a new \
     one (anyone in the family can make one with /invite).";
pub const JOIN_IN_GROUP: &str = "Open invite links in a private chat with me.";
pub const ALREADY_IN_FAMILY: &str = "This chat is already part of that family.";
pub const JOIN_MERGE: &str = "📦 Bring them along";
pub const JOIN_KEEP: &str = "Keep them aside";

pub fn join_ask_merge(count: usize, total: Ml, unit: Unit) -> String {
    format!(
        "You have {count} {} ({}) in your own stash here. Bring them into the family's stash? \
         If you keep them aside, they come back if you leave the family.",
        if count == 1 { "batch" } else { "batches" },
        total.display(unit)
    )
}

pub fn joined(merged: Option<usize>) -> String {
    let mut text = String::from(
        "🎉 You're in! This chat now shares the family's stash. Reminders come here in \
         private; change that in /family.",
    );
    if let Some(n) = merged.filter(|n| *n > 0) {
        text.push_str(&format!(
            "\n{n} {} from your own stash moved in.",
            if n == 1 { "batch" } else { "batches" }
        ));
    }
    text
}

pub fn pref_label(pref: crate::domain::family::ReminderPref) -> &'static str {
    use crate::domain::family::ReminderPref::*;
    match pref {
        Auto => "reminders: automatic",
        Group => "reminders in the group",
        Private => "reminders in private",
        Both => "reminders in the group and in private",
        Off => "no reminders",
    }
}

/// A member chose reminders in private, but no private chat of theirs is linked to the
/// family (or it blocked the bot).
pub fn private_not_linked(name: &str) -> String {
    format!(
        "⚠️ {}, I can't reach you in a private chat for this family yet, so your reminders \
         will come here in the group meanwhile. To get them in private, ask for an invite \
         link (/invite) and open it in a private chat with me.",
        esc(name)
    )
}

pub fn pref_button(pref: crate::domain::family::ReminderPref, current: bool) -> String {
    use crate::domain::family::ReminderPref::*;
    let mark = if current { "✓ " } else { "" };
    let label = match pref {
        Group => "🔔 In the group",
        Private => "🔔 In private",
        Both => "🔔 Both",
        Off => "🔕 None",
        Auto => "Automatic",
    };
    format!("{mark}{label}")
}

pub fn family_list(members: &[(String, &'static str, bool)]) -> String {
    let mut text = String::from("👪 <b>Family</b>\n");
    for (name, pref, is_you) in members {
        let you = if *is_you { " (you)" } else { "" };
        text.push_str(&format!("• {}{you}: {pref}\n", esc(name)));
    }
    text.push_str("\nWhere do you want reminders?");
    text
}

pub fn remove_button(name: &str) -> String {
    format!("Remove {name}")
}

pub fn remove_ask(name: &str) -> String {
    format!(
        "Remove <b>{}</b> from the family? Their private chat with me gets its own stash \
         back; the family's stash stays here.",
        esc(name)
    )
}

pub fn remove_yes_button(name: &str) -> String {
    format!("Yes, remove {name}")
}

pub const REMOVE_NO: &str = "Keep them";

/// A toast: plain text (toasts have no parse mode), so nothing is escaped.
pub fn member_removed(name: &str) -> String {
    format!("{name} was removed from the family.")
}

/// Told in the family's groups.
pub fn member_removed_notice(by: &str, name: &str) -> String {
    format!("👪 {} removed {} from the family.", esc(by), esc(name))
}

pub const INVITE_BUTTON: &str = "🔗 Invite someone";
pub const LEAVE_BUTTON: &str = "Leave the family";
pub const LEFT_FAMILY: &str = "You've left the family stash. This chat has its own stash again.";
pub const LEAVE_IN_GROUP: &str =
    "To leave the family, leave this group. To stop reminders for yourself, use /family.";
pub const NOT_LINKED: &str = "This chat isn't linked to a family: it has its own stash.";
pub const NOT_ADMIN: &str = "Only the group's admins can do that here. An admin can allow \
     everyone in ⚙️ Settings.";
pub const ADMIN_UNCHECKED: &str = "Only the group's admins can do that, and I can't check \
     who they are right now (I may have been removed from the group). Add me back to the \
     group, or try again later.";

pub fn access_button(access: crate::domain::settings::Access) -> &'static str {
    use crate::domain::settings::Access::*;
    match access {
        SettingsOpen => "👥 Settings: anyone can change (removing, erasing: admins)",
        AdminsOnly => "👥 Settings: admins only",
        AllOpen => "👥 Settings, removing, erasing: anyone",
    }
}

pub fn forget_ask(batches: usize) -> String {
    format!(
        "⚠️ This deletes everything about this family: {batches} {} and their history, \
         reminders, members and settings. It can't be undone.",
        if batches == 1 { "batch" } else { "batches" }
    )
}

pub const FORGET_YES: &str = "🗑 Yes, delete everything";
pub const FORGET_NO: &str = "Keep everything";
pub const FORGET_CANCELLED: &str = "Nothing was deleted.";

/// After /forget; `who` names the person in groups.
pub fn forgotten(who: Option<&str>, f: &crate::storage::Forgotten) -> String {
    let by = who.map(|w| format!(" by {}", esc(w))).unwrap_or_default();
    format!(
        "🗑 Deleted{by}: {} batches, {} history entries, {} reminders, {} members, and the \
         settings. Send /start to begin again.",
        f.batches, f.events, f.reminders, f.members
    )
}

pub fn export_caption(events: usize) -> String {
    format!("📄 Your family's history: {events} entries, one per row.")
}

pub const NOTHING_TO_EXPORT: &str = "Nothing to export yet: log some milk first.";
