//! The `/stats` picture: one portrait PNG (1080 × 1620 px, legible on a phone) with
//! two panels. On top, milk expressed per local day over the last two weeks as bars
//! stacked by side (left, right, side not noted). Below, the stash on a timeline:
//! one bar per stored batch from now to its deadline, coloured by place, or one bar
//! per place when there are too many batches for a row each.
//!
//! Pure: data in, PNG bytes out. The font (DejaVu Sans) is compiled into the binary
//! and registered with plotters on first use, so nothing depends on system fonts.
//!
//! The stash timeline is compressed (logarithmic in the time left), so milk that
//! keeps for hours and milk that keeps for months both get a readable bar; the tick
//! labels ("6 h", "1 day", "1 week", ...) say how far each point is.

use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, PxScaleFont, ScaleFont};
use chrono::{DateTime, Datelike, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters::element::Rectangle;
use plotters::prelude::BitMapBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, register_font};

use crate::domain::stats::{self, DayTally, Session, StoredBatch};
use crate::domain::{Ml, Place, Unit};

/// Width of the picture in pixels.
pub const WIDTH: u32 = 1080;
/// Height of the picture in pixels.
pub const HEIGHT: u32 = 1620;
/// At most this many days are drawn (the newest ones).
pub const MAX_DAYS: usize = stats::SERIES_DAYS as usize;
/// Up to this many batches get a row each; more are grouped per place.
pub const MAX_ROWS: usize = 9;

/// Colours: calm, on white, distinguishable with the common colour-vision
/// deficiencies (left and right are the Okabe–Ito blue and orange).
mod palette {
    use plotters::style::RGBColor;

    pub const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
    pub const INK: RGBColor = RGBColor(0x2B, 0x2F, 0x36);
    pub const MUTED: RGBColor = RGBColor(0x6B, 0x72, 0x80);
    pub const GRID: RGBColor = RGBColor(0xE3, 0xE6, 0xEA);
    pub const WARN: RGBColor = RGBColor(0xB4, 0x3C, 0x1E);
    pub const LEFT: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const RIGHT: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const SIDE_NOT_NOTED: RGBColor = RGBColor(0xA7, 0xB3, 0xC2);

    /// The colour of a place on the stash timeline.
    pub fn place(place: crate::domain::Place) -> RGBColor {
        use crate::domain::Place::*;
        match place {
            Room => RGBColor(0xD5, 0x5E, 0x00),
            Cooler => RGBColor(0xCC, 0x79, 0xA7),
            Fridge => RGBColor(0x00, 0x9E, 0x73),
            IceBox => RGBColor(0x56, 0xB4, 0xE9),
            Freezer => RGBColor(0x2E, 0x4A, 0x7D),
            Thawing => RGBColor(0x6F, 0x8F, 0xC0),
            ThawedFridge => RGBColor(0x8E, 0x6B, 0xBF),
            ThawedRoom => RGBColor(0xC2, 0x7C, 0x3A),
            Leftover => RGBColor(0x8C, 0x8C, 0x8C),
        }
    }
}

use palette::{BACKGROUND, GRID, INK, LEFT, MUTED, RIGHT, SIDE_NOT_NOTED, WARN};

/// Everything the picture shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartInput {
    /// The heading, e.g. "Milk this fortnight".
    pub title: String,
    /// The family's unit: axis and bar labels use it, rounded like [`Ml::number`].
    pub unit: Unit,
    /// The family's timezone: day labels and deadlines are local.
    pub tz: Tz,
    pub now: DateTime<Utc>,
    /// Daily totals, normally [`stats::chart_series`]; only the newest
    /// [`MAX_DAYS`] are drawn, oldest on the left.
    pub days: Vec<DayTally>,
    /// Batches still in the stash, deadlines computed.
    pub stash: Vec<StoredBatch>,
}

impl ChartInput {
    /// Builds the input from raw sessions: the last 14 local days up to `now`.
    pub fn new(
        title: impl Into<String>,
        unit: Unit,
        tz: Tz,
        now: DateTime<Utc>,
        sessions: &[Session],
        stash: Vec<StoredBatch>,
    ) -> ChartInput {
        ChartInput {
            title: title.into(),
            unit,
            tz,
            now,
            days: stats::chart_series(sessions, tz, now),
            stash,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    #[error("the bundled font could not be loaded")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the PNG failed: {0}")]
    Encode(String),
}

const FONT: &str = "milkbot-sans";

/// The bundled faces, for measuring and placing text.
struct Faces {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

/// Loads the bundled font and registers it with plotters, once per process.
fn faces() -> Result<&'static Faces, ChartError> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            let regular: &'static [u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
            let bold: &'static [u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
            register_font(FONT, FontStyle::Normal, regular).ok()?;
            register_font(FONT, FontStyle::Bold, bold).ok()?;
            Some(Faces {
                regular: FontRef::try_from_slice(regular).ok()?,
                bold: FontRef::try_from_slice(bold).ok()?,
            })
        })
        .as_ref()
        .ok_or(ChartError::Font)
}

/// Draws the chart and returns it as PNG bytes.
pub fn render(input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    let faces = faces()?;
    let mut rgb = vec![0u8; WIDTH as usize * HEIGHT as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&BACKGROUND).map_err(draw_err)?;
        let canvas = Canvas { area: &root, faces };
        draw_header(&canvas, input)?;
        draw_days(&canvas, input)?;
        draw_stash(&canvas, input)?;
        root.present().map_err(draw_err)?;
    }
    encode(&rgb)
}

fn draw_err(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

fn encode(rgb: &[u8]) -> Result<Vec<u8>, ChartError> {
    let enc_err = |e: png::EncodingError| ChartError::Encode(e.to_string());
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header().map_err(enc_err)?;
        writer.write_image_data(rgb).map_err(enc_err)?;
        writer.finish().map_err(enc_err)?;
    }
    Ok(out)
}

/// A thin layer over the drawing area: text placed by its baseline, boxes by corners.
struct Canvas<'a, 'b> {
    area: &'a DrawingArea<BitMapBackend<'b>, Shift>,
    faces: &'static Faces,
}

#[derive(Clone, Copy)]
struct Font {
    size: f64,
    bold: bool,
    color: RGBColor,
}

const fn font(size: f64, color: RGBColor) -> Font {
    Font {
        size,
        bold: false,
        color,
    }
}

const fn bold(size: f64, color: RGBColor) -> Font {
    Font {
        size,
        bold: true,
        color,
    }
}

impl Canvas<'_, '_> {
    fn desc(f: Font) -> FontDesc<'static> {
        let style = if f.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FONT), f.size, style)
    }

    fn face(&self, f: Font) -> PxScaleFont<&'static FontRef<'static>> {
        let face = if f.bold {
            &self.faces.bold
        } else {
            &self.faces.regular
        };
        face.as_scaled(f.size as f32)
    }

    /// Draws `s` with its baseline at `baseline`, anchored at `x` by `h`.
    ///
    /// Glyphs are placed one by one: plotters' own line layout drops each glyph's
    /// side bearing, which leaves uneven gaps ("Righ t"). Each glyph is still drawn
    /// by plotters with the registered font.
    fn text(&self, s: &str, x: i32, baseline: i32, h: HPos, f: Font) -> Result<(), ChartError> {
        let face = self.face(f);
        let width = self.text_width(s, f);
        let start = match h {
            HPos::Left => x,
            HPos::Center => x - width / 2,
            HPos::Right => x - width,
        };
        let style = Self::desc(f)
            .color(&f.color)
            .pos(Pos::new(HPos::Left, VPos::Top));
        // With the ab_glyph backend, a top-anchored glyph has its baseline half the
        // font size below the anchor.
        let top = baseline - (f.size / 2.0).round() as i32;
        let mut pen = start as f32;
        let mut previous = None;
        let mut utf8 = [0u8; 4];
        for c in s.chars() {
            let id = face.glyph_id(c);
            if let Some(p) = previous {
                pen += face.kern(p, id);
            }
            previous = Some(id);
            // Plotters draws a lone glyph from the left edge of its pixel bounds.
            if let Some(outline) = face.outline_glyph(face.scaled_glyph(c)) {
                let left = pen.round() as i32 + outline.px_bounds().min.x as i32;
                self.area
                    .draw_text(c.encode_utf8(&mut utf8), &style, (left, top))
                    .map_err(draw_err)?;
            }
            pen += face.h_advance(id);
        }
        Ok(())
    }

    /// The advance width of `s` in pixels.
    fn text_width(&self, s: &str, f: Font) -> i32 {
        let face = self.face(f);
        let mut width = 0.0f32;
        let mut previous = None;
        for c in s.chars() {
            let id = face.glyph_id(c);
            if let Some(p) = previous {
                width += face.kern(p, id);
            }
            width += face.h_advance(id);
            previous = Some(id);
        }
        width.round() as i32
    }

    fn rect(&self, x0: i32, y0: i32, x1: i32, y1: i32, color: RGBColor) -> Result<(), ChartError> {
        if x1 <= x0 || y1 <= y0 {
            return Ok(());
        }
        // Plotters fills rectangles inclusive of both corners.
        self.area
            .draw(&Rectangle::new(
                [(x0, y0), (x1 - 1, y1 - 1)],
                color.filled(),
            ))
            .map_err(draw_err)
    }
}

const MARGIN: i32 = 48;
const RIGHT_EDGE: i32 = WIDTH as i32 - MARGIN;

fn draw_header(c: &Canvas, input: &ChartInput) -> Result<(), ChartError> {
    c.text(&input.title, MARGIN, 78, HPos::Left, bold(46.0, INK))?;
    let now = input.now.with_timezone(&input.tz);
    let asof = format!(
        "As of {} {} {}, {:02}:{:02}",
        weekday(now.weekday()),
        now.day(),
        month(now.month()),
        now.hour(),
        now.minute()
    );
    c.text(&asof, MARGIN, 122, HPos::Left, font(26.0, MUTED))
}

/// Two-letter weekday, as in "Mo 3".
fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mo",
        Weekday::Tue => "Tu",
        Weekday::Wed => "We",
        Weekday::Thu => "Th",
        Weekday::Fri => "Fr",
        Weekday::Sat => "Sa",
        Weekday::Sun => "Su",
    }
}

fn month(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// `ml` in `unit`, as a number for bar heights.
fn in_unit(ml: Ml, unit: Unit) -> f64 {
    match unit {
        Unit::Ml => f64::from(ml.get()),
        Unit::Oz => ml.as_oz(),
    }
}

/// A round step and top for a value axis reaching at least `max`: at most five steps
/// of 1, 2, 2.5 or 5 times a power of ten, never finer than whole millilitres or
/// tenths of an ounce.
fn nice_axis(max: f64, unit: Unit) -> (f64, f64) {
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
fn axis_number(v: f64) -> String {
    let tenths = (v * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}

fn draw_days(c: &Canvas, input: &ChartInput) -> Result<(), ChartError> {
    let unit = input.unit;
    let mut days = input.days.clone();
    days.sort_by_key(|d| d.date);
    let days = days
        .get(days.len().saturating_sub(MAX_DAYS)..)
        .unwrap_or(&[]);

    let heading = format!("Expressed per day ({})", unit.symbol());
    c.text(&heading, MARGIN, 190, HPos::Left, bold(34.0, INK))?;

    // Legend, only when some side was noted.
    let any_sides = days.iter().any(|d| d.tally.sides_known());
    let any_unknown = days.iter().any(|d| d.tally.unknown.get() > 0);
    if any_sides {
        let mut x = MARGIN;
        let mut items = vec![("Left", LEFT), ("Right", RIGHT)];
        if any_unknown {
            items.push(("Side not noted", SIDE_NOT_NOTED));
        }
        let f = font(26.0, INK);
        for (label, color) in items {
            c.rect(x, 214, x + 26, 240, color)?;
            c.text(label, x + 36, 237, HPos::Left, f)?;
            x += 36 + c.text_width(label, f) + 36;
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
            &axis_number(v),
            x0 - 14,
            y + 9,
            HPos::Right,
            font(24.0, MUTED),
        )?;
    }

    if days.is_empty() || max <= 0.0 {
        let mid = (x0 + x1) / 2;
        c.text(
            "No sessions logged in these two weeks yet",
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
            let label = t.total.number(unit);
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
            weekday(day.date.weekday()),
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

/// One line of the stash timeline: a batch, or every batch in one place.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Row {
    place: Place,
    amount: Ml,
    batches: u32,
    /// How many of them are past their deadline.
    expired: u32,
    /// The latest deadline already passed, if any.
    expired_at: Option<DateTime<Utc>>,
    /// The soonest and latest deadline still ahead, if any.
    first: Option<DateTime<Utc>>,
    last: Option<DateTime<Utc>>,
}

impl Row {
    fn of(batch: &StoredBatch, now: DateTime<Utc>) -> Row {
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

    fn join(self, other: Row) -> Row {
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

    fn sort_key(&self) -> (bool, Option<DateTime<Utc>>, Place) {
        // Expired first, then by the soonest deadline ahead.
        (self.expired == 0, self.first, self.place)
    }
}

/// The rows of the stash timeline: one per batch, or one per place past [`MAX_ROWS`].
fn rows(stash: &[StoredBatch], now: DateTime<Utc>) -> Vec<Row> {
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
fn row_texts(row: &Row, unit: Unit, now: DateTime<Utc>, tz: Tz) -> (String, Vec<String>, RGBColor) {
    let name = place_name(row.place);
    let amount = row.amount.display(unit);
    let label = match (row.batches, row.expired) {
        (1, _) => format!("{name} · {amount}"),
        (n, 0) => format!("{name} · {n} batches · {amount}"),
        (n, gone) => format!("{name} · {n} batches · {amount} · {gone} expired"),
    };
    let at = |t| deadline_label(t, now, tz);
    let (whens, color) = match (row.first, row.last, row.expired_at) {
        (Some(first), Some(last), _) if first != last => (
            vec![
                format!("{} to {}", at(first), at(last)),
                format!("to {}", at(last)),
            ],
            INK,
        ),
        (Some(first), _, _) => (vec![format!("until {}", at(first)), at(first)], INK),
        (None, _, Some(gone)) => (
            vec![format!("expired {}", at(gone)), "expired".to_string()],
            WARN,
        ),
        (None, _, None) => (Vec::new(), INK),
    };
    (label, whens, color)
}

/// What the parent calls each place.
fn place_name(place: Place) -> &'static str {
    match place {
        Place::Room => "Room",
        Place::Cooler => "Cooler bag",
        Place::Fridge => "Fridge",
        Place::IceBox => "Ice box",
        Place::Freezer => "Freezer",
        Place::Thawing => "Thawing",
        Place::ThawedFridge => "Thawed, fridge",
        Place::ThawedRoom => "Thawed, room",
        Place::Leftover => "Leftover",
    }
}

/// A deadline in local time: day and clock time when it is within a week of now,
/// day and month when further.
fn deadline_label(deadline: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let local = deadline.with_timezone(&tz);
    let near = (deadline - now).abs() < chrono::Duration::days(7);
    if near {
        format!(
            "{} {}, {:02}:{:02}",
            weekday(local.weekday()),
            local.day(),
            local.hour(),
            local.minute()
        )
    } else {
        format!("{} {}", local.day(), month(local.month()))
    }
}

/// Hours from `now` to `t`, never negative.
fn hours_left(t: DateTime<Utc>, now: DateTime<Utc>) -> f64 {
    ((t - now).num_seconds() as f64 / 3600.0).max(0.0)
}

/// Tick marks on the stash timeline, in hours.
const TIME_TICKS: [(f64, &str); 9] = [
    (0.0, "now"),
    (1.0, "1 h"),
    (6.0, "6 h"),
    (24.0, "1 day"),
    (48.0, "2 days"),
    (168.0, "1 week"),
    (720.0, "1 month"),
    (4392.0, "6 months"),
    (8784.0, "1 year"),
];

/// The end of the timeline, in hours: the next tick past the latest deadline
/// (at least two days), or the latest deadline itself beyond a year.
fn time_axis_end(latest_hours: f64) -> f64 {
    let wanted = latest_hours.max(48.0);
    TIME_TICKS
        .iter()
        .map(|(h, _)| *h)
        .find(|h| *h >= wanted)
        .unwrap_or(wanted)
}

/// Position of `hours` on a timeline `width` px wide ending at `end` hours.
fn time_x(hours: f64, end: f64, width: i32) -> i32 {
    let share = (1.0 + hours.max(0.0)).ln() / (1.0 + end.max(1.0)).ln();
    (share.clamp(0.0, 1.0) * f64::from(width)).round() as i32
}

/// `color` faded towards white.
fn faded(color: RGBColor) -> RGBColor {
    let mix = |c: u8| ((u16::from(c) + 2 * 255) / 3) as u8;
    RGBColor(mix(color.0), mix(color.1), mix(color.2))
}

fn draw_stash(c: &Canvas, input: &ChartInput) -> Result<(), ChartError> {
    let now = input.now;
    c.rect(MARGIN, 790, RIGHT_EDGE, 792, GRID)?;
    c.text("Stash: time left", MARGIN, 860, HPos::Left, bold(34.0, INK))?;

    let rows = rows(&input.stash, now);
    if rows.is_empty() {
        c.text(
            "Nothing stored right now.",
            MARGIN,
            930,
            HPos::Left,
            font(30.0, INK),
        )?;
        return c.text(
            "Milk you log will show up here with the time it has left.",
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
    for (hours, label) in TIME_TICKS.iter().filter(|(h, _)| *h <= end) {
        let x = x0 + time_x(*hours, end, width);
        c.rect(x, top - 20, x + 2, bottom, GRID)?;
        let w = c.text_width(label, tick_font);
        let left = (x - w / 2).clamp(x0, RIGHT_EDGE - w);
        if left >= free_from {
            c.text(label, left, top - 30, HPos::Left, tick_font)?;
            free_from = left + w + 16;
        }
    }

    let unit = input.unit;
    for (i, row) in (0..).zip(&rows) {
        let y = top + i * row_h;
        let color = palette::place(row.place);
        let (label, whens, when_color) = row_texts(row, unit, now, input.tz);
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use chrono_tz::Europe::London;
    use proptest::prelude::*;
    use std::collections::HashSet;

    struct Image {
        width: u32,
        height: u32,
        pixels: Vec<[u8; 3]>,
    }

    impl Image {
        fn decode(png_bytes: &[u8]) -> Image {
            let mut reader = png::Decoder::new(png_bytes).read_info().expect("a PNG");
            let mut buf = vec![0; reader.output_buffer_size()];
            let info = reader.next_frame(&mut buf).expect("one frame");
            assert_eq!(info.color_type, png::ColorType::Rgb);
            let pixels = buf[..info.buffer_size()]
                .chunks_exact(3)
                .map(|p| [p[0], p[1], p[2]])
                .collect();
            Image {
                width: info.width,
                height: info.height,
                pixels,
            }
        }

        fn count(&self, c: RGBColor) -> usize {
            self.pixels
                .iter()
                .filter(|p| **p == [c.0, c.1, c.2])
                .count()
        }

        fn distinct(&self) -> usize {
            self.pixels.iter().collect::<HashSet<_>>().len()
        }
    }

    fn now() -> DateTime<Utc> {
        // A Sunday afternoon in London (BST).
        Utc.with_ymd_and_hms(2026, 6, 14, 14, 30, 0).unwrap()
    }

    fn sessions(with_sides: bool) -> Vec<Session> {
        (0..14i64)
            .flat_map(|day| {
                (0..3i64).map(move |k| {
                    let amount = 60 + ((day * 37 + k * 23) % 90) as u32;
                    let (left, right) = if with_sides && k != 2 {
                        let l = amount * 11 / 20;
                        (Some(Ml(l)), Some(Ml(amount - l)))
                    } else {
                        (None, None)
                    };
                    Session {
                        expressed_at: now() - Duration::days(day) - Duration::hours(2 + 5 * k),
                        amount: Ml(amount),
                        left,
                        right,
                    }
                })
            })
            .collect()
    }

    fn batch(id: i64, place: Place, ml: u32, hours: i64) -> StoredBatch {
        StoredBatch {
            id,
            place,
            amount: Ml(ml),
            expressed_at: now() - Duration::hours(5),
            deadline: now() + Duration::hours(hours),
        }
    }

    fn small_stash() -> Vec<StoredBatch> {
        vec![
            batch(1, Place::Room, 90, 3),
            batch(2, Place::Fridge, 120, 50),
            batch(3, Place::Fridge, 100, 80),
            batch(4, Place::Freezer, 150, 24 * 150),
            batch(5, Place::IceBox, 110, 24 * 9),
            batch(6, Place::Fridge, 60, -2),
        ]
    }

    fn input(unit: Unit, with_sides: bool, stash: Vec<StoredBatch>) -> ChartInput {
        ChartInput::new(
            "Milk this fortnight",
            unit,
            London,
            now(),
            &sessions(with_sides),
            stash,
        )
    }

    #[test]
    fn a_full_chart_is_portrait_and_shows_both_sides() {
        let png = render(&input(Unit::Ml, true, small_stash())).unwrap();
        // Set MILKBOT_SAMPLE_CHART=path to look at it.
        if let Ok(path) = std::env::var("MILKBOT_SAMPLE_CHART") {
            std::fs::write(path, &png).unwrap();
        }
        let image = Image::decode(&png);
        assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
        assert!(image.distinct() > 100, "only {} colours", image.distinct());
        // Bars per side, and the third session of each day without sides.
        for color in [LEFT, RIGHT, SIDE_NOT_NOTED] {
            assert!(
                image.count(color) > 2000,
                "{color:?}: {}",
                image.count(color)
            );
        }
        // Stash bars in their place colours, and the expired marker.
        for place in [Place::Room, Place::Fridge, Place::Freezer, Place::IceBox] {
            assert!(image.count(palette::place(place)) > 500, "{place:?}");
        }
        assert!(image.count(WARN) > 100);
        assert_eq!(image.count(palette::place(Place::Cooler)), 0);
    }

    #[test]
    fn without_sides_there_are_no_side_colours() {
        let image = Image::decode(&render(&input(Unit::Oz, false, small_stash())).unwrap());
        assert_eq!(image.count(LEFT), 0);
        assert_eq!(image.count(RIGHT), 0);
        assert!(image.count(SIDE_NOT_NOTED) > 2000);
    }

    #[test]
    fn an_empty_input_still_renders() {
        let empty = ChartInput {
            title: "Milk".into(),
            unit: Unit::Ml,
            tz: London,
            now: now(),
            days: Vec::new(),
            stash: Vec::new(),
        };
        let image = Image::decode(&render(&empty).unwrap());
        assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
        // White with text and grid lines, but no bars.
        assert!(image.distinct() > 20);
        assert_eq!(image.count(SIDE_NOT_NOTED) + image.count(LEFT), 0);
        let white = image.count(BACKGROUND);
        assert!(white > image.pixels.len() * 9 / 10 && white < image.pixels.len());
    }

    #[test]
    fn many_batches_are_grouped_per_place() {
        let stash: Vec<StoredBatch> = (0..40)
            .map(|i| {
                let place = [Place::Freezer, Place::Fridge, Place::IceBox][i as usize % 3];
                batch(i, place, 100 + i as u32, 24 * (1 + i) - 30)
            })
            .collect();
        let rows = rows(&stash, now());
        // The freezer holds the one expired batch, so it comes first; then the
        // fridge, whose next deadline (batch 1, in 18 h) is sooner than the ice box's.
        assert_eq!(
            rows.iter().map(|r| r.place).collect::<Vec<_>>(),
            [Place::Freezer, Place::Fridge, Place::IceBox]
        );
        let freezer = rows[0];
        assert_eq!((freezer.batches, freezer.expired), (14, 1));
        // Batch 0 (deadline 6 h ago) expired; batch 3 is the next ahead, batch 39 the last.
        assert_eq!(freezer.expired_at, Some(now() - Duration::hours(6)));
        assert_eq!(freezer.first, Some(now() + Duration::hours(24 * 4 - 30)));
        assert_eq!(freezer.last, Some(now() + Duration::hours(24 * 40 - 30)));
        assert_eq!(
            (rows[1].batches, rows[1].expired, rows[2].batches),
            (13, 0, 13)
        );
        let total: u32 = rows.iter().map(|r| r.amount.get()).sum();
        assert_eq!(total, (0..40).map(|i| 100 + i).sum::<u32>());
        // It renders with the 40 batches too.
        let image = Image::decode(&render(&input(Unit::Ml, true, stash)).unwrap());
        assert!(image.count(palette::place(Place::Freezer)) > 500);
    }

    #[test]
    fn few_batches_get_a_row_each_expired_first() {
        let rows = rows(&small_stash(), now());
        let amounts: Vec<u32> = rows.iter().map(|r| r.amount.get()).collect();
        assert_eq!(amounts, [60, 90, 120, 100, 110, 150]);
        assert!(rows.iter().all(|r| r.batches == 1));
        assert_eq!(rows[0].expired, 1);
    }

    #[test]
    fn row_texts_shorten_in_steps() {
        let tz = London;
        let rows = rows(&small_stash(), now());
        let (label, whens, color) = row_texts(&rows[0], Unit::Ml, now(), tz);
        assert_eq!(label, "Fridge · 60 ml");
        assert_eq!(whens, ["expired Su 14, 13:30", "expired"]);
        assert_eq!(color, WARN);
        let (label, whens, color) = row_texts(&rows[2], Unit::Oz, now(), tz);
        assert_eq!(label, "Fridge · 4.1 oz");
        assert_eq!(whens, ["until Tu 16, 17:30", "Tu 16, 17:30"]);
        assert_eq!(color, INK);
        let group = rows[0].join(rows[2]).join(rows[5]);
        let (label, whens, _) = row_texts(&group, Unit::Ml, now(), tz);
        assert_eq!(label, "Fridge · 3 batches · 330 ml · 1 expired");
        assert_eq!(whens, ["Tu 16, 17:30 to 11 Nov", "to 11 Nov"]);
    }

    #[test]
    fn axes_are_round_and_cover_the_data() {
        assert_eq!(nice_axis(0.0, Unit::Ml), (20.0, 100.0));
        assert_eq!(nice_axis(1234.0, Unit::Ml), (250.0, 1250.0));
        assert_eq!(nice_axis(7.0, Unit::Ml), (2.0, 8.0));
        assert_eq!(nice_axis(0.0, Unit::Oz), (1.0, 4.0));
        assert_eq!(nice_axis(14.2, Unit::Oz), (5.0, 15.0));
        assert_eq!(nice_axis(0.3, Unit::Oz), (0.1, 0.30000000000000004));
        assert_eq!(axis_number(2.5), "2.5");
        assert_eq!(axis_number(0.30000000000000004), "0.3");
        assert_eq!(axis_number(1250.0), "1250");
    }

    #[test]
    fn the_timeline_is_compressed_but_ordered() {
        assert_eq!(time_axis_end(3.0), 48.0);
        assert_eq!(time_axis_end(100.0), 168.0);
        assert_eq!(time_axis_end(24.0 * 184.0), 8784.0);
        assert_eq!(time_axis_end(20_000.0), 20_000.0);
        let end = 4392.0;
        assert_eq!(time_x(0.0, end, 984), 0);
        assert_eq!(time_x(end, end, 984), 984);
        assert_eq!(time_x(-5.0, end, 984), 0);
        assert_eq!(time_x(1e9, end, 984), 984);
        let xs: Vec<i32> = [1.0, 6.0, 24.0, 168.0, 720.0]
            .map(|h| time_x(h, end, 984))
            .to_vec();
        assert!(xs.windows(2).all(|w| w[0] + 80 < w[1]), "{xs:?}");
    }

    #[test]
    fn deadlines_read_in_local_time() {
        // 13:00 UTC is 14:00 in London in June.
        let soon = Utc.with_ymd_and_hms(2026, 6, 16, 13, 0, 0).unwrap();
        assert_eq!(deadline_label(soon, now(), London), "Tu 16, 14:00");
        let far = Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap();
        assert_eq!(deadline_label(far, now(), chrono_tz::Asia::Tokyo), "2 Dec");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8))]
        #[test]
        fn any_input_renders(
            days in prop::collection::vec((any::<u32>(), any::<Option<u32>>(), any::<Option<u32>>()), 0..20),
            stash in prop::collection::vec((any::<u32>(), -100_000i64..100_000, 0usize..8), 0..30),
            oz in any::<bool>(),
            offset_days in -20_000i64..20_000,
        ) {
            let now = now() + Duration::days(offset_days);
            let sessions: Vec<Session> = (0..).zip(days).map(|(i, (ml, l, r))| Session {
                expressed_at: now - Duration::hours(i * 17),
                amount: Ml(ml),
                left: l.map(Ml),
                right: r.map(Ml),
            }).collect();
            let stash: Vec<StoredBatch> = (0..).zip(stash).map(|(id, (ml, h, p))| StoredBatch {
                id,
                place: Place::ALL.get(p).copied().unwrap_or(Place::Fridge),
                amount: Ml(ml),
                expressed_at: now,
                deadline: now + Duration::hours(h),
            }).collect();
            let unit = if oz { Unit::Oz } else { Unit::Ml };
            let input = ChartInput::new("Any", unit, London, now, &sessions, stash);
            let image = Image::decode(&render(&input).unwrap());
            prop_assert_eq!((image.width, image.height), (WIDTH, HEIGHT));
        }
    }
}
