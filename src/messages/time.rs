//! Moments and time left, as a parent reads them.

use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;

/// A moment in the family's timezone, as short as it can be while clear:
/// "today 14:05", "yesterday 22:10", "Tue 14:05", "Sat 14 Mar", "14 Mar 2027".
pub fn when(t: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let local = t.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    let date = local.date_naive();
    let clock = local.format("%H:%M");
    let days = (date - today).num_days();
    match days {
        0 => format!("today {clock}"),
        -1 => format!("yesterday {clock}"),
        1 => format!("tomorrow {clock}"),
        -6..=6 => format!("{} {clock}", local.format("%a")),
        _ if date.year() == today.year() => local.format("%a %-d %b").to_string(),
        _ => local.format("%-d %b %Y").to_string(),
    }
}

/// Time until a deadline: "25 min left", "3 h 10 min left", "2 d 4 h left",
/// "20 days left", "5 months left", or "expired 2 h ago".
pub fn left(deadline: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if deadline == crate::domain::rules::no_deadline() {
        // No clock runs (milk still thawing).
        return "no clock until fully thawed".into();
    }
    if deadline <= now {
        return format!("expired {} ago", span(now - deadline));
    }
    format!("{} left", span(deadline - now))
}

fn span(d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match days {
        0 if hours == 0 => format!("{} min", mins.max(1)),
        0 if mins == 0 => format!("{hours} h"),
        0 => format!("{hours} h {mins} min"),
        1..=13 if hours == 0 => format!("{days} d"),
        1..=13 => format!("{days} d {hours} h"),
        14..=59 => format!("{days} days"),
        _ => format!("{} months", days / 30),
    }
}
