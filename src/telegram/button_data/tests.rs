use super::*;
use crate::domain::family::ReminderPref;
use crate::domain::settings::LeadClass;
use crate::domain::units::MAX_BATCH_ML;
use crate::domain::{DiscardReason, Profile, Unit};
use proptest::prelude::*;

fn any_place() -> impl Strategy<Value = Place> {
    prop::sample::select(Place::ALL.to_vec())
}

fn any_act() -> impl Strategy<Value = BatchAct> {
    prop_oneof![
        Just(BatchAct::Open),
        Just(BatchAct::OpenListed),
        Just(BatchAct::UndoListed),
        any_place().prop_map(BatchAct::Move),
        Just(BatchAct::UseMenu),
        proptest::option::of(0u32..=999_999_999).prop_map(BatchAct::Use),
        Just(BatchAct::DiscardMenu),
        prop::sample::select(DiscardReason::ALL.to_vec()).prop_map(BatchAct::Discard),
        Just(BatchAct::Undo),
        Just(BatchAct::EditMenu),
        (0u32..=999_999_999).prop_map(BatchAct::SetAgo),
        (0u32..=999_999_999).prop_map(BatchAct::SetAt),
        Just(BatchAct::AmountMenu),
        Just(BatchAct::TimeMenu),
        (0u32..=999_999_999).prop_map(BatchAct::SetAmount),
        proptest::option::of(0u32..=999_999_999).prop_map(BatchAct::Snooze),
        Just(BatchAct::LeftoverMenu),
        Just(BatchAct::LeftoverType),
        (0u32..=999_999_999).prop_map(BatchAct::LeftoverAmount),
        (0u32..=999_999_999, 0u32..=999_999_999).prop_map(|(ml, ago)| BatchAct::Leftover(ml, ago)),
        (
            0u32..=MAX_BATCH_ML,
            any_place(),
            0u32..=999_999_999,
            proptest::option::of(0u32..=MAX_BATCH_ML),
            proptest::option::of(0u32..=MAX_BATCH_ML),
        )
            .prop_map(|(ml, place, at, l, r)| BatchAct::Relog(ml, place, at, l, r)),
    ]
}

fn any_cb() -> impl Strategy<Value = Cb> {
    let ml = 0u32..=999_999_999;
    prop_oneof![
        Just(Cb::Noop),
        Just(Cb::LogStart),
        Just(Cb::LogCancel),
        ml.clone().prop_map(|ml| Cb::LogAmount { ml }),
        (ml.clone(), any_place()).prop_map(|(ml, place)| Cb::LogPlace { ml, place }),
        (ml.clone(), any_place()).prop_map(|(ml, place)| Cb::LogEarlier { ml, place }),
        (ml.clone(), any_place(), 0u32..=999_999_999)
            .prop_map(|(ml, place, ago_min)| Cb::LogCommit { ml, place, ago_min }),
        (ml.clone(), any_place(), 0u32..=999_999_999).prop_map(|(ml, place, at_min)| Cb::LogAt {
            ml,
            place,
            at_min
        }),
        (ml.clone(), any_place()).prop_map(|(ml, place)| Cb::LogTypeTime { ml, place }),
        ml.clone().prop_map(|ml| Cb::LogTypePlace { ml }),
        (0i64..=i64::MAX, 0i64..=i64::MAX, any_act()).prop_map(|(id, version, act)| Cb::Batch {
            id,
            version,
            act
        }),
        (0u32..=999_999_999).prop_map(|page| Cb::Stash { page }),
        prop_oneof![
            Just(SettingsAct::Show),
            Just(SettingsAct::LanguageMenu),
            prop::sample::select(crate::domain::Lang::ALL.to_vec()).prop_map(SettingsAct::Language),
            prop::sample::select(vec![Unit::Ml, Unit::Oz]).prop_map(SettingsAct::Unit),
            Just(SettingsAct::TimezoneMenu),
            any::<u16>().prop_map(SettingsAct::Timezone),
            prop::sample::select(chrono_tz::TZ_VARIANTS.to_vec()).prop_map(SettingsAct::Zone),
            Just(SettingsAct::ZoneQuestion),
            Just(SettingsAct::AskLocation),
            Just(SettingsAct::AskCity),
            Just(SettingsAct::ProfileMenu),
            prop::sample::select(Profile::ALL.to_vec()).prop_map(SettingsAct::Profile),
            Just(SettingsAct::FridgeMenu),
            any::<bool>().prop_map(SettingsAct::Fridge),
            Just(SettingsAct::RemindersMenu),
            (
                prop::sample::select(LeadClass::ALL.to_vec()),
                0u32..=999_999_999
            )
                .prop_map(|(c, m)| SettingsAct::Lead(c, m)),
            any::<u8>().prop_map(SettingsAct::Quiet),
            any::<bool>().prop_map(SettingsAct::Morning),
            prop::sample::select(crate::domain::settings::Access::ALL.to_vec())
                .prop_map(SettingsAct::Access),
            any::<u8>().prop_map(SettingsAct::LowStash),
            any::<bool>().prop_map(SettingsAct::Weekly),
            Just(SettingsAct::Close),
        ]
        .prop_map(Cb::Settings),
        Just(Cb::FaqMenu),
        any::<u8>().prop_map(Cb::FaqCategory),
        "[a-z0-9-]{1,24}".prop_map(Cb::FaqTopic),
        any::<u8>().prop_map(Cb::Step),
        Just(Cb::StepsDone),
        any::<u8>().prop_map(Cb::SwitchSides),
        ("[a-z0-9]{12}", any::<bool>()).prop_map(|(code, merge)| Cb::Join { code, merge }),
        prop_oneof![
            Just(FamilyAct::Show),
            prop::sample::select(vec![
                ReminderPref::Auto,
                ReminderPref::Group,
                ReminderPref::Private,
                ReminderPref::Both,
                ReminderPref::Off,
            ])
            .prop_map(FamilyAct::Pref),
            (0i64..=i64::MAX).prop_map(FamilyAct::Remove),
            (0i64..=i64::MAX).prop_map(FamilyAct::RemoveYes),
            Just(FamilyAct::Invite),
            Just(FamilyAct::Leave),
            any::<bool>().prop_map(FamilyAct::Forget),
        ]
        .prop_map(Cb::Family),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn round_trips_within_64_bytes(cb in any_cb()) {
        let data = cb.encode();
        prop_assert!(data.len() <= MAX_BYTES, "{} bytes: {data}", data.len());
        prop_assert_eq!(Cb::decode(&data), Some(cb));
    }

    #[test]
    fn never_panics_on_arbitrary_text(data in ".{0,100}") {
        let _ = Cb::decode(&data);
    }

    #[test]
    fn never_panics_on_near_miss_data(cb in any_cb(), cut in 0usize..64, junk in "[0-9a-z:]{0,6}") {
        let data = cb.encode();
        let cut = cut.min(data.len());
        let mangled = format!("{}{}", &data[..cut], junk);
        if let Some(decoded) = Cb::decode(&mangled) {
            // Whatever decodes must encode back to exactly the same data.
            prop_assert_eq!(decoded.encode(), mangled);
        }
    }
}

#[test]
fn refuses_forged_and_old_data() {
    for bad in [
        "",
        "1",
        "2b:1:1:o",
        "1b:1:1:o:extra",
        "1b:-1:1:o",
        "1b:01:1:o",
        "1la:-5",
        "1la:0012",
        "1la:1e9",
        "1lp:90:q",
        "1lp:90:ff",
        "1b:zzzzzzzzzzzzz:1:o",
        "1g:p:who",
        "1b:1:1:d:?",
        "1ft:Fridge",
        "1ft:a-very-long-topic-id-that-is-too-long",
        "1ft:",
        "1e:256",
    ] {
        assert_eq!(Cb::decode(bad), None, "{bad}");
    }
}

#[test]
fn largest_values_fit() {
    for act in [
        BatchAct::SetAgo(999_999_999),
        BatchAct::SetAt(999_999_999),
        BatchAct::Leftover(999_999_999, 999_999_999),
        BatchAct::Relog(
            MAX_BATCH_ML,
            Place::Fridge,
            999_999_999,
            Some(MAX_BATCH_ML),
            Some(MAX_BATCH_ML),
        ),
    ] {
        let cb = Cb::Batch {
            id: i64::MAX,
            version: i64::MAX,
            act,
        };
        assert!(cb.encode().len() <= MAX_BYTES);
        assert_eq!(Cb::decode(&cb.encode()), Some(cb));
    }
}
