//! The embedded fonts (DejaVu Sans, regular and bold: Latin, Greek,
//! Cyrillic, Arabic, Hebrew and many symbols; licence in
//! `assets/fonts/LICENSE-DejaVu.txt`) and how wide a text is in them.
//! Only the glyphs a report uses are written to the PDF (krilla subsets).

use rustybuzz::{Face, UnicodeBuffer};

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }
}

/// Both faces, parsed once per report, for measuring.
pub struct Metrics {
    regular: Face<'static>,
    bold: Face<'static>,
}

impl Metrics {
    pub fn new() -> Metrics {
        let parse = |w: Weight| Face::from_slice(w.bytes(), 0).expect("the embedded font parses");
        Metrics {
            regular: parse(Weight::Regular),
            bold: parse(Weight::Bold),
        }
    }

    /// The advance of `text` at `size` points, shaped as krilla shapes it
    /// when drawing (kerning, ligatures, Arabic joining forms), so that a
    /// line measured to fit does fit.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let face = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i64 = shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        units as f32 * size / face.units_per_em() as f32
    }
}

/// The faces as krilla embeds them.
pub struct Fonts {
    pub regular: krilla::text::Font,
    pub bold: krilla::text::Font,
}

impl Fonts {
    pub fn new() -> Fonts {
        let load = |w: Weight| {
            krilla::text::Font::new(w.bytes().into(), 0).expect("the embedded font loads")
        };
        Fonts {
            regular: load(Weight::Regular),
            bold: load(Weight::Bold),
        }
    }

    pub fn get(&self, weight: Weight) -> krilla::text::Font {
        match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        }
    }
}
