//! Draws laid-out pages with krilla. Each line of text is cut into its
//! bidi runs (the Unicode bidi algorithm, `unicode-bidi`) drawn left to
//! right in visual order, so Arabic or Hebrew reads right to left beside
//! Latin text; krilla shapes each run and maps its glyphs back to the text,
//! so the PDF's text can be searched and copied.

use super::font::{Fonts, Metrics};
use super::layout::{Op, Page, Rgb, PAGE_HEIGHT, PAGE_WIDTH};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla::Document;
use unicode_bidi::BidiInfo;

pub fn page(doc: &mut Document, fonts: &Fonts, metrics: &Metrics, page: Page) {
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid size");
    let mut pdf_page = doc.start_page_with(settings);
    let mut surface = pdf_page.surface();
    for op in page.ops {
        match op {
            Op::Rect { x, y, w, h, color } => {
                let Some(rect) = Rect::from_xywh(x, y, w, h) else {
                    continue;
                };
                let mut path = PathBuilder::new();
                path.push_rect(rect);
                if let Some(path) = path.finish() {
                    surface.set_fill(Some(fill(color)));
                    surface.draw_path(&path);
                }
            }
            Op::Text {
                x,
                y,
                size,
                weight,
                color,
                text,
                rtl,
            } => {
                surface.set_fill(Some(fill(color)));
                let mut x = x;
                for (run, rtl) in visual_runs(&text, rtl) {
                    let direction = if rtl {
                        TextDirection::RightToLeft
                    } else {
                        TextDirection::LeftToRight
                    };
                    // Each font's part of the run, in the order seen.
                    let mut parts = metrics.runs(run, weight);
                    if rtl {
                        parts.reverse();
                    }
                    for (range, source) in parts {
                        let part = &run[range];
                        let font = fonts.of(source, weight, metrics);
                        draw(
                            &mut surface,
                            Point::from_xy(x, y),
                            &font,
                            size,
                            part,
                            direction,
                        );
                        x += metrics.width(part, weight, size);
                    }
                }
            }
        }
    }
    surface.finish();
    pdf_page.finish();
}

fn draw(
    surface: &mut Surface,
    at: Point,
    font: &krilla::text::Font,
    size: f32,
    text: &str,
    direction: TextDirection,
) {
    surface.draw_text(at, font.clone(), size, text, false, direction);
}

/// A line's runs in the order they are seen, each with whether it reads
/// right to left; a line of a right-to-left paragraph keeps that
/// direction even when it starts with a Latin word.
fn visual_runs(text: &str, rtl: bool) -> Vec<(&str, bool)> {
    let level = rtl.then(unicode_bidi::Level::rtl);
    let info = BidiInfo::new(text, level);
    let mut out = Vec::new();
    for paragraph in &info.paragraphs {
        let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            out.push((&text[run], rtl));
        }
    }
    out
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::visual_runs;

    #[test]
    fn hebrew_beside_latin_makes_runs_in_visual_order() {
        let runs = visual_runs("abc עברית def", false);
        let texts: Vec<(&str, bool)> = runs.into_iter().collect();
        assert_eq!(texts, [("abc ", false), ("עברית", true), (" def", false)]);
    }

    #[test]
    fn a_line_of_a_right_to_left_paragraph_starts_on_the_right() {
        let runs = visual_runs("Paris היא עיר", true);
        assert_eq!(runs, [(" היא עיר", true), ("Paris", false)]);
    }
}
