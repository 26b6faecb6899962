//! The bottom panel: the stash on a compressed timeline, one bar per batch (or per
//! place when there are too many).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use plotters::style::RGBColor;
use plotters::style::text_anchor::HPos;

use super::canvas::{Canvas, Font, bold, font};
use super::palette::{self, GRID, INK, MUTED, WARN};
use super::{ChartError, ChartInput, HEIGHT, MARGIN, MAX_ROWS, RIGHT_EDGE, Tick, Words};
use crate::domain::stats::StoredBatch;
use crate::domain::{Ml, Place, Unit};

/// One line of the stash timeline: a batch, or every batch in one place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Row {
    pub(super) place: Place,
    pub(super) amount: Ml,
    pub(super) batches: u32,
    /// How many of them are past their deadline.
    pub(super) expired: u32,
    /// The latest deadline already passed, if any.
    pub(super) expired_at: Option<DateTime<Utc>>,
    /// The soonest and latest deadline still ahead, if any.
    pub(super) first: Option<DateTime<Utc>>,
    pub(super) last: Option<DateTime<Utc>>,
}

impl Row {
    pub(super) fn of(batch: &StoredBatch, now: DateTime<Utc>) -> Row {
        let ahead = batch.is_usable(now).then_some(batch.deadline);
        Row {
            place: batch.place,
            amount: batch.amount,
            batches: 1,
            expired: u32::from(ahead.is_none()),
            expired_at: (!batch.is_usable(now)).then_some(batch.deadline),
            first: ahead,
            last: ahead,
        }
    }

    pub(super) fn join(self, other: Row) -> Row {
        let min = |a: Option<DateTime<Utc>>, b| a.into_iter().chain(b).min();
        let max = |a: Option<DateTime<Utc>>, b| a.into_iter().chain(b).max();
        Row {
            place: self.place,
            amount: self.amount + other.amount,
            batches: self.batches.saturating_add(other.batches),
            expired: self.expired.saturating_add(other.expired),
            expired_at: max(self.expired_at, other.expired_at),
            first: min(self.first, other.first),
            last: max(self.last, other.last),
        }
    }

    pub(super) fn sort_key(&self) -> (bool, Option<DateTime<Utc>>, Place) {
        // Expired first, then by the soonest deadline ahead.
        (self.expired == 0, self.first, self.place)
    }
}

/// The rows of the stash timeline: one per batch, or one per place past [`MAX_ROWS`].
pub(super) fn rows(stash: &[StoredBatch], now: DateTime<Utc>) -> Vec<Row> {
    let mut rows: Vec<Row> = if stash.len() <= MAX_ROWS {
        let mut batches: Vec<&StoredBatch> = stash.iter().collect();
        batches.sort_by_key(|b| (b.deadline, b.id));
        batches.into_iter().map(|b| Row::of(b, now)).collect()
    } else {
        Place::ALL
            .into_iter()
            .filter_map(|place| {
                stash
                    .iter()
                    .filter(|b| b.place == place)
                    .map(|b| Row::of(b, now))
                    .reduce(Row::join)
            })
            .collect()
    };
    rows.sort_by_key(Row::sort_key);
    rows
}

/// The texts of one stash row: the label ("Fridge · 120 ml"), the deadline in
/// wordings from the fullest to the shortest, and the deadline's colour.
pub(super) fn row_texts(
    row: &Row,
    words: &dyn Words,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> (String, Vec<String>, RGBColor) {
    let label = words.row(row.place, row.batches, row.amount, unit, row.expired);
    let at = |t| deadline_label(words, t, now, tz);
    let (whens, color) = match (row.first, row.last, row.expired_at) {
        (Some(first), Some(last), _) if first != last => (
            vec![words.between(&at(first), &at(last)), words.to(&at(last))],
            INK,
        ),
        (Some(first), _, _) => (vec![words.until(&at(first)), at(first)], INK),
        (None, _, Some(gone)) => (vec![words.expired_at(&at(gone)), words.expired()], WARN),
        (None, _, None) => (Vec::new(), INK),
    };
    (label, whens, color)
}

/// A deadline in local time: day and clock time when it is within a week of now,
/// day and month when further.
pub(super) fn deadline_label(
    words: &dyn Words,
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let near = (deadline - now).abs() < chrono::Duration::days(7);
    words.deadline(deadline.with_timezone(&tz).naive_local(), near)
}

/// Hours from `now` to `t`, never negative.
pub(super) fn hours_left(t: DateTime<Utc>, now: DateTime<Utc>) -> f64 {
    ((t - now).num_seconds() as f64 / 3600.0).max(0.0)
}

/// Tick marks on the stash timeline, in hours.
pub(super) const TIME_TICKS: [(f64, Tick); 9] = [
    (0.0, Tick::Now),
    (1.0, Tick::Hours(1)),
    (6.0, Tick::Hours(6)),
    (24.0, Tick::Days(1)),
    (48.0, Tick::Days(2)),
    (168.0, Tick::Weeks(1)),
    (720.0, Tick::Months(1)),
    (4392.0, Tick::Months(6)),
    (8784.0, Tick::Years(1)),
];

/// The end of the timeline, in hours: the next tick past the latest deadline
/// (at least two days), or the latest deadline itself beyond a year.
pub(super) fn time_axis_end(latest_hours: f64) -> f64 {
    let wanted = latest_hours.max(48.0);
    TIME_TICKS
        .iter()
        .map(|(h, _)| *h)
        .find(|h| *h >= wanted)
        .unwrap_or(wanted)
}

/// Position of `hours` on a timeline `width` px wide ending at `end` hours.
pub(super) fn time_x(hours: f64, end: f64, width: i32) -> i32 {
    let share = (1.0 + hours.max(0.0)).ln() / (1.0 + end.max(1.0)).ln();
    (share.clamp(0.0, 1.0) * f64::from(width)).round() as i32
}

/// `color` faded towards white.
pub(super) fn faded(color: RGBColor) -> RGBColor {
    let mix = |c: u8| ((u16::from(c) + 2 * 255) / 3) as u8;
    RGBColor(mix(color.0), mix(color.1), mix(color.2))
}

pub(super) fn draw_stash(
    c: &Canvas,
    input: &ChartInput,
    words: &dyn Words,
) -> Result<(), ChartError> {
    let now = input.now;
    c.rect(MARGIN, 790, RIGHT_EDGE, 792, GRID)?;
    c.text(
        &words.stash_heading(),
        MARGIN,
        860,
        HPos::Left,
        bold(34.0, INK),
    )?;

    let rows = rows(&input.stash, now);
    if rows.is_empty() {
        c.text(
            &words.nothing_stored(),
            MARGIN,
            930,
            HPos::Left,
            font(30.0, INK),
        )?;
        return c.text(
            &words.nothing_stored_hint(),
            MARGIN,
            976,
            HPos::Left,
            font(26.0, MUTED),
        );
    }

    let latest = rows
        .iter()
        .filter_map(|r| r.last)
        .map(|t| hours_left(t, now))
        .fold(0.0, f64::max);
    let end = time_axis_end(latest);
    let (x0, width) = (MARGIN, RIGHT_EDGE - MARGIN);

    let top = 930;
    let n = i32::try_from(rows.len()).unwrap_or(1).max(1);
    let row_h = ((HEIGHT as i32 - 40 - top) / n).min(84);
    let bottom = top + row_h * n;

    // Ticks: a light line down through the rows and a label above, skipping labels
    // that would run into the previous one.
    let tick_font = font(22.0, MUTED);
    let mut free_from = i32::MIN;
    for (hours, tick) in TIME_TICKS.iter().filter(|(h, _)| *h <= end) {
        let x = x0 + time_x(*hours, end, width);
        c.rect(x, top - 20, x + 2, bottom, GRID)?;
        let label = words.tick(*tick);
        let w = c.text_width(&label, tick_font);
        let left = (x - w / 2).clamp(x0, RIGHT_EDGE - w);
        if left >= free_from {
            c.text(&label, left, top - 30, HPos::Left, tick_font)?;
            free_from = left + w + 16;
        }
    }

    let unit = input.unit;
    for (i, row) in (0..).zip(&rows) {
        let y = top + i * row_h;
        let color = palette::place(row.place);
        let (label, whens, when_color) = row_texts(row, words, unit, now, input.tz);
        // The label on the left, the deadline on the right: shorter wording, then a
        // smaller font, when the two would run into each other.
        let fits = |lf: Font, wf: Font, when: &str| {
            c.text_width(&label, lf) + 24 + c.text_width(when, wf) <= width
        };
        let sizes = [(26.0, 24.0), (22.0, 22.0)];
        let choice = sizes
            .iter()
            .flat_map(|(l, w)| whens.iter().map(move |when| (*l, *w, when)))
            .find(|(l, w, when)| fits(font(*l, INK), font(*w, when_color), when));
        let (lsize, wsize, when) = match choice {
            Some((l, w, when)) => (l, w, Some(when)),
            None => (22.0, 22.0, whens.last()),
        };
        c.text(&label, x0, y + 28, HPos::Left, font(lsize, INK))?;
        if let Some(when) = when {
            c.text(
                when,
                RIGHT_EDGE,
                y + 28,
                HPos::Right,
                font(wsize, when_color),
            )?;
        }

        let (by0, by1) = (y + 38, y + 60);
        if let Some(first) = row.first {
            let solid = x0 + time_x(hours_left(first, now), end, width).max(6);
            c.rect(x0, by0, solid, by1, color)?;
            if let Some(last) = row.last.filter(|l| *l > first) {
                let far = x0 + time_x(hours_left(last, now), end, width);
                c.rect(solid, by0, far.max(solid), by1, faded(color))?;
            }
        }
        if row.expired > 0 {
            c.rect(x0, by0 - 4, x0 + 8, by1 + 4, WARN)?;
        }
    }
    Ok(())
}
