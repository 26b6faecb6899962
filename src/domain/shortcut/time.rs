//! Turning a typed time into an instant in the family's time zone, and noting when a
//! typed clock time fell in a daylight-saving change.

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{GapInfo, Tz};

use super::super::batch::FUTURE_TOLERANCE;
use super::{Day, TimeError, When};

/// The moment `when` means, for a family in `tz` at `now`.
///
/// `At` with [`Day::Unspecified`] is the most recent past occurrence of that clock time
/// (typing "23:30" just after midnight means last night). A time up to
/// [`FUTURE_TOLERANCE`] ahead counts as now (clocks differ a little); `Today` further
/// ahead, a negative `Ago`, or an hour/minute out of range is an error. A local time
/// that does not exist (clocks went forward) or exists twice (clocks went back) is read
/// as the earlier of its possible instants, so a storage clock never starts late.
pub fn resolve(when: When, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>, TimeError> {
    let (day, hour, minute) = match when {
        When::Now => return Ok(now),
        When::Ago(d) if d < Duration::zero() => return Err(TimeError::InFuture),
        When::Ago(d) => {
            let at = now.checked_sub_signed(d).ok_or(TimeError::OutOfRange)?;
            return not_too_old(at, now);
        }
        When::At { day, hour, minute } => (day, hour, minute),
    };
    if hour > 23 || minute > 59 {
        return Err(TimeError::NotATime { hour, minute });
    }
    let utc = now.naive_utc();
    let today = utc
        .checked_add_offset(tz.offset_from_utc_datetime(&utc).fix())
        .ok_or(TimeError::OutOfRange)?
        .date();
    let on = |date: NaiveDate| -> Result<DateTime<Utc>, TimeError> {
        date.and_hms_opt(hour, minute, 0)
            .and_then(|local| earliest_instant(tz, local))
            .ok_or(TimeError::OutOfRange)
    };
    let soon = now
        .checked_add_signed(FUTURE_TOLERANCE)
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    let yesterday = || today.pred_opt().ok_or(TimeError::OutOfRange).and_then(on);
    // The most recent of the given dates whose time is not ahead.
    let latest_past = |dates: &[Option<NaiveDate>]| -> Result<DateTime<Utc>, TimeError> {
        let mut future = false;
        for date in dates.iter().flatten() {
            match on(*date) {
                Ok(at) if at <= soon => return Ok(at.min(now)),
                Ok(_) => future = true,
                Err(_) => {}
            }
        }
        Err(if future {
            TimeError::InFuture
        } else {
            TimeError::OutOfRange
        })
    };
    let at = match day {
        Day::Yesterday => yesterday(),
        Day::BeforeYesterday => today
            .checked_sub_days(Days::new(2))
            .ok_or(TimeError::OutOfRange)
            .and_then(on),
        Day::Tomorrow => Err(TimeError::InFuture),
        Day::Today => {
            let at = on(today)?;
            if at > soon {
                Err(TimeError::InFuture)
            } else {
                Ok(at.min(now))
            }
        }
        Day::Unspecified => match on(today) {
            Ok(at) if at <= soon => Ok(at.min(now)),
            Ok(_) => yesterday(),
            Err(e) => Err(e),
        },
        Day::Weekday(w) => {
            let back = (today.weekday().num_days_from_monday() + 7 - w.num_days_from_monday()) % 7;
            let this = today.checked_sub_days(Days::new(u64::from(back)));
            let before = this.and_then(|d| d.checked_sub_days(Days::new(7)));
            latest_past(&[this, before])
        }
        Day::Date {
            year: Some(y),
            month,
            day,
        } => latest_past(&[NaiveDate::from_ymd_opt(y, month, day)]),
        Day::Date {
            year: None,
            month,
            day,
        } => {
            let y = today.year();
            latest_past(&[
                NaiveDate::from_ymd_opt(y, month, day),
                NaiveDate::from_ymd_opt(y - 1, month, day),
            ])
        }
        Day::Slash {
            first,
            second,
            year,
        } => {
            let date = |(month, day): (u32, u32), year| When::At {
                day: Day::Date { year, month, day },
                hour,
                minute,
            };
            // Both orders dates: the one whose date this year has come (an order that is
            // still ahead this year is not what was meant); if both or neither, the
            // family's order. `slash_readings` says when both have come, to ask.
            let pick = match slash_orders(first, second, tz).as_slice() {
                [] => return Err(TimeError::OutOfRange),
                [one] => *one,
                [ours, other, ..] => {
                    let y = year.unwrap_or(today.year());
                    let came = |o| resolve(date(o, Some(y)), now, tz).is_ok();
                    if !came(*ours) && came(*other) {
                        *other
                    } else {
                        *ours
                    }
                }
            };
            return resolve(date(pick, year), now, tz);
        }
    }?;
    not_too_old(at, now)
}

/// The orders (month, day) of `a/b` that are calendar dates, the family's order first
/// (month first in the United States, day first elsewhere).
fn slash_orders(first: u32, second: u32, tz: Tz) -> Vec<(u32, u32)> {
    let ours = if month_first(tz) {
        [(first, second), (second, first)]
    } else {
        [(second, first), (first, second)]
    };
    let mut orders: Vec<(u32, u32)> = Vec::new();
    for (month, day) in ours {
        if NaiveDate::from_ymd_opt(2000, month, day).is_some() && !orders.contains(&(month, day)) {
            orders.push((month, day));
        }
    }
    orders
}

/// The two instants a slash date such as `5/6` can mean when both are real readings:
/// both orders are dates, and both dates have come this year (or, without a year typed,
/// neither has, so both are last year's) and are less than a year back. The family's
/// order first. Empty when the text reads one way only, which [`resolve`] then gives:
/// `28/11` (no month 28), or `6/12` on 2 December (6 December is still ahead).
pub fn slash_readings(when: When, now: DateTime<Utc>, tz: Tz) -> Vec<DateTime<Utc>> {
    let When::At {
        day: Day::Slash {
            first,
            second,
            year,
        },
        hour,
        minute,
    } = when
    else {
        return Vec::new();
    };
    let orders = slash_orders(first, second, tz);
    let utc = now.naive_utc();
    let Some(today) = utc.checked_add_offset(tz.offset_from_utc_datetime(&utc).fix()) else {
        return Vec::new();
    };
    let on = |y: i32| -> Vec<DateTime<Utc>> {
        orders
            .iter()
            .filter_map(|&(month, day)| {
                let date = When::At {
                    day: Day::Date {
                        year: Some(y),
                        month,
                        day,
                    },
                    hour,
                    minute,
                };
                resolve(date, now, tz).ok()
            })
            .collect()
    };
    let y = year.unwrap_or(today.year());
    let mut readings = on(y);
    if readings.is_empty() && year.is_none() {
        readings = on(y - 1);
    }
    match readings.as_slice() {
        [a, b] if a != b => readings,
        _ => Vec::new(),
    }
}

/// Refuses an instant more than a year before now.
fn not_too_old(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<DateTime<Utc>, TimeError> {
    match now.checked_sub_signed(Duration::days(366)) {
        Some(limit) if at < limit => Err(TimeError::TooLongAgo),
        _ => Ok(at),
    }
}

/// Whether dates are written month first where the family lives (the United States and
/// its territories), read from the zone.
fn month_first(tz: Tz) -> bool {
    let name = tz.name();
    const US: &[&str] = &[
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "America/Anchorage",
        "America/Adak",
        "America/Boise",
        "America/Detroit",
        "America/Juneau",
        "America/Menominee",
        "America/Metlakatla",
        "America/Nome",
        "America/Sitka",
        "America/Yakutat",
        "America/Puerto_Rico",
        "Pacific/Honolulu",
        "Pacific/Guam",
        "Pacific/Pago_Pago",
        "Pacific/Saipan",
    ];
    US.contains(&name)
        || name.starts_with("US/")
        || name.starts_with("America/Indiana/")
        || name.starts_with("America/Kentucky/")
        || name.starts_with("America/North_Dakota/")
}

/// What the family's clocks did at a typed clock time, when that matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockNote {
    /// The clocks went forward over it: that time never happened that day. It was read
    /// as the earliest instant it could mean.
    Skipped,
    /// The clocks went back over it: it happened twice. It was read as the first.
    Twice,
}

/// Whether a clock time typed as `when` and resolved (by [`resolve`]) to `at` fell in a
/// daylight-saving change in `tz`, so the reply can say how it was read.
pub fn clock_note(when: When, at: DateTime<Utc>, tz: Tz) -> Option<ClockNote> {
    use chrono::LocalResult;
    let When::At { hour, minute, .. } = when else {
        return None;
    };
    // A skipped time resolves to an instant just before the gap, on the same local day
    // or (for a gap at midnight) the day before.
    let local = at.with_timezone(&tz).date_naive();
    [Some(local), local.succ_opt()]
        .into_iter()
        .flatten()
        .filter_map(|day| day.and_hms_opt(hour, minute, 0))
        .find_map(|typed| match tz.from_local_datetime(&typed) {
            LocalResult::None => {
                // Only the gap this instant was read from, not one a day later.
                let read = at.with_timezone(&tz).naive_local();
                (typed - read <= Duration::hours(3) && read <= typed).then_some(ClockNote::Skipped)
            }
            LocalResult::Ambiguous(a, b) => {
                let first = a.with_timezone(&Utc).min(b.with_timezone(&Utc));
                (first == at).then_some(ClockNote::Twice)
            }
            LocalResult::Single(_) => None,
        })
}

/// The earliest instant at which the clocks in `tz` could have shown `local`.
fn earliest_instant(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    use chrono::LocalResult;
    let at = |offset: chrono::FixedOffset| local.checked_sub_offset(offset).map(|n| n.and_utc());
    match tz.offset_from_local_datetime(&local) {
        LocalResult::Single(o) => at(o.fix()),
        LocalResult::Ambiguous(a, b) => match (at(a.fix()), at(b.fix())) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        },
        // A gap: read the time with the offsets on either side of it.
        LocalResult::None => {
            let gap = GapInfo::new(&local, &tz)?;
            let before = gap.begin.and_then(|(_, o)| at(o.fix()));
            let after = gap.end.and_then(|e| at(e.offset().fix()));
            match (before, after) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            }
        }
    }
}

#[cfg(test)]
#[path = "time_tests.rs"]
mod tests;
