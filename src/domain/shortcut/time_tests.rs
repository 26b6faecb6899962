//! Unit tests of resolving typed times.

use super::*;
use chrono::TimeZone;

// ------------------------------------------------------------------ resolve

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}
fn at_w(day: Day, hour: u32, minute: u32) -> When {
    When::At { day, hour, minute }
}
const LONDON: Tz = chrono_tz::Europe::London;
const NEW_YORK: Tz = chrono_tz::America::New_York;

#[test]
fn a_time_after_midnight_means_last_night() {
    // 00:15 in London in winter (GMT) and in New York (EST).
    let now = utc(2026, 1, 15, 0, 15);
    let last_night = resolve(at_w(Day::Unspecified, 23, 30), now, LONDON);
    assert_eq!(last_night, Ok(utc(2026, 1, 14, 23, 30)));
    let now = utc(2026, 1, 15, 5, 15);
    let last_night = resolve(at_w(Day::Unspecified, 23, 30), now, NEW_YORK);
    assert_eq!(last_night, Ok(utc(2026, 1, 15, 4, 30)));
    // Earlier today stays today.
    assert_eq!(
        resolve(at_w(Day::Unspecified, 0, 5), now, NEW_YORK),
        Ok(utc(2026, 1, 15, 5, 5))
    );
    // "today 23:30" at 00:15 is in the future.
    assert_eq!(
        resolve(at_w(Day::Today, 23, 30), now, NEW_YORK),
        Err(TimeError::InFuture)
    );
}

#[test]
fn yesterday_uses_yesterdays_offset() {
    // London, the day clocks go forward (29 March 2026, 01:00 UTC).
    let now = utc(2026, 3, 29, 12, 0);
    assert_eq!(
        resolve(at_w(Day::Yesterday, 22, 0), now, LONDON),
        Ok(utc(2026, 3, 28, 22, 0))
    );
    assert_eq!(
        resolve(at_w(Day::Today, 9, 15), now, LONDON),
        Ok(utc(2026, 3, 29, 8, 15))
    );
    // In summer, BST all round.
    assert_eq!(
        resolve(at_w(Day::Yesterday, 22, 0), utc(2026, 6, 10, 12, 0), LONDON),
        Ok(utc(2026, 6, 9, 21, 0))
    );
    // New York, the day clocks go forward (8 March 2026, 07:00 UTC).
    let now = utc(2026, 3, 8, 15, 0);
    assert_eq!(
        resolve(at_w(Day::Yesterday, 22, 0), now, NEW_YORK),
        Ok(utc(2026, 3, 8, 3, 0))
    );
    assert_eq!(
        resolve(at_w(Day::Unspecified, 9, 0), now, NEW_YORK),
        Ok(utc(2026, 3, 8, 13, 0))
    );
}

#[test]
fn a_missing_local_time_is_read_as_the_earlier_instant() {
    // London 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 never shows.
    let now = utc(2026, 3, 29, 10, 0);
    let early = Ok(utc(2026, 3, 29, 0, 30));
    assert_eq!(resolve(at_w(Day::Unspecified, 1, 30), now, LONDON), early);
    assert_eq!(resolve(at_w(Day::Today, 1, 30), now, LONDON), early);
    // New York 8 March 2026: 02:00 EST becomes 03:00 EDT; 02:30 is read as EDT.
    let now = utc(2026, 3, 8, 15, 0);
    assert_eq!(
        resolve(at_w(Day::Unspecified, 2, 30), now, NEW_YORK),
        Ok(utc(2026, 3, 8, 6, 30))
    );
}

#[test]
fn a_twice_shown_local_time_is_read_as_the_earlier_instant() {
    // London 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:30 shows twice.
    let now = utc(2026, 10, 25, 10, 0);
    assert_eq!(
        resolve(at_w(Day::Unspecified, 1, 30), now, LONDON),
        Ok(utc(2026, 10, 25, 0, 30))
    );
    // New York 1 November 2026: 02:00 EDT becomes 01:00 EST.
    let now = utc(2026, 11, 1, 15, 0);
    assert_eq!(
        resolve(at_w(Day::Today, 1, 30), now, NEW_YORK),
        Ok(utc(2026, 11, 1, 5, 30))
    );
    // Between the two showings of 01:30, "01:30" is the first one, in the past.
    let between = utc(2026, 11, 1, 6, 0);
    assert_eq!(
        resolve(at_w(Day::Unspecified, 1, 30), between, NEW_YORK),
        Ok(utc(2026, 11, 1, 5, 30))
    );
}

#[test]
fn a_clock_change_at_the_typed_time_is_noted() {
    let berlin = chrono_tz::Europe::Berlin;
    let note = |when: When, now, tz| {
        let at = resolve(when, now, tz).unwrap();
        clock_note(when, at, tz)
    };
    // Berlin 29 March 2026: 02:30 never happened; the next day it did.
    let spring = utc(2026, 3, 29, 8, 0);
    assert_eq!(
        note(at_w(Day::Unspecified, 2, 30), spring, berlin),
        Some(ClockNote::Skipped)
    );
    assert_eq!(note(at_w(Day::Unspecified, 1, 30), spring, berlin), None);
    assert_eq!(note(at_w(Day::Unspecified, 3, 30), spring, berlin), None);
    assert_eq!(
        note(
            at_w(Day::Unspecified, 2, 30),
            utc(2026, 3, 30, 8, 0),
            berlin
        ),
        None
    );
    // New York 8 March 2026 and 1 November 2026.
    assert_eq!(
        note(at_w(Day::Today, 2, 30), utc(2026, 3, 8, 15, 0), NEW_YORK),
        Some(ClockNote::Skipped)
    );
    assert_eq!(
        note(at_w(Day::Today, 1, 30), utc(2026, 11, 1, 15, 0), NEW_YORK),
        Some(ClockNote::Twice)
    );
    assert_eq!(
        note(at_w(Day::Today, 0, 30), utc(2026, 11, 1, 15, 0), NEW_YORK),
        None
    );
    // Berlin 25 October 2026: 02:30 happened twice.
    assert_eq!(
        note(
            at_w(Day::Unspecified, 2, 30),
            utc(2026, 10, 25, 8, 0),
            berlin
        ),
        Some(ClockNote::Twice)
    );
    // Relative times never need a note.
    let ago = When::Ago(Duration::hours(1));
    assert_eq!(clock_note(ago, utc(2026, 3, 29, 1, 30), berlin), None);
}

#[test]
fn a_minute_ahead_counts_as_now_not_as_yesterday() {
    let now = utc(2026, 5, 1, 13, 30); // 14:30 BST
    let soon = at_w(Day::Unspecified, 14, 31);
    assert_eq!(resolve(soon, now, LONDON), Ok(now));
    assert_eq!(resolve(at_w(Day::Today, 14, 31), now, LONDON), Ok(now));
    // Well ahead: the most recent past one is yesterday's.
    assert_eq!(
        resolve(at_w(Day::Unspecified, 14, 40), now, LONDON),
        Ok(utc(2026, 4, 30, 13, 40))
    );
    assert_eq!(
        resolve(at_w(Day::Today, 14, 40), now, LONDON),
        Err(TimeError::InFuture)
    );
}

#[test]
fn ago_and_now() {
    let now = utc(2026, 3, 29, 1, 30);
    assert_eq!(resolve(When::Now, now, LONDON), Ok(now));
    assert_eq!(
        resolve(When::Ago(Duration::minutes(90)), now, LONDON),
        Ok(utc(2026, 3, 29, 0, 0))
    );
    assert_eq!(
        resolve(When::Ago(Duration::minutes(-5)), now, LONDON),
        Err(TimeError::InFuture)
    );
    assert_eq!(
        resolve(When::Ago(Duration::MAX), now, LONDON),
        Err(TimeError::OutOfRange)
    );
}

#[test]
fn out_of_range_clock_times_are_errors() {
    let now = utc(2026, 3, 29, 12, 0);
    for (h, m) in [(24, 0), (25, 0), (12, 60), (99, 99), (u32::MAX, 0)] {
        assert_eq!(
            resolve(at_w(Day::Unspecified, h, m), now, LONDON),
            Err(TimeError::NotATime { hour: h, minute: m })
        );
    }
}

#[test]
fn the_ends_of_time_do_not_panic() {
    for now in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
        for tz in [
            LONDON,
            NEW_YORK,
            chrono_tz::Pacific::Kiritimati,
            chrono_tz::Etc::GMTPlus12,
        ] {
            for day in [Day::Today, Day::Yesterday, Day::Unspecified] {
                if let Ok(t) = resolve(at_w(day, 12, 0), now, tz) {
                    assert!(t <= now);
                }
            }
            let minute_ago = resolve(When::Ago(Duration::minutes(1)), now, tz);
            if now == DateTime::<Utc>::MIN_UTC {
                assert_eq!(minute_ago, Err(TimeError::OutOfRange));
            } else {
                assert_eq!(minute_ago, Ok(now - Duration::minutes(1)));
            }
        }
    }
}

#[test]
fn a_slash_date_is_asked_only_when_both_readings_have_come() {
    let slash = |first, second| {
        at_w(
            Day::Slash {
                first,
                second,
                year: None,
            },
            0,
            0,
        )
    };
    // Wednesday 2 December 2026, 14:30 in New York (19:30 UTC) and 14:30 in London.
    let ny_now = utc(2026, 12, 2, 19, 30);
    let london_now = utc(2026, 12, 2, 14, 30);
    // 5/6: 6 May and 5 June have both come: two readings, the family's order first.
    assert_eq!(
        slash_readings(slash(5, 6), ny_now, NEW_YORK),
        vec![utc(2026, 5, 6, 4, 0), utc(2026, 6, 5, 4, 0)]
    );
    assert_eq!(
        slash_readings(slash(5, 6), london_now, LONDON),
        vec![utc(2026, 6, 4, 23, 0), utc(2026, 5, 5, 23, 0)]
    );
    // 12/1: 1 December and 12 January, both past: asked too.
    assert_eq!(slash_readings(slash(12, 1), ny_now, NEW_YORK).len(), 2);
    // Only one order is a date: read that way, not asked.
    assert!(slash_readings(slash(28, 11), ny_now, NEW_YORK).is_empty());
    assert_eq!(
        resolve(slash(28, 11), ny_now, NEW_YORK),
        Ok(utc(2026, 11, 28, 5, 0))
    );
    // 6/12 in London: 6 December is still ahead this year, so it is 12 June.
    assert!(slash_readings(slash(6, 12), london_now, LONDON).is_empty());
    assert_eq!(
        resolve(slash(6, 12), london_now, LONDON),
        Ok(utc(2026, 6, 11, 23, 0))
    );
    // The same day both ways is one reading.
    assert!(slash_readings(slash(5, 5), ny_now, NEW_YORK).is_empty());
    // Not a slash date: nothing to ask.
    assert!(slash_readings(at_w(Day::Today, 9, 0), ny_now, NEW_YORK).is_empty());
}
