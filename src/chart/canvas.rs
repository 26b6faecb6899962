//! Text and boxes on the picture: the bundled font, glyphs placed one by one.

use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, PxScaleFont, ScaleFont};
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::Rectangle;
use plotters::prelude::BitMapBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, register_font};

use super::ChartError;

pub(super) const FONT: &str = "milkbot-sans";

/// The bundled faces, for measuring and placing text.
pub(super) struct Faces {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

/// Loads the bundled font and registers it with plotters, once per process.
pub(super) fn faces() -> Result<&'static Faces, ChartError> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            let regular: &'static [u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
            let bold: &'static [u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
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

pub(super) fn draw_err(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// A thin layer over the drawing area: text placed by its baseline, boxes by corners.
pub(super) struct Canvas<'a, 'b> {
    pub(super) area: &'a DrawingArea<BitMapBackend<'b>, Shift>,
    pub(super) faces: &'static Faces,
}

#[derive(Clone, Copy)]
pub(super) struct Font {
    size: f64,
    bold: bool,
    color: RGBColor,
}

pub(super) const fn font(size: f64, color: RGBColor) -> Font {
    Font {
        size,
        bold: false,
        color,
    }
}

pub(super) const fn bold(size: f64, color: RGBColor) -> Font {
    Font {
        size,
        bold: true,
        color,
    }
}

impl Canvas<'_, '_> {
    pub(super) fn desc(f: Font) -> FontDesc<'static> {
        let style = if f.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FONT), f.size, style)
    }

    pub(super) fn face(&self, f: Font) -> PxScaleFont<&'static FontRef<'static>> {
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
    pub(super) fn text(
        &self,
        s: &str,
        x: i32,
        baseline: i32,
        h: HPos,
        f: Font,
    ) -> Result<(), ChartError> {
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
    pub(super) fn text_width(&self, s: &str, f: Font) -> i32 {
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

    pub(super) fn rect(
        &self,
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        color: RGBColor,
    ) -> Result<(), ChartError> {
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
