//! Wording of times, deadlines and refusals.

use crate::domain::reminders::Kind;
use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;

use super::*;
use crate::domain::batch::BatchError;
use crate::domain::{Lang, Ml, Place, Profile, Unit};

/// Frozen milk: "best used by" and "past its best-quality time" only where a longer
/// acceptable time follows (CDC, ABM, LLL); NHS's 6 months keep the stricter words.
#[test]
fn freezer_wording_follows_the_guideline() {
    use crate::domain::batch::{self, NewBatch, Sides};
    use crate::domain::rules::Guideline;
    let at = utc(1, 9, 0);
    let frozen = batch::log(
        NewBatch {
            amount: Ml(120),
            place: Place::Freezer,
            expressed_at: at,
            sides: Sides::default(),
        },
        at,
    )
    .unwrap();
    let text = |profile: Profile, kind: Kind| {
        let g = Guideline::from(profile);
        reminder(
            Lang::En,
            kind,
            &frozen,
            (frozen.deadline(g), frozen.safe_until(g)),
            Unit::Ml,
            at,
            chrono_tz::UTC,
        )
    };
    assert!(text(Profile::Cdc, Kind::Lead).contains("best used by"));
    assert!(text(Profile::Nhs, Kind::Lead).contains(": use by"));
    assert!(text(Profile::Strictest, Kind::Lead).contains(": use by"));
    let best = text(Profile::Abm, Kind::Best);
    assert!(best.contains("past its best-quality time"), "{best}");
    assert!(!best.contains("discard"), "{best}");
    assert!(text(Profile::Nhs, Kind::Deadline).contains("safest to discard"));
}

fn utc(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap()
}

#[test]
fn when_is_short_and_local() {
    let now = utc(10, 9, 0); // Tuesday
    // New York is on daylight time (UTC-4) from 8 March 2026.
    let ny = chrono_tz::America::New_York;
    assert_eq!(when(Lang::En, utc(10, 8, 5), now, Tz::UTC), "today 08:05");
    assert_eq!(
        when(Lang::En, utc(9, 22, 10), now, Tz::UTC),
        "yesterday 22:10"
    );
    assert_eq!(
        when(Lang::En, utc(11, 7, 0), now, Tz::UTC),
        "tomorrow 07:00"
    );
    assert_eq!(when(Lang::En, utc(14, 14, 5), now, Tz::UTC), "Sat 14:05");
    assert_eq!(when(Lang::En, utc(30, 14, 5), now, Tz::UTC), "Mon 30 Mar");
    assert_eq!(when(Lang::En, utc(10, 8, 5), now, ny), "today 04:05");
    assert_eq!(when(Lang::En, utc(10, 3, 0), now, ny), "yesterday 23:00");
    let next_year = Utc.with_ymd_and_hms(2027, 1, 2, 0, 0, 0).unwrap();
    assert_eq!(when(Lang::En, next_year, now, Tz::UTC), "2 Jan 2027");
}

#[test]
fn time_left_reads_naturally() {
    let now = utc(10, 9, 0);
    assert_eq!(
        left(Lang::En, now + Duration::minutes(25), now),
        "25 min left"
    );
    assert_eq!(
        left(Lang::En, now + Duration::seconds(20), now),
        "1 min left"
    );
    assert_eq!(
        left(Lang::En, now + Duration::minutes(190), now),
        "3 h 10 min left"
    );
    assert_eq!(left(Lang::En, now + Duration::hours(2), now), "2 h left");
    assert_eq!(
        left(Lang::En, now + Duration::hours(52), now),
        "2 d 4 h left"
    );
    assert_eq!(left(Lang::En, now + Duration::days(4), now), "4 d left");
    assert_eq!(
        left(Lang::En, now + Duration::days(20), now),
        "20 days left"
    );
    assert_eq!(
        left(Lang::En, now + Duration::days(180), now),
        "6 months left"
    );
    assert_eq!(
        left(Lang::En, now - Duration::hours(2), now),
        "expired 2 h ago"
    );
}

#[test]
fn moments_read_in_spanish_and_russian() {
    let now = utc(10, 9, 0); // Tuesday
    let es = |t| when(Lang::Es, t, now, Tz::UTC);
    let ru = |t| when(Lang::Ru, t, now, Tz::UTC);
    assert_eq!(es(utc(10, 8, 5)), "hoy 08:05");
    assert_eq!(ru(utc(9, 22, 10)), "вчера 22:10");
    assert_eq!(es(utc(14, 14, 5)), "sáb 14:05");
    assert_eq!(ru(utc(30, 14, 5)), "пн, 30 мар");
    let next_year = Utc.with_ymd_and_hms(2027, 5, 2, 0, 0, 0).unwrap();
    assert_eq!(es(next_year), "2 may 2027");
    assert_eq!(ru(next_year), "2 мая 2027");
}

#[test]
fn time_left_has_each_languages_plurals() {
    let now = utc(10, 9, 0);
    let ru = |d| left(Lang::Ru, now + d, now);
    assert_eq!(ru(Duration::days(21)), "осталось 21 день");
    assert_eq!(ru(Duration::days(22)), "осталось 22 дня");
    assert_eq!(ru(Duration::days(25)), "осталось 25 дней");
    assert_eq!(ru(Duration::days(60)), "осталось 2 месяца");
    assert_eq!(ru(Duration::days(180)), "осталось 6 месяцев");
    assert_eq!(ru(Duration::minutes(190)), "осталось 3 ч 10 мин");
    let es = |d| left(Lang::Es, now + d, now);
    assert_eq!(es(Duration::days(20)), "caduca en 20 días");
    assert_eq!(es(Duration::days(30)), "caduca en 30 días");
    assert_eq!(
        left(Lang::Es, now - Duration::hours(2), now),
        "caducó hace 2 h"
    );
}

#[test]
fn errors_are_kind_and_specific() {
    let now = utc(10, 9, 0);
    let e = batch_error(
        Lang::En,
        &BatchError::TooMuch { max: Ml(1000) },
        Unit::Oz,
        now,
        Tz::UTC,
    );
    assert!(e.contains("33.8 oz"), "{e}");
    let e = batch_error(
        Lang::En,
        &BatchError::CannotMove {
            from: Place::Freezer,
            to: Place::Room,
        },
        Unit::Ml,
        now,
        Tz::UTC,
    );
    assert_eq!(e, "That move isn't possible for milk in the freezer.");
}
