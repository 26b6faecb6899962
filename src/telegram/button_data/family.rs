//! Button data for sharing the stash with a family.

use super::values::b36;
use super::values::from_b36;
use crate::domain::family::ReminderPref;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FamilyAct {
    Show,
    /// Where the presser wants reminders.
    Pref(ReminderPref),
    /// Ask before removing the member with this user id.
    Remove(i64),
    /// Remove them: the answer to that question.
    RemoveYes(i64),
    Invite,
    Leave,
    /// Answer to "delete everything?".
    Forget(bool),
}

pub(super) fn encode_family(act: &FamilyAct) -> String {
    match act {
        FamilyAct::Show => "s".into(),
        FamilyAct::Pref(p) => format!("p:{}", p.code()),
        FamilyAct::Remove(user) => format!("r:{}", b36(*user)),
        FamilyAct::RemoveYes(user) => format!("ry:{}", b36(*user)),
        FamilyAct::Invite => "i".into(),
        FamilyAct::Leave => "l".into(),
        FamilyAct::Forget(yes) => format!("f:{}", if *yes { 'y' } else { 'n' }),
    }
}

pub(super) fn decode_family(head: &str, arg: Option<&str>) -> Option<FamilyAct> {
    Some(match (head, arg) {
        ("s", None) => FamilyAct::Show,
        ("p", Some(code)) => FamilyAct::Pref(ReminderPref::from_code(code)?),
        ("r", Some(user)) => FamilyAct::Remove(from_b36(user)?),
        ("ry", Some(user)) => FamilyAct::RemoveYes(from_b36(user)?),
        ("i", None) => FamilyAct::Invite,
        ("l", None) => FamilyAct::Leave,
        ("f", Some("y")) => FamilyAct::Forget(true),
        ("f", Some("n")) => FamilyAct::Forget(false),
        _ => return None,
    })
}
