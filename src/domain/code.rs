//! Closed vocabularies stored as short text codes (database columns, button data).

/// Gives an enum its codes from one table: `ALL` (every value, in table order), `code()`
/// and `from_code()`. The table is the only place a code is written, so a code and its
/// reading cannot disagree: a variant without a code does not compile, and two variants
/// with one code are an unreachable pattern (refused by `clippy -D warnings`).
macro_rules! codes {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order of its code table.
            pub const ALL: [$ty; [$($code),+].len()] = [$($ty::$variant),+];

            /// The short stable code stored in the database and sent in button data.
            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code,)+
                }
            }

            /// The value a stored code stands for; `None` for a code this version does
            /// not know.
            pub fn from_code(code: &str) -> Option<$ty> {
                match code {
                    $($code => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use codes;

#[cfg(test)]
mod tests {
    use crate::domain::batch::{DiscardReason, EventKind, Status};
    use crate::domain::family::{ChatType, ReminderPref};
    use crate::domain::reminders::Kind;
    use crate::domain::rules::{Place, Profile};
    use crate::domain::units::Unit;

    /// Every value reads back from its code, and the codes of one vocabulary differ.
    fn round_trips<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        code: fn(T) -> &'static str,
        from_code: fn(&str) -> Option<T>,
    ) {
        let mut seen = std::collections::HashSet::new();
        for &value in all {
            assert_eq!(from_code(code(value)), Some(value));
            assert!(seen.insert(code(value)), "{value:?}'s code is taken");
        }
        assert_eq!(from_code("no-such-code"), None);
    }

    #[test]
    fn every_vocabulary_reads_back_from_its_codes() {
        round_trips(&Place::ALL, Place::code, Place::from_code);
        round_trips(&Profile::ALL, Profile::code, Profile::from_code);
        round_trips(&Status::ALL, Status::code, Status::from_code);
        round_trips(
            &DiscardReason::ALL,
            DiscardReason::code,
            DiscardReason::from_code,
        );
        round_trips(&EventKind::ALL, EventKind::code, EventKind::from_code);
        round_trips(&Kind::ALL, Kind::code, Kind::from_code);
        round_trips(&Unit::ALL, Unit::code, Unit::from_code);
        round_trips(
            &ReminderPref::ALL,
            ReminderPref::code,
            ReminderPref::from_code,
        );
        round_trips(&ChatType::ALL, ChatType::code, ChatType::from_code);
    }

    #[test]
    fn stored_codes_do_not_change() {
        // Codes are in databases and in buttons already sent: renaming one loses data.
        assert_eq!(Place::IceBox.code(), "icebox");
        assert_eq!(Kind::LastCall.code(), "lastcall");
        assert_eq!(Kind::SwitchSides.code(), "switch");
        assert_eq!(ReminderPref::Off.code(), "none");
        assert_eq!(DiscardReason::SmelledOff.code(), "smelled_off");
    }
}
