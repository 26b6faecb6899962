use super::*;
use chrono::TimeZone;

fn t(h: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 10, 8, 0, 0).unwrap() + Duration::hours(h)
}

/// Every profile and place, with the limit the bot counts and the authority it rests on.
#[test]
fn rule_table() {
    use Limit::*;
    use Place::*;
    use Profile::*;
    #[rustfmt::skip]
    let table: &[(Profile, Place, Limit, Profile)] = &[
        (Cdc, Room, Hours(4), Cdc), (Cdc, Cooler, Hours(24), Cdc), (Cdc, Fridge, Days(4), Cdc),
        (Cdc, IceBox, Days(14), Nhs), (Cdc, Freezer, Months(6), Cdc), (Cdc, Thawing, NoClock, Cdc),
        (Cdc, ThawedFridge, Hours(24), Cdc), (Cdc, ThawedRoom, Hours(1), Cdc), (Cdc, Leftover, Hours(2), Cdc),

        (Nhs, Room, Hours(4), Cdc), (Nhs, Cooler, Hours(24), Nhs), (Nhs, Fridge, Days(3), Nhs),
        (Nhs, IceBox, Days(14), Nhs), (Nhs, Freezer, Months(6), Nhs), (Nhs, Thawing, NoClock, Nhs),
        (Nhs, ThawedFridge, Immediately, Nhs), (Nhs, ThawedRoom, Immediately, Nhs), (Nhs, Leftover, Hours(1), Nhs),

        (Abm, Room, Hours(4), Abm), (Abm, Cooler, Hours(24), Abm), (Abm, Fridge, Days(4), Abm),
        (Abm, IceBox, Days(14), Nhs), (Abm, Freezer, Months(6), Abm), (Abm, Thawing, NoClock, Abm),
        (Abm, ThawedFridge, Hours(24), Abm), (Abm, ThawedRoom, Hours(1), Abm), (Abm, Leftover, Hours(1), Abm),

        (Lll, Room, Hours(4), Lll), (Lll, Cooler, Hours(24), Cdc), (Lll, Fridge, Days(3), Lll),
        (Lll, IceBox, Days(14), Nhs), (Lll, Freezer, Months(6), Lll), (Lll, Thawing, NoClock, Lll),
        (Lll, ThawedFridge, Hours(24), Lll), (Lll, ThawedRoom, Hours(1), Cdc), (Lll, Leftover, Hours(2), Cdc),

        (Strictest, Room, Hours(4), Cdc), (Strictest, Cooler, Hours(24), Nhs), (Strictest, Fridge, Days(3), Nhs),
        (Strictest, IceBox, Days(14), Nhs), (Strictest, Freezer, Months(6), Nhs), (Strictest, Thawing, NoClock, Cdc),
        (Strictest, ThawedFridge, Immediately, Nhs), (Strictest, ThawedRoom, Immediately, Nhs),
        (Strictest, Leftover, Hours(1), Nhs),
    ];
    assert_eq!(table.len(), Profile::ALL.len() * Place::ALL.len());
    for &(profile, place, limit, source) in table {
        let r = rule(profile, place);
        assert_eq!(
            (r.limit, r.source),
            (limit, source),
            "{profile:?} {place:?}"
        );
    }
}

/// A guideline, a place, the clocks, the deadline and when to discard.
type Case = (Guideline, Place, Clocks, DateTime<Utc>, DateTime<Utc>);

/// Every (profile, place, clock start) case against FACTS.md: the deadline the bot
/// counts and when the milk must be discarded, for milk with a known history.
#[test]
fn deadline_table() {
    use Place::*;
    use Profile::*;
    let g = |profile, cold_fridge| Guideline {
        profile,
        cold_fridge,
    };
    let clocks =
        |place_since: i64, frozen: Option<i64>, thawed: Option<i64>, cap: Option<i64>| Clocks {
            expressed_at: t(0),
            frozen_at: frozen.map(t),
            thawed_at: thawed.map(t),
            place_since: t(place_since),
            cap: cap.map(t),
        };
    let months = |m: u32| t(48).checked_add_months(Months::new(m)).unwrap();
    let never = no_deadline();
    // Logged fresh; moved to the fridge after 3 h; chilled milk moved into a cooler
    // bag at 50 h (and at 80 h, when the fridge's limit comes first); frozen at 48 h;
    // thawing since 100 h; fully thawed at 110 h; a feed that ended at 200 h.
    let fresh = clocks(0, None, None, None);
    let fridge = clocks(3, None, None, None);
    let frozen = clocks(60, Some(48), None, None);
    let thawing = clocks(100, Some(48), None, None);
    let thawed = clocks(110, Some(48), Some(110), None);
    let thawed_out = clocks(110, Some(48), Some(110), Some(134));
    let feed = clocks(200, None, None, Some(1000));
    let feed_late = clocks(200, None, None, Some(201));
    #[rustfmt::skip]
    let table: Vec<Case> = vec![
        // Fresh at room temperature: 4 h from expression everywhere (NHS has no figure).
        (g(Cdc, false), Room, fresh, t(4), t(4)),
        (g(Nhs, true), Room, fresh, t(4), t(4)),
        (g(Abm, false), Room, fresh, t(4), t(4)),
        (g(Lll, false), Room, fresh, t(4), t(4)),
        (g(Strictest, false), Room, fresh, t(4), t(4)),
        // Straight into a cooler bag: 24 h, except where it needs chilled milk (NHS).
        (g(Cdc, false), Cooler, fresh, t(24), t(24)),
        (g(Nhs, true), Cooler, fresh, t(4), t(4)),
        (g(Abm, false), Cooler, fresh, t(24), t(24)),
        (g(Lll, false), Cooler, fresh, t(24), t(24)),
        (g(Strictest, false), Cooler, fresh, t(4), t(4)),
        // Chilled, then into a cooler bag: 24 h from the move, never past the fridge.
        (g(Cdc, false), Cooler, clocks(50, None, None, Some(96)), t(74), t(74)),
        (g(Cdc, false), Cooler, clocks(80, None, None, Some(96)), t(96), t(96)),
        (g(Nhs, true), Cooler, clocks(50, None, None, Some(192)), t(74), t(74)),
        (g(Nhs, false), Cooler, clocks(50, None, None, Some(72)), t(72), t(72)),
        // The fridge counts from expression, not from the move.
        (g(Cdc, false), Fridge, fridge, t(96), t(96)),
        (g(Nhs, false), Fridge, fridge, t(72), t(72)),
        (g(Nhs, true), Fridge, fridge, t(192), t(192)),
        (g(Abm, true), Fridge, fridge, t(96), t(96)),
        (g(Lll, true), Fridge, fridge, t(72), t(72)),
        (g(Strictest, true), Fridge, fridge, t(72), t(72)),
        // Frozen: from first freezing. The ice compartment is NHS's 2 weeks.
        (g(Cdc, false), IceBox, frozen, t(48 + 14 * 24), t(48 + 14 * 24)),
        (g(Nhs, false), IceBox, frozen, t(48 + 14 * 24), t(48 + 14 * 24)),
        // Freezer: 6 months best, 12 acceptable (CDC, ABM, LLL); NHS 6 months.
        (g(Cdc, false), Freezer, frozen, months(6), months(12)),
        (g(Abm, false), Freezer, frozen, months(6), months(12)),
        (g(Lll, false), Freezer, frozen, months(6), months(12)),
        (g(Nhs, true), Freezer, frozen, months(6), months(6)),
        (g(Strictest, false), Freezer, frozen, months(6), months(6)),
        // Thawing in the fridge: no clock until fully thawed.
        (g(Cdc, false), Thawing, thawing, never, never),
        (g(Nhs, true), Thawing, thawing, never, never),
        (g(Strictest, false), Thawing, thawing, never, never),
        // Thawed in the fridge: 24 h from fully thawed; NHS: use straight away.
        (g(Cdc, false), ThawedFridge, thawed, t(134), t(134)),
        (g(Abm, false), ThawedFridge, thawed, t(134), t(134)),
        (g(Lll, false), ThawedFridge, thawed, t(134), t(134)),
        (g(Nhs, true), ThawedFridge, thawed, t(110), t(110)),
        (g(Strictest, false), ThawedFridge, thawed, t(110), t(110)),
        // Thawed, out of the fridge (or in lukewarm water): 1–2 h, counted as 1 h.
        (g(Cdc, false), ThawedRoom, thawed_out, t(111), t(111)),
        (g(Abm, false), ThawedRoom, thawed_out, t(111), t(111)),
        (g(Lll, false), ThawedRoom, thawed_out, t(111), t(111)),
        (g(Nhs, true), ThawedRoom, thawed_out, t(110), t(110)),
        (g(Strictest, false), ThawedRoom, thawed_out, t(110), t(110)),
        // Leftovers: from the end of the feed; never past the milk's own deadline.
        (g(Cdc, false), Leftover, feed, t(202), t(202)),
        (g(Nhs, true), Leftover, feed, t(201), t(201)),
        (g(Abm, false), Leftover, feed, t(201), t(201)),
        (g(Lll, false), Leftover, feed, t(202), t(202)),
        (g(Strictest, false), Leftover, feed, t(201), t(201)),
        (g(Cdc, false), Leftover, feed_late, t(201), t(201)),
    ];
    for (guideline, place, clocks, want, discard) in table {
        assert_eq!(
            (
                deadline(guideline, place, &clocks),
                safe_until(guideline, place, &clocks)
            ),
            (want, discard),
            "{guideline:?} {place:?} {clocks:?}"
        );
    }
}

#[test]
fn strictest_is_never_longer_than_any_profile() {
    for place in Place::ALL {
        let strict = rule(Profile::Strictest, place).limit.approx_hours();
        for p in Profile::ALL {
            assert!(
                strict <= rule(p, place).limit.approx_hours(),
                "{p:?} {place:?}"
            );
        }
    }
}

#[test]
fn codes_and_tags_round_trip() {
    for p in Place::ALL {
        assert_eq!(Place::from_code(p.code()), Some(p));
        assert_eq!(Place::from_tag(p.tag()), Some(p));
    }
    for p in Profile::ALL {
        assert_eq!(Profile::from_code(p.code()), Some(p));
    }
    assert_eq!(Place::from_code("garage"), None);
}

#[test]
fn fridge_counts_from_expression_not_from_the_move() {
    let clocks = Clocks {
        expressed_at: t(0),
        frozen_at: None,
        thawed_at: None,
        place_since: t(3),
        cap: None,
    };
    assert_eq!(deadline(Profile::Cdc, Place::Room, &clocks), t(4));
    assert_eq!(deadline(Profile::Cdc, Place::Fridge, &clocks), t(96));
    // NHS: 8 days only for a fridge the family says is at 4 °C or colder.
    assert_eq!(deadline(Profile::Nhs, Place::Fridge, &clocks), t(3 * 24));
    let cold = Guideline {
        profile: Profile::Nhs,
        cold_fridge: true,
    };
    assert_eq!(deadline(cold, Place::Fridge, &clocks), t(8 * 24));
}

#[test]
fn freezer_counts_from_first_freezing_in_calendar_months() {
    let clocks = Clocks {
        expressed_at: t(0),
        frozen_at: Some(t(48)),
        thawed_at: None,
        place_since: t(100),
        cap: None,
    };
    let d = deadline(Profile::Cdc, Place::Freezer, &clocks);
    assert_eq!(d, Utc.with_ymd_and_hms(2026, 7, 12, 8, 0, 0).unwrap());
    // The ice compartment is frozen storage too: same clock, NHS's 2 weeks.
    assert_eq!(
        deadline(Profile::Cdc, Place::IceBox, &clocks),
        t(48 + 14 * 24)
    );
}

#[test]
fn thawed_counts_from_thawing_and_room_is_capped_by_the_fridge() {
    let thawed = Clocks {
        expressed_at: t(-1000),
        frozen_at: Some(t(-900)),
        thawed_at: Some(t(0)),
        place_since: t(0),
        cap: None,
    };
    assert_eq!(deadline(Profile::Cdc, Place::ThawedFridge, &thawed), t(24));
    assert_eq!(deadline(Profile::Nhs, Place::ThawedFridge, &thawed), t(0));
    let out = Clocks {
        place_since: t(23) + Duration::minutes(30),
        cap: Some(t(24)),
        ..thawed
    };
    assert_eq!(deadline(Profile::Cdc, Place::ThawedRoom, &out), t(24));
    let early = Clocks {
        place_since: t(2),
        ..out
    };
    assert_eq!(deadline(Profile::Cdc, Place::ThawedRoom, &early), t(3));
}

/// Every (from, to) pair: 1 where a move is allowed.
#[test]
fn transition_table() {
    use Place::*;
    let order = [
        Room,
        Cooler,
        Fridge,
        IceBox,
        Freezer,
        Thawing,
        ThawedFridge,
        ThawedRoom,
        Leftover,
    ];
    #[rustfmt::skip]
    let allowed: [[u8; 9]; 9] = [
        //      Room Cool Frdg IceB Frzr Thwg TFrd TRom Left
        /*Room*/ [0,   1,   1,   1,   1,   0,   0,   0,   1],
        /*Cool*/ [0,   0,   1,   1,   1,   0,   0,   0,   1],
        /*Frdg*/ [0,   1,   0,   1,   1,   0,   0,   0,   1],
        /*IceB*/ [0,   0,   0,   0,   1,   1,   0,   1,   0],
        /*Frzr*/ [0,   0,   0,   0,   0,   1,   0,   1,   0],
        /*Thwg*/ [0,   0,   0,   0,   0,   0,   1,   1,   0],
        /*TFrd*/ [0,   0,   0,   0,   0,   0,   0,   1,   1],
        /*TRom*/ [0,   0,   0,   0,   0,   0,   0,   0,   1],
        /*Left*/ [0,   0,   0,   0,   0,   0,   0,   0,   0],
    ];
    for (i, from) in order.iter().enumerate() {
        for (j, to) in order.iter().enumerate() {
            assert_eq!(
                can_move(*from, *to),
                allowed[i][j] == 1,
                "{from:?} -> {to:?}"
            );
        }
    }
}

#[test]
fn transitions() {
    use Place::*;
    // Thawed milk can never be frozen again.
    for from in [Thawing, ThawedFridge, ThawedRoom, Leftover] {
        for to in [IceBox, Freezer, Fridge, Room, Cooler] {
            assert!(!can_move(from, to), "{from:?} -> {to:?}");
        }
    }
    // Fresh milk cannot be "thawed"; frozen milk cannot go back to fresh places.
    for from in [Room, Cooler, Fridge] {
        assert!(!can_move(from, Thawing) && !can_move(from, ThawedRoom));
    }
    for from in [IceBox, Freezer] {
        for to in [Room, Cooler, Fridge, Leftover] {
            assert!(!can_move(from, to), "{from:?} -> {to:?}");
        }
    }
    assert!(can_move(Room, Fridge) && can_move(Fridge, Freezer) && can_move(Freezer, Thawing));
    for p in Place::ALL {
        assert!(!can_move(p, p), "{p:?} to itself");
    }
}
