//! Families: who gets a family's reminders, where, and invite codes.

use super::code::codes;

/// What kind of Telegram chat a family chat is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChatType {
    Private,
    Group,
    Supergroup,
    Channel,
}

codes!(ChatType {
    Private => "private",
    Group => "group",
    Supergroup => "supergroup",
    Channel => "channel",
});

/// Where a member wants reminders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReminderPref {
    /// In the group if the family has one, otherwise in private.
    Auto,
    Group,
    Private,
    Both,
    /// No reminders for this member.
    Off,
}

codes!(ReminderPref {
    Auto => "auto",
    Group => "group",
    Private => "private",
    Both => "both",
    Off => "none",
});

impl ReminderPref {
    pub const CHOICES: [ReminderPref; 4] = [
        ReminderPref::Group,
        ReminderPref::Private,
        ReminderPref::Both,
        ReminderPref::Off,
    ];

    fn wants_group(self) -> bool {
        matches!(
            self,
            ReminderPref::Auto | ReminderPref::Group | ReminderPref::Both
        )
    }

    fn wants_private(self, family_has_group: bool) -> bool {
        match self {
            ReminderPref::Private | ReminderPref::Both => true,
            ReminderPref::Auto => !family_has_group,
            ReminderPref::Group | ReminderPref::Off => false,
        }
    }
}

/// A chat of the family, as far as reminders are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChatInfo {
    pub id: i64,
    pub is_group: bool,
    pub active: bool,
}

/// A member, as far as reminders are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberInfo {
    pub user_id: i64,
    pub pref: ReminderPref,
    /// The member's private chat with the bot, when it serves this family.
    pub private_chat: Option<i64>,
}

/// Whether reminders meant for `member`'s private chat can reach them: the chat is one of
/// the family's chats and is active (not blocked). A member of a group who never opened an
/// invite link in a private chat has none.
pub fn private_reachable(member: &MemberInfo, chats: &[ChatInfo]) -> bool {
    member
        .private_chat
        .is_some_and(|id| chats.iter().any(|c| c.id == id && !c.is_group && c.active))
}

/// A member asked for reminders in private (only), but their private chat cannot be
/// reached: reminders go to the group meanwhile, and the bot tells them so.
pub fn private_falls_back(member: &MemberInfo, chats: &[ChatInfo]) -> bool {
    member.pref == ReminderPref::Private && !private_reachable(member, chats)
}

/// The chats a family's reminder goes to.
///
/// - A group chat gets it unless every member chose private-only or none; a member who
///   chose private-only but has no reachable private chat counts as wanting the group, so
///   their reminders never vanish.
/// - A member's private chat gets it when they chose private or both (or "auto" and the
///   family has no group).
/// - A private chat no member is linked to (a family of one from before members were
///   recorded) gets it when the family has no group.
pub fn recipients(chats: &[ChatInfo], members: &[MemberInfo]) -> Vec<i64> {
    let has_group = chats.iter().any(|c| c.is_group && c.active);
    let group_wanted = members.is_empty()
        || members
            .iter()
            .any(|m| m.pref.wants_group() || private_falls_back(m, chats));
    let mut out: Vec<i64> = chats
        .iter()
        .filter(|c| c.active)
        .filter(|c| {
            if c.is_group {
                return group_wanted;
            }
            match members.iter().find(|m| m.private_chat == Some(c.id)) {
                Some(m) => m.pref.wants_private(has_group),
                None => !has_group,
            }
        })
        .map(|c| c.id)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Invite codes: lowercase letters and digits, long enough not to be guessed.
pub const INVITE_CODE_LEN: usize = 12;

/// Is `code` shaped like an invite code? (Whether it exists is for storage to say.)
pub fn is_invite_code(code: &str) -> bool {
    code.len() == INVITE_CODE_LEN
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// The `/start` payload of an invite link.
pub fn invite_payload(code: &str) -> String {
    format!("join_{code}")
}

/// The invite code in a `/start` payload, if it is one.
pub fn invite_code(payload: &str) -> Option<&str> {
    payload
        .trim()
        .strip_prefix("join_")
        .filter(|c| is_invite_code(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReminderPref::*;

    fn group(id: i64) -> ChatInfo {
        ChatInfo {
            id,
            is_group: true,
            active: true,
        }
    }

    fn private(id: i64) -> ChatInfo {
        ChatInfo {
            id,
            is_group: false,
            active: true,
        }
    }

    fn member(user_id: i64, pref: ReminderPref, private_chat: Option<i64>) -> MemberInfo {
        MemberInfo {
            user_id,
            pref,
            private_chat,
        }
    }

    #[test]
    fn a_family_of_one_gets_reminders_in_its_private_chat() {
        assert_eq!(recipients(&[private(5)], &[]), vec![5]);
        assert_eq!(
            recipients(&[private(5)], &[member(5, Auto, Some(5))]),
            vec![5]
        );
        assert!(recipients(&[private(5)], &[member(5, Off, Some(5))]).is_empty());
    }

    #[test]
    fn a_group_family_follows_each_members_choice() {
        let chats = [group(-1), private(10), private(20), private(30)];
        let members = [
            member(10, Auto, Some(10)),
            member(20, Private, Some(20)),
            member(30, Both, Some(30)),
            member(40, Group, None),
        ];
        assert_eq!(recipients(&chats, &members), vec![-1, 20, 30]);
        // Everyone private-only: the group stays quiet.
        let private_only = [member(10, Private, Some(10)), member(20, Off, Some(20))];
        assert_eq!(recipients(&chats, &private_only), vec![10]);
    }

    #[test]
    fn private_only_without_a_private_chat_falls_back_to_the_group() {
        let chats = [group(-1), private(10)];
        // Jo (20) chose private but never linked a private chat; Sam (10) chose private too.
        let members = [member(10, Private, Some(10)), member(20, Private, None)];
        assert_eq!(recipients(&chats, &members), vec![-1, 10]);
        assert!(private_falls_back(&members[1], &chats));
        assert!(!private_falls_back(&members[0], &chats));
        // A private chat the family no longer has (left, or another family's) is no link.
        let stale = [member(10, Private, Some(10)), member(20, Private, Some(20))];
        assert_eq!(recipients(&chats, &stale), vec![-1, 10]);
        // Once Jo's private chat is linked, the group stays quiet again.
        let linked_chats = [group(-1), private(10), private(20)];
        assert_eq!(recipients(&linked_chats, &stale), vec![10, 20]);
        // A blocked private chat counts as unreachable too.
        let mut blocked = private(20);
        blocked.active = false;
        assert_eq!(
            recipients(&[group(-1), private(10), blocked], &stale),
            vec![-1, 10]
        );
        // "Both" already includes the group.
        assert!(!private_falls_back(&member(20, Both, None), &chats));
    }

    #[test]
    fn inactive_chats_get_nothing() {
        let mut g = group(-1);
        g.active = false;
        // With the group gone quiet, "auto" members fall back to their private chats.
        assert_eq!(
            recipients(&[g, private(10)], &[member(10, Auto, Some(10))]),
            vec![10]
        );
    }

    #[test]
    fn invite_codes_are_checked() {
        assert_eq!(invite_code("join_abcdefgh1234"), Some("abcdefgh1234"));
        assert_eq!(
            invite_code(&invite_payload("abcdefgh1234")),
            Some("abcdefgh1234")
        );
        for bad in [
            "",
            "join_",
            "join_short",
            "join_ABCDEFGH1234",
            "join_abcdefgh1234x",
            "abcdefgh1234",
        ] {
            assert_eq!(invite_code(bad), None, "{bad}");
        }
        for p in [Auto, Group, Private, Both, Off] {
            assert_eq!(ReminderPref::from_code(p.code()), Some(p));
        }
    }
}
