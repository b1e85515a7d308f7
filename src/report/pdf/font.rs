//! The embedded fonts (DejaVu Sans, regular and bold: Latin, Greek,
//! Cyrillic, Arabic, Hebrew and many symbols; licence in
//! `assets/fonts/LICENSE-DejaVu.txt`) and how wide a text is in them.
//! Only the glyphs a report uses are written to the PDF (krilla subsets).
//! A character DejaVu lacks is drawn with a font of this computer
//! (`fallback.rs`): a text is cut into runs, each with its font.

use super::fallback::{joins, Fallback};
use rustybuzz::{Face, UnicodeBuffer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

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

/// Which font draws a run: the embedded DejaVu, or the system face
/// `fallback.face(i)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Embedded,
    System(usize),
}

/// Both faces, parsed once per report, for measuring; the system's
/// fonts for what they lack.
pub struct Metrics {
    regular: Face<'static>,
    bold: Face<'static>,
    pub fallback: Fallback,
}

impl Metrics {
    pub fn new() -> Metrics {
        let parse = |w: Weight| Face::from_slice(w.bytes(), 0).expect("the embedded font parses");
        Metrics {
            regular: parse(Weight::Regular),
            bold: parse(Weight::Bold),
            fallback: Fallback::default(),
        }
    }

    fn embedded(&self, weight: Weight) -> &Face<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// `text` cut where its font changes: DejaVu where it has the glyph,
    /// else a system font that has it (DejaVu's box when none does);
    /// joiners and marks stay with the character before them.
    pub fn runs(&self, text: &str, weight: Weight) -> Vec<(Range<usize>, Source)> {
        let face = self.embedded(weight);
        let mut runs: Vec<(Range<usize>, Source)> = Vec::new();
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            let source = match runs.last() {
                Some((_, before)) if joins(c) => *before,
                _ if face.glyph_index(c).is_some() || c.is_whitespace() => Source::Embedded,
                _ => self
                    .fallback
                    .find(c)
                    .map_or(Source::Embedded, Source::System),
            };
            match runs.last_mut() {
                Some((range, before)) if *before == source => range.end = end,
                _ => runs.push((at..end, source)),
            }
        }
        runs
    }

    /// The advance of `text` at `size` points, shaped as krilla shapes it
    /// when drawing (kerning, ligatures, Arabic joining forms), so that a
    /// line measured to fit does fit.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.runs(text, weight)
            .into_iter()
            .map(|(range, source)| match source {
                Source::Embedded => advance(self.embedded(weight), &text[range], size),
                Source::System(i) => {
                    let f = self.fallback.face(i);
                    Face::from_slice(&f.data, f.index)
                        .map_or(0.0, |face| advance(&face, &text[range], size))
                }
            })
            .sum()
    }
}

/// The advance of `text` shaped in `face` at `size` points.
fn advance(face: &Face, text: &str, size: f32) -> f32 {
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

/// The faces as krilla embeds them, system ones loaded once each.
pub struct Fonts {
    pub regular: krilla::text::Font,
    pub bold: krilla::text::Font,
    system: RefCell<HashMap<usize, Option<krilla::text::Font>>>,
}

impl Fonts {
    pub fn new() -> Fonts {
        let load = |w: Weight| {
            krilla::text::Font::new(w.bytes().into(), 0).expect("the embedded font loads")
        };
        Fonts {
            regular: load(Weight::Regular),
            bold: load(Weight::Bold),
            system: RefCell::default(),
        }
    }

    /// The font of a run (see [`Metrics::runs`]).
    pub fn of(&self, source: Source, weight: Weight, metrics: &Metrics) -> krilla::text::Font {
        let Source::System(i) = source else {
            return self.get(weight);
        };
        let mut system = self.system.borrow_mut();
        let font = system.entry(i).or_insert_with(|| {
            let f = metrics.fallback.face(i);
            krilla::text::Font::new(f.data.into(), f.index)
        });
        font.clone().unwrap_or_else(|| self.get(weight))
    }

    pub fn get(&self, weight: Weight) -> krilla::text::Font {
        match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        }
    }
}
