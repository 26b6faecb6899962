//! Stats for `/stats` and the low-stash alert: how much was expressed per local day
//! (and per side where the parent said), how fast stored milk is being used, how many
//! days of milk the stash holds, what runs out soon and what sits where.
//!
//! Pure: the caller loads sessions, use and the stash from the database and passes
//! the family's timezone and the current time. Amounts are summed in whole
//! millilitres and only converted to ounces for display, so rounding never piles up.
//!
//! Days are local calendar days in the family's timezone: a session belongs to the
//! date its local time falls on, so days that are 23 or 25 hours long around a
//! daylight-saving change (or zones whose clocks skip midnight) need no special case.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::rules::Place;
use super::units::Ml;

/// Number of days in the daily series drawn on the chart.
pub const SERIES_DAYS: u32 = 14;
/// How far back daily use is averaged.
pub const USE_WINDOW: Duration = Duration::days(7);
/// The shortest span daily use is averaged over, so that one feed logged a minute
/// after the first ever does not read as an enormous daily use.
pub const MIN_USE_SPAN: Duration = Duration::days(1);
/// How far ahead "expiring soon" looks.
pub const EXPIRY_WINDOW: Duration = Duration::hours(48);

/// One pumping session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub expressed_at: DateTime<Utc>,
    /// The whole amount expressed.
    pub amount: Ml,
    /// From the left side, when the parent said.
    pub left: Option<Ml>,
    /// From the right side, when the parent said.
    pub right: Option<Ml>,
}

impl Session {
    /// The amount split into `(left, right, side not noted)`. The three always add up
    /// to `amount`: whatever the sides do not account for is "not noted", and sides
    /// that claim more than the whole are cut down to it (left first).
    pub fn split(&self) -> (Ml, Ml, Ml) {
        let left = self.left.unwrap_or_default().min(self.amount);
        let right = self.right.unwrap_or_default().min(self.amount - left);
        (left, right, self.amount - left - right)
    }
}

/// Milk taken from the stash to feed the baby.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub at: DateTime<Utc>,
    pub amount: Ml,
}

/// A batch still in the stash, with its deadline already computed under the
/// family's guideline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredBatch {
    pub id: i64,
    pub place: Place,
    pub amount: Ml,
    pub expressed_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
}

impl StoredBatch {
    /// Still good at `now` (the deadline has not been reached).
    pub fn is_usable(&self, now: DateTime<Utc>) -> bool {
        now < self.deadline
    }
}

/// Totals over some sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Everything expressed: always `left + right + unknown`.
    pub total: Ml,
    pub left: Ml,
    pub right: Ml,
    /// Expressed without saying which side.
    pub unknown: Ml,
    pub sessions: u32,
}

impl Tally {
    pub fn add(&mut self, session: &Session) {
        let (left, right, unknown) = session.split();
        self.total = self.total + session.amount;
        self.left = self.left + left;
        self.right = self.right + right;
        self.unknown = self.unknown + unknown;
        self.sessions = self.sessions.saturating_add(1);
    }

    pub fn merge(&mut self, other: &Tally) {
        self.total = self.total + other.total;
        self.left = self.left + other.left;
        self.right = self.right + other.right;
        self.unknown = self.unknown + other.unknown;
        self.sessions = self.sessions.saturating_add(other.sessions);
    }

    /// The mean amount per session, to the nearest ml; `None` without sessions.
    pub fn average_per_session(&self) -> Option<Ml> {
        (self.sessions > 0).then(|| {
            let mean = f64::from(self.total.get()) / f64::from(self.sessions);
            Ml(mean.round() as u32)
        })
    }

    /// True when at least some milk was noted per side.
    pub fn sides_known(&self) -> bool {
        self.left.get() > 0 || self.right.get() > 0
    }
}

/// The totals of one local calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayTally {
    pub date: NaiveDate,
    pub tally: Tally,
}

/// The local calendar date of `at` in `tz`.
pub fn local_date(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

fn by_date(sessions: &[Session], tz: Tz) -> BTreeMap<NaiveDate, Tally> {
    let mut days: BTreeMap<NaiveDate, Tally> = BTreeMap::new();
    for s in sessions {
        days.entry(local_date(s.expressed_at, tz))
            .or_default()
            .add(s);
    }
    days
}

/// Totals for every local day that has sessions, oldest first.
pub fn per_day(sessions: &[Session], tz: Tz) -> Vec<DayTally> {
    by_date(sessions, tz)
        .into_iter()
        .map(|(date, tally)| DayTally { date, tally })
        .collect()
}

/// The `days` local days ending with `today`, oldest first, days without sessions
/// included as zeros. Sessions after `today` are left out.
pub fn series(sessions: &[Session], tz: Tz, today: NaiveDate, days: u32) -> Vec<DayTally> {
    let totals = by_date(sessions, tz);
    (0..days)
        .rev()
        .filter_map(|back| today.checked_sub_days(Days::new(back.into())))
        .map(|date| DayTally {
            date,
            tally: totals.get(&date).copied().unwrap_or_default(),
        })
        .collect()
}

/// The last [`SERIES_DAYS`] local days up to and including today, for the chart.
pub fn chart_series(sessions: &[Session], tz: Tz, now: DateTime<Utc>) -> Vec<DayTally> {
    series(sessions, tz, local_date(now, tz), SERIES_DAYS)
}

/// Expressed milk over the periods `/stats` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Expressed {
    /// The current local day.
    pub today: Tally,
    /// The local day before.
    pub yesterday: Tally,
    /// Today and the six local days before it (calendar days, not 168 hours).
    pub last_7_days: Tally,
}

/// Expressed totals for today, yesterday and the last seven local days.
pub fn expressed(sessions: &[Session], tz: Tz, now: DateTime<Utc>) -> Expressed {
    let week = series(sessions, tz, local_date(now, tz), 7);
    let mut out = Expressed::default();
    for day in &week {
        out.last_7_days.merge(&day.tally);
    }
    let mut newest_first = week.iter().rev();
    out.today = newest_first.next().map(|d| d.tally).unwrap_or_default();
    out.yesterday = newest_first.next().map(|d| d.tally).unwrap_or_default();
    out
}

/// Average millilitres used from the stash per day, over the last [`USE_WINDOW`]
/// before `now`.
///
/// When the earliest use in `usage` is less than a week ago, the total is divided by
/// the time since then (at least [`MIN_USE_SPAN`]) instead of by seven days, so a
/// family that has just started feeding from the stash does not see its use (and
/// the low-stash alert) understated. Passing the whole use history, or at least one
/// record older than a week, gives the plain seven-day average.
///
/// `None` when nothing was used in the window: there is no use history to go by.
pub fn daily_use(usage: &[Usage], now: DateTime<Utc>) -> Option<f64> {
    let since = now
        .checked_sub_signed(USE_WINDOW)
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let used: u64 = usage
        .iter()
        .filter(|u| u.at > since && u.at <= now)
        .map(|u| u64::from(u.amount.get()))
        .sum();
    if used == 0 {
        return None;
    }
    let first = usage.iter().map(|u| u.at).min()?;
    let span = (now - first).clamp(MIN_USE_SPAN, USE_WINDOW);
    let days = span.num_seconds() as f64 / 86_400.0;
    Some(used as f64 / days)
}

fn usable_volume(stash: &[StoredBatch], now: DateTime<Utc>, keep: impl Fn(Place) -> bool) -> u64 {
    stash
        .iter()
        .filter(|b| b.is_usable(now) && keep(b.place))
        .map(|b| u64::from(b.amount.get()))
        .sum()
}

/// Days the usable stash lasts at the current daily use. Batches past their
/// deadline do not count. `None` without use history.
pub fn days_of_supply(stash: &[StoredBatch], usage: &[Usage], now: DateTime<Utc>) -> Option<f64> {
    let per_day = daily_use(usage, now)?;
    Some(usable_volume(stash, now, |_| true) as f64 / per_day)
}

/// Days the frozen part of the stash (ice box and freezer) lasts at the current daily
/// use: what the low-stash alert compares with the family's threshold. `None` without
/// use history; `Some(0.0)` when there is use but nothing frozen.
pub fn frozen_days_of_supply(
    stash: &[StoredBatch],
    usage: &[Usage],
    now: DateTime<Utc>,
) -> Option<f64> {
    let per_day = daily_use(usage, now)?;
    Some(usable_volume(stash, now, Place::is_frozen) as f64 / per_day)
}

/// Batches whose deadline falls after `now` and within `within`, soonest first.
pub fn expiring_within(
    stash: &[StoredBatch],
    now: DateTime<Utc>,
    within: Duration,
) -> Vec<StoredBatch> {
    let until = now
        .checked_add_signed(within)
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    let mut soon: Vec<StoredBatch> = stash
        .iter()
        .filter(|b| b.deadline > now && b.deadline <= until)
        .copied()
        .collect();
    soon.sort_by_key(|b| (b.deadline, b.id));
    soon
}

/// Batches that run out within the next [`EXPIRY_WINDOW`] (48 h), soonest first.
pub fn expiring_soon(stash: &[StoredBatch], now: DateTime<Utc>) -> Vec<StoredBatch> {
    expiring_within(stash, now, EXPIRY_WINDOW)
}

/// Batches already past their deadline but still in the stash, oldest deadline first.
pub fn expired(stash: &[StoredBatch], now: DateTime<Utc>) -> Vec<StoredBatch> {
    let mut gone: Vec<StoredBatch> = stash
        .iter()
        .filter(|b| !b.is_usable(now))
        .copied()
        .collect();
    gone.sort_by_key(|b| (b.deadline, b.id));
    gone
}

/// What one place holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceTotal {
    pub place: Place,
    /// Everything stored there, including batches past their deadline.
    pub amount: Ml,
    pub batches: u32,
    /// The soonest deadline among them.
    pub next_deadline: DateTime<Utc>,
}

/// Totals per place, in the order of [`Place::ALL`]; places holding nothing are left out.
pub fn place_totals(stash: &[StoredBatch]) -> Vec<PlaceTotal> {
    let mut out: Vec<PlaceTotal> = Vec::new();
    for place in Place::ALL {
        let mut here = stash.iter().filter(|b| b.place == place);
        let Some(first) = here.next() else { continue };
        let mut total = PlaceTotal {
            place,
            amount: first.amount,
            batches: 1,
            next_deadline: first.deadline,
        };
        for b in here {
            total.amount = total.amount + b.amount;
            total.batches = total.batches.saturating_add(1);
            total.next_deadline = total.next_deadline.min(b.deadline);
        }
        out.push(total);
    }
    out
}

/// Days with recorded use needed before days of supply are shown (and the low-stash
/// alert compares them): with fewer, one big feed or one quiet day swings the average
/// too much to plan by.
pub const MIN_USE_DAYS: usize = 3;

/// On how many local days (in `tz`) milk was recorded as used, up to `now`.
pub fn use_days(usage: &[Usage], tz: Tz, now: DateTime<Utc>) -> usize {
    usage
        .iter()
        .filter(|u| u.at <= now)
        .map(|u| u.at.with_timezone(&tz).date_naive())
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// Everything `/stats` shows, computed in one call.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub expressed: Expressed,
    /// The last [`SERIES_DAYS`] local days, oldest first, for the chart.
    pub series: Vec<DayTally>,
    /// Millilitres used per day; `None` without use history.
    pub daily_use: Option<f64>,
    /// Local days with recorded use; days of supply need [`MIN_USE_DAYS`].
    pub use_days: usize,
    /// `None` without use history, or with use on fewer than [`MIN_USE_DAYS`] days.
    pub days_of_supply: Option<f64>,
    pub frozen_days_of_supply: Option<f64>,
    /// Usable milk in the stash (batches past their deadline left out).
    pub usable: Ml,
    pub expiring_soon: Vec<StoredBatch>,
    pub expired: Vec<StoredBatch>,
    pub places: Vec<PlaceTotal>,
}

/// Computes [`Insights`] from a family's history at `now`.
pub fn insights(
    sessions: &[Session],
    usage: &[Usage],
    stash: &[StoredBatch],
    tz: Tz,
    now: DateTime<Utc>,
) -> Insights {
    let usable = usable_volume(stash, now, |_| true);
    let use_days = use_days(usage, tz, now);
    let enough = use_days >= MIN_USE_DAYS;
    Insights {
        expressed: expressed(sessions, tz, now),
        series: chart_series(sessions, tz, now),
        daily_use: daily_use(usage, now),
        use_days,
        days_of_supply: days_of_supply(stash, usage, now).filter(|_| enough),
        frozen_days_of_supply: frozen_days_of_supply(stash, usage, now).filter(|_| enough),
        usable: Ml(u32::try_from(usable).unwrap_or(u32::MAX)),
        expiring_soon: expiring_soon(stash, now),
        expired: expired(stash, now),
        places: place_totals(stash),
    }
}

#[cfg(test)]
mod tests;
