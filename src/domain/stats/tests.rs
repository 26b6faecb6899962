use super::*;
use crate::domain::Unit;
use chrono::TimeZone;
use chrono_tz::America::New_York;
use chrono_tz::Europe::Berlin;
use proptest::prelude::*;

/// A local wall-clock time in `tz`, as UTC.
fn local(tz: Tz, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    tz.with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("an unambiguous local time")
        .with_timezone(&Utc)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn session(at: DateTime<Utc>, ml: u32, left: Option<u32>, right: Option<u32>) -> Session {
    Session {
        expressed_at: at,
        amount: Ml(ml),
        left: left.map(Ml),
        right: right.map(Ml),
    }
}

fn batch(id: i64, place: Place, ml: u32, deadline: DateTime<Utc>) -> StoredBatch {
    StoredBatch {
        id,
        place,
        amount: Ml(ml),
        expressed_at: deadline - Duration::days(1),
        deadline,
    }
}

fn tally(total: u32, left: u32, right: u32, unknown: u32, sessions: u32) -> Tally {
    Tally {
        total: Ml(total),
        left: Ml(left),
        right: Ml(right),
        unknown: Ml(unknown),
        sessions,
    }
}

#[test]
fn a_session_splits_into_sides_that_add_up() {
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let split = |l, r| session(at, 100, l, r).split();
    assert_eq!(split(Some(40), Some(50)), (Ml(40), Ml(50), Ml(10)));
    assert_eq!(split(Some(40), None), (Ml(40), Ml(0), Ml(60)));
    assert_eq!(split(None, Some(30)), (Ml(0), Ml(30), Ml(70)));
    assert_eq!(split(None, None), (Ml(0), Ml(0), Ml(100)));
    // Sides claiming more than the whole are cut down to it.
    assert_eq!(split(Some(80), Some(80)), (Ml(80), Ml(20), Ml(0)));
    assert_eq!(split(Some(150), Some(10)), (Ml(100), Ml(0), Ml(0)));
}

/// A New York family (UTC-5 in January); now is 15 January, 15:00 local.
/// Several sessions sit a few minutes either side of local midnight, where the
/// UTC date differs from the local one.
fn new_york_history() -> (Vec<Session>, DateTime<Utc>) {
    let ny = |d, h, mi| local(New_York, 2026, 1, d, h, mi);
    let sessions = vec![
        session(ny(15, 6, 0), 120, Some(60), Some(60)),
        session(ny(15, 0, 5), 90, Some(40), None),
        // 04:55 UTC on the 15th, but the 14th at home.
        session(ny(14, 23, 55), 100, None, None),
        session(ny(14, 12, 0), 150, Some(70), Some(80)),
        session(ny(9, 10, 0), 200, None, None),
        // The 9th in UTC, the 8th at home: outside the last seven days.
        session(ny(8, 23, 59), 300, None, None),
        session(ny(2, 8, 0), 50, None, None),
        // The 2nd in UTC, the 1st at home: outside the fourteen-day series.
        session(ny(1, 20, 0), 70, None, None),
    ];
    (sessions, ny(15, 15, 0))
}

#[test]
fn today_yesterday_and_the_week_follow_local_midnight() {
    let (sessions, now) = new_york_history();
    let e = expressed(&sessions, New_York, now);
    assert_eq!(e.today, tally(210, 100, 60, 50, 2));
    assert_eq!(e.yesterday, tally(250, 70, 80, 100, 2));
    assert_eq!(e.last_7_days, tally(660, 170, 140, 350, 5));
    assert_eq!(e.today.average_per_session(), Some(Ml(105)));
    assert_eq!(e.yesterday.average_per_session(), Some(Ml(125)));
    // 660 / 5 = 132.
    assert_eq!(e.last_7_days.average_per_session(), Some(Ml(132)));
    assert!(e.today.sides_known());
}

#[test]
fn the_chart_series_has_fourteen_days_with_zero_days() {
    let (sessions, now) = new_york_history();
    let s = chart_series(&sessions, New_York, now);
    assert_eq!(s.len(), 14);
    assert_eq!(s.first().map(|d| d.date), Some(date(2026, 1, 2)));
    assert_eq!(s.last().map(|d| d.date), Some(date(2026, 1, 15)));
    let totals: Vec<u32> = s.iter().map(|d| d.tally.total.get()).collect();
    #[rustfmt::skip]
    assert_eq!(totals, [50, 0, 0, 0, 0, 0, 300, 200, 0, 0, 0, 0, 250, 210]);
    assert!(
        s.windows(2)
            .all(|w| w[0].date.succ_opt() == Some(w[1].date))
    );
    // Every day with a session, including the one before the series.
    let days = per_day(&sessions, New_York);
    assert_eq!(days.len(), 6);
    assert_eq!(
        days.first().map(|d| (d.date, d.tally.total)),
        Some((date(2026, 1, 1), Ml(70)))
    );
}

#[test]
fn dst_days_are_23_and_25_hours_and_count_as_one_day() {
    let berlin = |mo, d, h, mi| local(Berlin, 2026, mo, d, h, mi);
    // Clocks go forward on 29 March and back on 25 October 2026.
    assert_eq!(
        berlin(3, 30, 0, 0) - berlin(3, 29, 0, 0),
        Duration::hours(23)
    );
    assert_eq!(
        berlin(10, 26, 0, 0) - berlin(10, 25, 0, 0),
        Duration::hours(25)
    );

    let sessions = [
        session(berlin(3, 28, 23, 50), 10, None, None),
        session(berlin(3, 29, 0, 10), 20, None, None),
        session(berlin(3, 29, 23, 50), 30, None, None),
        session(berlin(3, 30, 0, 10), 40, None, None),
        session(berlin(10, 24, 23, 50), 50, None, None),
        session(berlin(10, 25, 0, 10), 60, None, None),
        session(berlin(10, 25, 23, 50), 70, None, None),
        session(berlin(10, 26, 0, 10), 80, None, None),
    ];
    let totals: Vec<(NaiveDate, u32, u32)> = per_day(&sessions, Berlin)
        .iter()
        .map(|d| (d.date, d.tally.total.get(), d.tally.sessions))
        .collect();
    assert_eq!(
        totals,
        [
            (date(2026, 3, 28), 10, 1),
            (date(2026, 3, 29), 50, 2),
            (date(2026, 3, 30), 40, 1),
            (date(2026, 10, 24), 50, 1),
            (date(2026, 10, 25), 130, 2),
            (date(2026, 10, 26), 80, 1),
        ]
    );
    // 25 October's two sessions are 24 h 40 min apart and still one day.
    let e = expressed(&sessions, Berlin, berlin(10, 26, 12, 0));
    assert_eq!(e.yesterday.total, Ml(130));
    assert_eq!(e.today.total, Ml(80));
    // The series steps over both changes one date at a time.
    let s = series(&sessions, Berlin, date(2026, 3, 31), 4);
    let dates: Vec<NaiveDate> = s.iter().map(|d| d.date).collect();
    assert_eq!(
        dates,
        [
            date(2026, 3, 28),
            date(2026, 3, 29),
            date(2026, 3, 30),
            date(2026, 3, 31)
        ]
    );
}

#[test]
fn ounces_are_rounded_once_from_the_millilitre_total() {
    let at = Utc.with_ymd_and_hms(2026, 5, 5, 9, 0, 0).unwrap();
    let sessions: Vec<Session> = (0..3)
        .map(|i| session(at + Duration::minutes(i), 46, None, None))
        .collect();
    let e = expressed(&sessions, chrono_tz::UTC, at + Duration::hours(1));
    // Each session shows as 1.6 oz; three of them are 138 ml = 4.67 oz, not 4.8.
    assert_eq!(Ml(46).number(Unit::Oz), "1.6");
    assert_eq!(e.today.total.number(Unit::Oz), "4.7");
    assert_eq!(
        e.today.average_per_session().map(|m| m.number(Unit::Oz)),
        Some("1.6".into())
    );
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 10, 18, 0, 0).unwrap()
}

fn used(hours_ago: i64, ml: u32) -> Usage {
    Usage {
        at: now() - Duration::hours(hours_ago),
        amount: Ml(ml),
    }
}

#[test]
fn days_of_supply_from_a_week_of_use() {
    // 500 ml eight days ago only shows the history is older than a week.
    let usage = [
        used(8 * 24, 500),
        used(6 * 24, 300),
        used(3 * 24, 400),
        used(1, 700),
    ];
    assert_eq!(daily_use(&usage, now()), Some(200.0));
    let stash = [
        batch(1, Place::Fridge, 600, now() + Duration::days(2)),
        batch(2, Place::Freezer, 1000, now() + Duration::days(100)),
        batch(3, Place::IceBox, 200, now() + Duration::days(10)),
        // Past its deadline: not counted as supply.
        batch(4, Place::Freezer, 400, now() - Duration::hours(1)),
    ];
    assert_eq!(days_of_supply(&stash, &usage, now()), Some(9.0));
    assert_eq!(frozen_days_of_supply(&stash, &usage, now()), Some(6.0));
    let all = insights(&[], &usage, &stash, chrono_tz::UTC, now());
    assert_eq!(all.usable, Ml(1800));
    assert_eq!(all.expired.iter().map(|b| b.id).collect::<Vec<_>>(), [4]);
}

#[test]
fn days_of_supply_wait_for_three_days_of_recorded_use() {
    let stash = [batch(1, Place::Freezer, 1000, now() + Duration::days(100))];
    // Two feeds on two days: a daily use, but no days of supply yet.
    let two = [used(30, 300), used(2, 200)];
    let i = insights(&[], &two, &stash, chrono_tz::UTC, now());
    assert_eq!(i.use_days, 2);
    assert!(i.daily_use.is_some());
    assert_eq!((i.days_of_supply, i.frozen_days_of_supply), (None, None));
    // A third day of use: shown.
    let three = [used(54, 300), used(30, 300), used(2, 200)];
    let i = insights(&[], &three, &stash, chrono_tz::UTC, now());
    assert_eq!(i.use_days, 3);
    assert!(i.days_of_supply.is_some() && i.frozen_days_of_supply.is_some());
    // Many feeds on one day are still one day.
    let one_day = [used(3, 100), used(2, 100), used(1, 100)];
    assert_eq!(use_days(&one_day, chrono_tz::UTC, now()), 1);
}

#[test]
fn a_short_use_history_is_averaged_over_its_own_length() {
    assert_eq!(
        daily_use(&[used(48, 300), used(12, 300)], now()),
        Some(300.0)
    );
    // One feed an hour ago counts as a day's use, not a seventh of it.
    assert_eq!(daily_use(&[used(1, 150)], now()), Some(150.0));
}

#[test]
fn no_use_history_means_no_days_of_supply() {
    let stash = [batch(1, Place::Freezer, 1000, now() + Duration::days(100))];
    assert_eq!(daily_use(&[], now()), None);
    assert_eq!(days_of_supply(&stash, &[], now()), None);
    assert_eq!(frozen_days_of_supply(&stash, &[], now()), None);
    // Use more than a week ago is no current use either.
    let old = [used(8 * 24, 500)];
    assert_eq!(days_of_supply(&stash, &old, now()), None);
    // Nor is use in the future (a clock that was wrong).
    assert_eq!(daily_use(&[used(-5, 100)], now()), None);
}

#[test]
fn an_empty_stash_holds_no_days_and_expires_nothing() {
    let usage = [used(8 * 24, 100), used(2, 700)];
    assert_eq!(days_of_supply(&[], &usage, now()), Some(0.0));
    assert_eq!(frozen_days_of_supply(&[], &usage, now()), Some(0.0));
    let all = insights(&[], &usage, &[], chrono_tz::UTC, now());
    assert!(all.places.is_empty() && all.expiring_soon.is_empty() && all.expired.is_empty());
    assert_eq!(all.usable, Ml(0));
    assert_eq!(all.series.len(), SERIES_DAYS as usize);
    assert!(all.series.iter().all(|d| d.tally == Tally::default()));
    assert_eq!(all.expressed.last_7_days.average_per_session(), None);
}

#[test]
fn expiring_soon_is_the_next_48_hours_in_deadline_order() {
    let h = |n| now() + Duration::hours(n);
    let stash = [
        batch(1, Place::Fridge, 100, h(47)),
        batch(2, Place::Room, 100, h(1)),
        batch(3, Place::Fridge, 100, h(49)),
        batch(4, Place::Fridge, 100, h(-1)),
        batch(6, Place::Cooler, 100, h(48)),
        batch(5, Place::Fridge, 100, h(48)),
        batch(7, Place::Freezer, 100, now()),
    ];
    let ids: Vec<i64> = expiring_soon(&stash, now()).iter().map(|b| b.id).collect();
    assert_eq!(ids, [2, 1, 5, 6]);
    let ids: Vec<i64> = expired(&stash, now()).iter().map(|b| b.id).collect();
    assert_eq!(ids, [4, 7]);
}

#[test]
fn totals_per_place_in_place_order() {
    let d = |n| now() + Duration::days(n);
    let stash = [
        batch(1, Place::Freezer, 120, d(90)),
        batch(2, Place::Fridge, 60, d(3)),
        batch(3, Place::Freezer, 150, d(30)),
        batch(4, Place::Fridge, 90, d(1)),
        batch(5, Place::Freezer, 100, d(-1)),
    ];
    let totals = place_totals(&stash);
    assert_eq!(
        totals,
        [
            PlaceTotal {
                place: Place::Fridge,
                amount: Ml(150),
                batches: 2,
                next_deadline: d(1)
            },
            PlaceTotal {
                place: Place::Freezer,
                amount: Ml(370),
                batches: 3,
                next_deadline: d(-1)
            },
        ]
    );
}

fn any_tz() -> impl Strategy<Value = Tz> {
    prop::sample::select(vec![
        chrono_tz::UTC,
        New_York,
        Berlin,
        chrono_tz::Australia::Lord_Howe,
        chrono_tz::Asia::Kathmandu,
        chrono_tz::America::Santiago,
        chrono_tz::Pacific::Kiritimati,
    ])
}

fn any_time() -> impl Strategy<Value = DateTime<Utc>> {
    // 2020 to 2035, to the second.
    (1_577_836_800i64..2_082_758_400)
        .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap_or_default())
}

fn any_session() -> impl Strategy<Value = Session> {
    (
        any_time(),
        any::<u32>(),
        any::<Option<u32>>(),
        any::<Option<u32>>(),
    )
        .prop_map(|(at, ml, l, r)| session(at, ml, l, r))
}

proptest! {
    #[test]
    fn series_are_whole_and_add_up(
        sessions in prop::collection::vec(any_session(), 0..40),
        tz in any_tz(),
        now in any_time(),
        days in 0u32..40,
    ) {
        let today = local_date(now, tz);
        let s = series(&sessions, tz, today, days);
        prop_assert_eq!(s.len(), days as usize);
        prop_assert!(s.windows(2).all(|w| w[0].date.succ_opt() == Some(w[1].date)));
        prop_assert!(s.last().is_none_or(|d| d.date == today));
        let inside: u64 = sessions
            .iter()
            .filter(|x| s.iter().any(|d| d.date == local_date(x.expressed_at, tz)))
            .map(|x| u64::from(x.amount.get()))
            .sum();
        let counted: u64 = s.iter().map(|d| u64::from(d.tally.total.get())).sum();
        // Ml adds with saturation; below u32::MAX the sums must agree exactly.
        if inside < u64::from(u32::MAX) {
            prop_assert_eq!(counted, inside);
        }
        for d in &s {
            let t = d.tally;
            prop_assert_eq!(t.total, t.left + t.right + t.unknown);
        }
    }

    #[test]
    fn supply_never_panics_and_is_never_negative(
        usage in prop::collection::vec((any_time(), any::<u32>()), 0..20),
        stash in prop::collection::vec((any_time(), any::<u32>(), 0usize..8), 0..20),
        now in any_time(),
    ) {
        let usage: Vec<Usage> = usage.into_iter().map(|(at, ml)| Usage { at, amount: Ml(ml) }).collect();
        let stash: Vec<StoredBatch> = stash
            .into_iter()
            .enumerate()
            .map(|(i, (deadline, ml, p))| {
                batch(i as i64, Place::ALL.get(p).copied().unwrap_or(Place::Fridge), ml, deadline)
            })
            .collect();
        let all = insights(&[], &usage, &stash, chrono_tz::UTC, now);
        for v in [all.daily_use, all.days_of_supply, all.frozen_days_of_supply].into_iter().flatten() {
            prop_assert!(v.is_finite() && v >= 0.0);
        }
        prop_assert!(all.frozen_days_of_supply <= all.days_of_supply);
        prop_assert!(all.expiring_soon.windows(2).all(|w| w[0].deadline <= w[1].deadline));
    }
}
