//! Colours: calm, on white, distinguishable with the common colour-vision
//! deficiencies (left and right are the Okabe–Ito blue and orange).

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
