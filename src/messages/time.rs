//! Moments and time left, as a parent reads them, in the chat's language.

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use chrono_tz::Tz;

use crate::domain::Lang;

/// A moment in the family's timezone, as short as it can be while clear:
/// "today 14:05", "yesterday 22:10", "Tue 14:05", "Sat 14 Mar", "14 Mar 2027".
pub fn when(lang: Lang, t: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let local = t.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    let date = local.date_naive();
    let clock = local.format("%H:%M").to_string();
    let weekday = || weekday(lang, local.weekday());
    let month = || month(lang, local.month());
    match (date - today).num_days() {
        0 => t!(lang, "time-today", clock = clock),
        -1 => t!(lang, "time-yesterday", clock = clock),
        1 => t!(lang, "time-tomorrow", clock = clock),
        -6..=6 => t!(lang, "time-this-week", weekday = weekday(), clock = clock),
        _ if date.year() == today.year() => t!(
            lang,
            "time-this-year",
            weekday = weekday(),
            day = local.day(),
            month = month()
        ),
        _ => t!(
            lang,
            "time-other-year",
            day = local.day(),
            month = month(),
            year = local.year().to_string()
        ),
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A month (1 to 12), short: "Dec", "dic", "дек".
pub fn month(lang: Lang, month: u32) -> String {
    let key = month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("jan");
    t!(lang, "month", month = key)
}

/// A day of the week, short: "Tue", "mar", "вт".
pub fn weekday(lang: Lang, day: Weekday) -> String {
    t!(lang, "weekday", day = weekday_key(day))
}

/// The selector of a day of the week in the locale files.
pub(super) fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// Time until a deadline: "25 min left", "3 h 10 min left", "2 d 4 h left",
/// "20 days left", "5 months left", or "expired 2 h ago".
pub fn left(lang: Lang, deadline: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if deadline == crate::domain::rules::no_deadline() {
        // No clock runs (milk still thawing).
        return t!(lang, "time-no-clock");
    }
    if deadline <= now {
        return t!(lang, "time-expired", span = span(lang, now - deadline));
    }
    t!(lang, "time-left", span = span(lang, deadline - now))
}

fn span(lang: Lang, d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match days {
        0 if hours == 0 => t!(lang, "span-min", mins = mins.max(1)),
        0 if mins == 0 => t!(lang, "span-h", hours = hours),
        0 => t!(lang, "span-h-min", hours = hours, mins = mins),
        1..=13 if hours == 0 => t!(lang, "span-d", days = days),
        1..=13 => t!(lang, "span-d-h", days = days, hours = hours),
        14..=59 => t!(lang, "span-days", days = days),
        _ => t!(lang, "span-months", months = days / 30),
    }
}
