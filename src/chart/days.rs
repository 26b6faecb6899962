//! The top panel: milk expressed per local day, stacked by side.

use chrono::Datelike;
use plotters::style::text_anchor::HPos;

use super::canvas::{Canvas, bold, font};
use super::palette::{GRID, INK, LEFT, MUTED, RIGHT, SIDE_NOT_NOTED};
use super::{ChartError, ChartInput, Legend, MARGIN, MAX_DAYS, RIGHT_EDGE, Words};
use crate::domain::stats;
use crate::domain::{Ml, Unit};

/// `ml` in `unit`, as a number for bar heights.
pub(super) fn in_unit(ml: Ml, unit: Unit) -> f64 {
    match unit {
        Unit::Ml => f64::from(ml.get()),
        Unit::Oz => ml.as_oz(),
    }
}

/// A round step and top for a value axis reaching at least `max`: at most five steps
/// of 1, 2, 2.5 or 5 times a power of ten, never finer than whole millilitres or
/// tenths of an ounce.
pub(super) fn nice_axis(max: f64, unit: Unit) -> (f64, f64) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        match unit {
            Unit::Ml => 100.0,
            Unit::Oz => 4.0,
        }
    };
    let target = max / 5.0;
    let magnitude = 10f64.powf(target.log10().floor());
    // A step of 2.5 needs one more decimal than the magnitude has.
    let quarter_ok = match unit {
        Unit::Ml => magnitude >= 10.0,
        Unit::Oz => magnitude >= 1.0,
    };
    let finest = match unit {
        Unit::Ml => 1.0,
        Unit::Oz => 0.1,
    };
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .filter(|m| *m != 2.5 || quarter_ok)
        .map(|m| m * magnitude)
        .find(|s| *s >= target)
        .unwrap_or(10.0 * magnitude)
        .max(finest);
    let top = (max / step).ceil() * step;
    (step, top)
}

/// An axis number: whole, or to one decimal when it has a fraction.
pub(super) fn axis_number(v: f64) -> String {
    let tenths = (v * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}

pub(super) fn draw_days(
    c: &Canvas,
    input: &ChartInput,
    words: &dyn Words,
) -> Result<(), ChartError> {
    let unit = input.unit;
    let mut days = input.days.clone();
    days.sort_by_key(|d| d.date);
    let days = days
        .get(days.len().saturating_sub(MAX_DAYS)..)
        .unwrap_or(&[]);

    let heading = words.per_day(unit);
    c.text(&heading, MARGIN, 190, HPos::Left, bold(34.0, INK))?;

    // Legend, only when some side was noted.
    let any_sides = days.iter().any(|d| d.tally.sides_known());
    let any_unknown = days.iter().any(|d| d.tally.unknown.get() > 0);
    if any_sides {
        let mut x = MARGIN;
        let mut items = vec![(Legend::Left, LEFT), (Legend::Right, RIGHT)];
        if any_unknown {
            items.push((Legend::SideNotNoted, SIDE_NOT_NOTED));
        }
        let f = font(26.0, INK);
        for (entry, color) in items {
            let label = words.legend(entry);
            c.rect(x, 214, x + 26, 240, color)?;
            c.text(&label, x + 36, 237, HPos::Left, f)?;
            x += 36 + c.text_width(&label, f) + 36;
        }
    }

    let (x0, x1, y0, y1) = (132, RIGHT_EDGE, 290, 700);
    let max = days
        .iter()
        .map(|d| in_unit(d.tally.total, unit))
        .fold(0.0, f64::max);
    let (step, top) = nice_axis(max, unit);
    let y_of = |v: f64| y1 - ((v / top) * f64::from(y1 - y0)).round() as i32;

    let ticks = ((top / step).round() as i32).clamp(1, 20);
    for k in 0..=ticks {
        let v = step * f64::from(k);
        let y = y_of(v);
        let color = if k == 0 { MUTED } else { GRID };
        c.rect(x0, y, x1, y + 2, color)?;
        c.text(
            &words.number(&axis_number(v)),
            x0 - 14,
            y + 9,
            HPos::Right,
            font(24.0, MUTED),
        )?;
    }

    if days.is_empty() || max <= 0.0 {
        let mid = (x0 + x1) / 2;
        c.text(
            &words.no_sessions(),
            mid,
            (y0 + y1) / 2,
            HPos::Center,
            font(28.0, MUTED),
        )?;
    }

    let n = i32::try_from(days.len()).unwrap_or(1).max(1);
    let slot = f64::from(x1 - x0) / f64::from(n);
    let bar = (slot * 0.66).round() as i32;
    let today = stats::local_date(input.now, input.tz);
    for (i, day) in (0..).zip(days) {
        let centre = x0 + (slot * (f64::from(i) + 0.5)).round() as i32;
        let (bx0, bx1) = (centre - bar / 2, centre - bar / 2 + bar);
        let t = day.tally;
        let mut below = 0.0;
        for (part, color) in [
            (t.left, LEFT),
            (t.right, RIGHT),
            (t.unknown, SIDE_NOT_NOTED),
        ] {
            let above = below + in_unit(part, unit);
            c.rect(bx0, y_of(above), bx1, y_of(below), color)?;
            below = above;
        }
        if t.total.get() > 0 {
            let label = words.number(&t.total.number(unit));
            c.text(
                &label,
                centre,
                y_of(below) - 10,
                HPos::Center,
                font(22.0, INK),
            )?;
        }
        let f = if day.date == today {
            bold(24.0, INK)
        } else {
            font(24.0, MUTED)
        };
        c.text(
            &words.weekday(day.date.weekday()),
            centre,
            y1 + 36,
            HPos::Center,
            f,
        )?;
        c.text(
            &day.date.day().to_string(),
            centre,
            y1 + 66,
            HPos::Center,
            f,
        )?;
    }
    Ok(())
}
