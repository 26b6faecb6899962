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

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use plotters::drawing::IntoDrawingArea;
use plotters::prelude::BitMapBackend;
use plotters::style::text_anchor::HPos;

use crate::domain::Unit;
use crate::domain::stats::{self, DayTally, Session, StoredBatch};

mod canvas;
mod days;
mod palette;
mod stash;
#[cfg(test)]
mod tests;
mod words;

use canvas::{Canvas, bold, draw_err, faces, font};
use days::draw_days;
use palette::{BACKGROUND, INK, MUTED};
use stash::draw_stash;
pub use words::{Legend, Tick, Words};

/// Width of the picture in pixels.
pub const WIDTH: u32 = 1080;
/// Height of the picture in pixels.
pub const HEIGHT: u32 = 1620;
/// At most this many days are drawn (the newest ones).
pub const MAX_DAYS: usize = stats::SERIES_DAYS as usize;
/// Up to this many batches get a row each; more are grouped per place.
pub const MAX_ROWS: usize = 9;

/// Everything the picture shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartInput {
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
        unit: Unit,
        tz: Tz,
        now: DateTime<Utc>,
        sessions: &[Session],
        stash: Vec<StoredBatch>,
    ) -> ChartInput {
        ChartInput {
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

/// Draws the chart, worded by `words`, and returns it as PNG bytes.
pub fn render(input: &ChartInput, words: &dyn Words) -> Result<Vec<u8>, ChartError> {
    let faces = faces()?;
    let mut rgb = vec![0u8; WIDTH as usize * HEIGHT as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&BACKGROUND).map_err(draw_err)?;
        let canvas = Canvas { area: &root, faces };
        draw_header(&canvas, input, words)?;
        draw_days(&canvas, input, words)?;
        draw_stash(&canvas, input, words)?;
        root.present().map_err(draw_err)?;
    }
    encode(&rgb)
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

const MARGIN: i32 = 48;
const RIGHT_EDGE: i32 = WIDTH as i32 - MARGIN;

fn draw_header(c: &Canvas, input: &ChartInput, words: &dyn Words) -> Result<(), ChartError> {
    c.text(&words.title(), MARGIN, 78, HPos::Left, bold(46.0, INK))?;
    let now = input.now.with_timezone(&input.tz).naive_local();
    c.text(
        &words.as_of(now),
        MARGIN,
        122,
        HPos::Left,
        font(26.0, MUTED),
    )
}
