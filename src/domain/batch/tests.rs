use super::*;
use crate::domain::rules::Profile;
use chrono::TimeZone;

fn t(min: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap() + Duration::minutes(min)
}

fn logged(place: Place, expressed: i64) -> BatchState {
    log(
        NewBatch {
            amount: Ml(120),
            place,
            expressed_at: t(expressed),
            sides: Sides::default(),
        },
        t(0),
    )
    .unwrap()
}

fn act(state: &BatchState, action: Action, at: i64) -> Result<BatchState, BatchError> {
    apply(state, action, t(at), Profile::Cdc).map(|o| o.after)
}

#[test]
fn log_validates_amount_time_and_place() {
    let new = |ml, at, place| NewBatch {
        amount: Ml(ml),
        place,
        expressed_at: t(at),
        sides: Sides::default(),
    };
    assert_eq!(
        log(new(0, 0, Place::Fridge), t(0)),
        Err(BatchError::ZeroAmount)
    );
    assert!(matches!(
        log(new(1001, 0, Place::Fridge), t(0)),
        Err(BatchError::TooMuch { .. })
    ));
    assert_eq!(
        log(new(90, 60, Place::Fridge), t(0)),
        Err(BatchError::InFuture)
    );
    assert_eq!(
        log(new(90, -366 * 24 * 60, Place::Fridge), t(0)),
        Err(BatchError::TooOld)
    );
    assert_eq!(
        log(new(90, 0, Place::ThawedRoom), t(0)),
        Err(BatchError::NotLoggable(Place::ThawedRoom))
    );
    let frozen = log(new(90, -30, Place::Freezer), t(0)).unwrap();
    assert_eq!(frozen.clocks.frozen_at, Some(t(-30)));
}

#[test]
fn room_to_fridge_to_freezer_to_thawed() {
    let room = logged(Place::Room, -60);
    assert_eq!(room.deadline(Profile::Cdc), t(180));
    let fridge = act(&room, Action::Move(Place::Fridge), 0).unwrap();
    assert_eq!(fridge.deadline(Profile::Cdc), t(-60 + 4 * 24 * 60));
    let frozen = act(&fridge, Action::Move(Place::Freezer), 24 * 60).unwrap();
    assert_eq!(frozen.clocks.frozen_at, Some(t(24 * 60)));
    // Thawing in the fridge: no clock until it is fully thawed, and never refrozen.
    let thawing = act(&frozen, Action::Move(Place::Thawing), 30 * 24 * 60 - 600).unwrap();
    assert_eq!(thawing.clocks.thawed_at, None);
    assert_eq!(thawing.deadline(Profile::Nhs), rules::no_deadline());
    assert!(!thawing.is_expired(Profile::Strictest, t(30 * 24 * 60)));
    assert_eq!(
        act(&thawing, Action::Move(Place::Freezer), 30 * 24 * 60 - 590),
        Err(BatchError::Refreeze)
    );
    let thawed = act(&thawing, Action::Move(Place::ThawedFridge), 30 * 24 * 60).unwrap();
    assert_eq!(thawed.clocks.thawed_at, Some(t(30 * 24 * 60)));
    assert_eq!(thawed.deadline(Profile::Cdc), t(31 * 24 * 60));
    assert_eq!(
        act(&thawed, Action::Move(Place::Freezer), 30 * 24 * 60 + 5),
        Err(BatchError::Refreeze)
    );
    let out = act(&thawed, Action::Move(Place::ThawedRoom), 31 * 24 * 60 - 30).unwrap();
    assert_eq!(
        out.deadline(Profile::Cdc),
        t(31 * 24 * 60),
        "capped by the fridge"
    );
}

#[test]
fn a_forgotten_fully_thawed_tap_never_starts_the_clock_late() {
    let frozen = logged(Place::Freezer, -DAY);
    let thawing = act(&frozen, Action::Move(Place::Thawing), 0).unwrap();
    // Tapped 40 h after thawing began: counted as thawed after at most 24 h.
    let thawed = act(&thawing, Action::Move(Place::ThawedFridge), 40 * 60).unwrap();
    assert_eq!(thawed.clocks.thawed_at, Some(t(24 * 60)));
    assert_eq!(thawed.deadline(Profile::Cdc), t(48 * 60));
    // Lukewarm water leaves it fully thawed at once: 1 h out of the fridge (CDC).
    let water = act(&frozen, Action::Move(Place::ThawedRoom), 10).unwrap();
    assert_eq!(water.clocks.thawed_at, Some(t(10)));
    assert_eq!(water.deadline(Profile::Cdc), t(70));
    assert_eq!(water.deadline(Profile::Nhs), t(10));
}

#[test]
fn leftovers_count_from_the_end_of_the_feed_and_what_was_drunk_is_used() {
    let thawed = act(
        &act(
            &logged(Place::Freezer, -DAY),
            Action::Move(Place::Thawing),
            0,
        )
        .unwrap(),
        Action::Move(Place::ThawedFridge),
        600,
    )
    .unwrap();
    let leftover = |left: u32, ended: i64, at: i64| {
        apply(
            &thawed,
            Action::Leftover {
                left: Ml(left),
                ended_at: t(ended),
            },
            t(at),
            Profile::Cdc,
        )
    };
    let o = leftover(40, 630, 660).unwrap();
    assert_eq!(o.used, Some(Ml(80)));
    assert_eq!((o.after.amount, o.after.place), (Ml(40), Place::Leftover));
    // CDC: 2 h from the end of the feed (not from the tap); NHS: 1 h.
    assert_eq!(o.after.deadline(Profile::Cdc), t(630 + 120));
    assert_eq!(o.after.deadline(Profile::Nhs), t(630 + 60));
    // Never past the thawed milk's own 24 h.
    let late = apply(
        &thawed,
        Action::Leftover {
            left: Ml(40),
            ended_at: t(600 + 23 * 60),
        },
        t(600 + 23 * 60),
        Profile::Cdc,
    )
    .unwrap();
    assert_eq!(late.after.deadline(Profile::Cdc), t(600 + 24 * 60));
    assert_eq!(leftover(120, 630, 660).unwrap().used, None);
    assert_eq!(leftover(0, 630, 660), Err(BatchError::ZeroAmount));
    assert_eq!(
        leftover(121, 630, 660),
        Err(BatchError::MoreThanLeft { left: Ml(120) })
    );
    assert_eq!(leftover(40, 700, 660), Err(BatchError::InFuture));
}

#[test]
fn frozen_milk_past_its_best_quality_time_can_still_be_thawed_where_acceptable() {
    let frozen = logged(Place::Freezer, 0);
    let seven_months = 213 * DAY;
    assert!(frozen.past_best(Profile::Cdc, t(seven_months)));
    assert!(!frozen.is_expired(Profile::Cdc, t(seven_months)));
    assert!(act(&frozen, Action::Move(Place::Thawing), seven_months).is_ok());
    // NHS gives 6 months and no more.
    assert!(frozen.is_expired(Profile::Nhs, t(seven_months)));
    assert!(matches!(
        apply(
            &frozen,
            Action::Move(Place::Thawing),
            t(seven_months),
            Profile::Nhs
        ),
        Err(BatchError::Expired { .. })
    ));
    // Past 12 months it is past its time everywhere.
    assert!(frozen.is_expired(Profile::Cdc, t(370 * DAY)));
}

#[test]
fn ice_box_to_freezer_keeps_the_first_freezing_time() {
    let ice = logged(Place::IceBox, -10);
    let freezer = act(&ice, Action::Move(Place::Freezer), 5 * 24 * 60).unwrap();
    assert_eq!(freezer.clocks.frozen_at, Some(t(-10)));
}

#[test]
fn expired_milk_cannot_be_moved_to_buy_time() {
    let room = logged(Place::Room, -5 * 60);
    assert!(matches!(
        act(&room, Action::Move(Place::Fridge), 0),
        Err(BatchError::Expired { .. })
    ));
    // It can still be used or discarded.
    assert_eq!(
        act(&room, Action::Discard(DiscardReason::Expired), 0)
            .unwrap()
            .status,
        Status::Discarded
    );
}

#[test]
fn use_part_then_the_rest() {
    let b = logged(Place::Fridge, 0);
    let o = apply(&b, Action::Use(Some(Ml(60))), t(10), Profile::Cdc).unwrap();
    assert_eq!(
        (o.after.amount, o.after.status, o.used),
        (Ml(60), Status::Stored, Some(Ml(60)))
    );
    assert_eq!(
        act(&o.after, Action::Use(Some(Ml(61))), 20),
        Err(BatchError::MoreThanLeft { left: Ml(60) })
    );
    let done = apply(&o.after, Action::Use(None), t(20), Profile::Cdc).unwrap();
    assert_eq!((done.after.status, done.used), (Status::Used, Some(Ml(60))));
    assert_eq!(
        act(&done.after, Action::Use(None), 30),
        Err(BatchError::Finished(Status::Used))
    );
    assert_eq!(
        act(&b, Action::Use(Some(Ml(0))), 10),
        Err(BatchError::ZeroAmount)
    );
}

#[test]
fn finished_batches_refuse_every_action() {
    let gone = act(
        &logged(Place::Fridge, 0),
        Action::Discard(DiscardReason::Spilled),
        5,
    )
    .unwrap();
    for action in [
        Action::Move(Place::Freezer),
        Action::Use(None),
        Action::Discard(DiscardReason::Other),
        Action::SetAmount(Ml(10)),
        Action::SetExpressed(t(-5)),
    ] {
        assert_eq!(
            act(&gone, action, 6),
            Err(BatchError::Finished(Status::Discarded))
        );
    }
}

#[test]
fn moving_nowhere_or_backwards_is_refused() {
    let b = logged(Place::Freezer, 0);
    assert_eq!(
        act(&b, Action::Move(Place::Freezer), 1),
        Err(BatchError::AlreadyThere(Place::Freezer))
    );
    assert_eq!(
        act(&b, Action::Move(Place::Room), 1),
        Err(BatchError::CannotMove {
            from: Place::Freezer,
            to: Place::Room
        })
    );
}

#[test]
fn editing_the_time_moves_the_clock() {
    let b = logged(Place::Room, 0);
    let earlier = act(&b, Action::SetExpressed(t(-120)), 1).unwrap();
    assert_eq!(earlier.deadline(Profile::Cdc), t(120));
    assert_eq!(earlier.clocks.place_since, t(-120));
    assert_eq!(
        act(&b, Action::SetExpressed(t(60)), 1),
        Err(BatchError::InFuture)
    );
    let frozen = act(&logged(Place::Fridge, -60), Action::Move(Place::Freezer), 0).unwrap();
    // Once moved, the time stays: either way it could give the milk more time.
    for at in [-30, -90] {
        assert_eq!(
            act(&frozen, Action::SetExpressed(t(at)), 1),
            Err(BatchError::TimeAfterMove)
        );
    }
    assert_eq!(
        act(&frozen, Action::SetExpressed(t(1)), 2),
        Err(BatchError::AfterLaterStep)
    );
}

#[test]
fn amounts_are_bounded() {
    let b = logged(Place::Fridge, 0);
    assert_eq!(
        act(&b, Action::SetAmount(Ml(0)), 1),
        Err(BatchError::ZeroAmount)
    );
    assert!(act(&b, Action::SetAmount(Ml(1001)), 1).is_err());
    assert_eq!(
        act(&b, Action::SetAmount(Ml(80)), 1).unwrap().amount,
        Ml(80)
    );
}

const DAY: i64 = 24 * 60;

fn undo(current: &BatchState, restored: &BatchState, step: i64, at: i64) -> Result<(), BatchError> {
    check_undo(current, restored, t(step), t(at), Profile::Cdc)
}

#[test]
fn undo_of_a_thaw_only_within_the_window() {
    let frozen = logged(Place::Freezer, -DAY);
    let thawed = act(&frozen, Action::Move(Place::Thawing), 0).unwrap();
    assert_eq!(undo(&thawed, &frozen, 0, 5), Ok(()));
    assert_eq!(
        undo(&thawed, &frozen, 0, 6),
        Err(BatchError::UndoThawTooLate)
    );
    // Also under NHS, where thawed milk is "use straight away".
    assert_eq!(
        check_undo(&thawed, &frozen, t(0), t(30), Profile::Nhs),
        Err(BatchError::UndoThawTooLate)
    );
    let room = act(&frozen, Action::Move(Place::ThawedRoom), 0).unwrap();
    assert_eq!(
        undo(&room, &frozen, 0, 60),
        Err(BatchError::UndoThawTooLate)
    );
}

#[test]
fn undo_that_gives_more_time_only_within_the_window() {
    // Back to the fridge from a feed, or from the room after thawing.
    let fridge = logged(Place::Fridge, -60);
    let fed = act(&fridge, Action::Move(Place::Leftover), 0).unwrap();
    assert_eq!(undo(&fed, &fridge, 0, 4), Ok(()));
    assert_eq!(undo(&fed, &fridge, 0, 30), Err(BatchError::UndoTooLate));
    // Used or discarded milk does not come back after the window.
    let used = act(&fridge, Action::Use(None), 0).unwrap();
    assert_eq!(undo(&used, &fridge, 0, 5), Ok(()));
    assert_eq!(undo(&used, &fridge, 0, 6), Err(BatchError::UndoTooLate));
    let gone = act(&fridge, Action::Discard(DiscardReason::Spilled), 0).unwrap();
    assert_eq!(undo(&gone, &fridge, 0, 60), Err(BatchError::UndoTooLate));
    // An edit that made the time earlier: undoing it later would stretch the deadline.
    let room = logged(Place::Room, 0);
    let earlier = act(&room, Action::SetExpressed(t(-120)), 1).unwrap();
    assert_eq!(undo(&earlier, &room, 1, 60), Err(BatchError::UndoTooLate));
    // Undo that keeps or shortens the deadline is fine at any time.
    assert_eq!(undo(&room, &earlier, 1, 60), Ok(()));
    let part = act(&fridge, Action::Use(Some(Ml(20))), 0).unwrap();
    assert_eq!(undo(&part, &fridge, 0, 3 * DAY), Ok(()));
    let frozen = act(&fridge, Action::Move(Place::Freezer), 0).unwrap();
    assert_eq!(undo(&frozen, &fridge, 0, DAY), Ok(()));
}

#[test]
fn undo_never_brings_back_milk_past_its_time() {
    // In the fridge for 3 days, then frozen; undone after the fridge's 4 days.
    let fridge = logged(Place::Fridge, -3 * DAY);
    let frozen = act(&fridge, Action::Move(Place::Freezer), 0).unwrap();
    assert!(matches!(
        undo(&frozen, &fridge, 0, 2 * DAY),
        Err(BatchError::UndoExpired { .. })
    ));
    // Room to fridge undone once the room's 4 h have passed.
    let room = logged(Place::Room, -60);
    let cold = act(&room, Action::Move(Place::Fridge), 0).unwrap();
    assert!(matches!(
        undo(&cold, &room, 0, 4 * 60),
        Err(BatchError::UndoExpired { .. })
    ));
    // Milk already past its time stays so: undoing an edit on it is harmless.
    let old = act(&room, Action::SetAmount(Ml(100)), 1).unwrap();
    assert_eq!(undo(&old, &room, 1, 5 * 60), Ok(()));
    // Undoing a log removes the batch, whatever its time.
    let removed = BatchState {
        status: Status::Removed,
        ..room
    };
    assert_eq!(undo(&room, &removed, 0, DAY), Ok(()));
}

#[test]
fn an_edit_that_gives_more_time_is_flagged() {
    let room = logged(Place::Room, -120);
    let later = later_deadline(&room, Action::SetExpressed(t(0)), t(0), Profile::Cdc);
    assert_eq!(later, Some((t(120), t(240))));
    assert_eq!(
        later_deadline(&room, Action::SetExpressed(t(-180)), t(0), Profile::Cdc),
        None
    );
    assert_eq!(
        later_deadline(&room, Action::SetAmount(Ml(10)), t(0), Profile::Cdc),
        None
    );
}

#[test]
fn an_edited_logging_message_relogs_only_early_and_untouched() {
    let fridge = logged(Place::Fridge, 0);
    let typo = |ml, at| NewBatch {
        amount: Ml(ml),
        place: Place::Fridge,
        expressed_at: t(at),
        sides: Sides::default(),
    };
    let fixed = relog(&fridge, true, t(0), typo(90, 0), t(15), Profile::Cdc, false).unwrap();
    assert_eq!(fixed.amount, Ml(90));
    assert_eq!(
        relog(&fridge, true, t(0), typo(90, 0), t(16), Profile::Cdc, false),
        Err(BatchError::EditTooLate)
    );
    assert_eq!(
        relog(&fridge, false, t(0), typo(90, 0), t(1), Profile::Cdc, false),
        Err(BatchError::MovedOn)
    );
    // Earlier is fine; later would stretch the deadline.
    assert!(
        relog(
            &fridge,
            true,
            t(0),
            typo(90, -60),
            t(1),
            Profile::Cdc,
            false
        )
        .is_ok()
    );
    let earlier = logged(Place::Fridge, -60);
    assert!(matches!(
        relog(&earlier, true, t(0), typo(90, 0), t(1), Profile::Cdc, false),
        Err(BatchError::LaterDeadline { .. })
    ));
    // Confirmed, the later deadline is allowed; the window and moves still count.
    let confirmed = relog(&earlier, true, t(0), typo(90, 0), t(1), Profile::Cdc, true);
    assert_eq!(confirmed.map(|s| s.clocks.expressed_at), Ok(t(0)));
    assert_eq!(
        relog(&earlier, true, t(0), typo(90, 0), t(16), Profile::Cdc, true),
        Err(BatchError::EditTooLate)
    );
    assert_eq!(
        relog(&earlier, false, t(0), typo(90, 0), t(1), Profile::Cdc, true),
        Err(BatchError::MovedOn)
    );
}
